"""Administrators' registry of recipients: the large enterprises receiving recommendations,
their channel and what they need."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.http import run_action

from .. import rules, selectors, services
from ..forms_recommendations import RecipientForm
from ..models import Channel


def recipient_list(request):
    """Every recipient with its channel, needs, chain nodes, open calls and counts."""
    if not rules.can_manage_recipients(request.user):
        raise Http404
    channel = request.GET.get("channel", "")
    channel = channel if channel in Channel.values else ""
    context = {
        "recipients": list(selectors.recipient_list(channel=channel)),
        "channels": Channel.choices,
        "channel": channel,
        "versions": list(selectors.versions_to_recommend_from()[:20]),
    }
    return render(request, "directories/recipient_list.html", context)


def recipient_create(request):
    if not rules.can_manage_recipients(request.user):
        raise Http404
    form = RecipientForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organization = form.cleaned_data["organization"]
        outcome = run_action(
            request,
            lambda: services.recipient_register(
                actor=request.user,
                organization=organization,
                **form.service_data(),
            ),
            success=_("%(name)s receives recommendations now.") % {"name": organization.name},
            form=form,
        )
        if outcome:
            return redirect("directories:recipient_list")
    return render(request, "directories/recipient_form.html", {"form": form, "recipient": None})


def recipient_edit(request, pk: int):
    recipient = rules.access_recipient(request.user, pk)
    form = RecipientForm(request.POST or None, recipient=recipient)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            lambda: services.recipient_update(
                actor=request.user, recipient=recipient, **form.service_data()
            ),
            success=_("Saved."),
            form=form,
        )
        if outcome:
            return redirect("directories:recipient_list")
    return render(
        request, "directories/recipient_form.html", {"form": form, "recipient": recipient}
    )


@require_POST
def recipient_deactivate(request, pk: int):
    recipient = rules.access_recipient(request.user, pk)
    run_action(
        request,
        lambda: services.recipient_deactivate(actor=request.user, recipient=recipient),
        success=_("%(name)s receives no more recommendations.")
        % {"name": recipient.organization.name},
    )
    return redirect("directories:recipient_list")


@require_POST
def recipient_reactivate(request, pk: int):
    recipient = rules.access_recipient(request.user, pk)
    run_action(
        request,
        lambda: services.recipient_reactivate(actor=request.user, recipient=recipient),
        success=_("%(name)s receives recommendations again.")
        % {"name": recipient.organization.name},
    )
    return redirect("directories:recipient_list")
