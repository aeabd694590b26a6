"""Notifications by e-mail: at once for the categories a user chose so, once a day in a
digest for the ones they chose that for, never for the others; bilingual, with links that
open from a mail client; sent after commit, once; and a failing mail server never fails
what the user did."""

from __future__ import annotations

import itertools
import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop

from challenges import services as challenges
from config.celery import app
from notifications import tasks
from notifications.mail import digest_window, previous_day
from notifications.models import Notification
from notifications.services import notification_preferences_set, notify
from tests.factories import CallFactory, UserFactory
from tests.notifications.who_is_told.helpers import cast_around

pytestmark = pytest.mark.django_db

SITE = "https://zjtx.example.cn"
APPLIED = gettext_noop("%(applicant)s applied to %(call)s")
PARAMS = {"applicant": "苏州纳芯微电子", "call": "车规级芯片攻关榜"}
INTERESTED = gettext_noop("%(requester)s is interested in %(target)s")


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE


class FailingBackend(BaseEmailBackend):
    """A mail server that drops every connection."""

    attempts = 0

    def send_messages(self, email_messages):
        FailingBackend.attempts += 1
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def chooses(user, **modes):
    notification_preferences_set(actor=user, modes=modes)
    return user


def in_both(message: str, params: dict) -> tuple[str, str]:
    """The text of a notification in Chinese and in English."""
    texts = []
    for language in ("zh-hans", "en"):
        with translation.override(language):
            texts.append(gettext(message) % params)
    return texts[0], texts[1]


def applied(*recipients, url="/calls/7/applications/3/"):
    notify(
        recipients=recipients, verb="application.submitted", message=APPLIED, params=PARAMS, url=url
    )


# --- at once -----------------------------------------------------------------------------------


def test_a_notification_is_mailed_after_commit_only_to_who_chose_its_category_at_once(
    django_capture_on_commit_callbacks,
):
    at_once = chooses(UserFactory(), applications="immediate")
    in_digest = chooses(UserFactory(), applications="digest")
    in_app = chooses(UserFactory(), applications="in_app")
    never_chose = UserFactory()
    other_category = chooses(UserFactory(), calls="immediate")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        applied(at_once, in_digest, in_app, never_chose, other_category)
        assert mail.outbox == []  # nothing leaves before the transaction commits

    assert callbacks
    assert [message.to for message in mail.outbox] == [[at_once.email]]
    mailed = Notification.objects.filter(emailed_at__isnull=False)
    assert list(mailed.values_list("recipient", flat=True)) == [at_once.pk]
    assert Notification.objects.count() == 5  # everyone still reads it in the platform


def test_a_recipient_without_an_e_mail_address_gets_no_mail(django_capture_on_commit_callbacks):
    user = chooses(UserFactory(email=""), applications="immediate")

    with django_capture_on_commit_callbacks(execute=True):
        applied(user)

    assert mail.outbox == []
    assert Notification.objects.get(recipient=user).emailed_at is None


def test_the_mail_is_in_chinese_then_english_and_links_to_the_platform(
    django_capture_on_commit_callbacks,
):
    user = chooses(UserFactory(), applications="immediate")

    with django_capture_on_commit_callbacks(execute=True):
        applied(user)

    [message] = mail.outbox
    chinese, english = in_both(APPLIED, PARAMS)
    assert chinese != english
    assert "\n" not in message.subject
    assert message.subject.index(chinese) < message.subject.index(english)
    assert message.body.index(chinese) < message.body.index(english)
    assert f"{SITE}/calls/7/applications/3/" in message.body
    assert f"{SITE}/notifications/preferences/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="{SITE}/calls/7/applications/3/"' in html
    assert html.index(chinese) < html.index(english)
    assert "“My applications”" in message.body  # why it came, and where to change that


def test_mailing_a_notification_twice_sends_one_mail(django_capture_on_commit_callbacks):
    user = chooses(UserFactory(), applications="immediate")
    with django_capture_on_commit_callbacks(execute=True):
        applied(user)
    notification = Notification.objects.get(recipient=user)
    emailed_at = notification.emailed_at

    # a redelivered message (late acknowledgement) or a second enqueue
    assert tasks.send_notification_email.delay(notification.pk).get() is False
    tasks.send_notification_email(notification.pk)

    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.emailed_at == emailed_at


def test_a_user_who_switched_back_to_in_app_before_the_task_ran_gets_no_mail():
    user = chooses(UserFactory(), applications="immediate")
    applied(user)  # no commit callbacks run: the task has not run yet
    chooses(user, applications="in_app")

    tasks.send_notification_email(Notification.objects.get(recipient=user).pk)

    assert mail.outbox == []


