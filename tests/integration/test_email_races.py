"""A notification is mailed once, and a day's digest sent once, even when the same task runs
twice at the same moment (a message redelivered to a second worker while the first still
works on it): the row lock taken before sending makes the second run wait, then find the
work done (PostgreSQL; SQLite has no row locks to race on)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import connection

from notifications import tasks
from notifications.mail import digest_window, previous_day
from notifications.models import Notification
from notifications.services import notification_preferences_set
from tests.factories import UserFactory
from tests.integration.test_postgres_races import run_at_once
from tests.services import need

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

RUNS = 4


@pytest.fixture(autouse=True)
def _postgres_only():
    need("postgres", connection.vendor == "postgresql", "DATABASE_URL is not a PostgreSQL URL")


def interested(user) -> Notification:
    """A stored notification whose delivery has not run yet (as when its task is queued)."""
    return Notification.objects.create(
        recipient=user,
        verb="docking.expressed",
        message="%(requester)s is interested in %(target)s",
        params={"requester": "苏州纳芯微电子", "target": "激光雷达"},
        url="/docking/interests/5/",
    )


def test_the_same_mail_task_run_at_once_by_several_workers_sends_one_mail():
    user = UserFactory()
    notification_preferences_set(actor=user, modes={"docking": "immediate"})
    notification = interested(user)

    run_at_once(*[lambda: tasks.send_notification_email(notification.pk)] * RUNS)

    assert [message.to for message in mail.outbox] == [[user.email]]
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_the_digest_run_at_once_by_several_workers_sends_one_mail():
    user = UserFactory()
    notification_preferences_set(actor=user, modes={"docking": "digest"})
    rows = [interested(user) for _ in range(3)]
    start, _end = digest_window(previous_day())
    Notification.objects.filter(pk__in=[row.pk for row in rows]).update(created_at=start)

    run_at_once(*[tasks.send_daily_digests] * RUNS)

    assert [message.to for message in mail.outbox] == [[user.email]]
    assert Notification.objects.filter(digested_at__isnull=False).count() == 3
