"""Conversations of handshakes, applications and recommendations: the two sides write to each
other (an accepted interest's requester and owner, an applicant and the call's handlers, a
recommendation's recipient and the recommended firm),
with one optional private attachment per message; reading marks the conversation read.

Notifications do not flood: a member of the other side is notified of a new message only when
it is the first one they have not read yet (their ``ConversationRead`` is at or after every
earlier message of the sender's side). Opening the conversation re-arms it, and marks the
notifications that point at it read.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import MembershipStatus, Organization, User
from core.exceptions import InvalidState, NotAllowed
from notifications.models import Notification
from notifications.services import notify
from uploads.documents import CheckedDocument
from uploads.fields import store_document

from .. import rules
from ..models import Conversation, ConversationRead, Interest, Message

__all__ = [
    "conversation_mark_read",
    "conversation_of",
    "conversation_of_application",
    "conversation_of_recommendation",
    "conversation_subject_title",
    "conversation_url",
    "message_send",
]

MESSAGE_MAX_LENGTH = 4000


def conversation_of(interest: Interest) -> Conversation:
    """The conversation of a handshake, opened on first use (when the interest is accepted)."""
    conversation, _created = Conversation.objects.get_or_create(interest=interest)
    return conversation


def conversation_of_application(application) -> Conversation:
    """The conversation between an applicant and the call's issuer, opened on first use."""
    conversation, _created = Conversation.objects.get_or_create(application=application)
    return conversation


def conversation_of_recommendation(recommendation) -> Conversation:
    """The conversation between a recommendation's recipient and the recommended firm, opened
    on first use."""
    conversation, _created = Conversation.objects.get_or_create(recommendation=recommendation)
    return conversation


def conversation_subject_title(conversation: Conversation) -> str:
    """A short name of what the conversation is about, for notifications."""
    if conversation.interest_id:
        target = conversation.interest.target
        return getattr(target, "title", str(target))
    if conversation.application_id:
        return conversation.application.call.title
    return conversation.recommendation.entry.title


def conversation_url(conversation: Conversation) -> str:
    return reverse("docking:conversation_detail", args=[conversation.pk])


def _members(organization: Organization):
    return User.objects.filter(
        memberships__organization=organization,
        memberships__status=MembershipStatus.ACTIVE,
        is_active=True,
    )


def _lock(conversation: Conversation) -> Conversation:
    return (
        Conversation.objects.select_for_update(of=("self",))
        .select_related(*rules._CONVERSATION_RELATED)
        .get(pk=conversation.pk)
    )


@transaction.atomic
def message_send(
    *,
    actor: User,
    conversation: Conversation,
    body: str,
    document: CheckedDocument | None = None,
) -> Message:
    """Write a message (and its optional checked document) to the other side of a
    conversation (a handshake, an application or a recommendation).

    Refused to anyone outside the two parties, and once the conversation is closed (the
    interest withdrawn or declined, the application withdrawn, the recipient deactivated; it
    stays readable). The other side's members are told, at most once until they open the
    conversation.
    """
    conversation = _lock(conversation)
    sender_organization = rules.conversation_party(actor, conversation)
    if sender_organization is None:
        raise NotAllowed(_("Only the two sides write in this conversation."))
    if not rules.conversation_is_open(conversation):
        if conversation.interest_id:
            raise InvalidState(
                _(
                    "This conversation is closed: the interest was withdrawn or declined. "
                    "You can still read it."
                )
            )
        raise InvalidState(_("This conversation is closed. You can still read it."))
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write a message.")})
    if len(body) > MESSAGE_MAX_LENGTH:
        limit = {"limit": MESSAGE_MAX_LENGTH}
        raise ValidationError({"body": _("A message has at most %(limit)d characters.") % limit})
    first, second = rules.conversation_parties(conversation)
    other = second if sender_organization.pk == first.pk else first
    # The latest earlier message of the sender's side, before this one is written.
    previous = (
        conversation.messages.filter(sender_organization=sender_organization)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    message = Message(
        conversation=conversation,
        sender=actor,
        sender_organization=sender_organization,
        body=body,
    )
    if document is not None:
        store_document(message.attachment, document)
        message.attachment_name = document.original_name
    message.save()
    conversation.last_message_at = message.created_at
    conversation.save(update_fields=["last_message_at"])
    _set_read(conversation, actor, message.created_at)
    _notify_other_side(conversation, other, sender_organization, previous)
    return message


def _notify_other_side(
    conversation: Conversation, other: Organization, sender: Organization, previous
) -> None:
    recipients = list(_members(other))
    if conversation.application_id and other.pk == conversation.application.call.issuer_id:
        # The issuer's side of an application is its handlers.
        from challenges.rules import is_handler

        call = conversation.application.call
        recipients = [user for user in recipients if is_handler(user, call)]
    if previous is not None:
        read = dict(
            ConversationRead.objects.filter(
                conversation=conversation, user__in=recipients
            ).values_list("user_id", "read_at")
        )
        # Already told: an earlier message of this side is still unread by them.
        recipients = [u for u in recipients if read.get(u.pk) and read[u.pk] >= previous]
    notify(
        recipients=recipients,
        verb="docking.message",
        message=gettext_noop("%(organization)s wrote to you about %(target)s"),
        params={
            "organization": rules.party_name_for_organization(
                other, sender, rules.call_of_conversation(conversation)
            ),
            "target": conversation_subject_title(conversation),
        },
        url=conversation_url(conversation),
    )


def _set_read(conversation: Conversation, user: User, moment) -> None:
    ConversationRead.objects.update_or_create(
        conversation=conversation, user=user, defaults={"read_at": moment}
    )


@transaction.atomic
def conversation_mark_read(*, actor: User, conversation: Conversation) -> None:
    """The party ``actor`` has read the conversation up to its latest message: set their
    read mark, and mark read their notifications that lead to it."""
    if not rules.can_take_part(actor, conversation):
        raise NotAllowed(_("Only the two sides read this conversation."))
    latest = (
        conversation.messages.order_by("-created_at").values_list("created_at", flat=True).first()
    )
    _set_read(conversation, actor, latest or timezone.now())
    Notification.objects.filter(
        recipient=actor, url=conversation_url(conversation), read_at__isnull=True
    ).update(read_at=timezone.now())
