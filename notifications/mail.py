"""E-mail of notifications: at once for the categories a user chose so, or once a day in a
digest. Both are bilingual, Chinese first, then English, whatever language the recipient
reads the platform in (a mail client has no language switch).

The functions here run inside Celery tasks (``tasks.py``), which take ids and call them;
each re-reads the rows it mails under a lock and marks them in the same transaction, after
the server accepted the mail, so running one twice sends nothing the second time.

The digest of a day holds the notifications created that day, in the platform's time zone
(``TIME_ZONE``, Beijing time): from midnight to the next midnight, the start included and
the end excluded. The beat schedule sends the previous day's digest each morning; a day
whose run was missed can be sent later by naming it (``send_daily_digests(day=...)``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .categories import CATEGORIES, category_of
from .models import Notification, NotificationPreference
from .selectors import categories_in_mode

Mode = NotificationPreference.Mode
# The languages of every mail, in the order they appear: the key names them in templates.
MAIL_LANGUAGES = (("zh", "zh-hans"), ("en", "en"))


def absolute_url(path: str) -> str:
    """Return ``path`` (a link inside the platform) as an address a mail client can open."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL.rstrip("/") + "/" + path.lstrip("/")


def in_mail_languages(build: Callable[[], dict]) -> dict:
    """Return ``build()`` run once per mail language, keyed ``zh`` and ``en``."""
    versions = {}
    for key, code in MAIL_LANGUAGES:
        with translation.override(code):
            versions[key] = build()
    return versions


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _message(template: str, context: dict, to: str) -> EmailMultiAlternatives:
    """Build the mail from ``<template>_subject.txt``, ``.txt`` and ``.html``."""
    base = f"notifications/email/{template}"
    subject = _one_line(render_to_string(f"{base}_subject.txt", context))
    message = EmailMultiAlternatives(
        subject=subject, body=render_to_string(f"{base}.txt", context), to=[to]
    )
    message.attach_alternative(render_to_string(f"{base}.html", context), "text/html")
    return message


def _preferences_url() -> str:
    return absolute_url(reverse("notifications:preferences"))


# --- at once -------------------------------------------------------------------------------------


def immediate_ids(ids: Iterable[int]) -> list[int]:
    """Return those of the notifications ``ids`` to mail at once: not mailed yet, to an
    active recipient with an e-mail address who chose ``immediate`` for their category."""
    rows = list(
        Notification.objects.filter(
            pk__in=list(ids),
            emailed_at__isnull=True,
            recipient__is_active=True,
        )
        .exclude(recipient__email="")
        .values_list("pk", "recipient_id", "verb")
    )
    chosen = categories_in_mode({user_id for _pk, user_id, _verb in rows}, Mode.IMMEDIATE)
    return [pk for pk, user_id, verb in rows if category_of(verb).key in chosen.get(user_id, ())]


def notification_message(notification: Notification) -> EmailMultiAlternatives:
    """Return the bilingual mail telling the recipient of ``notification``."""
    category = category_of(notification.verb)
    link = absolute_url(notification.url or reverse("notifications:list"))
    context = {
        "user": notification.recipient,
        "link": link,
        "preferences_url": _preferences_url(),
        **in_mail_languages(lambda: {"text": notification.text, "category": str(category.label)}),
    }
    return _message("notification", context, notification.recipient.email)


@transaction.atomic
def notification_email_send(notification_id: int) -> bool:
    """Mail the notification at once if it still should be; return whether it was mailed.

    The row is locked while the mail goes out, so a second run waits and then finds it
    mailed. An error of the mail server propagates (the task retries it) and leaves the row
    as it was.
    """
    notification = (
        Notification.objects.select_for_update(of=("self",))
        .select_related("recipient")
        .filter(pk=notification_id)
        .first()
    )
    if notification is None or notification.emailed_at is not None:
        return False
    if notification.pk not in immediate_ids([notification.pk]):
        return False  # the recipient changed their mind, or lost their address, since
    notification_message(notification).send()
    notification.emailed_at = timezone.now()
    notification.save(update_fields=["emailed_at"])
    return True


# --- the daily digest ----------------------------------------------------------------------------


def digest_window(day: date) -> tuple[datetime, datetime]:
    """Return the start (included) and end (excluded) of ``day`` in the platform's zone."""
    zone = timezone.get_default_timezone()
    start = datetime.combine(day, time.min, tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)
    return start, end


def previous_day(moment: datetime | None = None) -> date:
    """Return the day before ``moment`` (now by default) in the platform's zone."""
    moment = moment or timezone.now()
    return timezone.localtime(moment, timezone.get_default_timezone()).date() - timedelta(days=1)


def digest_message(user, notifications: list[Notification], day: date) -> EmailMultiAlternatives:
    """Return the bilingual digest of ``notifications`` (of ``day``), grouped by category
    in the order of the preferences page, oldest first within a category."""
    by_key: dict[str, list[Notification]] = {}
    for notification in notifications:
        by_key.setdefault(category_of(notification.verb).key, []).append(notification)
    zone = timezone.get_default_timezone()

    def build() -> dict:
        return {
            "groups": [
                {
                    "label": str(category.label),
                    "items": [
                        {
                            "text": notification.text,
                            "time": timezone.localtime(notification.created_at, zone),
                            "link": absolute_url(notification.url or reverse("notifications:list")),
                        }
                        for notification in by_key[category.key]
                    ],
                }
                for category in CATEGORIES
                if category.key in by_key
            ]
        }

    context = {
        "user": user,
        "day": day,
        "count": len(notifications),
        "list_url": absolute_url(reverse("notifications:list")),
        "preferences_url": _preferences_url(),
        **in_mail_languages(build),
    }
    return _message("digest", context, user.email)


@transaction.atomic
def digest_send(*, user_id: int, day: date) -> int:
    """Mail the user the digest of ``day``: their notifications of that day in the
    categories they chose for the digest, neither digested nor mailed at once yet. Mark
    them digested once the server took the mail; return how many it held (0: no mail)."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return 0
    keys = categories_in_mode([user_id], Mode.DIGEST).get(user_id, set())
    start, end = digest_window(day)
    candidates = Notification.objects.select_for_update().filter(
        recipient_id=user_id,
        created_at__gte=start,
        created_at__lt=end,
        digested_at__isnull=True,
        emailed_at__isnull=True,
    )
    rows = [
        notification
        for notification in candidates.order_by("created_at", "pk")
        if category_of(notification.verb).key in keys
    ]
    if not rows:
        return 0
    digest_message(user, rows, day).send()
    Notification.objects.filter(pk__in=[row.pk for row in rows]).update(digested_at=timezone.now())
    return len(rows)
