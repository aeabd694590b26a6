"""Campaign pages: the public list and page (theme, chain nodes, deadline, counts, published
batches); for the organizer the screening table, the moves and the recommending units."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.rules import is_platform_admin, organization_of
from core.http import form_errors_to_messages, run_action

from .. import rules, selectors, services
from ..forms import CampaignFilterForm, CampaignForm, MergeForm, UnitsForm
from ..models import CampaignKind, CampaignStatus
from ..transitions import CAMPAIGN_TRANSITIONS, SUBMISSION_TRANSITIONS

PAGE_SIZE = 20


@login_not_required
@require_GET
def campaign_list(request):
    """Open, screening and published campaigns; the organizer's own (drafts too)."""
    user = request.user
    filters = CampaignFilterForm(request.GET or None)
    organization = organization_of(user) if user.is_authenticated else None
    campaigns = selectors.campaign_list(
        organizer=organization if rules.can_create_campaign(user) else None,
        everything=is_platform_admin(user),
        **filters.values(),
    )
    page = Paginator(campaigns, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "campaigns": page.object_list,
        "filters": filters,
        "can_create": rules.can_create_campaign(user),
    }
    return render(request, "campaigns/campaign_list.html", context)


def campaign_create(request):
    if not rules.can_create_campaign(request.user):
        raise Http404
    form = CampaignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data["kind"]
        data, nodes = form.service_data()
        outcome = run_action(
            request,
            lambda: services.campaign_create(
                actor=request.user, kind=kind, data=data, chain_nodes=nodes
            ),
            success=_("The campaign is saved as a draft; open it when it is ready."),
            form=form,
        )
        if outcome:
            return redirect("campaigns:campaign_detail", pk=outcome.value.pk)
    return render(request, "campaigns/campaign_form.html", {"form": form})


def campaign_edit(request, pk: int):
    campaign = rules.access_managed_campaign(request.user, pk)
    form = CampaignForm(
        request.POST or None, editing=True, initial=CampaignForm.initial_of(campaign)
    )
    if request.method == "POST" and form.is_valid():
        data, nodes = form.service_data()
        outcome = run_action(
            request,
            lambda: services.campaign_update(
                actor=request.user, campaign=campaign, data=data, chain_nodes=nodes
            ),
            success=_("Saved."),
            form=form,
        )
        if outcome:
            return redirect("campaigns:campaign_detail", pk=campaign.pk)
    return render(request, "campaigns/campaign_form.html", {"form": form, "campaign": campaign})


def _units_form(campaign, data=None) -> UnitsForm:
    return UnitsForm(
        data,
        units=selectors.unit_choices(),
        current=list(selectors.campaign_units(campaign)),
        prefix="units",
    )


@require_POST
def campaign_units(request, pk: int):
    """Set the recommending units and their quotas."""
    campaign = rules.access_managed_campaign(request.user, pk)
    form = _units_form(campaign, request.POST)
    if form.is_valid():
        run_action(
            request,
            lambda: services.campaign_units_set(
                actor=request.user, campaign=campaign, units=form.service_units()
            ),
            success=_("The recommending units are saved."),
        )
    else:
        form_errors_to_messages(request, form)
    return redirect("campaigns:campaign_detail", pk=campaign.pk)


@require_POST
def campaign_move(request, pk: int, action: str):
    campaign = rules.access_managed_campaign(request.user, pk)
    transition = CAMPAIGN_TRANSITIONS.manual(action)
    if transition is None:
        raise Http404
    reason = request.POST.get("reason", "")[:2000]
    outcome = run_action(
        request,
        lambda: services.campaign_move(
            actor=request.user, campaign=campaign, action=action, note=reason
        ),
        success=transition.success or transition.done,
    )
    if outcome and action == "publish":
        return redirect("campaigns:batch_detail", pk=outcome.value.pk)
    return redirect("campaigns:campaign_detail", pk=campaign.pk)


@login_not_required
@require_GET
def campaign_detail(request, pk: int):
    user = request.user
    campaign = rules.access_campaign(user, pk)
    runs = rules.can_run_campaign(user, campaign)
    context = {
        "campaign": campaign,
        "chain_nodes": campaign.chain_nodes.select_related("chain"),
        "counts": selectors.campaign_counts(campaign),
        "batches": campaign.batches.order_by("number"),
        "units": selectors.campaign_units(campaign),
        "runs": runs,
        "submit_problems": rules.submit_problems(user, campaign),
        "is_results": campaign.kind == CampaignKind.RESULTS,
    }
    if runs:
        roles = rules.campaign_roles(user, campaign)
        submissions = list(selectors.campaign_submissions(campaign))
        targets = list(selectors.merge_targets(campaign))
        for submission in submissions:
            submission.moves = [
                move
                for move in SUBMISSION_TRANSITIONS.available(submission.status, roles)
                if move.is_manual
            ]
            submission.targets = [t for t in targets if t.pk != submission.pk]
        context.update(
            offer=CAMPAIGN_TRANSITIONS.offered(
                campaign.status,
                roles,
                problems=lambda action: services.campaign_move_problems(campaign, action),
            ),
            submissions=submissions,
            timeline=campaign.events.select_related("actor").order_by("created_at", "pk"),
            merge_form=MergeForm(),
            units_editable=campaign.kind != CampaignKind.RESULTS
            and campaign.status in (CampaignStatus.DRAFT, CampaignStatus.OPEN),
        )
        if context["units_editable"]:
            context["units_form"] = _units_form(campaign)
    elif user.is_authenticated and organization_of(user) is not None:
        context["mine"] = campaign.submissions.filter(organization=organization_of(user))
    return render(request, "campaigns/campaign_detail.html", context)
