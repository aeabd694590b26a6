"""Editing the chain map: platform administrators create and change industrial chains and
their nodes (name, key, stage, parent, GB/T 4754 codes) and delete nodes nothing refers to.

The search documents of listings and calls carry their chain nodes (the node and its parent,
and the chain's slug), so a node renamed or moved, or a chain renamed, queues those records
for reindexing through the outbox, in the same transaction.

No history is kept of these edits: the chain and node models have no event table and no
"updated" stamp (the map shows the current tree).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from catalog.models import ChainNode, IndustryChain, OpenResource, Product, ResearchResult, Stage
from challenges.models import Call
from core.exceptions import InvalidState, NotAllowed
from reference.models import Industry
from search.outbox import index_later

from .. import rules
from ..selectors.chains import node_references

__all__ = [
    "RESERVED_CHAIN_SLUGS",
    "RESERVED_NODE_KEYS",
    "chain_create",
    "chain_update",
    "node_create",
    "node_delete",
    "node_update",
]

# Words the chain pages' URLs use after "chains/" and after "chains/<slug>/": a chain or a
# node so named would be hidden behind a page.
RESERVED_CHAIN_SLUGS = frozenset({"new"})
RESERVED_NODE_KEYS = frozenset({"all", "edit", "new", "nodes"})


def _check_editor(actor: User) -> None:
    if not rules.can_edit_chains(actor):
        raise NotAllowed(_("Only platform administrators edit industrial chains."))


def _clean_text(value: str | None) -> str:
    return (value or "").strip()


# --- chains ----------------------------------------------------------------------------------


def _check_chain(chain: IndustryChain) -> None:
    problems: dict[str, str] = {}
    if chain.slug in RESERVED_CHAIN_SLUGS:
        problems["slug"] = _("“%(slug)s” is reserved for a page; choose another slug.") % {
            "slug": chain.slug
        }
    others = IndustryChain.objects.exclude(pk=chain.pk)
    if chain.slug and others.filter(slug=chain.slug).exists():
        problems["slug"] = _("Another chain already has the slug “%(slug)s”.") % {
            "slug": chain.slug
        }
    if chain.name and others.filter(name=chain.name).exists():
        problems["name"] = _("Another chain is already called “%(name)s”.") % {"name": chain.name}
    if problems:
        raise ValidationError(problems)
    chain.full_clean(validate_unique=False)


@transaction.atomic
def chain_create(
    *, actor: User, name: str, slug: str, description: str = "", position: int = 0
) -> IndustryChain:
    """Create an industrial chain (its nodes are added next)."""
    _check_editor(actor)
    chain = IndustryChain(
        name=_clean_text(name),
        slug=_clean_text(slug).lower(),
        description=_clean_text(description),
        position=position,
    )
    _check_chain(chain)
    chain.save()
    return chain


@transaction.atomic
def chain_update(
    *,
    actor: User,
    chain: IndustryChain,
    name: str,
    slug: str,
    description: str = "",
    position: int = 0,
) -> IndustryChain:
    """Change a chain's name, slug, description or place in the list. A new name or slug
    reaches the search documents of everything tagged with the chain's nodes."""
    _check_editor(actor)
    chain = IndustryChain.objects.select_for_update().get(pk=chain.pk)
    before = (chain.name, chain.slug)
    chain.name = _clean_text(name)
    chain.slug = _clean_text(slug).lower()
    chain.description = _clean_text(description)
    chain.position = position
    _check_chain(chain)
    chain.save()
    if (chain.name, chain.slug) != before:
        _reindex(list(chain.nodes.values_list("pk", flat=True)))
    return chain


# --- nodes -----------------------------------------------------------------------------------


def _industries(codes: Iterable[str]) -> list[Industry]:
    """Return the GB/T 4754 industries of the codes, in the order given; refuse unknown ones."""
    wanted: list[str] = []
    for code in codes:
        code = _clean_text(code).upper()
        if code and code not in wanted:
            wanted.append(code)
    found = Industry.objects.in_bulk(wanted)
    unknown = [code for code in wanted if code not in found]
    if unknown:
        raise ValidationError(
            {
                "industries": ngettext(
                    "%(codes)s is not a GB/T 4754-2017 code.",
                    "%(codes)s are not GB/T 4754-2017 codes.",
                    len(unknown),
                )
                % {"codes": "、".join(unknown)}
            }
        )
    return [found[code] for code in wanted]


def _descendant_ids(node: ChainNode) -> set[int]:
    """Return the ids of the node's sub-nodes at every depth (one query)."""
    children_of: dict[int, list[int]] = {}
    for pk, parent_id in ChainNode.objects.filter(chain_id=node.chain_id).values_list(
        "pk", "parent_id"
    ):
        children_of.setdefault(parent_id, []).append(pk)
    found: set[int] = set()
    pending = list(children_of.get(node.pk, []))
    while pending:
        pk = pending.pop()
        if pk not in found:
            found.add(pk)
            pending.extend(children_of.get(pk, []))
    return found


