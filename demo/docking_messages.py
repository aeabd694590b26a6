"""Load the messages of the demo handshakes (``demo/data/docking_messages.toml``) through the
conversation services, after the handshakes themselves (``docking.toml``).

A conversation is found by its handshake (requester, owner, target title); one whose handshake
is missing or not accepted is skipped, one that already has messages is left as it is
(idempotent). Only dates are moved afterwards: each message is dated ``hours_ago`` hours back,
and the read marks follow, so ``unread_by`` leaves the other side's last messages unread.
"""

from __future__ import annotations

import io
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from accounts.models import Organization
from demo.specs import ConversationSpec, DemoContent
from demo.verification import evidence_pdf
from docking import services
from docking.models import Conversation, ConversationRead, Interest, Message
from notifications.models import Notification
from uploads.documents import check_document

HOUR = timedelta(hours=1)


class MessageSeeder:
    def __init__(self, *, content: DemoContent, organizations, owner_of):
        self.content = content
        self.organizations: dict[str, Organization] = organizations
        self.owner_of = owner_of
        self.created = 0
        self.skipped: list[str] = []

    def run(self) -> int:
        for spec in self.content.handshake_conversations:
            interest = self._handshake(spec)
            if interest is None:
                self.skipped.append(f"{spec.requester} → {spec.owner}: {spec.target}")
                continue
            conversation = services.conversation_of(interest)
            if conversation.messages.exists():
                continue
            self._write(spec, interest, conversation)
        return self.created

    def _handshake(self, spec: ConversationSpec) -> Interest | None:
        requester = self.organizations.get(spec.requester)
        owner = self.organizations.get(spec.owner)
        if requester is None or owner is None:
            return None
        title = spec.target
        interest = (
            Interest.objects.filter(requester=requester, owner=owner)
            .filter(
                Q(result__title=title)
                | Q(product__title=title)
                | Q(resource__title=title)
                | Q(call__title=title)
            )
            .first()
        )
        if interest is None or not interest.is_handshake:
            return None
        return interest

    def _write(self, spec: ConversationSpec, interest: Interest, conversation: Conversation):
        users = {
            "requester": self.owner_of(interest.requester),
            "owner": self.owner_of(interest.owner),
        }
        now = timezone.now()
        for message_spec in spec.messages:
            document = None
            if message_spec.attachment:
                content = evidence_pdf(
                    "Demo attachment of a handshake conversation",
                    f"Sent {message_spec.hours_ago} hours before the demo was loaded",
                )
                document = check_document(io.BytesIO(content), message_spec.attachment)
            message = services.message_send(
                actor=users[message_spec.side],
                conversation=conversation,
                body=message_spec.body,
                document=document,
            )
            Message.objects.filter(pk=message.pk).update(
                created_at=now - message_spec.hours_ago * HOUR
            )
            self.created += 1
        self._move_read_marks(spec, conversation, users)

    def _move_read_marks(self, spec: ConversationSpec, conversation: Conversation, users):
        messages = list(conversation.messages.order_by("created_at", "pk"))
        last = messages[-1].created_at
        Conversation.objects.filter(pk=conversation.pk).update(last_message_at=last)
        for side, user in users.items():
            read_at = last
            if spec.unread_by == side:
                own = [m.created_at for m in messages if m.sender_id == user.pk]
                read_at = own[-1] if own else messages[0].created_at - HOUR
            ConversationRead.objects.update_or_create(
                conversation=conversation, user=user, defaults={"read_at": read_at}
            )
            if read_at == last:
                Notification.objects.filter(
                    recipient=user, url=services.conversation_url(conversation), read_at=None
                ).update(read_at=timezone.now())
