"""The public registry of verification platforms and the administrators' pages to keep it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.rules import is_platform_admin
from catalog.selectors import chain_node_choices
from core.forms import ReasonForm
from core.http import run_action
from core.ids import parse_id
from reference.regions import Province

from .. import rules, selectors, services
from ..forms import PlatformForm
from ..transitions import BOOKING_TRANSITIONS


def _filters(request) -> selectors.PlatformFilters:
    params = request.GET
    province = params.get("province", "")
    return selectors.PlatformFilters(
        province=province if province in Province.values else "",
        node=parse_id(params.get("node")),
        free=params.get("free") == "1",
        inactive=is_platform_admin(request.user) and params.get("inactive") == "1",
    )


@login_not_required
@require_GET
def platform_list(request):
    """Every platform taking bookings, by region, with its capacity and today's use."""
    filters = _filters(request)
    context = {
        "platforms": list(selectors.platform_list(filters)),
        "filters": filters,
        "provinces": Province.choices,
        "node_groups": chain_node_choices(),
        "can_manage": rules.can_manage_platforms(request.user),
    }
    return render(request, "verification/platform_list.html", context)


@login_not_required
@require_GET
def platform_detail(request, pk: int):
    """A platform: capabilities, capacity, region, owner, chain nodes and its calendar of
    confirmed bookings; its owner's members also answer the requests here."""
    platform = rules.access_platform(request.user, pk)
    owner_member = rules.is_owner_member(request.user, platform)
    confirmed = list(selectors.confirmed_bookings(platform))
    for booking in confirmed:
        booking.project_shown = booking.call.is_public
    context = {
        "platform": platform,
        "chain_nodes": list(platform.chain_nodes.select_related("chain")),
        "weeks": selectors.calendar_weeks(platform),
        "confirmed": confirmed,
        "requested": list(selectors.requested_bookings(platform)) if owner_member else [],
        "owner_member": owner_member,
        "can_manage": rules.can_manage_platforms(request.user),
        "can_book": platform.is_active and selectors.bookable_calls(request.user).exists(),
        "decline": BOOKING_TRANSITIONS["decline"],
        "reason_form": ReasonForm(),
    }
    return render(request, "verification/platform_detail.html", context)


def platform_create(request):
    if not rules.can_manage_platforms(request.user):
        raise Http404
    form = PlatformForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            lambda: services.platform_register(actor=request.user, **form.service_data()),
            success=_("The platform is in the registry and takes bookings."),
            form=form,
        )
        if outcome:
            return redirect("verification:platform_detail", pk=outcome.value.pk)
    return render(request, "verification/platform_form.html", {"form": form, "platform": None})


def platform_edit(request, pk: int):
    platform = rules.access_platform(request.user, pk)
    if not rules.can_manage_platforms(request.user):
        raise Http404
    form = PlatformForm(request.POST or None, platform=platform)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            lambda: services.platform_update(
                actor=request.user, platform=platform, **form.service_data()
            ),
            success=_("Saved."),
            form=form,
        )
        if outcome:
            return redirect("verification:platform_detail", pk=platform.pk)
    return render(request, "verification/platform_form.html", {"form": form, "platform": platform})


@require_POST
def platform_deactivate(request, pk: int):
    platform = rules.access_platform(request.user, pk)
    if not rules.can_manage_platforms(request.user):
        raise Http404
    run_action(
        request,
        lambda: services.platform_deactivate(actor=request.user, platform=platform),
        success=_("%(name)s takes no more bookings.") % {"name": platform.name},
    )
    return redirect("verification:platform_detail", pk=platform.pk)


@require_POST
def platform_reactivate(request, pk: int):
    platform = rules.access_platform(request.user, pk)
    if not rules.can_manage_platforms(request.user):
        raise Http404
    run_action(
        request,
        lambda: services.platform_reactivate(actor=request.user, platform=platform),
        success=_("%(name)s takes bookings again.") % {"name": platform.name},
    )
    return redirect("verification:platform_detail", pk=platform.pk)
