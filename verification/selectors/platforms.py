"""Reads of the platform registry, its calendars and the bookings each side sees."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Case, Count, F, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.rules import is_org_admin, organization_of
from challenges.models import Call, CallKind

from ..models import BookingStatus, PlatformBooking, VerificationPlatform
from ..rules import BOOKABLE_CALL_STATUSES, is_bookable_call

__all__ = [
    "CalendarDay",
    "PlatformFilters",
    "bookable_calls",
    "bookings_of_call",
    "bookings_received",
    "bookings_requested",
    "calendar_weeks",
    "confirm_problems",
    "confirmed_bookings",
    "overlapping_confirmed",
    "peak_day",
    "platform_choices",
    "platform_list",
    "platforms_owned",
    "requested_bookings",
]

DAY = timedelta(days=1)


@dataclass(frozen=True)
class PlatformFilters:
    province: str = ""
    node: int | None = None
    free: bool = False  # only platforms with a free place today
    inactive: bool = False  # also the deactivated ones (administrators)


def _in_use_on(day: date) -> Count:
    """How many confirmed bookings hold a place on ``day``."""
    return Count(
        "bookings",
        filter=Q(
            bookings__status=BookingStatus.CONFIRMED,
            bookings__start_date__lte=day,
            bookings__end_date__gte=day,
        ),
        distinct=True,
    )


def platform_list(filters: PlatformFilters = PlatformFilters()) -> QuerySet[VerificationPlatform]:
    """The registry: each platform with its owner, chain nodes and ``in_use`` (confirmed
    bookings holding a place today); in a constant number of queries."""
    platforms = VerificationPlatform.objects.select_related("owner").prefetch_related(
        "chain_nodes__chain"
    )
    if not filters.inactive:
        platforms = platforms.filter(is_active=True)
    if filters.province:
        platforms = platforms.filter(province=filters.province)
    if filters.node:
        platforms = platforms.filter(chain_nodes=filters.node)
    platforms = platforms.annotate(in_use=_in_use_on(timezone.localdate()))
    if filters.free:
        platforms = platforms.filter(is_active=True, in_use__lt=F("capacity"))
    return platforms.order_by("province", "name")


def platform_choices() -> QuerySet[VerificationPlatform]:
    """Platforms taking bookings, for a booking form."""
    return VerificationPlatform.objects.filter(is_active=True).select_related("owner")


def platforms_owned(user) -> QuerySet[VerificationPlatform]:
    """The platforms of the user's organization."""
    organization = organization_of(user)
    if organization is None:
        return VerificationPlatform.objects.none()
    return VerificationPlatform.objects.filter(owner=organization)


# --- capacity and calendar -------------------------------------------------------------------


def overlapping_confirmed(
    platform: VerificationPlatform, start: date, end: date, *, exclude: int | None = None
) -> list[PlatformBooking]:
    """The confirmed bookings of ``platform`` sharing at least one day with start–end."""
    bookings = platform.bookings.filter(
        status=BookingStatus.CONFIRMED, start_date__lte=end, end_date__gte=start
    )
    if exclude is not None:
        bookings = bookings.exclude(pk=exclude)
    return list(bookings)


def peak_day(bookings, start: date, end: date) -> tuple[date | None, int]:
    """Return the first day of start–end held by the most ``bookings``, and how many.

    A sweep over the bookings' first and last days (each booking holds every day from its
    start to its end, both included), so the cost follows the bookings, not the days.
    """
    changes: Counter[date] = Counter()
    for booking in bookings:
        changes[max(booking.start_date, start)] += 1
        changes[min(booking.end_date, end) + DAY] -= 1
    best_day, best, running = None, 0, 0
    for day in sorted(changes):
        running += changes[day]
        if running > best and day <= end:
            best_day, best = day, running
    return best_day, best


@dataclass(frozen=True)
class CalendarDay:
    day: date
    used: int
    capacity: int

    @property
    def is_full(self) -> bool:
        return self.used >= self.capacity

    @property
    def is_past(self) -> bool:
        return self.day < timezone.localdate()


