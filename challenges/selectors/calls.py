"""Reads of calls: the public list, an issuer's calls, followed calls, invitations, the
review queue, questions and the timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Case, Count, F, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from accounts import rules as account_rules
from accounts.models import Organization
from catalog.models import ChainNode

from .. import rules
from ..models import (
    PUBLIC_CALL_STATUSES,
    Application,
    ApplicationStatus,
    Call,
    CallFollow,
    CallStatus,
    Invitation,
    Objection,
    ObjectionStatus,
    Question,
)


@dataclass(frozen=True)
class CallFilters:
    query: str = ""
    kind: str = ""
    status: str = ""
    chain: str = ""
    node: int | None = None
    province: str = ""
    open_only: bool = False
    closing_soon: bool = False
    eligible_for: Organization | None = None


def call_list_public(filters: CallFilters) -> QuerySet[Call]:
    """Return the calls anyone may see, filtered: the open ones first (published, deadline
    not passed), soonest deadline first; then the others, newest first."""
    calls = Call.objects.filter(status__in=PUBLIC_CALL_STATUSES)
    if filters.query:
        calls = calls.filter(
            Q(title__icontains=filters.query)
            | Q(summary__icontains=filters.query)
            # An anonymous call is found by its label, never by its issuer's name.
            | Q(issuer__name__icontains=filters.query, anonymous=False)
            | Q(anonymous_label__icontains=filters.query, anonymous=True)
        )
    if filters.kind:
        calls = calls.filter(kind=filters.kind)
    if filters.status:
        calls = calls.filter(status=filters.status)
    if filters.node:
        nodes = ChainNode.objects.filter(Q(pk=filters.node) | Q(parent_id=filters.node))
        calls = calls.filter(pk__in=Call.objects.filter(chain_nodes__in=nodes).values("pk"))
    elif filters.chain:
        calls = calls.filter(
            pk__in=Call.objects.filter(chain_nodes__chain__slug=filters.chain).values("pk")
        )
    if filters.province:
        # Calls open to that province: nationwide ones or those listing it.
        calls = calls.filter(
            Q(eligible_provinces=[]) | Q(pk__in=_calls_listing_province(filters.province))
        )
    now = timezone.now()
    if filters.open_only or filters.closing_soon:
        calls = calls.filter(status=CallStatus.PUBLISHED, deadline__gt=now)
    if filters.closing_soon:
        calls = calls.filter(deadline__lte=now + timedelta(days=7))
    calls = calls.select_related("issuer").prefetch_related(
        Prefetch("chain_nodes", queryset=ChainNode.objects.select_related("chain"))
    )
    calls = _open_first(calls, now)
    if filters.eligible_for is not None:
        organization = filters.eligible_for
        return [c for c in calls if not rules.eligibility_problems(organization, c)]
    return calls


def _open_first(calls: QuerySet[Call], now) -> QuerySet[Call]:
    """Order open calls first by their deadline, then the others newest first."""
    is_open = Q(status=CallStatus.PUBLISHED, deadline__gt=now)
    return calls.annotate(
        closed_rank=Case(
            When(is_open, then=Value(0)), default=Value(1), output_field=IntegerField()
        ),
        open_deadline=Case(When(is_open, then=F("deadline")), default=None),
    ).order_by(
        "closed_rank",
        F("open_deadline").asc(nulls_last=True),
        F("published_at").desc(nulls_last=True),
        "-pk",
    )


def _calls_listing_province(province: str) -> list[int]:
    # JSON containment is not portable to SQLite; the list of open calls is small.
    return [
        pk
        for pk, provinces in Call.objects.filter(status__in=PUBLIC_CALL_STATUSES)
        .exclude(eligible_provinces=[])
        .values_list("pk", "eligible_provinces")
        if province in provinces
    ]


# An application the issuer has received and that is still in the running.
_NOT_RECEIVED = [ApplicationStatus.DRAFT, ApplicationStatus.NOMINATION, ApplicationStatus.WITHDRAWN]


def calls_of_issuer(organization: Organization) -> QuerySet[Call]:
    return (
        Call.objects.filter(issuer=organization)
        .annotate(
            live_applications=Count(
                "applications",
                filter=Q(applications__submitted_at__isnull=False)
                & ~Q(applications__status__in=_NOT_RECEIVED),
            )
        )
        .order_by("-updated_at")
    )


def live_application_count(call_id: int) -> int:
    """Return how many applications the call's issuer has received and not seen withdrawn
    (the count ``calls_of_issuer`` shows)."""
    return (
        Application.objects.filter(call_id=call_id, submitted_at__isnull=False)
        .exclude(status__in=_NOT_RECEIVED)
        .count()
    )


def followed_calls(user) -> QuerySet[CallFollow]:
    """The calls a user follows, each with its issuer, most recently followed first."""
    return (
        CallFollow.objects.filter(user=user)
        .select_related("call", "call__issuer")
        .order_by("-created_at", "-pk")
    )


def invitation_for(user, call: Call) -> Invitation | None:
    """The invitation of the viewer's organization to the call, if the issuer sent one."""
    organization = account_rules.organization_of(user)
    if organization is None:
        return None
    return Invitation.objects.filter(call=call, organization=organization).first()


def call_review_queue() -> QuerySet[Call]:
    return (
        Call.objects.filter(status=CallStatus.PENDING_REVIEW)
        .select_related("issuer", "created_by")
        .order_by("updated_at")
    )


def open_objections() -> QuerySet[Objection]:
    return (
        Objection.objects.filter(status=ObjectionStatus.OPEN)
        .select_related("call", "filed_by")
        .order_by("created_at")
    )


def published_questions(call: Call) -> list[Question]:
    """Answered questions, without who asked."""
    return list(call.questions.exclude(answer="").only("call_id", "text", "answer", "answered_at"))


def call_timeline(user, call: Call):
    events = call.events.select_related("actor")
    if not rules.call_roles(user, call):
        events = events.filter(is_public=True)
    return list(events)


def can_apply_summary(user, call: Call) -> dict:
    """What the call page says to this visitor about applying."""
    organization = account_rules.organization_of(user)
    existing = None
    if organization is not None:
        existing = (
            call.applications.filter(applicant=organization)
            .exclude(status=ApplicationStatus.WITHDRAWN)
            .first()
        )
    return {
        "organization": organization,
        "existing": existing,
        "problems": rules.eligibility_problems(organization, call) if call.is_open else [],
    }
