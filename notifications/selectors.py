"""Reads of notifications: the list as lines, repeated unread events grouped into one.

The grouping runs in the database (``GROUP BY`` the key, the local day and, for read rows,
the row itself), so the list paginates and costs the same few queries on SQLite and
PostgreSQL whatever the number of notifications.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import BigIntegerField, Case, Count, F, Max, QuerySet, Value, When
from django.db.models.functions import TruncDate
from django.utils import timezone

from .categories import CATEGORIES
from .grouping import GROUP_FIELDS, grouped_text
from .models import Notification, NotificationPreference


def _local_day() -> TruncDate:
    return TruncDate("created_at", tzinfo=timezone.get_current_timezone())


def notification_lines(user) -> QuerySet:
    """Return the user's notification lines, newest first, as dicts with the grouping key,
    ``count``, ``latest_id`` (the newest row of the line) and ``is_unread``."""
    return (
        Notification.objects.filter(recipient=user)
        .annotate(
            day=_local_day(),
            # Unread rows of one key and day share 0 and group; a read row keeps its own pk.
            line=Case(
                When(read_at__isnull=True, then=Value(0)),
                default=F("pk"),
                output_field=BigIntegerField(),
            ),
        )
        .values(*GROUP_FIELDS, "day", "line")
        .annotate(count=Count("pk"), latest_id=Max("pk"), latest_at=Max("created_at"))
        .order_by("-latest_at", "-latest_id")
    )


@dataclass(frozen=True)
class NotificationLine:
    """One line of the list: a notification, or several unread ones grouped."""

    notification: Notification
    count: int
    is_unread: bool

    @property
    def text(self) -> str:
        if self.count == 1:
            return self.notification.text
        return grouped_text(
            verb=self.notification.verb,
            params=self.notification.params,
            text=self.notification.text,
            count=self.count,
        )


def lines_with_notifications(rows: Iterable[dict]) -> list[NotificationLine]:
    """Return the lines of ``rows`` (from ``notification_lines``) with their newest
    notification loaded, in one query."""
    rows = list(rows)
    latest = Notification.objects.in_bulk([row["latest_id"] for row in rows])
    return [
        NotificationLine(latest[row["latest_id"]], row["count"], row["line"] == 0) for row in rows
    ]


def unread_line_count(user) -> int:
    """Return how many lines of unread notifications the user has (the header badge)."""
    return (
        Notification.objects.filter(recipient=user, read_at__isnull=True)
        .annotate(day=_local_day())
        .values(*GROUP_FIELDS, "day")
        .order_by()
        .distinct()
        .count()
    )


# --- e-mail preferences ------------------------------------------------------------------------


def preference_modes(user) -> dict[str, str]:
    """Return the user's mode of every category, by key, in the page's order (``in_app``
    for a category the user never chose)."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("category", "mode"))
    return {
        category.key: chosen.get(category.key, NotificationPreference.Mode.IN_APP)
        for category in CATEGORIES
    }


def categories_in_mode(user_ids: Iterable[int], mode: str) -> dict[int, set[str]]:
    """Return, per user among ``user_ids``, the keys of the categories they set to ``mode``."""
    found: dict[int, set[str]] = {}
    rows = NotificationPreference.objects.filter(user_id__in=list(user_ids), mode=mode)
    for user_id, category in rows.values_list("user_id", "category"):
        found.setdefault(user_id, set()).add(category)
    return found


def digest_user_ids() -> list[int]:
    """Return the users with at least one category in the daily digest."""
    return list(
        NotificationPreference.objects.filter(mode=NotificationPreference.Mode.DIGEST)
        .values_list("user_id", flat=True)
        .distinct()
        .order_by("user_id")
    )
