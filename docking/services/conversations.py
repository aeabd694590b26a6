"""(being written) Conversations of handshakes and their messages."""

from __future__ import annotations

from ..models import Conversation, Interest

__all__ = ["conversation_of"]


def conversation_of(interest: Interest) -> Conversation:
    """The conversation of a handshake, opened on first use (when the interest is accepted)."""
    conversation, _created = Conversation.objects.get_or_create(interest=interest)
    return conversation
