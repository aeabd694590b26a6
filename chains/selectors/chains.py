"""Reads of the chain map (产业链图谱, measure 十): what sits on each node of a chain, the gaps
(补链), and the records behind every count.

What "on a node" means, once for every page and export:

* a **listing** (product, research result) is on a node when it is published and tagged with
  the node or with one of the node's sub-nodes (at any depth): a parent counts its subtree;
* an **organization** is on a node when one of its published products is on it (a firm is
  placed on the chain by what it makes, as the catalog's chain pages always did); a
  **little giant** is such an organization whose current qualification is national (小巨人),
  a **专精特新 firm** one whose current qualification is provincial;
* a **call** is on a node when it is open (published, deadline not passed) and tagged with
  the node or one of its sub-nodes;
* a node is a **gap** (补链) when neither a little giant nor a 专精特新 firm is on it.

With a province, listings and firms count when the organization is in that province, and
calls when firms of that province may apply (nationwide calls, or calls listing it), as on
the list of calls. Every figure is computed from the same few queries (one per kind of
record), whatever the number of nodes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch
from django.utils import timezone

from accounts.models import (
    Organization,
    Qualification,
    QualificationLevel,
    QualificationStatus,
)
from catalog.models import (
    ChainNode,
    IndustryChain,
    ListingStatus,
    Product,
    ResearchResult,
    Stage,
)
from challenges.models import Call, CallStatus
from directories.models import Directory, DirectoryEntry, Recipient
from verification.models import VerificationPlatform

from ..models import DirectionItem

__all__ = [
    "ChainMap",
    "FirmRow",
    "NodeRecords",
    "NodeTile",
    "chain_list_with_figures",
    "chain_map",
    "chain_node_options",
    "chain_node_rows",
    "node_records",
    "node_references",
]

# The kinds of record a tile counts, in the order the map shows them.
COUNTED = ("little_giants", "srdi_firms", "products", "results", "calls")


@dataclass
class _Placement:
    """Which records sit directly on each node (its own tags, not its subtree)."""

    products: dict[int, set[int]] = field(default_factory=dict)
    results: dict[int, set[int]] = field(default_factory=dict)
    calls: dict[int, set[int]] = field(default_factory=dict)
    owners: dict[int, set[int]] = field(default_factory=dict)  # firms, through products
    levels: dict[int, str] = field(default_factory=dict)  # organization -> qualification


@dataclass
class _Subtree:
    """The records on a node, its subtree included (sets of ids)."""

    little_giants: set[int] = field(default_factory=set)
    srdi_firms: set[int] = field(default_factory=set)
    products: set[int] = field(default_factory=set)
    results: set[int] = field(default_factory=set)
    calls: set[int] = field(default_factory=set)

    def merge(self, other: _Subtree) -> None:
        for name in COUNTED:
            getattr(self, name).update(getattr(other, name))


def _place(chain: IndustryChain, province: str) -> _Placement:
    """Read, in three queries, which published products and results and which open calls
    are tagged with each node of the chain (restricted to the province when given)."""
    placement = _Placement()
    products = Product.chain_nodes.through.objects.filter(
        chainnode__chain=chain, product__status=ListingStatus.PUBLISHED
    )
    results = ResearchResult.chain_nodes.through.objects.filter(
        chainnode__chain=chain, researchresult__status=ListingStatus.PUBLISHED
    )
    if province:
        products = products.filter(product__organization__province=province)
        results = results.filter(researchresult__organization__province=province)
    for node_id, product_id, organization_id, level in products.values_list(
        "chainnode_id",
        "product_id",
        "product__organization_id",
        "product__organization__qualification_level",
    ):
        placement.products.setdefault(node_id, set()).add(product_id)
        placement.owners.setdefault(node_id, set()).add(organization_id)
        placement.levels[organization_id] = level
    for node_id, result_id in results.values_list("chainnode_id", "researchresult_id"):
        placement.results.setdefault(node_id, set()).add(result_id)
    calls = Call.chain_nodes.through.objects.filter(
        chainnode__chain=chain,
        call__status=CallStatus.PUBLISHED,
        call__deadline__gt=timezone.now(),
    )
    for node_id, call_id, provinces in calls.values_list(
        "chainnode_id", "call_id", "call__eligible_provinces"
    ):
        if province and provinces and province not in provinces:
            continue
        placement.calls.setdefault(node_id, set()).add(call_id)
    return placement


def _own(node_id: int, placement: _Placement) -> _Subtree:
    own = _Subtree(
        products=set(placement.products.get(node_id, ())),
        results=set(placement.results.get(node_id, ())),
        calls=set(placement.calls.get(node_id, ())),
    )
    for organization_id in placement.owners.get(node_id, ()):
        level = placement.levels[organization_id]
        if level == QualificationLevel.NATIONAL:
            own.little_giants.add(organization_id)
        elif level == QualificationLevel.PROVINCIAL:
            own.srdi_firms.add(organization_id)
    return own


def _subtrees(nodes: list[ChainNode], placement: _Placement) -> dict[int, _Subtree]:
    """Return, for every node, the records on it and on its sub-nodes."""
    children_of = _children_of(nodes)
    subtrees: dict[int, _Subtree] = {}

    def collect(node: ChainNode) -> _Subtree:
        subtree = _own(node.pk, placement)
        for child in children_of.get(node.pk, []):
            subtree.merge(collect(child))
        subtrees[node.pk] = subtree
        return subtree

    for root in children_of.get(None, []):
        collect(root)
    return subtrees


def _children_of(nodes: Iterable[ChainNode]) -> dict[int | None, list[ChainNode]]:
    known = {node.pk for node in nodes}
    children_of: dict[int | None, list[ChainNode]] = {}
    for node in nodes:
        # A parent outside the list (never the case in one chain) would hide the node.
        parent = node.parent_id if node.parent_id in known else None
        children_of.setdefault(parent, []).append(node)
    return children_of


def _chain_nodes(chain: IndustryChain) -> list[ChainNode]:
    return list(
        chain.nodes.order_by("position", "pk").prefetch_related(
            Prefetch("industries", to_attr="industry_list")
        )
    )


@dataclass
class NodeTile:
    """One node on the map with the number of each kind of record on it (its subtree
    included) and its sub-nodes."""

    node: ChainNode
    children: list[NodeTile]
    little_giants: int
    srdi_firms: int
    products: int
    results: int
    calls: int

    @property
    def is_gap(self) -> bool:
        return not self.little_giants and not self.srdi_firms


@dataclass
class ChainMap:
    """A chain's nodes by stage, the totals over the whole chain and its gaps."""

    chain: IndustryChain
    province: str
    stages: list[tuple[str, str, list[NodeTile]]]
    totals: dict[str, int]
    node_count: int
    gaps: list[NodeTile]


