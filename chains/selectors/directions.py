"""Reads of 一条龙 demonstration directions: the list, a direction's key products and
processes with the pairs each viewer may see, a department's own proposals, the history,
the choices of the forms, and the suppliers suggested for a key product or process.

Suggestions come from three places, each named on the pair it becomes: the included
entries of the latest published version of every directory (``directory``), little giants
with published products on the node (``map``), and search's matching from the item's text
(``matching``), explained.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.db.models import Value as V

from accounts.models import (
    Organization,
    OrganizationKind,
    QualificationLevel,
    VerificationStatus,
)
from accounts.rules import is_platform_admin
from catalog.models import ChainNode, IndustryChain, ListingStatus, Product
from challenges.models import Call, CallKind, CallStatus
from challenges.selectors import relevance_level
from directories.models import DirectoryEntry, DirectoryVersion, EntryDecision, VersionStatus
from directories.selectors import explanation_of, explanations_for_display, flags_in_words
from search.engines.base import EngineUnavailable
from search.matching import MatchSource, find_matches

from ..models import (
    CandidatePair,
    DemonstrationDirection,
    DirectionEvent,
    DirectionItem,
    DirectionStatus,
    PairSource,
    PairStatus,
)
from ..rules import PUBLIC_PAIR_STATUSES

__all__ = [
    "DirectionFilters",
    "ItemSuggestions",
    "SuggestedSupplier",
    "chain_choices",
    "demonstration_call_choices",
    "department_proposals",
    "direction_events",
    "direction_items",
    "direction_list",
    "direction_pair_counts",
    "item_suggestions",
    "product_choices",
    "supplier_choices",
    "user_firm_choices",
]

# Suppliers matching suggests per key product or process.
MATCH_LIMIT = 8
_PAIR_RELATIONS = (
    "supplier",
    "product",
    "user_firm",
    "recommended_by_organization",
    "invitation__call",
)


# --- the list -----------------------------------------------------------------------------


@dataclass
class DirectionFilters:
    chain: str = ""
    status: str = ""

    @classmethod
    def from_query(cls, query) -> DirectionFilters:
        chain = str(query.get("chain", ""))[:50]
        status = str(query.get("status", ""))
        return cls(
            chain=chain if IndustryChain.objects.filter(slug=chain).exists() else "",
            status=status if status in DirectionStatus.values else "",
        )

    def as_query(self) -> dict[str, str]:
        return {
            name: value for name, value in (("chain", self.chain), ("status", self.status)) if value
        }


def chain_choices() -> list[IndustryChain]:
    return list(IndustryChain.objects.order_by("position", "name"))


def direction_list(viewer, filters: DirectionFilters | None = None) -> QuerySet:
    """Directions with their chain, call, count of key products and processes and of pairs
    taken into the demonstration; those being prepared only for administrators."""
    filters = filters or DirectionFilters()
    directions = DemonstrationDirection.objects.select_related("chain", "call").annotate(
        items_count=Count("items", distinct=True),
        taken_count=Count(
            "items__pairs",
            filter=Q(items__pairs__status__in=PUBLIC_PAIR_STATUSES),
            distinct=True,
        ),
    )
    if not is_platform_admin(viewer):
        directions = directions.exclude(status=DirectionStatus.DRAFT)
    if filters.chain:
        directions = directions.filter(chain__slug=filters.chain)
    if filters.status:
        directions = directions.filter(status=filters.status)
    return directions.order_by("-year", "chain__position", "title", "pk")


# --- one direction ---------------------------------------------------------------------------


def direction_items(direction: DemonstrationDirection, *, all_pairs: bool) -> list[DirectionItem]:
    """The direction's key products and processes in order, each with ``public_pairs``
    (shortlisted and invited) and, for ``all_pairs`` (administrators), ``pairs_all``.
    A constant number of queries."""
    pairs = CandidatePair.objects.select_related(*_PAIR_RELATIONS).order_by("pk")
    prefetches = [
        Prefetch(
            "pairs",
            queryset=pairs.filter(status__in=PUBLIC_PAIR_STATUSES),
            to_attr="public_pairs",
        )
    ]
    if all_pairs:
        prefetches.append(Prefetch("pairs", queryset=pairs, to_attr="pairs_all"))
    return list(direction.items.select_related("chain_node__parent").prefetch_related(*prefetches))


def direction_pair_counts(direction: DemonstrationDirection) -> dict[str, int]:
    """How many pairs the direction has in each status (every status listed)."""
    counts = dict.fromkeys(PairStatus.values, 0)
    rows = (
        CandidatePair.objects.filter(item__direction=direction)
        .values("status")
        .annotate(count=Count("pk"))
    )
    for row in rows:
        counts[row["status"]] = row["count"]
    return counts


def department_proposals(
    department: Organization, *, direction: DemonstrationDirection | None = None
) -> QuerySet:
    """The pairs a department recommended (for one direction, or all), newest first."""
    pairs = CandidatePair.objects.filter(recommended_by_organization=department).select_related(
        "item__direction__chain", "item__chain_node", *_PAIR_RELATIONS
    )
    if direction is not None:
        pairs = pairs.filter(item__direction=direction)
    return pairs.order_by("-created_at", "-pk")


def direction_events(direction: DemonstrationDirection, *, limit: int = 200) -> list:
    """The direction's history, oldest first (the last ``limit`` steps)."""
    events = list(
        DirectionEvent.objects.filter(direction=direction)
        .select_related("actor", "pair__supplier", "pair__user_firm")
        .order_by("-created_at", "-id")[:limit]
    )
    events.reverse()
    return events


