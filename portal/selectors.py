"""Reads that gather several apps for the portal pages.

The dashboard's reads each run a fixed number of queries whatever the amount of data: counts
are aggregates or correlated subqueries, lists are sliced, and per-row facts (a panel's sheets,
a call's open questions) are annotations, never a query per row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import (
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts import rules as account_rules
from accounts.models import (
    QUALIFICATION_RANK,
    Organization,
    Qualification,
    QualificationLevel,
    QualificationStatus,
    VerificationStatus,
)
from catalog import selectors as catalog_selectors
from catalog.models import ListingStatus, OpenResource, Product, ResearchResult
from challenges import rules as call_rules
from challenges.conditions import MIN_REVIEWS
from challenges.models import (
    PUBLIC_CALL_STATUSES,
    Application,
    ApplicationStatus,
    Assignment,
    AssignmentStatus,
    Call,
    CallKind,
    CallStatus,
    ConsortiumPartner,
    Milestone,
    MilestoneStatus,
    Objection,
    ObjectionStatus,
    PartnerStatus,
    Question,
)


def organization_counts() -> dict[str, int]:
    """Return verified organizations in total, by qualification, and universities/institutes."""
    return Organization.objects.filter(verification_status=VerificationStatus.VERIFIED).aggregate(
        organizations=Count("pk"),
        little_giants=Count("pk", filter=Q(qualification_level=QualificationLevel.NATIONAL)),
        provincial=Count("pk", filter=Q(qualification_level=QualificationLevel.PROVINCIAL)),
        institutions=Count("pk", filter=Q(kind__in=["university", "institute"])),
    )


def call_counts() -> dict[str, int]:
    """Return public calls in total and those open for applications now."""
    return Call.objects.filter(status__in=PUBLIC_CALL_STATUSES).aggregate(
        calls=Count("pk"),
        open_calls=Count("pk", filter=Q(status=CallStatus.PUBLISHED, deadline__gt=timezone.now())),
    )


def _count(queryset: QuerySet, group_by: str) -> Coalesce:
    """A correlated ``COUNT(*)`` of ``queryset`` (filtered on an ``OuterRef``), 0 when empty."""
    counted = queryset.order_by().values(group_by).annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


# --- administrators and government departments ----------------------------------------------


def review_queue_counts(*, with_calls: bool) -> dict[str, int]:
    """Return how many items wait in each administrators' queue; the calls awaiting
    publication only ``with_calls`` (administrators review calls, departments do not)."""
    counts = {
        "organizations": Organization.objects.filter(
            verification_status=VerificationStatus.PENDING
        ).count(),
        "qualifications": Qualification.objects.filter(status=QualificationStatus.PENDING).count(),
        "listings": sum(
            model.objects.filter(status=ListingStatus.PENDING_REVIEW).count()
            for model in (Product, ResearchResult, OpenResource)
        ),
        "objections": Objection.objects.filter(status=ObjectionStatus.OPEN).count(),
    }
    if with_calls:
        counts["calls"] = Call.objects.filter(status=CallStatus.PENDING_REVIEW).count()
    return counts


# Calls that reached an award, whatever happened to the work since.
AWARDED_CALL_STATUSES = (CallStatus.AWARDED, CallStatus.IN_PROGRESS, CallStatus.ACCEPTED)


def month_start(now: datetime | None = None) -> datetime:
    """Return midnight of the first day of the current month, in the active time zone."""
    local = timezone.localtime(now or timezone.now())
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def platform_figures() -> dict[str, int]:
    """Return the key figures of the platform for those who oversee it.

    Applications count by submission date (a withdrawn one was still submitted that month).
    """
    now = timezone.now()
    calls = Call.objects.aggregate(
        open_calls=Count("pk", filter=Q(status=CallStatus.PUBLISHED, deadline__gt=now)),
        awarded_calls=Count("pk", filter=Q(status__in=AWARDED_CALL_STATUSES)),
    )
    return {
        **organization_counts(),
        **catalog_selectors.catalog_counts(),
        **calls,
        "applications_this_month": Application.objects.filter(
            submitted_at__gte=month_start(now)
        ).count(),
    }


# --- experts ----------------------------------------------------------------------------------


def _in_current_round(round_: str, current_round: str) -> Q:
    """Rows whose round is their call's current round, or both empty (calls without rounds)."""
    return Q(**{f"{round_}__isnull": True, f"{current_round}__isnull": True}) | Q(
        **{round_: F(current_round)}
    )