def chain_map(chain: IndustryChain, *, province: str = "") -> ChainMap:
    """Return the chain map: roots in three columns by stage (upstream, midstream,
    downstream), sub-nodes nested under their parents, every count and every gap computed
    for the province when one is given. Five queries, whatever the size of the chain."""
    nodes = _chain_nodes(chain)
    placement = _place(chain, province)
    subtrees = _subtrees(nodes, placement)
    children_of = _children_of(nodes)
    gaps: list[NodeTile] = []

    def tile(node: ChainNode) -> NodeTile:
        subtree = subtrees[node.pk]
        built = NodeTile(
            node=node,
            children=[tile(child) for child in children_of.get(node.pk, [])],
            **{name: len(getattr(subtree, name)) for name in COUNTED},
        )
        return built

    roots = {stage: [] for stage in Stage.values}
    for node in children_of.get(None, []):
        roots[node.stage].append(tile(node))

    def walk(tiles: list[NodeTile]) -> None:
        for each in tiles:
            if each.is_gap:
                gaps.append(each)
            walk(each.children)

    for stage in Stage.values:
        walk(roots[stage])
    whole = _Subtree()
    for subtree in subtrees.values():
        whole.merge(subtree)
    return ChainMap(
        chain=chain,
        province=province,
        stages=[(stage, label, roots[stage]) for stage, label in Stage.choices],
        totals={name: len(getattr(whole, name)) for name in COUNTED},
        node_count=len(nodes),
        gaps=gaps,
    )


def chain_list_with_figures() -> list[IndustryChain]:
    """Return the chains in display order, each with its number of nodes."""
    return list(
        IndustryChain.objects.annotate(node_count=Count("nodes", distinct=True)).order_by(
            "position", "name"
        )
    )


@dataclass
class FirmRow:
    """A firm on a node: its qualification of the level it is counted for (the verified one
    of the latest year) and its products on the node."""

    organization: Organization
    qualification: Qualification | None
    products: list[Product]


@dataclass
class NodeRecords:
    """Everything on a node (or, with ``node`` None, on the whole chain)."""

    chain: IndustryChain
    node: ChainNode | None
    province: str
    little_giants: list[FirmRow]
    srdi_firms: list[FirmRow]
    products: list[Product]
    results: list[ResearchResult]
    calls: list[Call]
    is_gap: bool
    children: list[ChainNode] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in COUNTED}


