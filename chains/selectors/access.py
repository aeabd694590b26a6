"""Reads of access requests: an organization's requests both ways, the one pending for a
resource, counts for a resource's owner, a request's history, the workspace summary."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from accounts.models import Organization
from catalog.models import OpenResource

from ..models import AccessRequest, AccessRequestEvent, AccessStatus

__all__ = [
    "ACCESS_OPEN_STATUSES",
    "ACCESS_SIDES",
    "AccessSummary",
    "access_request_events",
    "access_requests_of",
    "access_requests_open_count",
    "access_summary",
    "open_access_request",
]

# A request still waiting for an answer, from the owner or from the requester.
ACCESS_OPEN_STATUSES = (AccessStatus.REQUESTED, AccessStatus.DATES_PROPOSED)
# The two lists of an organization: what it asked for, what was asked of it.
ACCESS_SIDES = ("sent", "received")
SUMMARY_ROWS = 5


def access_requests_of(
    organization: Organization, *, side: str, status: str = "", resource_id: int | None = None
) -> QuerySet[AccessRequest]:
    """The organization's requests (``side="sent"``) or those to its resources
    (``"received"``), newest first, filtered by status and resource."""
    if side == "sent":
        requests = AccessRequest.objects.filter(requester=organization)
    else:
        requests = AccessRequest.objects.filter(resource__organization=organization)
    if status:
        requests = requests.filter(status=status)
    if resource_id is not None:
        requests = requests.filter(resource_id=resource_id)
    return requests.select_related("resource__organization", "requester", "requested_by")


def open_access_request(organization: Organization, resource: OpenResource) -> AccessRequest | None:
    """The organization's request for the resource still waiting for an answer, if any."""
    return (
        AccessRequest.objects.filter(
            requester=organization, resource=resource, status__in=ACCESS_OPEN_STATUSES
        )
        .order_by("created_at")
        .first()
    )


def access_requests_open_count(resource: OpenResource) -> int:
    """How many requests for the resource wait for an answer (either side's)."""
    return AccessRequest.objects.filter(resource=resource, status__in=ACCESS_OPEN_STATUSES).count()


def access_request_events(access_request: AccessRequest) -> list[AccessRequestEvent]:
    """The request's history, oldest first."""
    return list(access_request.events.select_related("actor").order_by("created_at", "pk"))


@dataclass(frozen=True)
class AccessSummary:
    """What the workspace shows: requests waiting, both ways, the newest few of each."""

    received: list[AccessRequest]
    received_open: int
    sent: list[AccessRequest]
    sent_open: int
    any_received: bool
    any_sent: bool

    def __bool__(self) -> bool:
        return self.any_received or self.any_sent


def access_summary(organization: Organization) -> AccessSummary:
    received = access_requests_of(organization, side="received")
    sent = access_requests_of(organization, side="sent")
    received_open = received.filter(status__in=ACCESS_OPEN_STATUSES)
    sent_open = sent.filter(status__in=ACCESS_OPEN_STATUSES)
    return AccessSummary(
        received=list(received_open[:SUMMARY_ROWS]),
        received_open=received_open.count(),
        sent=list(sent_open[:SUMMARY_ROWS]),
        sent_open=sent_open.count(),
        any_received=received.exists(),
        any_sent=sent.exists(),
    )
