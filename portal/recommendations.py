"""Recommendation panels, loaded into pages with htmx: solvers for a call, calls for a
listing or an organization, similar results. Each explains why it recommends."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts import rules as account_rules
from accounts.exceptions import DomainError
from accounts.models import Organization
from catalog import rules as catalog_rules
from catalog.models import ListingStatus, ResearchResult
from catalog.services import LISTING_MODELS
from challenges import matching
from challenges import rules as call_rules
from challenges import services as call_services
from search.documents import document_types
from search.engines.base import EngineUnavailable
from search.labels import labels_for
from search.matching import CHAIN_NODE_FACET, PROVINCE_FACET, find_matches

LIMIT = 10


def _render(request, matches, *, title, call=None):
    node_ids = {
        value for m in matches for label, value in m.matched_facets if label is CHAIN_NODE_FACET
    }
    provinces = {
        value for m in matches for label, value in m.matched_facets if label is PROVINCE_FACET
    }
    nodes = labels_for("chain_node", node_ids)
    regions = labels_for("province", provinces)
    type_labels = {name: str(kind.label) for name, kind in document_types().items()}
    rows = []
    for match in matches:
        match.type_label = type_labels.get(match.hit.type, match.hit.type)
        facets = [
            (
                label,
                {CHAIN_NODE_FACET: nodes, PROVINCE_FACET: regions}.get(label, {}).get(value, value),
            )
            for label, value in match.matched_facets
        ]
        rows.append((match, facets))
    return render(
        request,
        "portal/_matches.html",
        {
            "rows": rows,
            "title": title,
            "call": call,
            "can_invite": call is not None
            and call.is_open
            and call_rules.is_handler(request.user, call),
        },
    )


def _safely(request, compute, **context):
    try:
        matches = compute()
    except EngineUnavailable:
        return render(request, "portal/_matches.html", {"unavailable": True, **context})
    return _render(request, matches, **context)


@require_GET
def call_solvers(request, pk: int):
    call = call_rules.access_call(request.user, pk)
    if not call_rules.can_see_recommended_solvers(request.user, call):
        raise Http404
    return _safely(
        request,
        lambda: matching.recommended_solvers(call, limit=LIMIT),
        title=_("Recommended solvers"),
        call=call,
    )


@require_GET
def listing_calls(request, listing_type: str, pk: int):
    model = LISTING_MODELS.get(listing_type)
    if model is None:
        raise Http404
    listing = catalog_rules.access_listing(request.user, model, pk)
    if listing.status != ListingStatus.PUBLISHED:
        raise Http404
    if not catalog_rules.can_see_calls_for_listing(request.user, listing):
        raise Http404
    return _safely(
        request,
        lambda: find_matches(matching.listing_source(listing), limit=LIMIT),
        title=_("Calls and demands for you"),
    )


@require_GET
def organization_calls(request, pk: int):
    organization = account_rules.access_organization(request.user, pk)
    if not account_rules.can_see_calls_for_organization(request.user, organization):
        raise Http404
    listings = [
        *organization.products.filter(status=ListingStatus.PUBLISHED).prefetch_related(
            "chain_nodes"
        ),
        *organization.researchresults.filter(status=ListingStatus.PUBLISHED).prefetch_related(
            "chain_nodes"
        ),
    ]
    return _safely(
        request,
        lambda: find_matches(matching.organization_source(organization, listings), limit=LIMIT),
        title=_("Calls and demands for you"),
    )


@login_not_required
@require_GET
def similar_results(request, pk: int):
    result = catalog_rules.access_listing(request.user, ResearchResult, pk)
    return _safely(
        request,
        lambda: find_matches(matching.similar_results_source(result), limit=LIMIT),
        title=_("Similar research results"),
    )


@require_POST
def invite(request, pk: int, organization_pk: int):
    call = call_rules.access_call(request.user, pk)
    organization = get_object_or_404(Organization, pk=organization_pk)
    try:
        call_services.call_invite(actor=request.user, call=call, organization=organization)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(name)s was invited to apply.") % {"name": organization.name})
    return redirect(call.get_absolute_url())
