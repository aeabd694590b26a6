"""Reads of the registry: the list of centres with its filters, a centre's members by role,
and the participants its calls brought in."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from reference.regions import Province

from ..models import CentreLevel, CentreMember, InnovationCentre, MemberRole

# The longest filter text kept from the query string.
QUERY_LENGTH = 60


@dataclass(frozen=True)
class CentreFilters:
    level: str = ""
    province: str = ""
    query: str = ""

    @classmethod
    def from_querydict(cls, params) -> CentreFilters:
        """Read the filters from a query string; unknown values are ignored."""
        level = params.get("level", "")
        province = params.get("province", "")
        return cls(
            level=level if level in CentreLevel.values else "",
            province=province if province in Province.values else "",
            query=(params.get("q", "") or "").strip()[:QUERY_LENGTH],
        )


def centre_list(filters: CentreFilters, *, include_inactive: bool = False) -> QuerySet:
    """The centres of the registry under ``filters`` (by name), each with its member count."""
    centres = InnovationCentre.objects.select_related("operator").annotate(
        member_count=Count("members")
    )
    if not include_inactive:
        centres = centres.filter(is_active=True)
    if filters.level:
        centres = centres.filter(level=filters.level)
    if filters.province:
        centres = centres.filter(province=filters.province)
    if filters.query:
        centres = centres.filter(
            Q(field__icontains=filters.query)
            | Q(name__icontains=filters.query)
            | Q(description__icontains=filters.query)
        )
    return centres.order_by("name")


def members_by_role(centre: InnovationCentre) -> list[tuple[str, str, list[CentreMember]]]:
    """The centre's members grouped by role (founders, members, participants): the role,
    its label, and its members, in one query."""
    members = list(
        centre.members.select_related("organization").order_by(
            "joined_on", "organization__name", "pk"
        )
    )
    return [
        (role, label, [m for m in members if m.role == role]) for role, label in MemberRole.choices
    ]


def participants_added() -> QuerySet:
    """Memberships that participation calls brought in (project participants of a call)."""
    return CentreMember.objects.filter(role=MemberRole.PARTICIPANT, via_call__isnull=False)


def centre_participant_count(centre: InnovationCentre) -> int:
    return participants_added().filter(centre=centre).count()
