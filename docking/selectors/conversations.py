"""Reads of conversations: a user's inbox, a conversation's messages and unread counts.

A message is unread by a user when it comes from the other side and is newer than their read
mark (``ConversationRead.read_at``; no mark: every message of the other side is unread).
"""

from __future__ import annotations

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery

from accounts.models import Membership, MembershipStatus
from accounts.rules import organization_of

from ..models import Conversation, ConversationRead, Message

__all__ = [
    "conversation_messages",
    "conversation_unread_count",
    "conversations_of_user",
    "unread_message_count",
]


def _organizations_of(user):
    """The organizations the user actively acts for, as a subquery (no query of its own)."""
    return Membership.objects.filter(user=user, status=MembershipStatus.ACTIVE).values(
        "organization"
    )


def _read_at(user, conversation_ref: str):
    return Subquery(
        ConversationRead.objects.filter(conversation=OuterRef(conversation_ref), user=user).values(
            "read_at"
        )[:1]
    )


def conversations_of_user(user) -> QuerySet[Conversation]:
    """The conversations of every organization the user acts for, newest message first, each
    with ``unread`` (messages of the other side after the user's read mark)."""
    if not user.is_authenticated:
        return Conversation.objects.none()
    organizations = _organizations_of(user)
    unread = Q(messages__created_at__gt=F("user_read_at")) | Q(user_read_at__isnull=True)
    return (
        Conversation.objects.filter(
            Q(interest__requester__in=organizations) | Q(interest__owner__in=organizations)
        )
        .select_related(
            "interest__requester",
            "interest__owner",
            "interest__result",
            "interest__product",
            "interest__resource",
            "interest__call",
        )
        .annotate(user_read_at=_read_at(user, "pk"))
        .annotate(
            unread=Count(
                "messages",
                filter=unread
                & Q(messages__isnull=False)
                & ~Q(messages__sender_organization__in=organizations),
            ),
            message_count=Count("messages"),
        )
        .order_by(F("last_message_at").desc(nulls_last=True), "-created_at", "-pk")
    )


def conversation_messages(conversation: Conversation) -> QuerySet[Message]:
    """The messages, oldest first, with their senders."""
    return conversation.messages.select_related("sender", "sender_organization").order_by(
        "created_at", "pk"
    )


def _unread_messages(user):
    organizations = _organizations_of(user)
    return (
        Message.objects.filter(
            Q(conversation__interest__requester__in=organizations)
            | Q(conversation__interest__owner__in=organizations)
        )
        .exclude(sender_organization__in=organizations)
        .annotate(user_read_at=_read_at(user, "conversation"))
        .filter(Q(user_read_at__isnull=True) | Q(created_at__gt=F("user_read_at")))
    )


def conversation_unread_count(user, conversation: Conversation) -> int:
    if not user.is_authenticated:
        return 0
    return _unread_messages(user).filter(conversation=conversation).count()


def unread_message_count(user) -> int:
    """Unread messages in all the user's conversations, for the header: one query, none for
    a user who acts for no organization (the membership is cached on the user)."""
    if organization_of(user) is None:
        return 0
    return _unread_messages(user).count()
