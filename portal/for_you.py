"""“For you” both ways (measure 十五, 供需双向揭榜), a panel of the workspace loaded with htmx.

An enterprise sees the research results and products that fit its R&D demands and its other
open calls; a university or institute sees the R&D demands and open calls that fit its
published research results. Each match says why (the search app's explanation) and which of
the organization's own calls or results it fits, with one click to express interest (or, for
a call that is not an R&D demand, to apply on its page).

The matching is search's (``search.matching.find_matches``) from the sources
``challenges.matching`` defines; this module only picks the sources, merges their matches
and marks the interests already running. The eligibility filters of a call are about who may
apply, not who may be told of a fitting result: matching from a call here looks at every
published result and product.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.db.models import Case, IntegerField, Q, Value, When
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts.models import INSTITUTION_KINDS, Organization
from accounts.rules import organization_of
from catalog.models import ListingStatus
from challenges import matching
from challenges import selectors as call_selectors
from challenges.models import Call, CallKind, CallStatus
from docking.models import Interest
from docking.rules import OPEN_INTEREST_STATUSES
from search.engines.base import EngineUnavailable
from search.matching import Match, MatchSource, find_matches

from .recommendations import _facet_labeller, _type_labels

__all__ = ["ForYou", "for_you", "for_you_matches", "for_you_side"]

# How many of the organization's own calls or results are matched from, how many matches
# each gives, and how many the panel shows.
SOURCES = 5
PER_SOURCE = 6
LIMIT = 8

DEMAND, SUPPLY = "demand", "supply"


@dataclass
class ForYou:
    match: Match
    # What the match is, as docking names targets: result, product or call.
    target_type: str
    # The organization's own call or result it fits.
    fits: object
    # An R&D demand takes interest; other calls take applications on their page.
    takes_interest: bool
    # The organization's interest already running in it, if any.
    interest: Interest | None = None
    level: str = ""
    level_label: object = ""
    type_label: str = ""
    facets: list | None = None


def for_you_side(organization: Organization | None) -> str | None:
    """``demand`` for an enterprise, ``supply`` for a university or institute, else None
    (and None until the organization is verified: it could not express interest yet)."""
    if organization is None or not organization.is_verified:
        return None
    if organization.is_enterprise:
        return DEMAND
    if organization.kind in INSTITUTION_KINDS:
        return SUPPLY
    return None


def _own_calls(organization: Organization) -> list[Call]:
    """The organization's open calls, R&D demands first, newest first."""
    return list(
        Call.objects.filter(issuer=organization, status=CallStatus.PUBLISHED)
        .select_related("issuer")
        .prefetch_related("indicators", "chain_nodes")
        .annotate(
            demand_first=Case(
                When(kind=CallKind.RND_DEMAND, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("demand_first", "-published_at", "-pk")[:SOURCES]
    )


def _own_results(organization: Organization) -> list:
    return list(
        organization.researchresults.filter(status=ListingStatus.PUBLISHED)
        .select_related("organization")
        .prefetch_related("chain_nodes")
        .order_by("-published_at", "-pk")[:SOURCES]
    )


def _sources(organization: Organization, side: str) -> list[tuple[object, MatchSource]]:
    if side == DEMAND:
        return [
            (call, replace(matching.call_source(call), types=["result", "product"], filters={}))
            for call in _own_calls(organization)
        ]
    return [(result, matching.listing_source(result)) for result in _own_results(organization)]


def _target_type(match: Match) -> str:
    return match.hit.type


def _takes_interest(match: Match) -> bool:
    if match.hit.type != "call":
        return True
    return CallKind.RND_DEMAND in match.hit.facets.get("call_kind", [])


def _mark_interests(organization: Organization, entries: list[ForYou]) -> None:
    """Attach the organization's running interest to each entry (one query)."""
    wanted: dict[str, set[int]] = {}
    for entry in entries:
        wanted.setdefault(entry.target_type, set()).add(entry.match.hit.pk)
    if not wanted:
        return
    condition = Q()
    for target_type, pks in wanted.items():
        condition |= Q(**{f"{target_type}_id__in": pks})
    running = {}
    for interest in Interest.objects.filter(
        condition, requester=organization, status__in=OPEN_INTEREST_STATUSES
    ):
        for target_type in wanted:
            pk = getattr(interest, f"{target_type}_id")
            if pk is not None:
                running[(target_type, pk)] = interest
    for entry in entries:
        entry.interest = running.get((entry.target_type, entry.match.hit.pk))


def for_you_matches(organization: Organization, *, limit: int = LIMIT) -> list[ForYou]:
    """The best matches for the organization, both ways, each once with the best of the
    organization's calls or results it fits; raises ``EngineUnavailable`` when search is
    down."""
    side = for_you_side(organization)
    if side is None:
        return []
    best: dict[str, ForYou] = {}
    for own, source in _sources(organization, side):
        for match in find_matches(source, limit=PER_SOURCE):
            if match.hit.organization_id == organization.pk:
                continue
            kept = best.get(match.hit.id)
            if kept is None or match.score > kept.match.score:
                best[match.hit.id] = ForYou(
                    match=match,
                    target_type=_target_type(match),
                    fits=own,
                    takes_interest=_takes_interest(match),
                )
    entries = sorted(best.values(), key=lambda e: (-e.match.score, e.match.hit.id))
    top = max((entry.match.score for entry in entries), default=0.0) or 1.0
    kept_entries = []
    for entry in entries:
        level = call_selectors.relevance_level(entry.match.score / top)
        if level is None:
            continue
        entry.level, entry.level_label = level
        kept_entries.append(entry)
        if len(kept_entries) == limit:
            break
    _mark_interests(organization, kept_entries)
    return kept_entries


@require_GET
def for_you(request):
    """The workspace's “for you” panel: for a member of a verified enterprise, university
    or institute; 404 for anyone else."""
    organization = organization_of(request.user)
    side = for_you_side(organization)
    if side is None:
        raise Http404
    context = {"organization": organization, "side": side}
    try:
        entries = for_you_matches(organization)
    except EngineUnavailable:
        return render(request, "portal/_for_you.html", {**context, "unavailable": True})
    name_facets = _facet_labeller(entry.match.matched_facets for entry in entries)
    type_labels = _type_labels()
    for entry in entries:
        entry.facets = name_facets(entry.match.matched_facets)
        entry.type_label = type_labels.get(entry.match.hit.type, entry.match.hit.type)
    return render(request, "portal/_for_you.html", {**context, "entries": entries})
