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


def _about_access(context, check, related: str, obj) -> dict:
    """Whether the user may open the conversation about ``obj`` (``check`` is the access
    helper raising Http404), the conversation if it exists, and the user's unread count."""
    from django.http import Http404

    from docking.models import Conversation
    from docking.selectors.conversations import conversation_unread_count

    request = context.get("request")
    user = getattr(request, "user", None)
    if obj is None or user is None or not user.is_authenticated:
        return {"party": False, "conversation": None, "unread": 0}
    try:
        check(user, obj.pk)
    except Http404:
        return {"party": False, "conversation": None, "unread": 0}
    conversation = Conversation.objects.filter(**{related: obj}).first()
    unread = conversation_unread_count(user, conversation) if conversation else 0
    return {"party": True, "conversation": conversation, "unread": unread}


@register.simple_tag(takes_context=True)
def application_conversation_access(context, application) -> dict:
    """``{% application_conversation_access application as access %}``: ``access.party``
    (the applicant's members and the call's handlers), ``access.conversation`` (None before
    the first opening) and ``access.unread``."""
    from docking import rules

    return _about_access(context, rules.access_application_conversation, "application", application)


@register.simple_tag(takes_context=True)
def recommendation_conversation_access(context, recommendation) -> dict:
    """``{% recommendation_conversation_access recommendation as access %}``: as above, for
    the recipient's and the recommended firm's members."""
    from docking import rules

    return _about_access(
        context, rules.access_recommendation_conversation, "recommendation", recommendation
    )