def due_score_sheets(expert, *, limit: int = 10) -> tuple[list[Assignment], int]:
    """Return the expert's score sheets still to submit (oldest first, at most ``limit``) and
    how many there are.

    A sheet is due while the call is under evaluation, its panel open, and (in a competition)
    in the current round. Each sheet carries its panel's state: ``panel_submitted`` of
    ``panel_size`` sheets (recused experts left out) are in.
    """
    current = _in_current_round("round", "application__call__current_round")
    panel = Assignment.objects.filter(current, application=OuterRef("application"))
    sheets = (
        Assignment.objects.filter(
            current,
            expert=expert,
            status=AssignmentStatus.ASSIGNED,
            application__call__status=CallStatus.EVALUATING,
            application__call__panel_closed_at__isnull=True,
        )
        .select_related("application__call", "application__applicant", "round")
        .annotate(
            panel_submitted=_count(panel.filter(status=AssignmentStatus.SUBMITTED), "application"),
            panel_size=_count(panel.exclude(status=AssignmentStatus.RECUSED), "application"),
        )
        .order_by("assigned_at", "pk")
    )
    return list(sheets[:limit]), sheets.count()


def submitted_sheet_count(expert) -> int:
    return Assignment.objects.filter(expert=expert, status=AssignmentStatus.SUBMITTED).count()


# --- applicants -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CallForYou:
    call: Call
    # Calendar days until the deadline's day, in the active time zone: 0 closes today.
    days_left: int


def calls_for_organization(
    organization: Organization, *, limit: int = 5, now: datetime | None = None
) -> tuple[list[CallForYou], int]:
    """Return the open calls the organization may apply to and has not applied to yet,
    nearest deadline first (at most ``limit``), and how many there are.

    ``challenges.rules.eligibility_problems`` decides; the database only leaves out what it
    would refuse anyway (own calls, calls needing a higher qualification, calls applied to).
    """
    now = now or timezone.now()
    rank = QUALIFICATION_RANK[organization.qualification_level]
    reachable = [level for level, value in QUALIFICATION_RANK.items() if value <= rank]
    applied = Application.objects.filter(applicant=organization).exclude(
        status=ApplicationStatus.WITHDRAWN
    )
    calls = (
        Call.objects.filter(
            status=CallStatus.PUBLISHED, deadline__gt=now, min_qualification__in=reachable
        )
        .exclude(issuer=organization)
        .exclude(pk__in=applied.values("call_id"))
        .select_related("issuer")
        .order_by("deadline", "pk")
    )
    eligible = [c for c in calls if not call_rules.eligibility_problems(organization, c)]
    today = timezone.localdate(now)
    return [
        CallForYou(c, (timezone.localdate(c.deadline) - today).days) for c in eligible[:limit]
    ], len(eligible)


# The calls in which a won application still has work ahead.
_WORK_AHEAD = (CallStatus.PUBLICITY, CallStatus.AWARDED, CallStatus.IN_PROGRESS)


def live_applications(organization: Organization, *, limit: int = 10) -> list[Application]:
    """Return the organization's applications still under way, most recently changed first:
    drafts and those in the running, and won ones whose work is not finished."""
    return list(
        Application.objects.filter(applicant=organization)
        .filter(
            Q(
                status__in=[
                    ApplicationStatus.DRAFT,
                    ApplicationStatus.NOMINATION,
                    ApplicationStatus.SUBMITTED,
                    ApplicationStatus.ELIGIBLE,
                    ApplicationStatus.SHORTLISTED,
                ]
            )
            | Q(status=ApplicationStatus.AWARDED, call__status__in=_WORK_AHEAD)
        )
        .select_related("call", "call__issuer")
        .order_by("-updated_at", "-pk")[:limit]
    )


def invitations_awaiting_answer(organization: Organization) -> list[ConsortiumPartner]:
    """Return consortium invitations the organization has not answered, on applications
    still being prepared or considered."""
    return list(
        ConsortiumPartner.objects.filter(
            organization=organization,
            status=PartnerStatus.INVITED,
            application__status__in=[ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED],
        )
        .select_related("application__call", "application__applicant")
        .order_by("pk")
    )


# --- issuers ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class IssuerStep:
    """One thing a call's handlers should do next, and the workspace tab where it is done."""

    action: str
    tab: str
    count: int = 0

    @property
    def label(self) -> str:
        if self.action == "questions":
            return ngettext(
                "Answer %(count)d clarification question",
                "Answer %(count)d clarification questions",
                self.count,
            ) % {"count": self.count}
        if self.action == "milestones_reported":
            return ngettext(
                "Review %(count)d reported milestone",
                "Review %(count)d reported milestones",
                self.count,
            ) % {"count": self.count}
        return {
            "finish_draft": _("Finish the call and submit it for review"),
            "fix_rejected": _("Fix what the reviewer asked for and submit again"),
            "evaluate": _("Applications are closed: start the evaluation"),
            "close_panel": _("Every application has its reviews: close the expert panel"),
            "announce": _("Propose the winners and announce the results"),
            "milestones": _("Agree milestones with the winners, then start the work"),
            "final_acceptance": _("Every milestone is accepted: give the final acceptance"),
        }[self.action]


