"""Money against milestones: setting a milestone's tranche and cancelling it (the release
follows the milestone's acceptance)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.http import form_errors_to_messages, redirect_back, run_action

from .. import rules, services
from ..forms import TrancheForm
from ..models import Milestone, Tranche
from ..transitions import TRANCHE_TRANSITIONS
from .moves import run_manual_move


@require_POST
def set_tranche(request, pk: int):
    """Tie an amount of the award to a milestone, or change it while pending."""
    milestone = get_object_or_404(Milestone.objects.select_related("application"), pk=pk)
    application = rules.access_application(request.user, milestone.application_id)
    back = application.get_absolute_url() + "#milestones"
    form = TrancheForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect_back(request, back)
    run_action(
        request,
        lambda: services.tranche_set(
            actor=request.user, milestone=milestone, amount=form.cleaned_data["amount"]
        ),
        success=_("The tranche is set; it is released when the milestone is accepted."),
    )
    return redirect_back(request, back)


@require_POST
def move_tranche(request, pk: int, action: str):
    tranche = get_object_or_404(Tranche.objects.select_related("milestone"), pk=pk)
    application = rules.access_application(request.user, tranche.milestone.application_id)
    return run_manual_move(
        request,
        TRANCHE_TRANSITIONS,
        action,
        services.tranche_move,
        application.get_absolute_url() + "#milestones",
        tranche=tranche,
    )
