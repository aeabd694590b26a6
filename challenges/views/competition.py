"""Competition results (以赛促创): the public certificate page, and inviting a
competition's finalist to an open call."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.http import redirect_back, run_action
from core.ids import parse_id

from .. import rules, services
from ..forms import FinalistInviteForm
from ..models import CompetitionResult
from ..selectors import nominations as nomination_selectors


@login_not_required
def certificate(request, code: str):
    """Anyone may check a certificate by its number (printed on it)."""
    if len(code) > 20:
        raise Http404
    result = nomination_selectors.result_by_code(code)
    if result is None:
        raise Http404
    call = result.call
    return render(
        request,
        "challenges/certificate.html",
        {
            "result": result,
            "competition": call,
            "organization": result.application.applicant,
            "issuer_name": rules.issuer_name_for(request.user, call),
        },
    )


@require_POST
def invite_finalist(request, pk: int):
    """Invite a competition's winner or finalist (chosen from the list, or by its
    certificate number) to this open call, carrying its result."""
    call = rules.access_call(request.user, pk)
    if not rules.can_manage_call(request.user, call):
        raise Http404
    back = reverse("challenges:call_manage", args=[call.pk])
    result = None
    result_id = parse_id(request.POST.get("result"))
    if result_id is not None:
        result = CompetitionResult.objects.filter(pk=result_id).first()
    else:
        form = FinalistInviteForm(request.POST)
        if form.is_valid():
            result = nomination_selectors.result_by_code(form.cleaned_data["code"])
    if result is None:
        messages.error(request, _("No competition result has this certificate number."))
        return redirect_back(request, back)
    run_action(
        request,
        lambda: services.call_invite_finalist(actor=request.user, call=call, result=result),
        success=_("%(name)s is invited, with its competition result.")
        % {"name": result.application.applicant.name},
    )
    return redirect_back(request, back)
