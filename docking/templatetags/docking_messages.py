"""``{% load docking_messages %}`` then ``{% unread_message_count as n %}``: the unread
messages of the signed-in user's conversations, for the header link (one query)."""

from __future__ import annotations

from django import template

from docking.selectors.conversations import unread_message_count as _unread_message_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_message_count(context) -> int:
    request = context.get("request")
    user = getattr(request, "user", None)
    return _unread_message_count(user) if user is not None else 0


@register.simple_tag(takes_context=True)
def conversation_access(context, conversation) -> dict:
    """``{% conversation_access conversation as access %}``: ``access.party`` (the user is
    one of the two sides: they may open it) and ``access.unread`` (their unread messages)."""
    from docking import rules
    from docking.selectors.conversations import conversation_unread_count

    request = context.get("request")
    user = getattr(request, "user", None)
    if conversation is None or user is None or not rules.can_see_conversation(user, conversation):
        return {"party": False, "unread": 0}
    return {"party": True, "unread": conversation_unread_count(user, conversation)}
