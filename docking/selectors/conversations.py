"""Reads of conversations: a user's inbox, a conversation's messages and unread counts.

A message is unread by a user when it comes from the other side and is newer than their read
mark (``ConversationRead.read_at``; no mark: every message of the other side is unread).
"""

from __future__ import annotations

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery

from accounts.models import Membership, MembershipRole, MembershipStatus
from accounts.rules import organization_of
from challenges.models import ApplicationStatus

from .. import rules
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


def _of_organizations(organizations, user, prefix: str = "") -> Q:
    """Conversations in which the user's organizations take part: both sides of a handshake
    or a recommendation; an application's applicant, or its issuer for the call's handlers
    (named handlers, or the issuer's administrators)."""
    p = prefix
    handled = Q(**{f"{p}application__call__handlers": user}) | Q(
        **{
            f"{p}application__call__issuer__memberships__user": user,
            f"{p}application__call__issuer__memberships__status": MembershipStatus.ACTIVE,
            f"{p}application__call__issuer__memberships__role": MembershipRole.ADMIN,
        }
    )
    return (
        Q(**{f"{p}interest__requester__in": organizations})
        | Q(**{f"{p}interest__owner__in": organizations})
        | Q(**{f"{p}application__applicant__in": organizations})
        | (Q(**{f"{p}application__call__issuer__in": organizations}) & handled)
        | Q(**{f"{p}recommendation__recipient__organization__in": organizations})
        | Q(**{f"{p}recommendation__entry__organization__in": organizations})
    )


def _visible_ids(user):
    organizations = _organizations_of(user)
    return (
        Conversation.objects.filter(_of_organizations(organizations, user))
        # Only applications that reached the issuer (``challenges.models.REACHED_ISSUER``).
        .exclude(application__status__in=[ApplicationStatus.DRAFT, ApplicationStatus.NOMINATION])
        .exclude(application__isnull=False, application__submitted_at__isnull=True)
        .values("pk")
    )


def _read_at(user, conversation_ref: str):
    return Subquery(
        ConversationRead.objects.filter(conversation=OuterRef(conversation_ref), user=user).values(
            "read_at"
        )[:1]
    )


def conversations_of_user(user) -> QuerySet[Conversation]:
    """The conversations the user takes part in (handshakes, applications, recommendations),
    newest message first, each with ``unread`` (messages of the other side after the user's
    read mark)."""
    if not user.is_authenticated:
        return Conversation.objects.none()
    organizations = _organizations_of(user)
    unread = Q(messages__created_at__gt=F("user_read_at")) | Q(user_read_at__isnull=True)
    return (
        Conversation.objects.filter(pk__in=_visible_ids(user))
        .select_related(*rules._CONVERSATION_RELATED)
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
        Message.objects.filter(conversation__in=_visible_ids(user))
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
