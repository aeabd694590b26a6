"""The public registry of innovation centres: the list with its filters, and a centre's
page (its members by role; its participation calls come in a panel of the open-call
engine, ``challenges:centre_calls``, since this app does not import it)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from reference.regions import Province

from .. import rules, selectors
from ..forms import MemberAddForm
from ..models import CentreLevel


@login_not_required
def centre_list(request):
    filters = selectors.CentreFilters.from_querydict(request.GET)
    context = {
        "centres": list(
            selectors.centre_list(filters, include_inactive=rules.can_manage_registry(request.user))
        ),
        "filters": filters,
        "levels": CentreLevel.choices,
        "provinces": Province.choices,
        "can_manage": rules.can_manage_registry(request.user),
    }
    return render(request, "centres/centre_list.html", context)


@login_not_required
def centre_detail(request, pk: int):
    centre = rules.access_centre(request.user, pk)
    can_manage_members = rules.can_manage_members(request.user, centre)
    context = {
        "centre": centre,
        "chain_nodes": list(centre.chain_nodes.select_related("chain")),
        "roles": selectors.members_by_role(centre),
        "participant_count": selectors.centre_participant_count(centre),
        "can_manage": rules.can_manage_registry(request.user),
        "can_manage_members": can_manage_members,
        "member_form": MemberAddForm() if can_manage_members else None,
    }
    return render(request, "centres/centre_detail.html", context)
