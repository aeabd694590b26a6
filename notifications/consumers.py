"""The websocket of a signed-in page: live notifications and the issuer's live counters."""

from __future__ import annotations

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date
from django.utils.dateparse import parse_datetime

from .live import groups_of
from .models import Notification


def _language(scope) -> str:
    """The page's language, chosen as ``config.middleware.ChineseFirstLocaleMiddleware``
    chooses it: the switcher's cookie, otherwise Chinese."""
    chosen = scope.get("cookies", {}).get(settings.LANGUAGE_COOKIE_NAME)
    supported = {code for code, _name in settings.LANGUAGES}
    return chosen if chosen in supported else settings.LANGUAGE_CODE


class NotificationConsumer(AsyncJsonWebsocketConsumer):
    """Accept a signed-in user only; join their own group and their organizations' groups,
    nothing else; relay what is pushed there. The client never sends anything that counts."""

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated or not user.is_active:
            await self.close()
            return
        self.language = _language(self.scope)
        self.joined = await database_sync_to_async(groups_of)(user)
        for group in self.joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()

    async def disconnect(self, code) -> None:
        for group in getattr(self, "joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive_json(self, content, **kwargs) -> None:
        """Nothing a page sends changes anything here."""

    async def notification_push(self, event: dict) -> None:
        with translation.override(self.language):
            items = [self._item(item) for item in event["notifications"]]
        await self.send_json({"type": "notifications", "unread": event["unread"], "items": items})

    async def counts_update(self, event: dict) -> None:
        await self.send_json(
            {"type": "counts", "call": event["call"], "applications": event["applications"]}
        )

    @staticmethod
    def _item(item: dict) -> dict:
        """The notification as the list shows it: text in the page's language, local time."""
        text = Notification(message=item["message"], params=item["params"]).text
        created_at = parse_datetime(item["created_at"])
        return {
            "id": item["id"],
            "text": text,
            "url": item["url"],
            "created_at": item["created_at"],
            "time": format_date(timezone.localtime(created_at), "Y-m-d H:i") if created_at else "",
        }
