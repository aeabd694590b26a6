"""Reads of interests, handshakes and deals: an organization's interests both ways, the
one still running for a target, an interest's history, the workspace's summary."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from accounts.models import Organization

from ..models import Interest, InterestEvent, InterestStatus
from ..rules import OPEN_INTEREST_STATUSES, target_type_of

__all__ = [
    "INTEREST_SIDES",
    "InterestSummary",
    "interest_events",
    "interests_of",
    "interests_of_target",
    "interests_summary",
    "open_interest",
]

# "sent": what the organization asked of others; "received": what others asked of it.
INTEREST_SIDES = ("sent", "received")

# How many interests of each side the workspace lists.
SUMMARY_SIZE = 5


def _with_targets(interests: QuerySet) -> QuerySet:
    return interests.select_related(
        "requester", "owner", "result", "product", "resource", "call", "deal"
    )


def interests_of(organization: Organization, *, side: str, status: str = "") -> QuerySet:
    """The organization's interests: ``sent`` (it is interested) or ``received`` (in its
    listings and demands), newest first, optionally of one status."""
    if side == "received":
        interests = Interest.objects.filter(owner=organization)
    else:
        interests = Interest.objects.filter(requester=organization)
    if status:
        interests = interests.filter(status=status)
    return _with_targets(interests)


def interests_of_target(target) -> QuerySet:
    """Every interest in one listing or demand."""
    return Interest.objects.filter(**{target_type_of(target): target})


def open_interest(organization: Organization | None, target) -> Interest | None:
    """The organization's interest in the target still running (pending, accepted or
    negotiating), if any."""
    if organization is None:
        return None
    return (
        interests_of_target(target)
        .filter(requester=organization, status__in=OPEN_INTEREST_STATUSES)
        .order_by("created_at")
        .first()
    )


def interest_events(interest: Interest) -> QuerySet:
    return InterestEvent.objects.filter(interest=interest).select_related("actor")


@dataclass
class InterestSummary:
    """The workspace's view: interests waiting for the organization's answer (received,
    pending) and its own still running (sent), with the counts."""

    received: list = field(default_factory=list)
    sent: list = field(default_factory=list)
    received_pending: int = 0
    sent_open: int = 0

    def __bool__(self) -> bool:
        return bool(self.received_pending or self.sent_open)


def interests_summary(organization: Organization) -> InterestSummary:
    received = interests_of(organization, side="received", status=InterestStatus.PENDING)
    sent = interests_of(organization, side="sent").filter(status__in=OPEN_INTEREST_STATUSES)
    return InterestSummary(
        received=list(received[:SUMMARY_SIZE]),
        sent=list(sent[:SUMMARY_SIZE]),
        received_pending=received.count(),
        sent_open=sent.count(),
    )
