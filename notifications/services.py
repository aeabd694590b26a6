"""Notify users. Domain apps call ``notify``; this app knows nothing about them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .categories import BY_KEY
from .delivery import deliver
from .grouping import GROUP_FIELDS, day_bounds
from .models import Notification, NotificationPreference


def notify(
    *, recipients: Iterable, verb: str, message: str, params: dict | None = None, url: str = ""
) -> int:
    """Create one notification per distinct recipient, in the caller's transaction.

    ``message`` is an untranslated message id (mark it with ``gettext_noop``) with
    ``%(name)s`` placeholders filled from ``params`` when shown. Return how many were made.
    """
    seen: set[int] = set()
    rows = []
    for user in recipients:
        if user is None or user.pk in seen or not user.is_active:
            continue
        seen.add(user.pk)
        rows.append(
            Notification(recipient=user, verb=verb, message=message, params=params or {}, url=url)
        )
    Notification.objects.bulk_create(rows)
    ids = [row.pk for row in rows if row.pk is not None]
    if ids:
        transaction.on_commit(partial(deliver, ids))
    return len(rows)


@transaction.atomic
def notifications_mark_read(*, actor, ids: Iterable[int] | None = None) -> int:
    """Mark the actor's notifications (all, or the given ids) as read."""
    unread = Notification.objects.filter(recipient=actor, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())


@transaction.atomic
def notification_open(*, actor, pk: int) -> Notification | None:
    """Mark the actor's notification read together with the unread ones its line groups
    (same key, same day, not newer: one that arrived since the list was shown stays unread),
    and return it; ``None`` when the actor has no such notification."""
    notification = Notification.objects.filter(recipient=actor, pk=pk).first()
    if notification is None or notification.read_at is not None:
        return notification
    start, end = day_bounds(notification.created_at)
    Notification.objects.filter(
        recipient=actor,
        read_at__isnull=True,
        created_at__gte=start,
        created_at__lt=end,
        pk__lte=notification.pk,
        **{name: getattr(notification, name) for name in GROUP_FIELDS},
    ).update(read_at=timezone.now())
    return notification


@transaction.atomic
def notification_preferences_set(*, actor, modes: Mapping[str, str]) -> None:
    """Set how the actor receives each category in ``modes`` (category key to mode); the
    categories left out keep their mode. An unknown category or mode refuses the whole
    change, so nothing is half saved."""
    errors = {}
    for key, mode in modes.items():
        if key not in BY_KEY:
            errors[key] = _("There is no such kind of notification.")
        elif mode not in NotificationPreference.Mode.values:
            errors[key] = _(
                "Choose in the platform only, also by e-mail at once, or a daily digest."
            )
    if errors:
        raise ValidationError(errors)
    for key, mode in modes.items():
        NotificationPreference.objects.update_or_create(
            user=actor, category=key, defaults={"mode": mode}
        )