# --- choices of the forms ---------------------------------------------------------------------


def _little_giants_first():
    return Case(
        When(qualification_level=QualificationLevel.NATIONAL, then=V(0)),
        When(qualification_level=QualificationLevel.PROVINCIAL, then=V(1)),
        default=V(2),
        output_field=IntegerField(),
    )


def supplier_choices() -> QuerySet:
    """Verified SMEs, little giants first, then provincial 专精特新 firms, by name."""
    return (
        Organization.objects.filter(
            kind=OrganizationKind.SME, verification_status=VerificationStatus.VERIFIED
        )
        .annotate(rank=_little_giants_first())
        .order_by("rank", "name")
    )


def product_choices() -> QuerySet:
    """Published products of verified SMEs, in the order of ``supplier_choices``."""
    return (
        Product.objects.filter(
            status=ListingStatus.PUBLISHED,
            organization__kind=OrganizationKind.SME,
            organization__verification_status=VerificationStatus.VERIFIED,
        )
        .select_related("organization")
        .annotate(
            rank=Case(
                When(organization__qualification_level=QualificationLevel.NATIONAL, then=V(0)),
                When(organization__qualification_level=QualificationLevel.PROVINCIAL, then=V(1)),
                default=V(2),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "organization__name", "title", "pk")
    )


def user_firm_choices() -> QuerySet:
    """Verified enterprises that may use a product: lead and large ones first."""
    return (
        Organization.objects.filter(
            kind__in=[OrganizationKind.LEAD, OrganizationKind.LARGE, OrganizationKind.SME],
            verification_status=VerificationStatus.VERIFIED,
        )
        .annotate(
            rank=Case(
                When(kind=OrganizationKind.LEAD, then=V(0)),
                When(kind=OrganizationKind.LARGE, then=V(1)),
                default=V(2),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "name")
    )


def demonstration_call_choices() -> QuerySet:
    """Demonstration calls a direction may fill (not rejected or withdrawn), newest first."""
    return (
        Call.objects.filter(kind=CallKind.DEMONSTRATION)
        .exclude(status__in=[CallStatus.REJECTED, CallStatus.WITHDRAWN])
        .select_related("issuer")
        .order_by("-created_at", "-pk")
    )


# --- suggestions --------------------------------------------------------------------------------


@dataclass
class SuggestedSupplier:
    """A supplier (with a product when one is known) suggested for a key product or process."""

    supplier: Organization
    product: Product | None
    source: str
    # Where exactly it was found: the directory and version, the node.
    found_in: str = ""
    flags: list[str] = field(default_factory=list)
    why: dict | None = None
    # This item's pairs with the supplier already.
    pairs: list[CandidatePair] = field(default_factory=list)

    @property
    def is_pair(self) -> bool:
        return bool(self.pairs)


@dataclass
class ItemSuggestions:
    item: DirectionItem
    directory: list[SuggestedSupplier]
    map: list[SuggestedSupplier]
    matching: list[SuggestedSupplier]
    matching_unavailable: bool = False

    @property
    def count(self) -> int:
        return len(self.directory) + len(self.map) + len(self.matching)


def _node_and_below(node: ChainNode) -> list[int]:
    """The node and every node below it (a parent node covers its children)."""
    ids, level = [node.pk], [node.pk]
    while level:
        level = list(ChainNode.objects.filter(parent_id__in=level).values_list("pk", flat=True))
        ids.extend(level)
    return ids


def _from_directories(nodes: list[int]) -> list[SuggestedSupplier]:
    """Included entries of the latest published version of each directory that are on the
    nodes: classified under one, a product on one, or a firm with a published product on
    one (that product is suggested with it)."""
    latest = (
        DirectoryVersion.objects.filter(
            directory=OuterRef("version__directory"), status=VersionStatus.PUBLISHED
        )
        .order_by("-number")
        .values("number")[:1]
    )
    on_nodes = Product.objects.filter(status=ListingStatus.PUBLISHED, chain_nodes__in=nodes)
    entries = list(
        DirectoryEntry.objects.filter(
            decision=EntryDecision.INCLUDED,
            version__status=VersionStatus.PUBLISHED,
            version__number=Subquery(latest),
        )
        .filter(
            Q(chain_node__in=nodes)
            | Q(product__chain_nodes__in=nodes)
            | Q(product__isnull=True, organization__in=on_nodes.values("organization"))
        )
        .select_related("organization", "product", "version__directory")
        .distinct()
        .order_by("version__directory__title", "title", "pk")
    )
    firms = {entry.organization_id for entry in entries if entry.product_id is None}
    firm_products: dict[int, Product] = {}
    for product in on_nodes.filter(organization__in=firms).order_by("title", "pk").distinct():
        firm_products.setdefault(product.organization_id, product)
    flags = flags_in_words(entries)
    found: dict[tuple[int, int | None], SuggestedSupplier] = {}
    for entry in entries:
        product = entry.product or firm_products.get(entry.organization_id)
        key = (entry.organization_id, product.pk if product else None)
        if key in found:
            continue
        found[key] = SuggestedSupplier(
            supplier=entry.organization,
            product=product,
            source=PairSource.DIRECTORY,
            found_in=f"{entry.version.directory.title} v{entry.version.number}",
            flags=flags.get(entry.pk, []),
        )
    return sorted(found.values(), key=_little_giant_first)


def _little_giant_first(suggestion: SuggestedSupplier):
    return (not suggestion.supplier.is_little_giant, suggestion.supplier.name)


def _from_map(nodes: list[int]) -> list[SuggestedSupplier]:
    products = (
        Product.objects.filter(
            status=ListingStatus.PUBLISHED,
            chain_nodes__in=nodes,
            organization__qualification_level=QualificationLevel.NATIONAL,
            organization__verification_status=VerificationStatus.VERIFIED,
            organization__kind=OrganizationKind.SME,
        )
        .select_related("organization")
        .prefetch_related("chain_nodes")
        .distinct()
        .order_by("organization__name", "title", "pk")
    )
    suggestions = []
    for product in products:
        names = [node.name for node in product.chain_nodes.all() if node.pk in nodes]
        suggestions.append(
            SuggestedSupplier(
                supplier=product.organization,
                product=product,
                source=PairSource.MAP,
                found_in=" · ".join(names),
            )
        )
    return suggestions


def item_source(item: DirectionItem) -> MatchSource:
    """What matching looks for: the item's name (twice), requirements and the direction's
    summary; SMEs' products and SMEs, boosted on the item's node."""
    direction = item.direction
    return MatchSource(
        text=" ".join([item.name, item.name, item.description, direction.summary]),
        types=["product", "organization"],
        filters={"org_kind": [OrganizationKind.SME]},
        chain_nodes=[str(item.chain_node_id)],
    )


def _from_matching(item: DirectionItem, engine=None) -> tuple[list[SuggestedSupplier], bool]:
    try:
        matches = find_matches(item_source(item), engine=engine, limit=MATCH_LIMIT * 3)
    except EngineUnavailable:
        return [], True
    best = max((match.score for match in matches), default=0.0) or 1.0
    chosen: dict[int, tuple] = {}
    for match in matches:
        hit = match.hit
        supplier_id = hit.pk if hit.type == "organization" else hit.organization_id
        if supplier_id is None or supplier_id in chosen:
            continue
        if relevance_level(match.score / best) is None:
            continue
        product_id = hit.pk if hit.type == "product" else None
        chosen[supplier_id] = (product_id, explanation_of(match, best))
        if len(chosen) >= MATCH_LIMIT:
            break
    suppliers = Organization.objects.filter(
        pk__in=chosen, verification_status=VerificationStatus.VERIFIED, kind=OrganizationKind.SME
    ).in_bulk()
    products = Product.objects.filter(
        pk__in=[product_id for product_id, _why in chosen.values() if product_id],
        status=ListingStatus.PUBLISHED,
    ).in_bulk()
    suggestions = []
    for supplier_id, (product_id, explanation) in chosen.items():
        supplier = suppliers.get(supplier_id)
        if supplier is None:
            continue
        product = products.get(product_id) if product_id else None
        suggestions.append(
            SuggestedSupplier(
                supplier=supplier,
                product=product if product and product.organization_id == supplier_id else None,
                source=PairSource.MATCHING,
                why=explanation,
            )
        )
    for suggestion, why in zip(
        suggestions, explanations_for_display(s.why for s in suggestions), strict=True
    ):
        suggestion.why = why
    return suggestions, False


def item_suggestions(item: DirectionItem, *, engine=None) -> ItemSuggestions:
    """The suppliers suggested for a key product or process from the published directories,
    the chain map and matching, each with this item's pairs with the supplier, if any.

    When the search engine is unavailable the matching list is empty and says so.
    """
    nodes = _node_and_below(item.chain_node)
    matching, unavailable = _from_matching(item, engine)
    suggestions = ItemSuggestions(
        item=item,
        directory=_from_directories(nodes),
        map=_from_map(nodes),
        matching=matching,
        matching_unavailable=unavailable,
    )
    pairs: dict[int, list[CandidatePair]] = {}
    for pair in item.pairs.select_related("user_firm").order_by("pk"):
        pairs.setdefault(pair.supplier_id, []).append(pair)
    for suggestion in [*suggestions.directory, *suggestions.map, *suggestions.matching]:
        suggestion.pairs = pairs.get(suggestion.supplier.pk, [])
    return suggestions
