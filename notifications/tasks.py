"""Celery tasks of the notifications app: e-mail at once and the daily digest.

Both take ids (or a day), re-read the rows and are idempotent (``mail.py``), so a late
acknowledgement that runs one twice, or a retry after a mail went out but before its mark
was saved, costs at most a repeated mail, never a lost one. An unreachable mail server is
retried with exponential backoff and jitter; it never reaches the action that notified.
"""

from __future__ import annotations

import smtplib
from datetime import date

from celery import shared_task
from django.db import InterfaceError, OperationalError

from . import mail, selectors

# A mail server that does not answer or drops the connection, or the database going away
# under the task: worth another try. The backoff is capped by the platform's task class
# (config/celery.py), below the broker's visibility timeout.
MAIL_RETRY = {
    "autoretry_for": (OSError, smtplib.SMTPException, OperationalError, InterfaceError),
    "retry_backoff": True,
    "retry_jitter": True,
    "max_retries": 5,
    "acks_late": True,
}


def dispatch(ids: list[int]) -> int:
    """Enqueue the mail of those of the notifications ``ids`` whose recipients asked for
    it at once; return how many. Called after the notifying transaction committed."""
    chosen = mail.immediate_ids(ids)
    for notification_id in chosen:
        send_notification_email.delay(notification_id)
    return len(chosen)


@shared_task(**MAIL_RETRY)
def send_notification_email(notification_id: int) -> bool:
    """Mail one notification at once; return whether a mail went out."""
    return mail.notification_email_send(notification_id)


@shared_task(**MAIL_RETRY)
def send_daily_digests(day: str | None = None) -> int:
    """Mail each user who chose a digest the notifications of ``day`` (ISO date; the
    previous day in the platform's zone by default); return how many mails went out.

    Each user's digest commits on its own: when the server fails half-way, the retry mails
    only those who did not get theirs.
    """
    digest_day = date.fromisoformat(day) if day else mail.previous_day()
    sent = 0
    for user_id in selectors.digest_user_ids():
        if mail.digest_send(user_id=user_id, day=digest_day):
            sent += 1
    return sent
