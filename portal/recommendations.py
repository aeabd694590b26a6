"""Recommendation panels, loaded into pages with htmx: solvers for a call (in the issuer's
workspace), calls for a listing or an organization, similar results. Each explains why it
recommends."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts import rules as account_rules
from accounts.models import Organization
from catalog import rules as catalog_rules
from catalog.models import ListingStatus, ResearchResult
from catalog.services import LISTING_MODELS
from challenges import matching
from challenges import rules as call_rules
from challenges import selectors as call_selectors
from challenges import services as call_services
from core.http import run_action
from search.documents import document_types
from search.engines.base import EngineUnavailable
from search.labels import labels_for
from search.matching import CHAIN_NODE_FACET, PROVINCE_FACET, find_matches

LIMIT = 10
# Organizations recommended for a call, and the matches they are grouped from: an
# organization often matches with its profile and several listings.
SOLVER_ORGANIZATIONS = 10
SOLVER_POOL = 50


def _facet_labeller(facet_lists):
    """Return a function naming the chain nodes and provinces of matched facets, looked up
    once for all of them."""
    pairs = [pair for facets in facet_lists for pair in facets]
    names = {
        CHAIN_NODE_FACET: labels_for(
            "chain_node", {value for label, value in pairs if label is CHAIN_NODE_FACET}
        ),
        PROVINCE_FACET: labels_for(
            "province", {value for label, value in pairs if label is PROVINCE_FACET}
        ),
    }

    def label(facets):
        return [(name, names.get(name, {}).get(value, value)) for name, value in facets]

    return label


def _type_labels() -> dict[str, str]:
    return {name: str(kind.label) for name, kind in document_types().items()}


def _render(request, matches, *, title):
    """Render matches with their relevance on the same relative scale as recommended
    solvers (``challenges.selectors.RELEVANCE_LEVELS``), leaving out the weak tail."""
    best = max((m.score for m in matches), default=0.0) or 1.0
    kept = []
    for match in matches:
        level = call_selectors.relevance_level(match.score / best)
        if level is not None:
            match.level, match.level_label = level
            kept.append(match)
    name_facets = _facet_labeller(m.matched_facets for m in kept)
    type_labels = _type_labels()
    rows = []
    for match in kept:
        match.type_label = type_labels.get(match.hit.type, match.hit.type)
        rows.append((match, name_facets(match.matched_facets)))
    return render(request, "portal/_matches.html", {"rows": rows, "title": title})


def _safely(request, compute, **context):
    try:
        matches = compute()
    except EngineUnavailable:
        return render(request, "portal/_matches.html", {"unavailable": True, **context})
    return _render(request, matches, **context)


@require_GET
def call_solvers(request, pk: int):
    """The organizations recommended for a call, for its handlers and administrators only
    (competing applicants never learn who was recommended or invited)."""
    call = call_rules.access_call(request.user, pk)
    if not call_rules.can_see_recommended_solvers(request.user, call):
        raise Http404
    context = {"call": call, "title": _("Recommended solvers")}
    try:
        matches = matching.recommended_solvers(call, limit=SOLVER_POOL)
    except EngineUnavailable:
        return render(request, "portal/_solvers.html", {"unavailable": True, **context})
    entries = call_selectors.solver_entries(call, matches, limit=SOLVER_ORGANIZATIONS)
    name_facets = _facet_labeller(entry.matched_facets for entry in entries)
    type_labels = _type_labels()
    for entry in entries:
        entry.facets = name_facets(entry.matched_facets)
        for match in entry.listings:
            match.type_label = type_labels.get(match.hit.type, match.hit.type)
    return render(
        request,
        "portal/_solvers.html",
        {
            **context,
            "entries": entries,
            "can_invite": call_rules.can_invite_solver(request.user, call),
        },
    )


@require_GET
def listing_calls(request, listing_type: str, pk: int):
    model = LISTING_MODELS.get(listing_type)
    if model is None:
        raise Http404
    listing = catalog_rules.access_listing(request.user, model, pk)
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
def invite_solver(request, pk: int, organization_pk: int):
    """Invite a recommended organization; back to the workspace's recommendations tab."""
    call = call_rules.access_call(request.user, pk)
    if not call_rules.can_see_recommended_solvers(request.user, call):
        raise Http404
    organization = get_object_or_404(Organization, pk=organization_pk)
    run_action(
        request,
        lambda: call_services.call_invite(actor=request.user, call=call, organization=organization),
        success=_("%(name)s was invited to apply.") % {"name": organization.name},
    )
    return redirect(reverse("challenges:call_manage", args=[call.pk]) + "?tab=recommended")
