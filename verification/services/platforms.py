"""The registry of verification platforms and their bookings by verification projects.

Administrators keep the registry. A project's handlers request a platform for some dates;
the owner's members confirm within the platform's capacity, or decline with a reason; either
side, or an administrator, cancels with a reason. Every move goes through
``BOOKING_TRANSITIONS``, writes a ``BookingEvent`` and tells the other side.

Locks are taken in one order: the call, then the platform, then the booking.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import Organization, User
from challenges import rules as call_rules
from challenges.models import Call, CallKind
from challenges.selectors import handlers_of, members_of
from core.exceptions import InvalidState, NotAllowed
from notifications.services import notify
from workflow import MoveServices, apply

from .. import rules, selectors
from ..models import BookingEvent, BookingStatus, PlatformBooking, VerificationPlatform
from ..transitions import BOOKING_TRANSITIONS, OWNER, REQUESTER

__all__ = [
    "BOOKING_MOVES",
    "MAX_BOOKING_DAYS",
    "booking_cancel",
    "booking_confirm",
    "booking_decline",
    "booking_move",
    "booking_request",
    "platform_deactivate",
    "platform_reactivate",
    "platform_register",
    "platform_update",
]

# The longest booking: a verification campaign of a year at most.
MAX_BOOKING_DAYS = 366
# The longest a platform may be booked ahead.
MAX_DAYS_AHEAD = 3 * 366

PLATFORM_FIELDS = ("name", "capabilities", "capacity", "province", "city", "website")


# --- the registry ----------------------------------------------------------------------------


def _check_platform_admin(actor: User) -> None:
    if not rules.can_manage_platforms(actor):
        raise NotAllowed(_("Only platform administrators keep the registry of platforms."))


def _check_owner(owner: Organization) -> None:
    if not owner.is_verified:
        raise ValidationError(
            {"owner": _("%(name)s is not verified yet; verify it first.") % {"name": owner.name}}
        )


def _fill(platform: VerificationPlatform, data: dict) -> None:
    for field in PLATFORM_FIELDS:
        if field in data:
            value = data[field]
            setattr(platform, field, value.strip() if isinstance(value, str) else value)
    errors = {}
    taken = VerificationPlatform.objects.filter(name=platform.name).exclude(pk=platform.pk)
    if taken.exists():
        errors["name"] = _("Another platform already has this name.")
    if platform.capacity is not None and platform.capacity < 1:
        errors["capacity"] = _("A platform hosts at least one project at a time.")
    try:
        platform.full_clean(exclude=["created_by", "owner"], validate_unique=False)
    except ValidationError as error:
        errors = {**error.message_dict, **errors}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def platform_register(
    *, actor: User, owner: Organization, chain_nodes: Iterable = (), **data
) -> VerificationPlatform:
    """Register a platform of a verified organization: its capabilities, how many projects
    it hosts at a time, its region and chain nodes."""
    _check_platform_admin(actor)
    owner = Organization.objects.select_for_update().get(pk=owner.pk)
    _check_owner(owner)
    platform = VerificationPlatform(owner=owner, created_by=actor)
    _fill(platform, data)
    platform.save()
    platform.chain_nodes.set(list(chain_nodes))
    return platform


@transaction.atomic
def platform_update(
    *,
    actor: User,
    platform: VerificationPlatform,
    owner: Organization | None = None,
    chain_nodes: Iterable = (),
    **data,
) -> VerificationPlatform:
    """Change a platform's description. A lower capacity leaves confirmed bookings as they
    are; it applies to the confirmations that follow."""
    _check_platform_admin(actor)
    platform = VerificationPlatform.objects.select_for_update().get(pk=platform.pk)
    if owner is not None and owner.pk != platform.owner_id:
        _check_owner(owner)
        platform.owner = owner
    _fill(platform, data)
    platform.save()
    platform.chain_nodes.set(list(chain_nodes))
    return platform


def _set_active(actor: User, platform: VerificationPlatform, active: bool, refused: str):
    _check_platform_admin(actor)
    platform = VerificationPlatform.objects.select_for_update().get(pk=platform.pk)
    if platform.is_active == active:
        raise InvalidState(refused % {"name": platform.name})
    platform.is_active = active
    platform.save(update_fields=["is_active", "updated_at"])
    return platform


@transaction.atomic
def platform_deactivate(*, actor: User, platform: VerificationPlatform) -> VerificationPlatform:
    """Stop taking bookings; the bookings made stay, and either side may still cancel."""
    return _set_active(actor, platform, False, _("%(name)s already takes no bookings."))


@transaction.atomic
def platform_reactivate(*, actor: User, platform: VerificationPlatform) -> VerificationPlatform:
    return _set_active(actor, platform, True, _("%(name)s already takes bookings."))


# --- bookings --------------------------------------------------------------------------------


def _record(booking, actor, action, from_status="", to_status="", note="") -> None:
    BookingEvent.objects.create(
        booking=booking,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=note,
    )


def _record_move(booking, actor, action, from_status, to_status, note, transition) -> None:
    _record(booking, actor, transition.event_action, from_status, to_status, note)


def _params(booking: PlatformBooking) -> dict:
    return {
        "platform": booking.platform.name,
        "call": booking.call.title,
        "start": booking.start_date.isoformat(),
        "end": booking.end_date.isoformat(),
    }


def _tell(users, actor: User, verb: str, message: str, booking: PlatformBooking) -> None:
    notify(
        recipients=[user for user in users if user.pk != actor.pk],
        verb=verb,
        message=message,
        params=_params(booking),
        url=reverse("verification:booking_detail", args=[booking.pk]),
    )


def _lock_call(call: Call) -> Call:
    return Call.objects.select_for_update(of=("self",)).select_related("issuer").get(pk=call.pk)


def _check_dates(start: date, end: date) -> None:
    today = timezone.localdate()
    errors = {}
    if start is None:
        errors["start_date"] = _("Give the first day.")
    elif start < today:
        errors["start_date"] = _("A booking starts today or later.")
    elif start > today + timedelta(days=MAX_DAYS_AHEAD):
        errors["start_date"] = _("A booking starts within three years.")
    if end is None:
        errors["end_date"] = _("Give the last day.")
    elif start is not None and end < start:
        errors["end_date"] = _("The last day cannot come before the first.")
    elif start is not None and (end - start).days + 1 > MAX_BOOKING_DAYS:
        errors["end_date"] = _("A booking lasts %(days)d days at most.") % {
            "days": MAX_BOOKING_DAYS
        }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def booking_request(
    *,
    actor: User,
    platform: VerificationPlatform,
    call: Call,
    start_date: date,
    end_date: date,
    purpose: str,
) -> PlatformBooking:
    """Ask the platform's owner for the dates start–end (both included) for a verification
    project; its members are told and confirm or decline."""
    call = _lock_call(call)
    if not call_rules.is_handler(actor, call):
        raise NotAllowed(_("Only the project's handlers book platforms for it."))
    if call.kind != CallKind.VERIFICATION:
        raise InvalidState(_("Platforms are booked for engineering verification projects."))
    if not rules.is_bookable_call(call):
        raise InvalidState(
            _("Platforms are booked from the project's publication until it is finished.")
        )
    platform = VerificationPlatform.objects.select_related("owner").get(pk=platform.pk)
    if not platform.is_active:
        raise InvalidState(_("%(name)s takes no bookings now.") % {"name": platform.name})
    _check_dates(start_date, end_date)
    purpose = (purpose or "").strip()
    if not purpose:
        raise ValidationError({"purpose": _("Say what will be verified on the platform.")})
    active = platform.bookings.filter(
        call=call,
        status__in=[BookingStatus.REQUESTED, BookingStatus.CONFIRMED],
        start_date__lte=end_date,
        end_date__gte=start_date,
    )
    if active.exists():
        raise InvalidState(
            _("This project already holds or awaits %(name)s on some of these days.")
            % {"name": platform.name}
        )
    booking = PlatformBooking(
        platform=platform,
        call=call,
        start_date=start_date,
        end_date=end_date,
        purpose=purpose,
        requested_by=actor,
    )
    booking.full_clean(exclude=["requested_by", "decided_by"])
    booking.save()
    _record(booking, actor, "requested", to_status=booking.status, note=purpose)
    _tell(
        members_of(platform.owner),
        actor,
        "booking.requested",
        gettext_noop("%(call)s asks to book %(platform)s from %(start)s to %(end)s"),
        booking,
    )
    return booking


BOOKING_MOVES = MoveServices(BOOKING_TRANSITIONS)


def booking_move(*, actor: User, booking: PlatformBooking, action: str, note: str = ""):
    """Make the move ``action`` of ``BOOKING_TRANSITIONS`` (the one entry point views use);
    ``note`` is the reason where the move takes one."""
    return BOOKING_MOVES(action, actor=actor, booking=booking, note=note)


def _lock(booking: PlatformBooking) -> PlatformBooking:
    return (
        PlatformBooking.objects.select_for_update(of=("self",))
        .select_related("platform", "platform__owner", "call", "call__issuer")
        .get(pk=booking.pk)
    )


def _lock_platform(platform_id: int) -> VerificationPlatform:
    return VerificationPlatform.objects.select_for_update().get(pk=platform_id)


@BOOKING_MOVES.register("confirm")
@transaction.atomic
def booking_confirm(*, actor: User, booking: PlatformBooking) -> PlatformBooking:
    """Confirm a requested booking within the platform's capacity on every day it covers."""
    _lock_call(booking.call)
    platform = _lock_platform(booking.platform_id)
    booking = _lock(booking)
    booking.platform = platform
    booking.decided_by = actor
    booking.decided_at = timezone.now()
    apply(
        BOOKING_TRANSITIONS,
        booking,
        "confirm",
        actor=actor,
        roles=rules.booking_roles(actor, booking),
        fields=["decided_by", "decided_at"],
        problems=lambda: selectors.confirm_problems(booking),
        record=_record_move,
    )
    _tell(
        handlers_of(booking.call),
        actor,
        "booking.confirmed",
        gettext_noop("%(platform)s confirmed the booking of %(call)s from %(start)s to %(end)s"),
        booking,
    )
    return booking


