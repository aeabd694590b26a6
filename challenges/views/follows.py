"""Following calls (关注): the button on a call's page and the list of followed calls."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.exceptions import DomainError
from core.http import redirect_back

from .. import rules, selectors, services


@require_POST
def call_follow(request, pk: int):
    call = rules.access_call(request.user, pk)
    try:
        services.call_follow(actor=request.user, call=call)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("You follow this call; you are told of its clarifications and its outcome."),
        )
    return redirect_back(request, call.get_absolute_url())


@require_POST
def call_unfollow(request, pk: int):
    call = rules.access_call(request.user, pk)
    try:
        services.call_unfollow(actor=request.user, call=call)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You no longer follow this call."))
    return redirect_back(request, call.get_absolute_url())


def followed_calls(request):
    """The calls the signed-in user follows, with where each stands."""
    return render(
        request,
        "challenges/followed_calls.html",
        {"follows": selectors.followed_calls(request.user)},
    )
