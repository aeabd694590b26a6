"""Repeated unread notifications about one object read as one line with a count; opening
the line marks every notification it groups as read. Rows stay one per event."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop

from notifications.models import Notification
from notifications.services import notify
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LIST = reverse("notifications:list")
SCORES = gettext_noop("An expert submitted scores for %(call)s")


@pytest.fixture(autouse=True)
def english(settings):
    """Wording is asserted in English, the language of the message ids."""
    settings.LANGUAGE_CODE = "en"


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def lines(client) -> list[str]:
    response = client.get(LIST)
    assert response.status_code == 200
    return [
        text_of(block)
        for block in re.findall(r"<form [^>]*data-notification.*?</form>", response.text, re.S)
    ]


def badge(client) -> int:
    """The unread count in the header, as the bell shows it (0 when there is no badge)."""
    html = client.get(reverse("portal:home")).text
    bell = re.search(r'class="bell".*?</a>', html, re.S).group(0)
    match = re.search(r'class="badge[^"]*"[^>]*>(\d+)<', bell)
    return int(match.group(1)) if match else 0


def scores_submitted(user, *, url="/applications/7/", call="车规级芯片攻关榜", times=1):
    for _ in range(times):
        notify(
            recipients=[user],
            verb="review.submitted",
            message=SCORES,
            params={"call": call},
            url=url,
        )


def open_line(client, notification: Notification):
    return client.post(reverse("notifications:open", args=[notification.pk]))


def test_three_experts_scoring_one_application_read_as_one_line(client):
    # given three experts submitted scores for the same application
    handler = UserFactory()
    scores_submitted(handler, times=3)
    client.force_login(handler)
    # then the list shows one line with the count, and the bell counts one
    assert len(lines(client)) == 1
    assert "3 experts submitted scores for 车规级芯片攻关榜" in lines(client)[0]
    assert badge(client) == 1
    # and the rows stay one per event
    assert Notification.objects.filter(recipient=handler).count() == 3


def test_a_single_notification_reads_as_itself(client):
    handler = UserFactory()
    scores_submitted(handler)
    client.force_login(handler)
    assert lines(client) == [
        f"New An expert submitted scores for 车规级芯片攻关榜 {_local_minute(handler)} Open"
    ]


def _local_minute(user) -> str:
    created = Notification.objects.filter(recipient=user).latest("pk").created_at
    return timezone.localtime(created).strftime("%Y-%m-%d %H:%M")


def test_opening_the_line_marks_every_notification_it_groups_as_read(client):
    handler = UserFactory()
    scores_submitted(handler, times=3)
    client.force_login(handler)
    latest = Notification.objects.filter(recipient=handler).latest("pk")
    # when the handler opens the line
    response = open_line(client, latest)
    # then they reach the application and all three are read
    assert response.status_code == 302
    assert response["Location"] == "/applications/7/"
    assert not Notification.objects.filter(recipient=handler, read_at__isnull=True).exists()
    assert badge(client) == 0
    # read notifications are the record: each shows again on its own line
    assert len(lines(client)) == 3
    assert all("New" not in line for line in lines(client))


def test_a_notification_arriving_after_the_list_was_shown_stays_unread(client):
    handler = UserFactory()
    scores_submitted(handler, times=2)
    client.force_login(handler)
    shown = Notification.objects.filter(recipient=handler).latest("pk")
    scores_submitted(handler)  # a third expert, after the page was rendered
    open_line(client, shown)
    unread = Notification.objects.filter(recipient=handler, read_at__isnull=True)
    assert list(unread.values_list("pk", flat=True)) == [
        Notification.objects.filter(recipient=handler).latest("pk").pk
    ]


def test_other_objects_other_kinds_of_event_and_other_days_are_separate_lines(client):
    handler = UserFactory()
    scores_submitted(handler, url="/applications/7/", times=2)
    scores_submitted(handler, url="/applications/8/", call="另一份申报", times=2)
    notify(
        recipients=[handler],
        verb="review.recused",
        message=gettext_noop("An expert recused from an application to %(call)s"),
        params={"call": "车规级芯片攻关榜"},
        url="/applications/7/",
    )
    scores_submitted(handler, url="/applications/9/", call="跨天的申报", times=2)
    yesterday = Notification.objects.filter(recipient=handler, url="/applications/9/").first()
    Notification.objects.filter(pk=yesterday.pk).update(
        created_at=yesterday.created_at - timedelta(days=1)
    )
    client.force_login(handler)

    shown = lines(client)

    assert len(shown) == 5
    assert sum("2 experts submitted scores" in line for line in shown) == 2
    assert sum("跨天的申报" in line for line in shown) == 2
    assert badge(client) == 5


def test_a_kind_of_event_without_plural_wording_shows_its_message_and_the_count(client):
    user = UserFactory()
    for _ in range(2):
        notify(
            recipients=[user],
            verb="call.custom_reminder",
            message=gettext_noop("Reminder about %(call)s"),
            params={"call": "某榜单"},
            url="/calls/3/",
        )
    client.force_login(user)
    assert "Reminder about 某榜单 (2 notifications)" in lines(client)[0]


def test_mark_all_as_read_ends_the_grouping(client):
    handler = UserFactory()
    scores_submitted(handler, times=3)
    client.force_login(handler)
    client.post(reverse("notifications:mark_all_read"))
    assert len(lines(client)) == 3
    assert badge(client) == 0


def test_nobody_opens_another_persons_notifications(client):
    owner, stranger = UserFactory(), UserFactory()
    scores_submitted(owner, times=2)
    client.force_login(stranger)
    response = open_line(client, Notification.objects.filter(recipient=owner).latest("pk"))
    assert response["Location"] == LIST
    assert Notification.objects.filter(recipient=owner, read_at__isnull=True).count() == 2


def test_the_list_runs_the_same_queries_whatever_the_number_of_notifications(
    client, django_assert_max_num_queries
):
    user = UserFactory()
    client.force_login(user)
    counts = []
    for size in (3, 60):
        for index in range(size):
            scores_submitted(user, url=f"/applications/{index % 7}/", times=2)
            notify(recipients=[user], verb="call.closed", message="Closed", url=f"/c/{index}/")
        Notification.objects.filter(recipient=user, verb="call.closed").update(
            read_at=timezone.now()
        )
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(8):
        client.get(LIST)
