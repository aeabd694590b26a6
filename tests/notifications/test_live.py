"""Live notifications over the websocket (in-memory channel layer): only a signed-in page
of this site connects; each user hears only their own news, with the unread count of the
header badge, in their page's language; handlers see their call's application count move."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from asgiref.sync import async_to_sync
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from accounts.models import MembershipStatus
from challenges import services as challenge_services
from challenges.models import ApplicationStatus
from notifications.live import groups_of
from notifications.services import notify
from tests.factories import (
    CallFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
    member_of,
)
from tests.notifications import sockets
from tests.notifications.who_is_told.helpers import cast_around

APPLIED = gettext_noop("%(applicant)s applied to %(call)s")
PARAMS = {"applicant": "星河半导体", "call": "车规级功率模块攻关榜"}


def applied_text(language: str) -> str:
    with translation.override(language):
        return gettext(APPLIED) % PARAMS


def tell(user) -> None:
    notify(
        recipients=[user], verb="application.submitted", message=APPLIED, params=PARAMS, url="/x/"
    )


@pytest.mark.django_db(transaction=True)
def test_a_visitor_who_is_not_signed_in_is_refused():
    async def scenario():
        return await sockets.opens(sockets.communicator())

    assert async_to_sync(scenario)() is False


@pytest.mark.django_db(transaction=True)
def test_a_page_of_another_site_is_refused_even_with_the_users_cookie():
    cookie = sockets.session_cookie(UserFactory())

    async def scenario():
        foreign = await sockets.opens(
            sockets.communicator(cookie=cookie, origin=sockets.FOREIGN_ORIGIN)
        )
        without_origin = await sockets.opens(sockets.communicator(cookie=cookie, origin=None))
        return foreign, without_origin

    assert async_to_sync(scenario)() == (False, False)


@pytest.mark.django_db(transaction=True)
def test_each_user_receives_only_their_own_notifications_with_the_unread_count():
    # given two signed-in users of two organizations, the first reading in English
    alice = member_of(OrganizationFactory())
    bob = member_of(OrganizationFactory())
    tell(alice)  # an older unread notification: the badge counts two lines after the push
    notify(recipients=[alice], verb="call.published", message="%(call)s", params=PARAMS)
    alice_cookie = sockets.session_cookie(alice, language="en")
    bob_cookie = sockets.session_cookie(bob)

    async def scenario():
        alice_page = sockets.communicator(cookie=alice_cookie)
        bob_page = sockets.communicator(cookie=bob_cookie)
        assert await sockets.opens(alice_page)
        assert await sockets.opens(bob_page)
        # when something is told to Alice, and the transaction commits
        await sockets.in_thread(tell)(alice)
        received = await sockets.next_message(alice_page)
        bob_heard = not await sockets.receives_nothing(bob_page)
        await sockets.close_all(alice_page, bob_page)
        return received, bob_heard

    received, bob_heard = async_to_sync(scenario)()

    # then Alice's page gets it, in English, with the unread count of her badge; Bob's nothing
    assert received["type"] == "notifications"
    assert received["unread"] == 2  # the two application notices of today group as one line
    [item] = received["items"]
    assert item["text"] == applied_text("en")
    assert item["url"] == "/x/"
    assert item["time"]
    assert bob_heard is False


@pytest.mark.django_db(transaction=True)
def test_a_page_in_chinese_receives_the_text_in_chinese():
    user = UserFactory()
    cookie = sockets.session_cookie(user)  # no language chosen: Chinese first

    async def scenario():
        page = sockets.communicator(cookie=cookie)
        assert await sockets.opens(page)
        await sockets.in_thread(tell)(user)
        message = await sockets.next_message(page)
        await page.disconnect()
        return message

    [item] = async_to_sync(scenario)()["items"]
    assert item["text"] == applied_text("zh-hans")
    assert item["text"] != applied_text("en")


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_notification_is_never_pushed():
    user = UserFactory()
    cookie = sockets.session_cookie(user)

    def tell_then_fail():
        from django.db import transaction

        with pytest.raises(RuntimeError), transaction.atomic():
            tell(user)
            raise RuntimeError

    async def scenario():
        page = sockets.communicator(cookie=cookie)
        assert await sockets.opens(page)
        await sockets.in_thread(tell_then_fail)()
        nothing = await sockets.receives_nothing(page)
        await page.disconnect()
        return nothing

    assert async_to_sync(scenario)() is True


@pytest.mark.django_db(transaction=True)
def test_a_submitted_application_moves_the_handlers_counter_only():
    call = CallFactory()
    cast = cast_around(call, applications=("draft", "submitted"))
    handler_cookie = sockets.session_cookie(cast["handler"])
    applicant_cookie = sockets.session_cookie(cast["rival"])
    assert cast.lead.status == ApplicationStatus.DRAFT

    def submit():
        challenge_services.application_submit(actor=cast["lead_member"], application=cast.lead)

    async def scenario():
        handler_page = sockets.communicator(cookie=handler_cookie)
        applicant_page = sockets.communicator(cookie=applicant_cookie)
        assert await sockets.opens(handler_page)
        assert await sockets.opens(applicant_page)
        await sockets.in_thread(submit)()
        first = await sockets.next_message(handler_page)
        second = await sockets.next_message(handler_page)
        applicant_heard = not await sockets.receives_nothing(applicant_page)
        await sockets.close_all(handler_page, applicant_page)
        return [first, second], applicant_heard

    messages, applicant_heard = async_to_sync(scenario)()

    counts = [message for message in messages if message["type"] == "counts"]
    assert counts == [{"type": "counts", "call": call.pk, "applications": 2}]
    assert {message["type"] for message in messages} == {"counts", "notifications"}
    assert applicant_heard is False


@pytest.mark.django_db
def test_a_page_joins_its_users_group_and_its_active_organizations_only():
    organization = OrganizationFactory()
    member = member_of(organization)
    applicant = MembershipFactory(status=MembershipStatus.PENDING).user

    assert groups_of(member) == [f"user-{member.pk}", f"organization-{organization.pk}"]
    assert groups_of(applicant) == [f"user-{applicant.pk}"]


# --- the pages -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_only_a_signed_in_page_opens_the_websocket(client):
    home = reverse("portal:home")
    assert 'data-live="' not in client.get(home).content.decode()

    client.force_login(UserFactory())

    assert 'data-live="/ws/notifications/"' in client.get(home).content.decode()


@pytest.mark.django_db
def test_the_badge_and_the_list_carry_the_hooks_the_script_updates(client):
    user = UserFactory()
    tell(user)
    client.force_login(user)

    page = client.get(reverse("notifications:list")).content.decode()

    assert re.search(r"<span [^>]*data-unread-badge[^>]*>1</span>", page)
    assert "data-notification-list" in page
    assert "<template data-notification-template>" in page
    assert 'data-label-open="打开"' in page or f'data-label-open="{gettext("Open")}"' in page


@pytest.mark.django_db
def test_a_later_page_of_the_list_takes_no_live_rows(client):
    user = UserFactory()
    for number in range(31):  # the list shows 30 lines a page
        notify(recipients=[user], verb="call.published", message="%(call)s", url=f"/{number}/")
    client.force_login(user)

    first = client.get(reverse("notifications:list")).content.decode()
    second = client.get(reverse("notifications:list") + "?page=2").content.decode()

    assert "data-notification-list" in first
    assert "data-notification-list" not in second


@pytest.mark.django_db
def test_the_issuers_pages_show_a_live_application_counter(client):
    call = CallFactory()
    cast = cast_around(call, applications=("submitted", "submitted"))
    client.force_login(cast["handler"])

    manage = client.get(reverse("challenges:call_manage", args=[call.pk])).content.decode()
    client.force_login(cast["issuer_admin"])
    mine = client.get(reverse("challenges:my_calls")).content.decode()

    counter = rf'data-live-applications="{call.pk}">\s*(\d+)<'
    assert re.search(counter, manage).group(1) == "2"
    assert re.search(counter, mine).group(1) == "2"


def test_the_script_sets_pushed_text_as_text_never_as_markup():
    script = (Path(settings.BASE_DIR) / "static" / "js" / "platform.js").read_text()

    assert "innerHTML" not in script
    assert "insertAdjacentHTML" not in script
    assert "outerHTML" not in script
    assert "textContent = item.text" in script
