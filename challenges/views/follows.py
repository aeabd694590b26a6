"""Following calls (关注): the button on a call's page and the list of followed calls."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.http import redirect_back, run_action

from .. import rules, selectors, services


@require_POST
def follow_call(request, pk: int):
    call = rules.access_call(request.user, pk)
    run_action(
        request,
        lambda: services.call_follow(actor=request.user, call=call),
        success=_("You follow this call; you are told of its clarifications and its outcome."),
    )
    return redirect_back(request, call.get_absolute_url())


@require_POST
def unfollow_call(request, pk: int):
    call = rules.access_call(request.user, pk)
    run_action(
        request,
        lambda: services.call_unfollow(actor=request.user, call=call),
        success=_("You no longer follow this call."),
    )
    return redirect_back(request, call.get_absolute_url())


def followed_calls(request):
    """The calls the signed-in user follows, with where each stands."""
    return render(
        request,
        "challenges/followed_calls.html",
        {"follows": selectors.followed_calls(request.user)},
    )
