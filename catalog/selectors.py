"""Reads of chains and listings used by several pages; each runs a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from accounts.models import Organization

from .models import (
    ChainNode,
    IndustryChain,
    Listing,
    ListingStatus,
    OpenResource,
    Product,
    ResearchResult,
)


@dataclass(frozen=True)
class ListingFilters:
    """The filters a visitor can combine on a catalog list page."""

    query: str = ""
    chain: str = ""
    node: int | None = None
    section: str = ""
    province: str = ""
    qualification: str = ""
    min_trl: int | None = None
    maturity: str = ""
    resource_kind: str = ""


def _with_relations(listings: QuerySet) -> QuerySet:
    return listings.select_related("organization", "industry").prefetch_related(
        Prefetch("chain_nodes", queryset=ChainNode.objects.select_related("chain"))
    )


def listing_list_public(model: type[Listing], filters: ListingFilters) -> QuerySet:
    """Return published listings of one type matching the filters, newest first."""
    listings = model.objects.filter(status=ListingStatus.PUBLISHED)
    if filters.query:
        listings = listings.filter(
            Q(title__icontains=filters.query)
            | Q(summary__icontains=filters.query)
            | Q(description__icontains=filters.query)
            | Q(organization__name__icontains=filters.query)
        )
    if filters.node:
        node_ids = ChainNode.objects.filter(Q(pk=filters.node) | Q(parent_id=filters.node)).values(
            "pk"
        )
        listings = listings.filter(
            pk__in=model.objects.filter(chain_nodes__in=node_ids).values("pk")
        )
    elif filters.chain:
        listings = listings.filter(
            pk__in=model.objects.filter(chain_nodes__chain__slug=filters.chain).values("pk")
        )
    if filters.section:
        listings = listings.filter(
            Q(industry__section_id=filters.section) | Q(industry_id=filters.section)
        )
    if filters.province:
        listings = listings.filter(organization__province=filters.province)
    if filters.qualification:
        listings = listings.filter(organization__qualification_level=filters.qualification)
    if model is ResearchResult:
        if filters.min_trl:
            listings = listings.filter(trl__gte=filters.min_trl)
        if filters.maturity:
            listings = listings.filter(maturity=filters.maturity)
    if model is OpenResource and filters.resource_kind:
        listings = listings.filter(kind=filters.resource_kind)
    return _with_relations(listings).order_by("-published_at", "-pk")


def listing_detail_relations(listing: Listing) -> list[ChainNode]:
    return list(listing.chain_nodes.select_related("chain").order_by("chain__position", "pk"))


def listings_of_organization(organization: Organization, *, published_only: bool) -> dict:
    """Return the organization's products, results and resources, by type."""
    result = {}
    for key, model in (
        ("product", Product),
        ("result", ResearchResult),
        ("resource", OpenResource),
    ):
        listings = model.objects.filter(organization=organization)
        if published_only:
            listings = listings.filter(status=ListingStatus.PUBLISHED)
        result[key] = list(listings.select_related("industry").order_by("-updated_at"))
    return result


def listing_review_queue() -> dict[str, list[Listing]]:
    """Return listings awaiting review, oldest submission first, by type."""
    return {
        key: list(
            model.objects.filter(status=ListingStatus.PENDING_REVIEW)
            .select_related("organization", "created_by")
            .order_by("submitted_at", "pk")
        )
        for key, model in (
            ("product", Product),
            ("result", ResearchResult),
            ("resource", OpenResource),
        )
    }


def chain_list() -> list[IndustryChain]:
    """Return the chains in display order, each with its number of nodes."""
    chains = IndustryChain.objects.annotate(node_count=Count("nodes", distinct=True)).order_by(
        "position", "name"
    )
    return list(chains)


def chain_node_choices() -> list[tuple[str, list[tuple[int, str]]]]:
    """Return chain nodes grouped by chain, for select boxes: [(chain, [(id, label)])]."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for node in ChainNode.objects.select_related("chain", "parent").order_by(
        "chain__position", "chain__name", "position", "pk"
    ):
        label = f"{node.parent.name} › {node.name}" if node.parent_id else node.name
        groups.setdefault(node.chain.name, []).append((node.pk, label))
    return list(groups.items())


def catalog_counts() -> dict[str, int]:
    """Return the numbers shown on the home page."""
    return {
        "products": Product.objects.filter(status=ListingStatus.PUBLISHED).count(),
        "results": ResearchResult.objects.filter(status=ListingStatus.PUBLISHED).count(),
        "resources": OpenResource.objects.filter(status=ListingStatus.PUBLISHED).count(),
    }


def latest_published(limit: int = 6) -> dict[str, list[Listing]]:
    return {
        "products": list(
            _with_relations(Product.objects.published()).order_by("-published_at", "-pk")[:limit]
        ),
        "results": list(
            _with_relations(ResearchResult.objects.published()).order_by("-published_at", "-pk")[
                :limit
            ]
        ),
    }