def _firm_rows(
    organization_ids: set[int], level: str, product_rows: list[Product]
) -> list[FirmRow]:
    organizations = Organization.objects.filter(pk__in=organization_ids).prefetch_related(
        Prefetch(
            "qualifications",
            queryset=Qualification.objects.filter(
                level=level, status=QualificationStatus.VERIFIED
            ).order_by("-year", "-verified_at", "-pk"),
            to_attr="counted_qualifications",
        )
    )
    products_of: dict[int, list[Product]] = {}
    for product in product_rows:
        products_of.setdefault(product.organization_id, []).append(product)
    return [
        FirmRow(
            organization=organization,
            qualification=next(iter(organization.counted_qualifications), None),
            products=products_of.get(organization.pk, []),
        )
        for organization in sorted(organizations, key=lambda o: (o.province, o.name))
    ]


def node_records(
    chain: IndustryChain, node: ChainNode | None, *, province: str = ""
) -> NodeRecords:
    """Return the records behind the counts of ``node`` on the map (the same sets), or of
    the whole chain when ``node`` is None. A fixed number of queries."""
    nodes = _chain_nodes(chain)
    placement = _place(chain, province)
    subtrees = _subtrees(nodes, placement)
    if node is None:
        on = _Subtree()
        for subtree in subtrees.values():
            on.merge(subtree)
        children = [each for each in nodes if each.parent_id is None]
    else:
        on = subtrees.get(node.pk, _Subtree())
        children = [each for each in nodes if each.parent_id == node.pk]
        node.industry_list = next(each.industry_list for each in nodes if each.pk == node.pk)
    products = list(
        Product.objects.filter(pk__in=on.products)
        .select_related("organization")
        .order_by("organization__name", "title", "pk")
    )
    return NodeRecords(
        chain=chain,
        node=node,
        province=province,
        little_giants=_firm_rows(on.little_giants, QualificationLevel.NATIONAL, products),
        srdi_firms=_firm_rows(on.srdi_firms, QualificationLevel.PROVINCIAL, products),
        products=products,
        results=list(
            ResearchResult.objects.filter(pk__in=on.results)
            .select_related("organization")
            .order_by("-published_at", "-pk")
        ),
        calls=list(
            Call.objects.filter(pk__in=on.calls).select_related("issuer").order_by("deadline", "pk")
        ),
        is_gap=not on.little_giants and not on.srdi_firms,
        children=children,
    )


def _tree_order(nodes: list[ChainNode]) -> list[tuple[ChainNode, list[str]]]:
    """Return the nodes depth first, top-level nodes by stage, each with the names of its
    ancestors."""
    children_of = _children_of(nodes)
    ordered: list[tuple[ChainNode, list[str]]] = []

    def walk(node: ChainNode, path: list[str]) -> None:
        ordered.append((node, path))
        for child in children_of.get(node.pk, []):
            walk(child, [*path, node.name])

    for stage in Stage.values:
        for root in children_of.get(None, []):
            if root.stage == stage:
                walk(root, [])
    return ordered


def chain_node_options(chain: IndustryChain, *, exclude: ChainNode | None = None) -> list:
    """Return the chain's nodes as (id, label) pairs in tree order, a sub-node's label
    showing its path ("半导体材料 › 光刻胶"), for a parent select box."""
    nodes = list(chain.nodes.order_by("position", "pk"))
    return [
        (node.pk, " › ".join([*path, node.name]))
        for node, path in _tree_order(nodes)
        if exclude is None or node.pk != exclude.pk
    ]


def chain_node_rows(chain: IndustryChain) -> list[tuple[ChainNode, int]]:
    """Return the chain's nodes in tree order with their depth (0 for a top-level node),
    each with its GB/T 4754 industries, for the editing page."""
    return [(node, len(path)) for node, path in _tree_order(_chain_nodes(chain))]


def node_references(node: ChainNode) -> dict[str, int]:
    """Return how many records of each kind refer to the node (a kind with none is left
    out): what keeps a node from being deleted."""
    counts = {
        "children": node.children.count(),
        "products": Product.objects.filter(chain_nodes=node).count(),
        "results": ResearchResult.objects.filter(chain_nodes=node).count(),
        "resources": node.openresources.count(),
        "calls": Call.objects.filter(chain_nodes=node).count(),
        "directories": Directory.chain_nodes.through.objects.filter(chainnode=node).count(),
        "directory_entries": DirectoryEntry.objects.filter(chain_node=node).count(),
        "direction_items": DirectionItem.objects.filter(chain_node=node).count(),
        "recipients": Recipient.chain_nodes.through.objects.filter(chainnode=node).count(),
        "platforms": VerificationPlatform.chain_nodes.through.objects.filter(
            chainnode=node
        ).count(),
    }
    return {kind: count for kind, count in counts.items() if count}
