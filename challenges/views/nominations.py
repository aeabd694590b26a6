"""Pages of nomination by recommending units (推荐单位, measure 十三): the issuer names the
units and quotas, the applicant submits through one, the unit decides in its workspace."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import rules as account_rules
from core.forms import ReasonForm
from core.http import form_errors_to_messages, redirect_back, run_action
from core.ids import parse_id

from .. import rules, services
from ..forms import NominationQuotaForm, NominationReviewForm
from ..models import NominationQuota
from ..selectors import nominations as nomination_selectors
from ..transitions import APPLICATION_TRANSITIONS, NOMINATION_TRANSITIONS


@require_POST
def set_quota(request, pk: int):
    call = rules.access_call(request.user, pk)
    if not rules.can_manage_call(request.user, call):
        raise Http404
    form = NominationQuotaForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
    else:
        run_action(
            request,
            lambda: services.nomination_quota_set(
                actor=request.user, call=call, **form.cleaned_data
            ),
            success=_("The recommending unit and its quota are saved."),
        )
    return redirect_back(request, call.get_absolute_url())


@require_POST
def remove_quota(request, pk: int):
    quota = get_object_or_404(NominationQuota.objects.select_related("call", "unit"), pk=pk)
    call = rules.access_call(request.user, quota.call_id)
    if not rules.can_manage_call(request.user, call):
        raise Http404
    run_action(
        request,
        lambda: services.nomination_quota_remove(actor=request.user, quota=quota),
        success=_("The recommending unit is removed."),
    )
    return redirect_back(request, call.get_absolute_url())


@require_POST
def submit_to_unit(request, pk: int):
    """The applicant submits its draft through the recommending unit it chose."""
    application = rules.access_application(request.user, pk)
    if not rules.is_applicant_member(request.user, application):
        raise Http404
    quota = (
        application.call.nomination_quotas.select_related("unit")
        .filter(unit_id=parse_id(request.POST.get("unit")))
        .first()
    )
    if quota is None:
        messages.error(request, _("Choose one of the call's recommending units."))
        return redirect(application.get_absolute_url())
    run_action(
        request,
        lambda: services.application_submit_to_unit(
            actor=request.user, application=application, unit=quota.unit
        ),
        success=APPLICATION_TRANSITIONS["submit_to_unit"].success,
    )
    return redirect(application.get_absolute_url())


@require_POST
def decide(request, pk: int, action: str):
    """A member of the recommending unit nominates (with its opinion) or returns (with a
    reason) an application submitted through it."""
    nomination = rules.access_nomination(request.user, pk)
    transition = NOMINATION_TRANSITIONS.manual(action)
    if transition is None:
        raise Http404
    back = nomination.application.get_absolute_url()
    if action == "nominate":
        form = NominationReviewForm(request.POST)
        if not form.is_valid():
            form_errors_to_messages(request, form)
            return redirect_back(request, back)
        run_action(
            request,
            lambda: services.nomination_nominate(
                actor=request.user, nomination=nomination, review=form.cleaned_data["review"]
            ),
            success=transition.success,
        )
    else:
        form = ReasonForm(request.POST)
        if not form.is_valid():
            form_errors_to_messages(request, form)
            return redirect_back(request, back)
        run_action(
            request,
            lambda: services.nomination_return(
                actor=request.user, nomination=nomination, reason=form.cleaned_data["reason"]
            ),
            success=transition.success,
        )
    return redirect_back(request, back)


def workspace(request):
    """A recommending unit's workspace: per call, its quota, how many it used, and the
    applications submitted through it (only its own)."""
    organization = account_rules.organization_of(request.user)
    if not nomination_selectors.is_recommending_unit(organization):
        raise Http404
    return render(
        request,
        "challenges/nomination_workspace.html",
        {
            "unit": organization,
            "entries": nomination_selectors.unit_workspace(organization),
        },
    )
