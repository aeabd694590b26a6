"""Live delivery: stored notifications pushed to the recipients' open pages over websockets.

Each signed-in page holds one websocket (``consumers.NotificationConsumer``) that joins its
user's group and the groups of the organizations the user is an active member of; nothing
else. The push carries the message id and parameters, not the text, so each connection
renders it in the language its page was shown in. A push that reaches nobody is lost
harmlessly: the notifications are stored, and the next page load shows them.

The channel layer is the in-memory one embedded and channels-redis with ``REDIS_URL``; both
are reached through ``get_channel_layer()``, from sync code after commit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from .models import Notification
from .selectors import unread_line_count

# Who a user hears about besides themselves: the organizations they act for. The accounts
# app registers the resolver (this app imports no domain app).
_organizations_of: Callable[[object], Iterable[int]] | None = None


def register_organizations_of(resolver: Callable[[object], Iterable[int]]) -> None:
    """Say which organization ids a user belongs to (active memberships only)."""
    global _organizations_of
    _organizations_of = resolver


def user_group(user_id: int) -> str:
    return f"user-{user_id}"


def organization_group(organization_id: int) -> str:
    return f"organization-{organization_id}"


def groups_of(user) -> list[str]:
    """Return the only groups a connection of ``user`` may join: the user's own and those
    of the organizations they are an active member of."""
    groups = [user_group(user.pk)]
    if _organizations_of is not None:
        groups += [organization_group(pk) for pk in sorted(set(_organizations_of(user)))]
    return groups


def _send(messages: list[tuple[str, dict]]) -> None:
    """Send each ``(group, message)``, all in one trip to the event loop."""
    layer = get_channel_layer()
    if layer is None or not messages:  # no channel layer configured: nobody listens
        return

    async def send_all() -> None:
        for group, message in messages:
            await layer.group_send(group, message)

    async_to_sync(send_all)()


def push(ids: Iterable[int]) -> None:
    """Send each recipient of the notifications ``ids`` the new ones and their unread count
    (as the header badge counts it)."""
    by_recipient: dict[int, list[Notification]] = defaultdict(list)
    rows = Notification.objects.filter(pk__in=list(ids)).select_related("recipient")
    for notification in rows.order_by("created_at", "pk"):
        by_recipient[notification.recipient_id].append(notification)
    messages = []
    for recipient_id, notifications in by_recipient.items():
        message = {
            "type": "notification.push",
            "unread": unread_line_count(notifications[0].recipient),
            "notifications": [
                {
                    "id": notification.pk,
                    "message": notification.message,
                    "params": notification.params,
                    "url": notification.url,
                    "created_at": notification.created_at.isoformat(),
                }
                for notification in notifications
            ],
        }
        messages.append((user_group(recipient_id), message))
    _send(messages)


def push_counts(call_id: int, users: Iterable, *, applications: int) -> None:
    """Tell the ``users`` handling call ``call_id`` how many applications it now has (the
    issuer's workspace counters)."""
    message = {"type": "counts.update", "call": call_id, "applications": applications}
    _send([(user_group(user_id), message) for user_id in sorted({user.pk for user in users})])
