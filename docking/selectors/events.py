"""Reads of docking events: the public list, one event's registrations with what they
bring, its slots and the free ones of two organizations, pre-matched pairs of a
registration (explanations labelled for display), and meetings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from catalog.models import ListingStatus, Product, ResearchResult
from challenges.models import Call, CallKind, CallStatus
from directories.selectors.recommendations import explanations_for_display

from ..models import (
    DockingEvent,
    DockingEventStatus,
    Meeting,
    MeetingSeat,
    MeetingStatus,
    PrematchPair,
    Registration,
)

__all__ = [
    "PairView",
    "event_list",
    "event_meetings",
    "event_registrations",
    "event_slots",
    "free_slots",
    "meetings_of_registration",
    "offerable_demands",
    "offerable_products",
    "offerable_results",
    "pairs_of_registration",
]


def event_list(*, include_drafts_of=None) -> QuerySet[DockingEvent]:
    """Events anyone may see (not drafts), the next first; ``include_drafts_of``: also the
    drafts of this organizer (None: no drafts), or ``True`` for every draft."""
    events = DockingEvent.objects.select_related("organizer")
    visible = ~Q(status=DockingEventStatus.DRAFT)
    if include_drafts_of is True:
        visible = Q()
    elif include_drafts_of is not None:
        visible |= Q(organizer=include_drafts_of)
    return events.filter(visible).order_by("-starts_at", "-pk")


def event_registrations(event: DockingEvent) -> QuerySet[Registration]:
    """The registrations with what each brings (published items only), in a constant
    number of queries."""
    from django.db.models import Prefetch

    return (
        Registration.objects.filter(event=event)
        .select_related("organization")
        .prefetch_related(
            Prefetch(
                "results", queryset=ResearchResult.objects.filter(status=ListingStatus.PUBLISHED)
            ),
            Prefetch("products", queryset=Product.objects.filter(status=ListingStatus.PUBLISHED)),
            Prefetch("demands", queryset=Call.objects.filter(status=CallStatus.PUBLISHED)),
        )
        .order_by("created_at", "pk")
    )


def event_slots(event: DockingEvent) -> list[datetime]:
    """The meeting slots: from the start, every ``slot_minutes``, each ending by the end."""
    step = timedelta(minutes=event.slot_minutes)
    slots = []
    start = event.starts_at
    while start + step <= event.ends_at:
        slots.append(start)
        start += step
    return slots


def free_slots(event: DockingEvent, *organizations, now=None) -> list[datetime]:
    """The slots still to come in which none of ``organizations`` holds a seat."""
    now = now or timezone.now()
    taken = set(
        MeetingSeat.objects.filter(event=event, organization__in=organizations).values_list(
            "starts_at", flat=True
        )
    )
    return [slot for slot in event_slots(event) if slot > now and slot not in taken]


@dataclass
class PairView:
    counterpart: Registration
    score: float
    why: dict | None = None
    free: list[datetime] = field(default_factory=list)


def pairs_of_registration(registration: Registration) -> list[PairView]:
    """The registration's pre-matched counterparts, best first, with the explanation ready
    for ``portal/_match_why.html``."""
    pairs = (
        PrematchPair.objects.filter(Q(first=registration) | Q(second=registration))
        .select_related("first__organization", "second__organization")
        .order_by("-score", "pk")
    )
    views = []
    for pair in pairs:
        counterpart = pair.second if pair.first_id == registration.pk else pair.first
        views.append(PairView(counterpart=counterpart, score=pair.score, why=pair.explanation))
    for view, why in zip(views, explanations_for_display(v.why for v in views), strict=True):
        view.why = why
    return views


def _meetings(event: DockingEvent) -> QuerySet[Meeting]:
    return Meeting.objects.filter(event=event).select_related(
        "requester__organization", "invitee__organization", "decided_by", "requested_by"
    )


def event_meetings(event: DockingEvent) -> QuerySet[Meeting]:
    return _meetings(event).order_by("starts_at", "pk")


def meetings_of_registration(registration: Registration) -> QuerySet[Meeting]:
    return (
        _meetings(registration.event)
        .filter(Q(requester=registration) | Q(invitee=registration))
        .order_by("starts_at", "pk")
    )


def offerable_results(organization) -> QuerySet[ResearchResult]:
    return ResearchResult.objects.filter(
        organization=organization, status=ListingStatus.PUBLISHED
    ).order_by("title")


def offerable_products(organization) -> QuerySet[Product]:
    return Product.objects.filter(
        organization=organization, status=ListingStatus.PUBLISHED
    ).order_by("title")


def offerable_demands(organization) -> QuerySet[Call]:
    """The organization's open R&D demands it may bring to an event under its name: not
    the anonymous ones (measure 十三: the event would tell who issued them)."""
    return Call.objects.filter(
        issuer=organization, kind=CallKind.RND_DEMAND, status=CallStatus.PUBLISHED, anonymous=False
    ).order_by("title")


# Meetings holding a slot are listed with the others; this names them for templates.
HOLDING = (MeetingStatus.REQUESTED, MeetingStatus.ACCEPTED)
