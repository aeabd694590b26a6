"""Booking a platform: a verification project's handlers request dates; the owner's members
confirm within the platform's capacity (counting the confirmed bookings that share a day) or
decline with a reason; either side or an administrator cancels with a reason. Every move
writes an event and tells the other side; refusals change nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext

from accounts.models import MembershipRole, OrganizationKind
from challenges.models import CallKind, CallStatus
from core.exceptions import InvalidState, NotAllowed
from notifications.models import Notification
from tests.factories import (
    AdminUserFactory,
    CallFactory,
    OrganizationFactory,
    handler_of,
    member_of,
)
from verification import selectors, services
from verification.models import BookingEvent, BookingStatus, PlatformBooking

from .factories import BookingFactory, PlatformFactory, days, verification_call

pytestmark = pytest.mark.django_db

NEW_URL = reverse("verification:booking_create")


def move_url(booking, action):
    return reverse("verification:booking_move", args=[booking.pk, action])


def request_data(call, platform, start=10, end=20, purpose="探针卡50万次触压寿命验证"):
    return {
        "call": call.pk,
        "platform": platform.pk,
        "start_date": days(start).isoformat(),
        "end_date": days(end).isoformat(),
        "purpose": purpose,
    }


# --- requesting ------------------------------------------------------------------------------


def test_a_handler_books_a_platform_and_the_owner_is_told(client):
    platform = PlatformFactory(name="晶圆测试验证平台")
    owner_member = member_of(platform.owner, role=MembershipRole.MEMBER)
    call = verification_call(title="MEMS探针卡验证")
    handler = handler_of(call)
    client.force_login(handler)
    form = client.get(NEW_URL + f"?platform={platform.pk}&call={call.pk}")
    assert form.status_code == 200 and "晶圆测试验证平台" in form.text

    response = client.post(NEW_URL, request_data(call, platform))

    booking = PlatformBooking.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("verification:booking_detail", args=[booking.pk])
    assert (booking.status, booking.requested_by, booking.start_date, booking.end_date) == (
        BookingStatus.REQUESTED,
        handler,
        days(10),
        days(20),
    )
    assert booking.events.get().action == "requested"
    told = Notification.objects.get(verb="booking.requested")
    assert told.recipient == owner_member
    assert told.params["call"] == "MEMS探针卡验证"
    assert "探针卡50万次触压寿命验证" in client.get(response.url).text


def test_only_handlers_of_a_bookable_verification_project_book(client):
    platform = PlatformFactory()
    call = verification_call()
    outsider = member_of(OrganizationFactory())
    colleague = member_of(call.issuer, role=MembershipRole.MEMBER)  # not a handler
    for user in (outsider, colleague):
        client.force_login(user)
        assert client.get(NEW_URL).status_code == 404
        assert client.post(NEW_URL, request_data(call, platform)).status_code == 404
        with pytest.raises(NotAllowed):
            services.booking_request(
                actor=user,
                platform=platform,
                call=call,
                start_date=days(1),
                end_date=days(2),
                purpose="x",
            )
    assert not PlatformBooking.objects.exists()


@pytest.mark.parametrize(
    "status", [CallStatus.DRAFT, CallStatus.ACCEPTED, CallStatus.TERMINATED, CallStatus.NO_AWARD]
)
def test_a_project_books_from_publication_until_it_is_finished(client, status):
    call = verification_call(status=status)
    handler = handler_of(call)
    client.force_login(handler)

    assert client.post(NEW_URL, request_data(call, PlatformFactory())).status_code == 404
    with pytest.raises(InvalidState):
        services.booking_request(
            actor=handler,
            platform=PlatformFactory(),
            call=call,
            start_date=days(1),
            end_date=days(2),
            purpose="x",
        )
    assert not PlatformBooking.objects.exists()


def test_a_challenge_books_no_platform():
    call = CallFactory(kind=CallKind.CHALLENGE)
    with pytest.raises(InvalidState):
        services.booking_request(
            actor=handler_of(call),
            platform=PlatformFactory(),
            call=call,
            start_date=days(1),
            end_date=days(2),
            purpose="x",
        )


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [(-1, 3, "start_date"), (5, 4, "end_date"), (1, 400, "end_date")],
)
def test_the_dates_must_make_sense(client, start, end, field):
    call = verification_call()
    client.force_login(handler_of(call))

    response = client.post(NEW_URL, request_data(call, PlatformFactory(), start, end))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not PlatformBooking.objects.exists()


def test_a_deactivated_platform_is_not_offered_and_cannot_be_booked(client):
    platform = PlatformFactory(is_active=False)
    call = verification_call()
    handler = handler_of(call)
    client.force_login(handler)

    response = client.post(NEW_URL, request_data(call, platform))

    assert response.status_code == 200 and "platform" in response.context["form"].errors
    with pytest.raises(InvalidState):
        services.booking_request(
            actor=handler,
            platform=platform,
            call=call,
            start_date=days(1),
            end_date=days(2),
            purpose="x",
        )
    assert not PlatformBooking.objects.exists()


def test_a_project_cannot_hold_the_same_platform_twice_on_a_day(client):
    booking = BookingFactory(start_date=days(10), end_date=days(20))
    client.force_login(handler_of(booking.call))

    client.post(NEW_URL, request_data(booking.call, booking.platform, 20, 25))
    assert PlatformBooking.objects.count() == 1
    client.post(NEW_URL, request_data(booking.call, booking.platform, 21, 25))
    assert PlatformBooking.objects.count() == 2


# --- confirming within capacity -------------------------------------------------------------


def test_an_owner_member_confirms_and_the_handlers_are_told(client):
    booking = BookingFactory()
    member = member_of(booking.platform.owner, role=MembershipRole.MEMBER)
    handler = handler_of(booking.call)
    client.force_login(member)
    assert (
        "data-requests"
        in client.get(reverse("verification:platform_detail", args=[booking.platform.pk])).text
    )

    client.post(move_url(booking, "confirm"))

    booking.refresh_from_db()
    assert (booking.status, booking.decided_by) == (BookingStatus.CONFIRMED, member)
    event = booking.events.latest("pk")
    assert (event.action, event.from_status, event.to_status, event.actor) == (
        "confirm",
        BookingStatus.REQUESTED,
        BookingStatus.CONFIRMED,
        member,
    )
    assert Notification.objects.get(verb="booking.confirmed").recipient == handler


@pytest.mark.parametrize("who", ["handler", "outsider", "anonymous"])
def test_only_the_owner_decides(client, who):
    booking = BookingFactory()
    if who == "handler":
        user = handler_of(booking.call)
        client.force_login(user)
        response = client.post(move_url(booking, "confirm"), follow=True)
        assert escape(gettext("Only the platform's owner decides on bookings.")) in response.text
        with pytest.raises(NotAllowed):
            services.booking_confirm(actor=user, booking=booking)
    elif who == "outsider":
        client.force_login(member_of(OrganizationFactory()))
        assert client.post(move_url(booking, "confirm")).status_code == 404
        assert (
            client.get(reverse("verification:booking_detail", args=[booking.pk])).status_code == 404
        )
    else:
        assert client.post(move_url(booking, "confirm")).status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED
    assert not BookingEvent.objects.exists()


def test_confirming_is_refused_when_a_shared_day_is_full(client):
    platform = PlatformFactory(capacity=2, name="满额平台")
    BookingFactory(platform=platform, status="confirmed", start_date=days(1), end_date=days(12))
    BookingFactory(platform=platform, status="confirmed", start_date=days(12), end_date=days(30))
    # requested and cancelled bookings hold no place
    BookingFactory(platform=platform, status="requested", start_date=days(1), end_date=days(30))
    BookingFactory(platform=platform, status="cancelled", start_date=days(1), end_date=days(30))
    waiting = BookingFactory(platform=platform, start_date=days(10), end_date=days(14))
    member = member_of(platform.owner)
    client.force_login(member)
    detail = client.get(reverse("verification:booking_detail", args=[waiting.pk])).text
    assert 'data-blocked="confirm"' in detail and days(12).isoformat() in detail

    response = client.post(move_url(waiting, "confirm"), follow=True)

    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.REQUESTED
    assert not waiting.events.exists()
    assert days(12).isoformat() in response.text and "满额平台" in response.text


def test_confirming_counts_only_the_days_shared():
    platform = PlatformFactory(capacity=2)
    # two confirmed bookings, but never on the same day: one place left on each day
    BookingFactory(platform=platform, status="confirmed", start_date=days(1), end_date=days(9))
    BookingFactory(platform=platform, status="confirmed", start_date=days(11), end_date=days(20))
    first = BookingFactory(platform=platform, start_date=days(5), end_date=days(15))
    second = BookingFactory(platform=platform, start_date=days(10), end_date=days(10))
    owner = member_of(platform.owner)

    services.booking_confirm(actor=owner, booking=first)
    # day 10 holds only ``first``: a second place is free there
    services.booking_confirm(actor=owner, booking=second)

    third = BookingFactory(platform=platform, start_date=days(10), end_date=days(11))
    with pytest.raises(InvalidState) as refused:
        services.booking_confirm(actor=owner, booking=third)
    assert days(10).isoformat() in str(refused.value.message)
    third.refresh_from_db()
    assert third.status == BookingStatus.REQUESTED


def test_the_peak_day_counts_bookings_holding_each_day():
    class Booking:
        def __init__(self, start, end):
            self.start_date, self.end_date = days(start), days(end)

    bookings = [Booking(1, 5), Booking(3, 8), Booking(5, 9), Booking(20, 25)]
    assert selectors.peak_day(bookings, days(1), days(30)) == (days(5), 3)
    assert selectors.peak_day(bookings, days(6), days(30)) == (days(6), 2)
    assert selectors.peak_day(bookings, days(10), days(19)) == (None, 0)
    assert selectors.peak_day([], days(1), days(2)) == (None, 0)


def test_a_booking_of_a_finished_project_or_a_closed_platform_is_not_confirmed():
    booking = BookingFactory()
    owner = member_of(booking.platform.owner)
    type(booking.call).objects.filter(pk=booking.call.pk).update(status=CallStatus.TERMINATED)
    with pytest.raises(InvalidState):
        services.booking_confirm(actor=owner, booking=booking)
    other = BookingFactory()
    type(other.platform).objects.filter(pk=other.platform.pk).update(is_active=False)
    with pytest.raises(InvalidState):
        services.booking_confirm(actor=member_of(other.platform.owner), booking=other)
    assert not PlatformBooking.objects.filter(status=BookingStatus.CONFIRMED).exists()


# --- declining and cancelling ---------------------------------------------------------------


def test_the_owner_declines_with_a_reason_the_project_reads(client):
    booking = BookingFactory()
    owner = member_of(booking.platform.owner)
    handler = handler_of(booking.call)
    client.force_login(owner)

    client.post(move_url(booking, "decline"), {"reason": ""})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED

    client.post(move_url(booking, "decline"), {"reason": "设备检修，请改期"})
    booking.refresh_from_db()
    assert (booking.status, booking.decision_note) == (BookingStatus.DECLINED, "设备检修，请改期")
    assert Notification.objects.get(verb="booking.declined").recipient == handler
    client.force_login(handler)
    assert (
        "设备检修，请改期"
        in client.get(reverse("verification:booking_detail", args=[booking.pk])).text
    )
    # a declined booking is not confirmed afterwards
    with pytest.raises(InvalidState):
        services.booking_confirm(actor=owner, booking=booking)


@pytest.mark.parametrize("side", ["requester", "owner", "admin"])
def test_either_side_or_an_administrator_cancels_with_a_reason(client, side):
    booking = BookingFactory(status=BookingStatus.CONFIRMED)
    handler = handler_of(booking.call)
    owner = member_of(booking.platform.owner)
    actor = {"requester": handler, "owner": owner, "admin": AdminUserFactory()}[side]
    client.force_login(actor)

    client.post(move_url(booking, "cancel"), {"reason": "项目计划调整"})

    booking.refresh_from_db()
    assert (booking.status, booking.decision_note) == (BookingStatus.CANCELLED, "项目计划调整")
    told = set(
        Notification.objects.filter(verb="booking.cancelled").values_list("recipient", flat=True)
    )
    expected = {"requester": {owner.pk}, "owner": {handler.pk}, "admin": {owner.pk, handler.pk}}
    assert told == expected[side]
    assert booking.events.latest("pk").note == "项目计划调整"


def test_an_unknown_move_is_not_found(client):
    booking = BookingFactory()
    client.force_login(member_of(booking.platform.owner))
    assert client.post(move_url(booking, "approve")).status_code == 404


def test_refusals_change_nothing():
    booking = BookingFactory(status=BookingStatus.CANCELLED)
    with pytest.raises(InvalidState):
        services.booking_cancel(actor=handler_of(booking.call), booking=booking, reason="再次取消")
    with pytest.raises(ValidationError):
        services.booking_request(
            actor=handler_of(booking.call),
            platform=booking.platform,
            call=booking.call,
            start_date=days(3),
            end_date=days(4),
            purpose="  ",
        )
    assert PlatformBooking.objects.count() == 1
    assert not BookingEvent.objects.exists()


# --- where bookings show --------------------------------------------------------------------


def test_each_side_lists_its_bookings(client):
    booking = BookingFactory(call=verification_call(title="发榜方的验证项目"))
    owner = member_of(booking.platform.owner)
    handler = handler_of(booking.call)
    url = reverse("verification:booking_list")

    client.force_login(owner)
    page = client.get(url).text
    assert f'data-booking="{booking.pk}"' in page and "发榜方的验证项目" in page
    client.force_login(handler)
    assert f'data-booking="{booking.pk}"' in client.get(url).text
    client.force_login(member_of(OrganizationFactory()))
    assert f'data-booking="{booking.pk}"' not in client.get(url).text


def test_the_project_page_shows_its_confirmed_bookings_to_all_and_every_booking_to_handlers(client):
    call = verification_call(status=CallStatus.IN_PROGRESS, title="探针卡验证项目")
    confirmed = BookingFactory(
        call=call, status="confirmed", platform=PlatformFactory(name="甲平台")
    )
    requested = BookingFactory(call=call, platform=PlatformFactory(name="乙平台"))
    panel = reverse("verification:call_panel", args=[call.pk])
    assert panel in client.get(call.get_absolute_url()).text

    public = client.get(panel).text
    assert f'data-booking="{confirmed.pk}"' in public and "甲平台" in public
    assert f'data-booking="{requested.pk}"' not in public

    client.force_login(handler_of(call))
    mine = client.get(panel).text
    assert f'data-booking="{requested.pk}"' in mine
    assert f"?call={call.pk}" in mine  # the handler may book another platform


def test_the_panel_serves_verification_projects_the_viewer_may_see_only(client):
    challenge = CallFactory()
    hidden = verification_call(status=CallStatus.DRAFT)
    for call in (challenge, hidden):
        assert client.get(reverse("verification:call_panel", args=[call.pk])).status_code == 404


def test_an_enterprise_issuer_may_book_its_own_platform():
    issuer = OrganizationFactory(kind=OrganizationKind.LEAD)
    platform = PlatformFactory(owner=issuer)
    call = verification_call(issuer=issuer)
    user = member_of(issuer)  # administrator: a handler and an owner member
    booking = services.booking_request(
        actor=user, platform=platform, call=call, start_date=days(1), end_date=days(2), purpose="x"
    )
    services.booking_confirm(actor=user, booking=booking)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