def calendar_weeks(
    platform: VerificationPlatform, *, start: date | None = None, weeks: int = 8
) -> list[list[CalendarDay]]:
    """The platform's confirmed use day by day, Monday to Sunday, from the week of
    ``start`` (today by default) for ``weeks`` weeks; one query."""
    start = start or timezone.localdate()
    first = start - timedelta(days=start.weekday())
    last = first + timedelta(days=7 * weeks - 1)
    used: Counter[date] = Counter()
    for booking in overlapping_confirmed(platform, first, last):
        day = max(booking.start_date, first)
        while day <= min(booking.end_date, last):
            used[day] += 1
            day += DAY
    return [
        [
            CalendarDay(day, used[day], platform.capacity)
            for day in (first + timedelta(days=7 * week + offset) for offset in range(7))
        ]
        for week in range(weeks)
    ]


def confirmed_bookings(platform: VerificationPlatform, *, since: date | None = None):
    """The platform's confirmed bookings ending on or after ``since`` (today), by date."""
    since = since or timezone.localdate()
    return (
        platform.bookings.filter(status=BookingStatus.CONFIRMED, end_date__gte=since)
        .select_related("call", "call__issuer")
        .order_by("start_date", "pk")
    )


def requested_bookings(platform: VerificationPlatform):
    """Bookings awaiting the owner's answer, oldest first."""
    return (
        platform.bookings.filter(status=BookingStatus.REQUESTED)
        .select_related("call", "call__issuer", "requested_by")
        .order_by("created_at", "pk")
    )


def confirm_problems(booking: PlatformBooking) -> list[str]:
    """Why the owner cannot confirm now (empty: it can): the project finished, the platform
    no longer takes bookings, or a day of the booking already has every place confirmed.

    Called under the platform's row lock, so two confirmations cannot both take the last
    place of a day.
    """
    platform = booking.platform
    problems = []
    if not is_bookable_call(booking.call):
        problems.append(_("The project is finished; it no longer needs the platform."))
    if not platform.is_active:
        problems.append(_("%(name)s takes no bookings now.") % {"name": platform.name})
    others = overlapping_confirmed(
        platform, booking.start_date, booking.end_date, exclude=booking.pk
    )
    day, used = peak_day(others, booking.start_date, booking.end_date)
    if used >= platform.capacity:
        problems.append(
            _(
                "%(name)s is full on %(day)s: %(used)d confirmed of %(capacity)d places. "
                "Decline, or ask for other dates."
            )
            % {
                "name": platform.name,
                "day": (day or booking.start_date).isoformat(),
                "used": used,
                "capacity": platform.capacity,
            }
        )
    return problems


# --- bookings seen from each side ------------------------------------------------------------


def bookings_of_call(call: Call, *, everything: bool):
    """A project's bookings: every one for its handlers (``everything``), else the confirmed."""
    bookings = call.platform_bookings.select_related("platform", "platform__owner")
    if not everything:
        bookings = bookings.filter(status=BookingStatus.CONFIRMED)
    return bookings.order_by("start_date", "pk")


def _handled_calls(user) -> QuerySet[Call]:
    """The verification projects the user handles: all of the issuer's for its
    administrators, the named ones for other members."""
    organization = organization_of(user)
    if organization is None:
        return Call.objects.none()
    calls = Call.objects.filter(kind=CallKind.VERIFICATION, issuer=organization)
    if is_org_admin(user, organization):
        return calls
    return calls.filter(handlers=user).distinct()


def bookable_calls(user) -> QuerySet[Call]:
    """The projects the user may book platforms for (``rules.can_book_for``)."""
    return _handled_calls(user).filter(status__in=BOOKABLE_CALL_STATUSES).order_by("-created_at")


def bookings_requested(user):
    """The bookings of the projects the user handles, newest first."""
    return (
        PlatformBooking.objects.filter(call__in=_handled_calls(user))
        .select_related("platform", "platform__owner", "call")
        .order_by("-created_at", "-pk")
    )


def bookings_received(user):
    """The bookings of the platforms of the user's organization, those awaiting an answer
    first, then the newest."""
    return (
        PlatformBooking.objects.filter(platform__in=platforms_owned(user))
        .select_related("platform", "call", "call__issuer")
        .order_by(
            Case(When(status=BookingStatus.REQUESTED, then=Value(0)), default=Value(1)),
            "-created_at",
            "-pk",
        )
    )