def _check_node(node: ChainNode, parent: ChainNode | None) -> None:
    """Refuse a reserved or repeated key, a parent of another chain, a cycle and a stage
    other than the parent's; then the model's own checks."""
    problems: dict[str, str] = {}
    if node.key in RESERVED_NODE_KEYS:
        problems["key"] = _("“%(key)s” is reserved for a page; choose another key.") % {
            "key": node.key
        }
    elif (
        node.key
        and ChainNode.objects.filter(chain_id=node.chain_id, key=node.key)
        .exclude(pk=node.pk)
        .exists()
    ):
        problems["key"] = _("Another node of this chain already has the key “%(key)s”.") % {
            "key": node.key
        }
    if node.stage not in Stage.values:
        problems["stage"] = _("Choose upstream, midstream or downstream.")
    if parent is not None:
        if parent.chain_id != node.chain_id:
            problems["parent"] = _("The parent must be a node of the same chain.")
        elif node.pk and (parent.pk == node.pk or parent.pk in _descendant_ids(node)):
            problems["parent"] = _(
                "A node cannot be placed under itself or under one of its own sub-nodes."
            )
        elif node.stage != parent.stage:
            problems["stage"] = _(
                "A sub-node sits in its parent's stage (%(stage)s): choose that stage or "
                "another parent."
            ) % {"stage": parent.get_stage_display()}
    if problems:
        raise ValidationError(problems)
    node.full_clean(exclude=["chain", "parent", "industries"], validate_unique=False)


@transaction.atomic
def node_create(
    *,
    actor: User,
    chain: IndustryChain,
    name: str,
    key: str,
    stage: str,
    parent: ChainNode | None = None,
    description: str = "",
    position: int = 0,
    industries: Iterable[str] = (),
) -> ChainNode:
    """Add a node to a chain, at the top of a stage or under a parent of the same stage,
    mapped to GB/T 4754 codes (``industries``: codes such as "3973")."""
    _check_editor(actor)
    chain = IndustryChain.objects.select_for_update().get(pk=chain.pk)
    node = ChainNode(
        chain=chain,
        parent=parent,
        name=_clean_text(name),
        key=_clean_text(key).lower(),
        stage=stage,
        description=_clean_text(description),
        position=position,
    )
    _check_node(node, parent)
    mapped = _industries(industries)
    node.save()
    node.industries.set(mapped)
    return node


@transaction.atomic
def node_update(
    *,
    actor: User,
    node: ChainNode,
    name: str,
    key: str,
    stage: str,
    parent: ChainNode | None = None,
    description: str = "",
    position: int = 0,
    industries: Iterable[str] = (),
) -> ChainNode:
    """Change a node: rename it, move it under another parent of its chain (never under
    itself or its own sub-nodes), change its stage (its sub-nodes follow), remap its GB/T
    4754 codes. A rename or a move reindexes the listings and calls tagged with it."""
    _check_editor(actor)
    # Lock the chain: two moves at once could otherwise build a cycle between them.
    IndustryChain.objects.select_for_update().get(pk=node.chain_id)
    node = ChainNode.objects.select_related("chain").get(pk=node.pk)
    before = (node.name, node.parent_id, node.stage)
    node.name = _clean_text(name)
    node.key = _clean_text(key).lower()
    node.stage = stage
    node.parent = parent
    node.description = _clean_text(description)
    node.position = position
    _check_node(node, parent)
    mapped = _industries(industries)
    node.save()
    node.industries.set(mapped)
    if node.stage != before[2]:
        ChainNode.objects.filter(pk__in=_descendant_ids(node)).update(stage=node.stage)
    if (node.name, node.parent_id) != before[:2]:
        _reindex([node.pk])
    return node


def _references_text(references: dict[str, int]) -> str:
    words = {
        "children": lambda n: ngettext("%(count)d sub-node", "%(count)d sub-nodes", n),
        "products": lambda n: ngettext("%(count)d product", "%(count)d products", n),
        "results": lambda n: ngettext("%(count)d research result", "%(count)d research results", n),
        "resources": lambda n: ngettext("%(count)d open resource", "%(count)d open resources", n),
        "calls": lambda n: ngettext("%(count)d call", "%(count)d calls", n),
        "directories": lambda n: ngettext("%(count)d directory", "%(count)d directories", n),
        "directory_entries": lambda n: ngettext(
            "%(count)d directory entry", "%(count)d directory entries", n
        ),
        "direction_items": lambda n: ngettext(
            "%(count)d key product or process of a demonstration direction",
            "%(count)d key products or processes of demonstration directions",
            n,
        ),
        "recipients": lambda n: ngettext(
            "%(count)d recipient of recommendations", "%(count)d recipients of recommendations", n
        ),
        "platforms": lambda n: ngettext(
            "%(count)d verification platform", "%(count)d verification platforms", n
        ),
    }
    return "、".join(words[kind](count) % {"count": count} for kind, count in references.items())


@transaction.atomic
def node_delete(*, actor: User, node: ChainNode) -> None:
    """Delete a node nothing refers to: no sub-node, listing, call, directory or entry,
    key product or process, recipient or verification platform. Otherwise refuse and say
    what still refers to it."""
    _check_editor(actor)
    IndustryChain.objects.select_for_update().get(pk=node.chain_id)
    node = ChainNode.objects.get(pk=node.pk)
    references = node_references(node)
    if references:
        raise InvalidState(
            _("“%(node)s” is still used by %(references)s; remove it from them first.")
            % {"node": node.name, "references": _references_text(references)}
        )
    node.delete()


def _reindex(node_ids: list[int]) -> None:
    """Queue the listings and calls tagged with the nodes for reindexing (their owners'
    documents follow through the outbox's related documents)."""
    if not node_ids:
        return
    for doc_type, model, column in (
        ("product", Product, "product_id"),
        ("result", ResearchResult, "researchresult_id"),
        ("resource", OpenResource, "openresource_id"),
        ("call", Call, "call_id"),
    ):
        pks = set(
            model.chain_nodes.through.objects.filter(chainnode_id__in=node_ids).values_list(
                column, flat=True
            )
        )
        if pks:
            index_later(doc_type, *sorted(pks))
