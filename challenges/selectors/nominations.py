"""Reads for nomination by recommending units (measure 十三) and for competition results
(以赛促创): quotas with their use, a unit's workspace, an application's nominations, the
results an issuer may carry into an invitation."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from accounts.models import Organization

from ..models import (
    PUBLIC_CALL_STATUSES,
    Application,
    Call,
    CallStatus,
    CompetitionResult,
    Invitation,
    Nomination,
    NominationEvent,
    NominationQuota,
    NominationStatus,
)

RECENT_RESULTS = 30


def quotas_of_call(call: Call) -> list[NominationQuota]:
    """The call's recommending units, each with ``used`` (nominated so far)."""
    return list(
        NominationQuota.objects.filter(call=call)
        .select_related("unit")
        .annotate(
            used=Count(
                "unit__nominations",
                filter=Q(
                    unit__nominations__application__call=call,
                    unit__nominations__status=NominationStatus.NOMINATED,
                ),
            )
        )
        .order_by("unit__name", "pk")
    )


@dataclass
class UnitCall:
    """One call a unit recommends to: its quota, how many are used, its nominations."""

    quota: NominationQuota
    used: int = 0
    nominations: list[Nomination] = field(default_factory=list)

    @property
    def call(self) -> Call:
        return self.quota.call

    @property
    def pending(self) -> int:
        return sum(1 for n in self.nominations if n.status == NominationStatus.PENDING)


def unit_workspace(unit: Organization) -> list[UnitCall]:
    """Every call ``unit`` recommends to, newest first, with the applications submitted
    through this unit only (never another unit's), in two queries."""
    # Calls the public has seen (a draft or one under review is the issuer's own business).
    published = Q(call__status__in=PUBLIC_CALL_STATUSES) | Q(
        call__status=CallStatus.WITHDRAWN, call__published_at__isnull=False
    )
    quotas = list(
        NominationQuota.objects.filter(published, unit=unit)
        .select_related("call", "call__issuer")
        .order_by("-call__deadline", "-pk")
    )
    entries = {quota.call_id: UnitCall(quota) for quota in quotas}
    for nomination in (
        Nomination.objects.filter(unit=unit, application__call_id__in=list(entries))
        .select_related("application", "application__applicant", "decided_by")
        .order_by("status", "-created_at", "-pk")
    ):
        entry = entries[nomination.application.call_id]
        entry.nominations.append(nomination)
        if nomination.status == NominationStatus.NOMINATED:
            entry.used += 1
    return list(entries.values())


def is_recommending_unit(organization: Organization | None) -> bool:
    if organization is None:
        return False
    return NominationQuota.objects.filter(unit=organization).exists()


def nominations_of(application: Application) -> list[Nomination]:
    """An application's nominations (the live one and earlier returned ones), newest
    first, each with its events."""
    return list(
        application.nominations.select_related("unit", "decided_by").prefetch_related(
            Prefetch("events", queryset=NominationEvent.objects.select_related("actor"))
        )
    )


def live_nomination(application: Application) -> Nomination | None:
    return (
        application.nominations.filter(
            status__in=[NominationStatus.PENDING, NominationStatus.NOMINATED]
        )
        .select_related("unit")
        .first()
    )


# --- competition results (以赛促创) ---------------------------------------------------------


def result_by_code(code: str) -> CompetitionResult | None:
    return (
        CompetitionResult.objects.select_related(
            "call", "call__issuer", "application", "application__applicant"
        )
        .filter(code=code.strip().upper())
        .first()
    )


def results_of_call(call: Call) -> list[CompetitionResult]:
    return list(call.competition_results.select_related("application__applicant"))


def results_to_invite(call: Call) -> list[CompetitionResult]:
    """Recent results of other competitions in related fields (a chain node or the
    industry in common), best ranked first, for an issuer inviting finalists."""
    related = Q(call__chain_nodes__in=call.chain_nodes.all())
    if call.industry_id:
        related |= Q(call__industry_id=call.industry_id)
    invited = Invitation.objects.filter(call=call).values("organization_id")
    return list(
        CompetitionResult.objects.filter(related)
        .exclude(call=call)
        .exclude(application__applicant_id=call.issuer_id)
        .exclude(application__applicant_id__in=invited)
        .filter(call__status__in=[CallStatus.AWARDED, CallStatus.IN_PROGRESS, CallStatus.ACCEPTED])
        .select_related("call", "application__applicant")
        .distinct()
        .order_by("-created_at", "rank")[:RECENT_RESULTS]
    )


def carried_results(call: Call) -> dict[int, CompetitionResult]:
    """The competition result each invited organization carries into ``call``, by
    organization id (for the issuer's list of applications)."""
    return {
        invitation.organization_id: invitation.competition_result
        for invitation in Invitation.objects.filter(
            call=call, competition_result__isnull=False
        ).select_related("competition_result", "competition_result__call")
    }


def invitation_with_result(call: Call, organization: Organization | None) -> Invitation | None:
    if organization is None:
        return None
    return (
        Invitation.objects.filter(
            call=call, organization=organization, competition_result__isnull=False
        )
        .select_related("competition_result", "competition_result__call")
        .first()
    )
