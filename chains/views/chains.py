"""The chain map (产业链图谱): the list of chains, a chain's map by stage with gaps and a
province filter, a node's page (its little giants, 按产业链梳理小巨人) and their export, and the
administrators' editing of chains and nodes."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.http import run_action
from core.ids import parse_id
from core.spreadsheets import Sheet, xlsx_response
from reference.regions import Province

from .. import rules, selectors, services
from ..forms_chains import ChainForm, NodeForm

__all__ = [
    "chain_create",
    "chain_detail",
    "chain_edit",
    "chain_list",
    "chain_records",
    "node_create",
    "node_delete",
    "node_detail",
    "node_edit",
    "node_export",
]


def _province(request) -> str:
    province = request.GET.get("province", "")
    return province if province in Province.values else ""


def _map_context(request, chain) -> dict:
    province = _province(request)
    return {
        "chain": chain,
        "province": province,
        "query": f"?province={province}" if province else "",
        "provinces": Province.choices,
        "can_edit": rules.can_edit_chains(request.user),
    }


@login_not_required
def chain_list(request):
    return render(
        request,
        "chains/chain_list.html",
        {
            "chains": selectors.chain_list_with_figures(),
            "can_edit": rules.can_edit_chains(request.user),
        },
    )


@login_not_required
def chain_detail(request, slug: str):
    """The map: nodes in three columns by stage, counts on each, gaps marked."""
    chain = rules.access_chain(slug)
    context = _map_context(request, chain)
    context["map"] = selectors.chain_map(chain, province=context["province"])
    return render(request, "chains/chain_detail.html", context)


@login_not_required
def chain_records(request, slug: str):
    """Everything on the chain: the records behind the map's totals."""
    chain = rules.access_chain(slug)
    context = _map_context(request, chain)
    context["records"] = selectors.node_records(chain, None, province=context["province"])
    return render(request, "chains/node_detail.html", context)


@login_not_required
def node_detail(request, slug: str, key: str):
    """A node: its little giants with their batch, province and products on it, then its
    专精特新 firms, products, results and open calls, and its GB/T 4754 codes."""
    node = rules.access_node(slug, key)
    context = _map_context(request, node.chain)
    context["records"] = selectors.node_records(node.chain, node, province=context["province"])
    context["can_export"] = rules.can_export_node(request.user)
    return render(request, "chains/node_detail.html", context)


def node_export(request, slug: str, key: str):
    """The node's little giants as an xlsx workbook (signed-in users)."""
    node = rules.access_node(slug, key)
    if not rules.can_export_node(request.user):
        raise Http404
    province = _province(request)
    records = selectors.node_records(node.chain, node, province=province)
    provinces = dict(Province.choices)
    rows = (
        [
            number,
            row.organization.name,
            provinces.get(row.organization.province, row.organization.province),
            row.organization.city,
            row.qualification.batch if row.qualification else "",
            row.qualification.year if row.qualification else "",
            row.qualification.issuer if row.qualification else "",
            "；".join(product.title for product in row.products),
        ]
        for number, row in enumerate(records.little_giants, start=1)
    )
    sheet = Sheet(
        title=f"{node.chain.name} {node.name}",
        headings=[
            _("No."),
            _("Little giant"),
            _("Province"),
            _("City"),
            _("Batch"),
            _("Year"),
            _("Issued by"),
            _("Products on the node"),
        ],
        rows=rows,
    )
    suffix = f"-{province}" if province else ""
    return xlsx_response([sheet], f"little-giants-{node.chain.slug}-{node.key}{suffix}")


# --- editing (platform administrators) ---------------------------------------------------------


def chain_create(request):
    if not rules.can_edit_chains(request.user):
        raise Http404
    form = ChainForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            lambda: services.chain_create(actor=request.user, **form.service_data()),
            success=lambda chain: (
                _("Chain “%(name)s” created; add its nodes.") % {"name": chain.name}
            ),
            form=form,
        )
        if outcome:
            return redirect("chains:chain_edit", outcome.value.slug)
    return render(request, "chains/chain_form.html", {"form": form, "chain": None})


def chain_edit(request, slug: str):
    """The chain's fields and its nodes, each with its edit and delete buttons."""
    chain = rules.access_chain_to_edit(request.user, slug)
    form = ChainForm(request.POST or None, chain=chain)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            lambda: services.chain_update(actor=request.user, chain=chain, **form.service_data()),
            success=_("Saved."),
            form=form,
        )
        if outcome:
            return redirect("chains:chain_edit", outcome.value.slug)
    context = {
        "form": form,
        "chain": chain,
        "nodes": selectors.chain_node_rows(chain),
    }
    return render(request, "chains/chain_form.html", context)


def node_create(request, slug: str):
    chain = rules.access_chain_to_edit(request.user, slug)
    initial = {}
    parent = chain.nodes.filter(pk=parse_id(request.GET.get("parent"))).first()
    if parent is not None:
        initial = {"parent": parent.pk, "stage": parent.stage}
    form = NodeForm(request.POST or None, chain=chain, initial=initial)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            lambda: services.node_create(actor=request.user, chain=chain, **form.service_data()),
            success=lambda node: _("Node “%(name)s” added.") % {"name": node.name},
            form=form,
        )
        if outcome:
            return redirect("chains:chain_edit", chain.slug)
    return render(request, "chains/node_form.html", {"form": form, "chain": chain, "node": None})


def node_edit(request, slug: str, pk: int):
    node = rules.access_node_to_edit(request.user, slug, pk)
    form = NodeForm(request.POST or None, chain=node.chain, node=node)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            lambda: services.node_update(actor=request.user, node=node, **form.service_data()),
            success=_("Saved."),
            form=form,
        )
        if outcome:
            return redirect("chains:chain_edit", node.chain.slug)
    return render(
        request, "chains/node_form.html", {"form": form, "chain": node.chain, "node": node}
    )


@require_POST
def node_delete(request, slug: str, pk: int):
    node = rules.access_node_to_edit(request.user, slug, pk)
    run_action(
        request,
        lambda: services.node_delete(actor=request.user, node=node),
        success=_("Node “%(name)s” deleted.") % {"name": node.name},
    )
    return redirect("chains:chain_edit", node.chain.slug)
