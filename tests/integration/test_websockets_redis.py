"""Live notifications through channels-redis, the production channel layer: two signed-in
users each receive only their own notifications, also when the push comes from another
process (a Celery worker, another web process); a foreign Origin or a missing session is
refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from asgiref.sync import async_to_sync
from django.conf import settings
from django.utils.translation import gettext_noop

from notifications.services import notify
from tests.factories import OrganizationFactory, UserFactory, member_of
from tests.notifications import sockets
from tests.services import need_redis

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]

APPLIED = gettext_noop("%(applicant)s applied to %(call)s")


@pytest.fixture(autouse=True)
def _redis_layer(settings):
    need_redis()
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [settings.REDIS_URL]},
        }
    }
    from channels.layers import get_channel_layer

    assert type(get_channel_layer()).__name__ == "RedisChannelLayer"


def tell(user, applicant: str) -> None:
    notify(
        recipients=[user],
        verb="application.submitted",
        message=APPLIED,
        params={"applicant": applicant, "call": "攻关榜"},
        url="/calls/1/",
    )


def test_two_users_each_receive_only_their_own_notifications():
    alice = member_of(OrganizationFactory())
    bob = member_of(OrganizationFactory())
    alice_cookie = sockets.session_cookie(alice, language="en")
    bob_cookie = sockets.session_cookie(bob, language="en")

    async def scenario():
        alice_page = sockets.communicator(cookie=alice_cookie)
        bob_page = sockets.communicator(cookie=bob_cookie)
        assert await sockets.opens(alice_page)
        assert await sockets.opens(bob_page)
        await sockets.in_thread(tell)(alice, "For Alice Ltd")
        await sockets.in_thread(tell)(bob, "For Bob Ltd")
        alice_got = await sockets.next_message(alice_page)
        bob_got = await sockets.next_message(bob_page)
        alice_more = not await sockets.receives_nothing(alice_page)
        bob_more = not await sockets.receives_nothing(bob_page)
        await sockets.close_all(alice_page, bob_page)
        return alice_got, bob_got, alice_more, bob_more

    alice_got, bob_got, alice_more, bob_more = async_to_sync(scenario)()

    assert [item["text"] for item in alice_got["items"]] == ["For Alice Ltd applied to 攻关榜"]
    assert [item["text"] for item in bob_got["items"]] == ["For Bob Ltd applied to 攻关榜"]
    assert alice_got["unread"] == bob_got["unread"] == 1
    assert (alice_more, bob_more) == (False, False)


SEND_FROM_ANOTHER_PROCESS = """
import json, sys
import django
django.setup()
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
group, message = sys.argv[1], json.loads(sys.argv[2])
async_to_sync(get_channel_layer().group_send)(group, message)
"""


def test_a_push_from_another_process_reaches_the_users_page_only():
    alice = member_of(OrganizationFactory())
    bob = member_of(OrganizationFactory())
    alice_cookie = sockets.session_cookie(alice, language="en")
    bob_cookie = sockets.session_cookie(bob, language="en")
    message = {
        "type": "notification.push",
        "unread": 3,
        "notifications": [
            {
                "id": 1,
                "message": APPLIED,
                "params": {"applicant": "Worker Ltd", "call": "攻关榜"},
                "url": "",
                "created_at": "2026-01-05T08:00:00+00:00",
            }
        ],
    }

    def send_from_worker():
        environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
        environment["REDIS_URL"] = settings.REDIS_URL
        subprocess.run(
            [
                sys.executable,
                "-c",
                SEND_FROM_ANOTHER_PROCESS,
                f"user-{alice.pk}",
                json.dumps(message),
            ],
            check=True,
            cwd=settings.BASE_DIR,
            env=environment,
            timeout=60,
        )

    async def scenario():
        alice_page = sockets.communicator(cookie=alice_cookie)
        bob_page = sockets.communicator(cookie=bob_cookie)
        assert await sockets.opens(alice_page)
        assert await sockets.opens(bob_page)
        await sockets.in_thread(send_from_worker)()
        alice_got = await sockets.next_message(alice_page)
        bob_heard = not await sockets.receives_nothing(bob_page)
        await sockets.close_all(alice_page, bob_page)
        return alice_got, bob_heard

    alice_got, bob_heard = async_to_sync(scenario)()

    assert alice_got["unread"] == 3
    assert [item["text"] for item in alice_got["items"]] == ["Worker Ltd applied to 攻关榜"]
    assert bob_heard is False


def test_a_foreign_origin_or_a_missing_session_is_refused():
    cookie = sockets.session_cookie(UserFactory())

    async def scenario():
        own = sockets.communicator(cookie=cookie)
        outcome = (
            await sockets.opens(sockets.communicator(cookie=cookie, origin=sockets.FOREIGN_ORIGIN)),
            await sockets.opens(sockets.communicator(cookie=cookie, origin=None)),
            await sockets.opens(sockets.communicator()),
            await sockets.opens(own),
        )
        await own.disconnect()
        return outcome

    foreign, no_origin, no_session, own_page = async_to_sync(scenario)()

    assert (foreign, no_origin, no_session) == (False, False, False)
    assert own_page is True  # the same cookie from the site's own page is let in
