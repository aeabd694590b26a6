"""Scores: the rubric, the ranking of a call's applications with their breakdowns, and
the score sheets a viewer may read."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from accounts.models import OrganizationKind, QualificationLevel

from .. import rules
from ..models import (
    Application,
    Assignment,
    AssignmentStatus,
    BonusCondition,
    BonusRule,
    Call,
    ConsortiumPartner,
    Criterion,
    PartnerStatus,
    Score,
)
from ..scoring import ApplicantFacts, BonusSpec, CriterionSpec, Ranked, compute_score, rank
from .centres import PRIORITY_LEVELS
from .reviews import scored_applications


def rubric_with_shares(call: Call) -> list[Criterion]:
    """The call's criteria, each with ``rubric_weight``: the total weight of its rubric
    (the call's, or its round's in a competition), so pages show a weight as a share."""
    criteria = list(call.criteria.select_related("round"))
    totals: dict[int | None, Decimal] = {}
    for criterion in criteria:
        totals[criterion.round_id] = totals.get(criterion.round_id, Decimal("0")) + criterion.weight
    for criterion in criteria:
        criterion.rubric_weight = totals[criterion.round_id]
    return criteria


def _criteria_specs(call: Call, round_id: int | None) -> list[CriterionSpec]:
    criteria = Criterion.objects.filter(call=call)
    if call.uses_rounds:
        criteria = criteria.filter(round_id=round_id)
    return [CriterionSpec(c.pk, c.name, c.weight, c.max_score) for c in criteria]


def _bonus_specs(call: Call) -> list[BonusSpec]:
    return [
        BonusSpec(rule.condition, rule.points, str(rule.get_condition_display()))
        for rule in BonusRule.objects.filter(call=call)
    ]


def lead_qualification_evidence(application: Application) -> str:
    """Say which qualification the lead applicant held when it submitted, with the
    verified certificate's batch, year and issuer when one proved it ("" if none)."""
    level = application.lead_qualification_level
    if level not in (QualificationLevel.NATIONAL, QualificationLevel.PROVINCIAL):
        return ""
    if level == QualificationLevel.NATIONAL:
        held = _("Lead applicant was a national little giant (小巨人) when it submitted")
    else:
        held = _("Lead applicant was a provincial SRDI (专精特新) SME when it submitted")
    if application.lead_qualification_year is None:
        return held
    return _("%(held)s (%(batch)s, %(year)s, %(issuer)s)") % {
        "held": held,
        "batch": application.lead_qualification_batch,
        "year": application.lead_qualification_year,
        "issuer": application.lead_qualification_issuer,
    }


def _facts(application: Application, institution_partners: dict[int, list[str]]) -> ApplicantFacts:
    """The facts bonus rules look at, as frozen when the application was submitted."""
    level = application.lead_qualification_level or QualificationLevel.NONE
    partners = institution_partners.get(application.pk, [])
    evidence = {}
    if level == QualificationLevel.NATIONAL:
        evidence[BonusCondition.LEAD_LITTLE_GIANT] = lead_qualification_evidence(application)
    if level == QualificationLevel.PROVINCIAL:
        evidence[BonusCondition.LEAD_PROVINCIAL] = lead_qualification_evidence(application)
    if partners:
        evidence[BonusCondition.WITH_INSTITUTION] = _(
            "Consortium partner %(names)s was a university or research institute when the "
            "application was submitted"
        ) % {"names": "、".join(partners)}
    return ApplicantFacts(
        lead_qualification=level,
        has_institution_partner=bool(partners),
        evidence=evidence,
    )


def call_ranking(call: Call, *, round_id: int | None = None) -> list[Ranked]:
    """Score and rank the applications the panel scores, in a fixed number of queries.

    Only submitted score sheets count.
    """
    round_id = round_id or call.current_round_id
    applications = list(scored_applications(call))
    criteria = _criteria_specs(call, round_id)
    bonuses = _bonus_specs(call)
    sheets: dict[int, dict[int, dict]] = {}
    scores = Score.objects.filter(
        assignment__application__in=applications,
        assignment__status=AssignmentStatus.SUBMITTED,
    )
    if call.uses_rounds:
        scores = scores.filter(assignment__round_id=round_id)
    for application_id, assignment_id, criterion_id, value in scores.values_list(
        "assignment__application_id", "assignment_id", "criterion_id", "value"
    ):
        sheets.setdefault(application_id, {}).setdefault(assignment_id, {})[criterion_id] = value
    institution_partners: dict[int, list[str]] = {}
    for application_id, name in ConsortiumPartner.objects.filter(
        application__in=applications,
        status=PartnerStatus.CONFIRMED,
        organization_kind__in=[OrganizationKind.UNIVERSITY, OrganizationKind.INSTITUTE],
    ).values_list("application_id", "organization__name"):
        institution_partners.setdefault(application_id, []).append(name)
    entries = [
        (
            application,
            compute_score(
                criteria,
                sheets.get(application.pk, {}).values(),
                bonuses,
                _facts(application, institution_partners),
            ),
            application.submitted_at,
        )
        for application in applications
    ]
    # An innovation centre's call ranks specialised firms first at an equal total.
    priority = frozenset(
        a for a in applications if call.centre_id and a.lead_qualification_level in PRIORITY_LEVELS
    )
    return rank(entries, priority=priority)


def application_breakdown(application: Application):
    """The score breakdown of one application (submitted sheets of its current round)."""
    for ranked in call_ranking(application.call):
        if ranked.key.pk == application.pk:
            return ranked
    return None


def visible_sheets(user, application: Application) -> list[Assignment]:
    """The score sheets of an application this user may read.

    The expert sees their own; other experts' sheets only once the panel has closed;
    handlers and administrators see all.
    """
    sheets = application.assignments.select_related("expert__user", "round").prefetch_related(
        Prefetch("scores", queryset=Score.objects.select_related("criterion"))
    )
    if rules.can_see_all_scores(user, application.call):
        return list(sheets)
    expert = getattr(user, "expert", None)
    if expert is None:
        return []
    return [sheet for sheet in sheets if sheet.expert_id == expert.pk]
