"""What differs between kinds of call: who may issue, who may apply, which steps are used.

One engine runs every kind (DESIGN.md §3); this table is the only place the kinds differ.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from accounts.models import OrganizationKind as K
from accounts.models import QualificationLevel

from .models import BonusCondition, CallKind

ENTERPRISES = frozenset({K.LEAD, K.LARGE, K.SME})
INSTITUTIONS = frozenset({K.UNIVERSITY, K.INSTITUTE})


@dataclass(frozen=True)
class KindPolicy:
    issuer_kinds: frozenset[str]
    applicant_kinds: frozenset[str]
    measure: str
    description: object
    uses_rounds: bool = False
    requires_product: bool = False
    # The application names the user firm (应用单位) that tries the product first.
    names_user_firm: bool = False
    allows_consortium: bool = True
    min_qualification: str = QualificationLevel.NONE
    default_bonus: tuple[tuple[str, str], ...] = ()


POLICIES: dict[str, KindPolicy] = {
    CallKind.CHALLENGE: KindPolicy(
        issuer_kinds=frozenset({K.LEAD, K.LARGE, K.UNIVERSITY}),
        applicant_kinds=frozenset({K.SME, K.UNIVERSITY, K.INSTITUTE, K.LEAD, K.LARGE}),
        measure="十三",
        description=_(
            "A lead enterprise posts a technical problem; SMEs, institutes and consortia "
            "take it up; one or several winners (horse race) are funded."
        ),
    ),
    CallKind.COMPETITION: KindPolicy(
        issuer_kinds=frozenset({K.GOVERNMENT, K.LEAD, K.LARGE}),
        applicant_kinds=frozenset({K.SME, K.UNIVERSITY, K.INSTITUTE, K.LEAD, K.LARGE}),
        measure="十三",
        description=_(
            "A competition in rounds (e.g. preliminary, semi-final, final); the best "
            "applications advance and are ranked."
        ),
        uses_rounds=True,
    ),
    CallKind.RND_DEMAND: KindPolicy(
        issuer_kinds=frozenset({K.SME}),
        applicant_kinds=INSTITUTIONS,
        measure="十五",
        description=_(
            "An SME's R&D demand, taken up by universities and research institutes "
            "(two-way matching of measure 15)."
        ),
    ),
    CallKind.VERIFICATION: KindPolicy(
        issuer_kinds=frozenset({K.GOVERNMENT, K.LEAD, K.LARGE}),
        applicant_kinds=frozenset({K.SME}),
        measure="十一",
        description=_(
            "An engineering application verification project: a user firm tries an SME "
            "product first; passing acceptance records a verified first use on the product."
        ),
        requires_product=True,
        names_user_firm=True,
        allows_consortium=False,
    ),
    CallKind.DEMONSTRATION: KindPolicy(
        issuer_kinds=frozenset({K.GOVERNMENT}),
        applicant_kinds=frozenset({K.SME}),
        measure="十",
        description=_(
            "A one-stop (一条龙) demonstration application of key products and processes "
            "along an industrial chain, for little giants."
        ),
        min_qualification=QualificationLevel.NATIONAL,
    ),
    CallKind.SELECTION: KindPolicy(
        issuer_kinds=frozenset({K.GOVERNMENT}),
        applicant_kinds=frozenset({K.SME, K.LEAD, K.LARGE, K.UNIVERSITY, K.INSTITUTE}),
        measure="十四",
        description=_(
            "Project selection or innovation-centre participation; applications led by a "
            "little giant get bonus points."
        ),
        default_bonus=((BonusCondition.LEAD_LITTLE_GIANT, "5"),),
    ),
}


def policy(kind: str) -> KindPolicy:
    return POLICIES[kind]


def issuable_kinds(organization_kind: str) -> list[str]:
    """Return the kinds of call an organization of this kind may issue."""
    return [kind for kind, rules in POLICIES.items() if organization_kind in rules.issuer_kinds]