@BOOKING_MOVES.register("decline", note="reason")
@transaction.atomic
def booking_decline(*, actor: User, booking: PlatformBooking, reason: str) -> PlatformBooking:
    booking = _lock(booking)
    booking.decision_note = (reason or "").strip()
    booking.decided_by = actor
    booking.decided_at = timezone.now()
    apply(
        BOOKING_TRANSITIONS,
        booking,
        "decline",
        actor=actor,
        roles=rules.booking_roles(actor, booking),
        note=reason,
        fields=["decision_note", "decided_by", "decided_at"],
        record=_record_move,
    )
    _tell(
        handlers_of(booking.call),
        actor,
        "booking.declined",
        gettext_noop("%(platform)s declined the booking of %(call)s"),
        booking,
    )
    return booking


@BOOKING_MOVES.register("cancel", note="reason")
@transaction.atomic
def booking_cancel(*, actor: User, booking: PlatformBooking, reason: str) -> PlatformBooking:
    """Cancel a requested or confirmed booking (either side, or an administrator); the
    other side is told why."""
    booking = _lock(booking)
    roles = rules.booking_roles(actor, booking)
    booking.decision_note = (reason or "").strip()
    apply(
        BOOKING_TRANSITIONS,
        booking,
        "cancel",
        actor=actor,
        roles=roles,
        note=reason,
        fields=["decision_note"],
        record=_record_move,
    )
    told = []
    if REQUESTER not in roles or OWNER in roles:
        told += list(handlers_of(booking.call))
    if OWNER not in roles or REQUESTER in roles:
        told += list(members_of(booking.platform.owner))
    _tell(
        told,
        actor,
        "booking.cancelled",
        gettext_noop("The booking of %(platform)s for %(call)s was cancelled"),
        booking,
    )
    return booking
