"""Conversations of handshakes, applications and recommendations: opening one, the inbox,
a conversation, sending a message and downloading an attachment. Only the two sides see any
of them (404 for everyone else)."""

from __future__ import annotations

from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.http import run_action

from .. import rules, selectors, services
from ..forms_messages import MessageForm


def conversation_list(request):
    conversations = list(selectors.conversations_of_user(request.user))
    context = {
        "conversations": conversations,
        "unread_total": sum(c.unread for c in conversations),
    }
    return render(request, "docking/conversation_list.html", context)


def application_conversation(request, pk: int):
    """Open (on first use) the conversation about an application and go to it: the
    applicant's members and the call's handlers only."""
    application = rules.access_application_conversation(request.user, pk)
    conversation = services.conversation_of_application(application)
    return redirect("docking:conversation_detail", pk=conversation.pk)


def recommendation_conversation(request, pk: int):
    """Open (on first use) the conversation about a recommendation and go to it: the
    recipient's and the recommended firm's members only."""
    recommendation = rules.access_recommendation_conversation(request.user, pk)
    conversation = services.conversation_of_recommendation(recommendation)
    return redirect("docking:conversation_detail", pk=conversation.pk)


def _page(request, conversation, form=None, status=200):
    messages_ = list(selectors.conversation_messages(conversation))
    party = rules.conversation_party(request.user, conversation)
    first, second = rules.conversation_parties(conversation)
    other = second if party.pk == first.pk else first
    context = {
        "conversation": conversation,
        "interest": conversation.interest,
        "application": conversation.application,
        "recommendation": conversation.recommendation,
        "party": party,
        "other": other,
        # An anonymous call's issuer is named by its label until revealed (measure 十三).
        "other_name": rules.party_name(
            request.user, other, rules.call_of_conversation(conversation)
        ),
        "conversation_messages": messages_,
        "can_write": rules.can_write_message(request.user, conversation),
        "form": form or MessageForm(),
    }
    return render(request, "docking/conversation_detail.html", context, status=status)


def conversation_detail(request, pk: int):
    conversation = rules.access_conversation(request.user, pk)
    services.conversation_mark_read(actor=request.user, conversation=conversation)
    return _page(request, conversation)


@require_POST
def message_send(request, pk: int):
    conversation = rules.access_conversation(request.user, pk)
    form = MessageForm(request.POST, request.FILES)
    if form.is_valid():
        sent = run_action(
            request,
            lambda: services.message_send(
                actor=request.user, conversation=conversation, **form.service_data()
            ),
            success=_("Your message was sent."),
            form=form,
        )
        if sent:
            return redirect("docking:conversation_detail", pk=conversation.pk)
        if not form.errors:
            # Refused as a whole (e.g. the interest was withdrawn): back to the page.
            return redirect("docking:conversation_detail", pk=conversation.pk)
    return _page(request, conversation, form=form, status=400)


@require_GET
def message_attachment(request, pk: int):
    """A message's file, to the two sides only, always as a download."""
    message = rules.access_message_attachment(request.user, pk)
    response = FileResponse(
        message.attachment.open("rb"),
        as_attachment=True,
        filename=message.attachment_name or "attachment",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
