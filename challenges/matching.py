"""What each call, product, result and organization is matched against.

The matching itself is search's, written once for both engines; this module only says,
for each kind of source, which documents to look for and what must hold for them.
"""

from __future__ import annotations

from django.utils import timezone

from accounts.models import QUALIFICATION_RANK, Organization
from search.matching import Match, MatchSource, find_matches

from .models import Call, CallKind, CallStatus
from .search_documents import ALL_PROVINCES

# What solves each kind of call.
SOLVER_TYPES = {
    CallKind.CHALLENGE: ["product", "result", "organization"],
    CallKind.COMPETITION: ["product", "result", "organization"],
    CallKind.RND_DEMAND: ["result", "organization"],
    CallKind.VERIFICATION: ["product"],
    CallKind.DEMONSTRATION: ["product", "organization"],
    CallKind.SELECTION: ["product", "result", "organization"],
}


def _node_ids(nodes) -> list[str]:
    ids = set()
    for node in nodes:
        ids.add(str(node.pk))
        if node.parent_id:
            ids.add(str(node.parent_id))
    return sorted(ids)


def call_source(call: Call) -> MatchSource:
    """Solvers for a call: products, results and organizations that may take it up."""
    indicators = " ".join(f"{i.name} {i.target}{i.unit}" for i in call.indicators.all())
    details = "" if call.has_terms else call.details
    levels = [
        level
        for level, rank in QUALIFICATION_RANK.items()
        if rank >= QUALIFICATION_RANK[call.min_qualification]
    ]
    filters = {"org_kind": list(call.eligible_kinds), "qualification": levels}
    if call.eligible_provinces:
        filters["province"] = list(call.eligible_provinces)
    return MatchSource(
        text=" ".join(
            [
                call.title,
                call.title,
                call.summary,
                call.background,
                indicators,
                call.deliverables,
                details,
            ]
        ),
        types=SOLVER_TYPES[call.kind],
        filters=filters,
        chain_nodes=_node_ids(call.chain_nodes.all()),
        province=call.issuer.province,
        trl_required=call.min_trl,
        exclude_organization=call.issuer_id,
        indexed_as=f"call:{call.pk}",
    )


def open_calls_filters(organization: Organization) -> tuple[dict, dict]:
    """Filters for calls the organization may take up now, and the deadline range."""
    levels = [
        level
        for level, rank in QUALIFICATION_RANK.items()
        if rank <= QUALIFICATION_RANK[organization.qualification_level]
    ]
    filters = {
        "status": [CallStatus.PUBLISHED],
        "eligible_kind": [organization.kind],
        "eligible_province": [organization.province, ALL_PROVINCES],
        "min_qualification": levels,
    }
    return filters, {"deadline": (timezone.now(), None)}


def listing_source(listing) -> MatchSource:
    """Open calls and demands a product, result or resource could answer."""
    filters, ranges = open_calls_filters(listing.organization)
    return MatchSource(
        text=" ".join(
            [
                listing.title,
                listing.title,
                listing.summary,
                listing.description,
                " ".join(listing.keywords),
            ]
        ),
        types=["call"],
        filters=filters,
        ranges=ranges,
        chain_nodes=_node_ids(listing.chain_nodes.all()),
        province=listing.organization.province,
        exclude_organization=listing.organization_id,
        indexed_as=f"{listing.listing_type}:{listing.pk}",
    )


def organization_source(organization: Organization, listings) -> MatchSource:
    filters, ranges = open_calls_filters(organization)
    nodes = [node for listing in listings for node in listing.chain_nodes.all()]
    return MatchSource(
        text=" ".join(
            [organization.description]
            + [
                f"{listing.title} {listing.summary} {' '.join(listing.keywords)}"
                for listing in listings
            ]
        ),
        types=["call"],
        filters=filters,
        ranges=ranges,
        chain_nodes=_node_ids(nodes),
        province=organization.province,
        exclude_organization=organization.pk,
        indexed_as=f"organization:{organization.pk}",
    )


def similar_results_source(result) -> MatchSource:
    return MatchSource(
        text=" ".join(
            [
                result.title,
                result.title,
                result.summary,
                result.description,
                " ".join(result.keywords),
                result.field,
            ]
        ),
        types=["result"],
        indexed_as=f"result:{result.pk}",
        chain_nodes=_node_ids(result.chain_nodes.all()),
        trl_required=result.trl,
    )


def matched_organizations(matches: list[Match]) -> list[int]:
    """The organizations behind matches, best first, each once."""
    seen: dict[int, None] = {}
    for match in matches:
        organization_id = match.hit.organization_id
        if organization_id is not None:
            seen.setdefault(organization_id, None)
    return list(seen)


def recommended_solvers(call: Call, *, limit: int = 20) -> list[Match]:
    return find_matches(call_source(call), limit=limit)