@dataclass(frozen=True)
class IssuerTask:
    call: Call
    steps: list[IssuerStep] = field(default_factory=list)


def _panels_ready(call_ids: list[int]) -> set[int]:
    """Return the calls among ``call_ids`` whose open panel could close: every application
    it scores has at least ``MIN_REVIEWS`` submitted sheets in the current round (one query;
    the same condition as ``challenges.conditions.panel_close_problems``)."""
    if not call_ids:
        return set()
    scored = (
        Application.objects.filter(
            call__in=call_ids,
            status__in=[ApplicationStatus.ELIGIBLE, ApplicationStatus.SHORTLISTED],
        )
        .filter(~Q(call__kind=CallKind.COMPETITION) | Q(current_round=F("call__current_round")))
        .annotate(
            done=Count(
                "assignments",
                filter=Q(assignments__status=AssignmentStatus.SUBMITTED)
                & _in_current_round("assignments__round", "call__current_round"),
            )
        )
        .values_list("call_id", "done")
    )
    ready: dict[int, bool] = {}
    for call_id, done in scored:
        ready[call_id] = ready.get(call_id, True) and done >= MIN_REVIEWS
    return {call_id for call_id, is_ready in ready.items() if is_ready}


def issuer_tasks(user, organization: Organization) -> tuple[list[IssuerTask], bool]:
    """Return the calls of the organization this user handles that need their action, with
    the next steps, and whether the user handles any call at all.

    The organization's administrators handle all its calls; other members the calls naming
    them. Two queries for the calls, one more when some panel is under way.
    """
    calls = Call.objects.filter(issuer=organization)
    if not account_rules.is_org_admin(user, organization):
        calls = calls.filter(handlers=user)
    handles_any = calls.exists()
    if not handles_any:
        return [], False
    calls = (
        calls.annotate(
            open_questions=_count(Question.objects.filter(call=OuterRef("pk"), answer=""), "call"),
            reported_milestones=_count(
                Milestone.objects.filter(
                    application__call=OuterRef("pk"), status=MilestoneStatus.SUBMITTED
                ),
                "application__call",
            ),
            unaccepted_milestones=_count(
                Milestone.objects.filter(
                    application__call=OuterRef("pk"),
                    application__status=ApplicationStatus.AWARDED,
                ).exclude(status=MilestoneStatus.ACCEPTED),
                "application__call",
            ),
        )
        .filter(
            Q(
                status__in=[
                    CallStatus.DRAFT,
                    CallStatus.REJECTED,
                    CallStatus.CLOSED,
                    CallStatus.EVALUATING,
                    CallStatus.AWARDED,
                ]
            )
            | Q(open_questions__gt=0)
            | Q(reported_milestones__gt=0)
            | Q(status=CallStatus.IN_PROGRESS, unaccepted_milestones=0)
        )
        .order_by("-updated_at", "-pk")
    )
    calls = list(calls)
    ready = _panels_ready(
        [c.pk for c in calls if c.status == CallStatus.EVALUATING and not c.is_panel_closed]
    )
    tasks = []
    for call in calls:
        steps = _steps(call, panel_ready=call.pk in ready)
        if steps:
            tasks.append(IssuerTask(call, steps))
    return tasks, True


def _steps(call: Call, *, panel_ready: bool) -> list[IssuerStep]:
    steps = []
    if call.status == CallStatus.DRAFT:
        steps.append(IssuerStep("finish_draft", "overview"))
    elif call.status == CallStatus.REJECTED:
        steps.append(IssuerStep("fix_rejected", "overview"))
    elif call.status == CallStatus.CLOSED:
        steps.append(IssuerStep("evaluate", "applications"))
    elif call.status == CallStatus.EVALUATING and call.is_panel_closed:
        steps.append(IssuerStep("announce", "applications"))
    elif call.status == CallStatus.EVALUATING and panel_ready:
        steps.append(IssuerStep("close_panel", "scores"))
    elif call.status == CallStatus.AWARDED:
        steps.append(IssuerStep("milestones", "milestones"))
    if call.reported_milestones:
        steps.append(IssuerStep("milestones_reported", "milestones", call.reported_milestones))
    elif call.status == CallStatus.IN_PROGRESS and call.unaccepted_milestones == 0:
        steps.append(IssuerStep("final_acceptance", "milestones"))
    if call.open_questions:
        steps.append(IssuerStep("questions", "questions", call.open_questions))
    return steps