def test_a_failing_mail_server_does_not_fail_the_application_nor_lose_the_notification(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.notifications.test_email.FailingBackend"
    FailingBackend.attempts = 0
    cast = cast_around(CallFactory(), applications=("draft", "submitted"))
    handler = chooses(cast["handler"], applications="immediate")

    with django_capture_on_commit_callbacks(execute=True):
        application = challenges.application_submit(
            actor=cast["lead_member"], application=cast.lead
        )

    application.refresh_from_db()
    assert application.status == "submitted"
    notification = Notification.objects.get(recipient=handler, verb="application.submitted")
    assert notification.emailed_at is None  # not marked: a later run may still send it
    assert FailingBackend.attempts == 1 + tasks.send_notification_email.max_retries
    assert mail.outbox == []


def test_the_mail_task_retries_a_failing_server_with_backoff_and_jitter():
    task = tasks.send_notification_email
    assert issubclass(smtplib.SMTPServerDisconnected, task.autoretry_for)
    assert issubclass(ConnectionRefusedError, task.autoretry_for)
    assert task.retry_backoff and task.retry_jitter and task.acks_late
    assert task.max_retries == 5


# --- the daily digest -------------------------------------------------------------------------

_numbers = itertools.count(1001)


def interest(user, *, at, verb="docking.expressed", message=INTERESTED, params=None):
    """A notification of ``verb`` to ``user`` as if created at ``at``."""
    notify(
        recipients=[user],
        verb=verb,
        message=message,
        params=params or {"requester": f"机构{next(_numbers)}", "target": "激光雷达"},
        url="/docking/interests/5/",
    )
    row = Notification.objects.filter(recipient=user).latest("pk")
    Notification.objects.filter(pk=row.pk).update(created_at=at)
    return row


def test_the_digest_holds_exactly_the_previous_day_and_a_second_run_sends_nothing():
    user = chooses(UserFactory(), docking="digest")
    start, end = digest_window(previous_day())
    before = interest(user, at=start - timedelta(seconds=1))
    first = interest(user, at=start)
    last = interest(user, at=end - timedelta(microseconds=1))
    today = interest(user, at=end)
    in_app_kind = interest(user, at=start + timedelta(hours=3), verb="call.published")

    assert tasks.send_daily_digests.delay().get() == 1

    [message] = mail.outbox
    assert message.to == [user.email]
    for row in (first, last):
        chinese, english = in_both(INTERESTED, row.params)
        assert message.body.index(chinese) < message.body.index(english)
    for row in (before, today, in_app_kind):
        assert row.params["requester"] not in message.body
    digested = Notification.objects.filter(digested_at__isnull=False)
    assert set(digested.values_list("pk", flat=True)) == {first.pk, last.pk}
    assert f"{SITE}/docking/interests/5/" in message.body

    # a second run (a redelivered message, a restarted beat) sends nothing
    assert tasks.send_daily_digests() == 0
    assert len(mail.outbox) == 1


def test_the_digest_groups_by_category_and_skips_what_was_already_mailed():
    user = chooses(UserFactory(), docking="digest", applications="digest")
    yesterday = digest_window(previous_day())[0] + timedelta(hours=9)
    interest(user, at=yesterday)
    interest(user, at=yesterday, verb="application.submitted", message=APPLIED, params=PARAMS)
    mailed = interest(user, at=yesterday + timedelta(minutes=5))
    Notification.objects.filter(pk=mailed.pk).update(emailed_at=timezone.now())

    tasks.send_daily_digests()

    [message] = mail.outbox
    english = message.body[message.body.index("Hello") :]
    # in the page's order
    assert english.index("[My applications]") < english.index("[Interests, deals and messages]")
    assert mailed.params["requester"] not in message.body
    assert Notification.objects.filter(digested_at__isnull=False).count() == 2


def test_users_without_a_digest_category_get_no_digest():
    user = chooses(UserFactory(), docking="immediate")
    interest(user, at=digest_window(previous_day())[0])

    assert tasks.send_daily_digests() == 0
    assert mail.outbox == []


def test_a_failing_mail_server_leaves_the_digest_to_send_again(settings):
    user = chooses(UserFactory(), docking="digest")
    row = interest(user, at=digest_window(previous_day())[0])
    settings.EMAIL_BACKEND = "tests.notifications.test_email.FailingBackend"

    result = tasks.send_daily_digests.delay()

    assert isinstance(result.result, smtplib.SMTPServerDisconnected)  # not raised here
    row.refresh_from_db()
    assert row.digested_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert tasks.send_daily_digests() == 1


def test_the_digest_runs_each_morning_at_eight_beijing_time_and_in_run_periodic():
    schedule = app.conf.beat_schedule["send-daily-digests"]
    assert schedule["task"] == "notifications.tasks.send_daily_digests"
    assert schedule["schedule"].hour == {8} and schedule["schedule"].minute == {0}
    assert str(app.conf.timezone) == "Asia/Shanghai"
    user = chooses(UserFactory(), docking="digest")
    interest(user, at=digest_window(previous_day())[0])

    call_command("run_periodic", "--once")

    assert [message.to for message in mail.outbox] == [[user.email]]
