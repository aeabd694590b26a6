"""Docking events (供需对接会, measure 十五): a government department or the platform runs an
event; enterprises, universities and institutes register with the results, products and R&D
demands they bring; matching pre-pairs the registrations, with explanations; participants
request 1:1 meetings in time slots, the invited side accepts or declines, either side
cancels; after the event each side records how its meeting went.

A slot is never double-booked: a requested or accepted meeting holds a ``MeetingSeat`` for
each of its two organizations, and the seats' unique constraint (event, organization, slot)
refuses the second booking even when two requests race (PostgreSQL test in
tests/integration/test_meeting_double_booking.py).
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from accounts.rules import is_member, organization_of
from challenges.models import Call
from challenges.selectors import members_of
from core.exceptions import InvalidState, NotAllowed
from directories.selectors.recommendations import explanation_of
from notifications.services import notify
from search.engines.base import EngineUnavailable
from search.matching import MatchSource, find_matches
from workflow import MoveServices, apply

from .. import rules
from ..models import (
    DockingEvent,
    DockingEventChange,
    DockingEventStatus,
    Meeting,
    MeetingOutcome,
    MeetingSeat,
    MeetingStatus,
    PrematchPair,
    Registration,
)
from ..selectors.events import (
    event_slots,
    offerable_demands,
    offerable_products,
    offerable_results,
)
from ..transitions import DOCKING_EVENT_TRANSITIONS, MEETING_TRANSITIONS

__all__ = [
    "EVENT_MOVES",
    "MEETING_MOVES",
    "event_close",
    "event_create",
    "event_finish",
    "event_open",
    "event_prematch",
    "event_update",
    "meeting_accept",
    "meeting_cancel",
    "meeting_decline",
    "meeting_outcome_record",
    "meeting_request",
    "registration_save",
]

TEXT_LIMIT = 2000
# Counterparts kept per registration by pre-matching.
PREMATCH_LIMIT = 5

EVENT_MOVES = MoveServices(DOCKING_EVENT_TRANSITIONS)
MEETING_MOVES = MoveServices(MEETING_TRANSITIONS)

EVENT_FIELDS = (
    "title",
    "theme",
    "starts_at",
    "ends_at",
    "place",
    "online_url",
    "slot_minutes",
    "registration_closes_at",
)

MESSAGES = {
    "requested": gettext_noop(
        "%(requester)s asks %(invitee)s for a meeting at %(slot)s during %(event)s"
    ),
    "accept": gettext_noop("%(invitee)s accepted the meeting with %(requester)s at %(slot)s"),
    "decline": gettext_noop("%(invitee)s declined the meeting with %(requester)s at %(slot)s"),
    "cancel": gettext_noop(
        "The meeting of %(requester)s and %(invitee)s at %(slot)s was cancelled"
    ),
}


def _event_url(event: DockingEvent) -> str:
    return reverse("docking:event_detail", args=[event.pk])


def _check_text(text: str, *, field: str, required: bool = False, message: str = "") -> str:
    text = (text or "").strip()
    if required and not text:
        raise ValidationError({field: message or _("This field is required.")})
    if len(text) > TEXT_LIMIT:
        raise ValidationError(
            {field: _("Keep it within %(limit)d characters.") % {"limit": TEXT_LIMIT}}
        )
    return text


def _record_event(event, actor, action, from_status, to_status, note, transition=None):
    DockingEventChange.objects.create(
        docking_event=event,
        actor=actor,
        action=transition.event_action if transition is not None else action,
        from_status=from_status,
        to_status=to_status,
        note=(note or "").strip(),
    )


def _check_event_data(data: dict) -> dict:
    errors = {}
    values = {name: data.get(name) for name in EVENT_FIELDS}
    values["title"] = (values["title"] or "").strip()
    values["theme"] = (values["theme"] or "").strip()
    values["place"] = (values["place"] or "").strip()
    values["online_url"] = (values["online_url"] or "").strip()
    values["slot_minutes"] = values["slot_minutes"] or 20
    if not values["title"]:
        errors["title"] = _("Give the event a title.")
    if not values["theme"]:
        errors["theme"] = _("Say what the event is about.")
    if not values["place"] and not values["online_url"]:
        errors["place"] = _("Give a place, an online link, or both.")
    starts_at, ends_at = values["starts_at"], values["ends_at"]
    closes_at = values["registration_closes_at"]
    if starts_at is None or ends_at is None or ends_at <= starts_at:
        errors["ends_at"] = _("The event ends after it starts.")
    if closes_at is None or (starts_at is not None and closes_at > starts_at):
        errors["registration_closes_at"] = _("Registration closes before the event starts.")
    if values["slot_minutes"] < 5:
        errors["slot_minutes"] = _("A meeting lasts at least 5 minutes.")
    if errors:
        raise ValidationError(errors)
    return values


@transaction.atomic
def event_create(*, actor: User, data: dict, chain_nodes=()) -> DockingEvent:
    """Create a draft event, organized by the actor's department (none for a platform
    administrator acting without one: the platform organizes it)."""
    if not rules.can_create_event(actor):
        raise NotAllowed(_("Government departments and platform administrators run events."))
    values = _check_event_data(data)
    event = DockingEvent.objects.create(
        **values, organizer=organization_of(actor), created_by=actor
    )
    event.chain_nodes.set(chain_nodes)
    _record_event(event, actor, "created", "", event.status, "")
    return event


def _lock_event(event: DockingEvent) -> DockingEvent:
    return (
        DockingEvent.objects.select_for_update(of=("self",))
        .select_related("organizer")
        .get(pk=event.pk)
    )


@transaction.atomic
def event_update(*, actor: User, event: DockingEvent, data: dict, chain_nodes=()) -> DockingEvent:
    """Edit an event that is not finished; meetings already booked keep their slots, so
    its time and slot length change only while no meeting is booked."""
    event = _lock_event(event)
    if not rules.can_manage_event(actor, event):
        raise NotAllowed(DOCKING_EVENT_TRANSITIONS.not_allowed)
    if event.status == DockingEventStatus.FINISHED:
        raise InvalidState(_("A finished event is no longer edited."))
    values = _check_event_data(data)
    timing = ("starts_at", "ends_at", "slot_minutes")
    if any(values[name] != getattr(event, name) for name in timing) and (
        MeetingSeat.objects.filter(event=event).exists()
    ):
        raise InvalidState(
            _("Meetings are booked: the time and the length of the slots can no longer change.")
        )
    for name, value in values.items():
        setattr(event, name, value)
    event.save()
    event.chain_nodes.set(chain_nodes)
    return event


def _event_move(actor: User, event: DockingEvent, action: str) -> DockingEvent:
    event = _lock_event(event)
    return apply(
        DOCKING_EVENT_TRANSITIONS,
        event,
        action,
        actor=actor,
        roles=rules.event_roles(actor, event),
        record=_record_event,
    )


@EVENT_MOVES.register("open")
@transaction.atomic
def event_open(*, actor: User, event: DockingEvent) -> DockingEvent:
    """Open registration (a draft whose registration deadline is still to come)."""
    event = _lock_event(event)
    if event.registration_closes_at <= timezone.now() and rules.can_manage_event(actor, event):
        raise InvalidState(_("The registration deadline has passed; edit it first."))
    return _event_move(actor, event, "open")


@EVENT_MOVES.register("close")
@transaction.atomic
def event_close(*, actor: User, event: DockingEvent) -> DockingEvent:
    """Close registration; meetings may still be requested until the event is finished."""
    return _event_move(actor, event, "close")


@EVENT_MOVES.register("finish")
@transaction.atomic
def event_finish(*, actor: User, event: DockingEvent) -> DockingEvent:
    """Mark the event finished: no more meetings; the sides record outcomes."""
    return _event_move(actor, event, "finish")


# Registrations.


def _owned(queryset, items, message: str) -> list:
    """The items, all of which must be among ``queryset`` (the organization's own,
    published)."""
    ids = {item.pk for item in items}
    found = list(queryset.filter(pk__in=ids))
    if len(found) != len(ids):
        raise ValidationError(message)
    return found


@transaction.atomic
def registration_save(
    *,
    actor: User,
    event: DockingEvent,
    results=(),
    products=(),
    demands=(),
    note: str = "",
) -> Registration:
    """Register the actor's organization for the event (or update its registration) with
    what it brings: its own published results and products and its published R&D demands,
    at least one of them."""
    event = _lock_event(event)
    problems = rules.registration_problems(actor, event)
    if problems:
        raise NotAllowed(" ".join(str(problem) for problem in problems))
    organization = organization_of(actor)
    results = _owned(
        offerable_results(organization),
        results,
        _("Bring your organization's own published results only."),
    )
    products = _owned(
        offerable_products(organization),
        products,
        _("Bring your organization's own published products only."),
    )
    demands = _owned(
        offerable_demands(organization),
        demands,
        _("Bring your organization's own published R&D demands only."),
    )
    if not (results or products or demands):
        raise ValidationError(_("Name at least one result, product or R&D demand you bring."))
    note = _check_text(note, field="note")
    registration, created = Registration.objects.get_or_create(
        event=event,
        organization=organization,
        defaults={"registered_by": actor, "note": note},
    )
    if not created:
        registration.note = note
        registration.save(update_fields=["note"])
    registration.results.set(results)
    registration.products.set(products)
    registration.demands.set(demands)
    return registration


# Pre-matching.


def registration_text(registration: Registration) -> str:
    """What a registration brings, as one text to match from."""
    parts = [registration.note]
    for item in [*registration.results.all(), *registration.products.all()]:
        parts.extend([item.title, item.title, item.summary, " ".join(item.keywords or [])])
    for call in registration.demands.all():
        parts.extend([call.title, call.title, call.summary])
    return " ".join(part for part in parts if part)


def _best_counterparts(registration, by_organization, event_nodes, engine):
    """The best match per other registered organization for one registration."""
    source = MatchSource(
        text=registration_text(registration),
        types=["result", "product", "call"],
        chain_nodes=event_nodes,
        exclude_organization=registration.organization_id,
    )
    matches = find_matches(source, engine=engine, limit=200, pool=300)
    # An anonymous call's document keeps its issuer's id (to leave out its own calls) but
    # must not pair the issuer through it (measure 十三).
    anonymous = set(
        Call.objects.filter(
            pk__in=[m.hit.pk for m in matches if m.hit.type == "call"], anonymous=True
        ).values_list("pk", flat=True)
    )
    matches = [m for m in matches if not (m.hit.type == "call" and m.hit.pk in anonymous)]
    best = max((match.score for match in matches), default=0.0) or 1.0
    found = {}
    for match in matches:
        other = by_organization.get(match.hit.organization_id)
        if other is None or other.pk in found:
            continue
        found[other.pk] = (match.score, explanation_of(match, best))
        if len(found) >= PREMATCH_LIMIT:
            break
    return found


@transaction.atomic
def event_prematch(*, actor: User, event: DockingEvent, engine=None) -> int:
    """Pre-pair the event's registrations by matching (search.matching) from what each
    brings to what the others bring; replace the previous pairs and return how many.

    For each registration the best ``PREMATCH_LIMIT`` counterparts are kept; a pair found
    from both sides keeps the higher score and its explanation.
    """
    event = _lock_event(event)
    if not rules.can_manage_event(actor, event):
        raise NotAllowed(DOCKING_EVENT_TRANSITIONS.not_allowed)
    if event.status not in rules.MEETING_EVENT_STATUSES:
        raise InvalidState(_("Registrations are pre-matched while the event runs."))
    registrations = list(
        Registration.objects.filter(event=event).prefetch_related("results", "products", "demands")
    )
    by_organization = {r.organization_id: r for r in registrations}
    event_nodes = [str(pk) for pk in event.chain_nodes.values_list("pk", flat=True)]
    pairs: dict[tuple[int, int], tuple[float, dict]] = {}
    try:
        for registration in registrations:
            found = _best_counterparts(registration, by_organization, event_nodes, engine)
            for other_pk, (score, explanation) in found.items():
                key = tuple(sorted((registration.pk, other_pk)))
                if key not in pairs or pairs[key][0] < score:
                    pairs[key] = (score, explanation)
    except EngineUnavailable as error:
        raise InvalidState(_("Matching is unavailable right now; try again later.")) from error
    PrematchPair.objects.filter(event=event).delete()
    PrematchPair.objects.bulk_create(
        PrematchPair(
            event=event,
            first_id=first,
            second_id=second,
            score=round(score, 4),
            explanation=explanation,
        )
        for (first, second), (score, explanation) in sorted(pairs.items())
    )
    return len(pairs)


# Meetings.


def _tell(meeting: Meeting, actor: User, step: str) -> None:
    organizations = [meeting.requester.organization, meeting.invitee.organization]
    slot = timezone.localtime(meeting.starts_at)
    notify(
        recipients=members_of(*organizations).exclude(pk=actor.pk),
        verb=f"docking.meeting_{step}",
        message=MESSAGES[step],
        params={
            "requester": meeting.requester.organization.name,
            "invitee": meeting.invitee.organization.name,
            "slot": f"{slot:%Y-%m-%d %H:%M}",
            "event": meeting.event.title,
        },
        url=_event_url(meeting.event),
    )


SLOT_TAKEN = gettext_noop("This slot is already taken; choose another one.")


@transaction.atomic
def meeting_request(
    *,
    actor: User,
    event: DockingEvent,
    invitee: Registration,
    starts_at: datetime,
    note: str = "",
) -> Meeting:
    """Ask another registered organization for a meeting in a free slot of the event.

    The meeting holds the slot for both organizations at once (two seats); a slot already
    held by either is refused, including when another request takes it at the same moment
    (the seats' unique constraint, checked in a savepoint).
    """
    # Read afresh, not locked: the seats' constraint settles races, not the event's lock.
    event = DockingEvent.objects.get(pk=event.pk)
    registration = rules.registration_of(actor, event)
    if registration is None:
        raise NotAllowed(_("Register your organization for the event first."))
    if event.status not in rules.MEETING_EVENT_STATUSES:
        raise InvalidState(_("Meetings are requested while the event runs."))
    if invitee.event_id != event.pk or invitee.pk == registration.pk:
        raise InvalidState(_("Choose another organization registered for this event."))
    if starts_at not in event_slots(event):
        raise ValidationError({"starts_at": _("Choose one of the event's slots.")})
    if starts_at <= timezone.now():
        raise InvalidState(_("This slot has passed; choose a later one."))
    note = _check_text(note, field="note")
    organizations = [registration.organization_id, invitee.organization_id]
    if MeetingSeat.objects.filter(
        event=event, organization__in=organizations, starts_at=starts_at
    ).exists():
        raise InvalidState(_(SLOT_TAKEN))
    meeting = Meeting.objects.create(
        event=event,
        requester=registration,
        invitee=invitee,
        starts_at=starts_at,
        note=note,
        requested_by=actor,
    )
    try:
        with transaction.atomic():
            MeetingSeat.objects.bulk_create(
                MeetingSeat(
                    event=event, organization_id=organization, starts_at=starts_at, meeting=meeting
                )
                for organization in organizations
            )
    except IntegrityError as error:
        raise InvalidState(_(SLOT_TAKEN)) from error
    _tell(meeting, actor, "requested")
    return meeting


def _lock_meeting(meeting: Meeting) -> Meeting:
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("event", "requester__organization", "invitee__organization")
        .get(pk=meeting.pk)
    )


def _answer(actor: User, meeting: Meeting, action: str, note: str) -> Meeting:
    meeting = _lock_meeting(meeting)
    note = _check_text(note, field="note")
    meeting.decided_by = actor
    meeting.decided_at = timezone.now()
    meeting.decision_note = note

    def problems():
        if action == "accept" and meeting.event.status not in rules.MEETING_EVENT_STATUSES:
            return [_("Meetings are accepted while the event runs.")]
        return []

    apply(
        MEETING_TRANSITIONS,
        meeting,
        action,
        actor=actor,
        roles=rules.meeting_roles(actor, meeting),
        note=note,
        fields=["decided_by", "decided_at", "decision_note"],
        problems=problems,
        record=None,
    )
    if meeting.status not in (MeetingStatus.REQUESTED, MeetingStatus.ACCEPTED):
        MeetingSeat.objects.filter(meeting=meeting).delete()
    _tell(meeting, actor, action)
    return meeting


@MEETING_MOVES.register("accept", note="note")
@transaction.atomic
def meeting_accept(*, actor: User, meeting: Meeting, note: str = "") -> Meeting:
    """The invited side accepts; the slot stays held for both."""
    return _answer(actor, meeting, "accept", note)


@MEETING_MOVES.register("decline", note="note")
@transaction.atomic
def meeting_decline(*, actor: User, meeting: Meeting, note: str = "") -> Meeting:
    """The invited side declines, with the reason; the slot is freed for both."""
    return _answer(actor, meeting, "decline", note)


@MEETING_MOVES.register("cancel", note="note")
@transaction.atomic
def meeting_cancel(*, actor: User, meeting: Meeting, note: str = "") -> Meeting:
    """Either side cancels a requested or accepted meeting, with the reason; the slot is
    freed for both."""
    return _answer(actor, meeting, "cancel", note)


@transaction.atomic
def meeting_outcome_record(
    *, actor: User, meeting: Meeting, outcome: str, note: str = ""
) -> Meeting:
    """One side records how an accepted meeting went, once the event has ended (or is
    marked finished); each side keeps its own record and may correct it."""
    meeting = _lock_meeting(meeting)
    if is_member(actor, meeting.requester.organization):
        side = "requester"
    elif is_member(actor, meeting.invitee.organization):
        side = "invitee"
    else:
        raise NotAllowed(_("Only the two sides record the outcome of their meeting."))
    if meeting.status != MeetingStatus.ACCEPTED:
        raise InvalidState(_("Outcomes are recorded for accepted meetings only."))
    event = meeting.event
    if event.status != DockingEventStatus.FINISHED and timezone.now() < event.ends_at:
        raise InvalidState(_("Outcomes are recorded after the event."))
    if outcome not in MeetingOutcome.values:
        raise ValidationError({"outcome": _("Choose how the meeting went.")})
    note = _check_text(note, field="note")
    setattr(meeting, f"{side}_outcome", outcome)
    setattr(meeting, f"{side}_outcome_note", note)
    meeting.save(update_fields=[f"{side}_outcome", f"{side}_outcome_note", "updated_at"])
    return meeting
