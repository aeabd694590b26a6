"""Catalog pages: lists with filters, detail pages, listing forms (the chain map is in
``chains``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.models import QualificationLevel
from core.forms import ReasonForm
from core.http import form_errors_to_messages, redirect_back, run_action
from reference.models import Industry, IndustryLevel
from reference.regions import Province

from . import rules, selectors, services
from .forms import LISTING_FORMS, ProductImageForm
from .models import Maturity, ProductImage, ResourceKind
from .services import LISTING_MODELS
from .transitions import TRANSITIONS

LISTINGS_PER_PAGE = 20
LIST_TITLES = {
    "product": gettext_lazy("Technology products"),
    "result": gettext_lazy("Research results"),
    "resource": gettext_lazy("Open resources"),
}


def _model_for(listing_type: str):
    try:
        return LISTING_MODELS[listing_type]
    except KeyError:
        raise Http404 from None


def _int_or_none(value: str | None, low: int, high: int) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if low <= number <= high else None


def _filters_from(request) -> selectors.ListingFilters:
    params = request.GET
    return selectors.ListingFilters(
        query=params.get("q", "").strip()[:100],
        chain=params.get("chain", "")[:50],
        node=_int_or_none(params.get("node"), 1, 2**31),
        section=params.get("section", "")[:1].upper(),
        province=params.get("province", "") if params.get("province") in Province.values else "",
        qualification=params.get("qualification", "")
        if params.get("qualification") in QualificationLevel.values
        else "",
        min_trl=_int_or_none(params.get("trl"), 1, 9),
        maturity=params.get("maturity", "") if params.get("maturity") in Maturity.values else "",
        resource_kind=params.get("kind", "") if params.get("kind") in ResourceKind.values else "",
    )


@login_not_required
def listing_list(request, listing_type: str):
    model = _model_for(listing_type)
    filters = _filters_from(request)
    listings = selectors.listing_list_public(model, filters)
    page = Paginator(listings, LISTINGS_PER_PAGE).get_page(request.GET.get("page"))
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    context = {
        "listing_type": listing_type,
        "title": LIST_TITLES[listing_type],
        "page": page,
        "filters": filters,
        "query_string": query_without_page.urlencode(),
        "chains": selectors.chain_list(),
        "node_groups": selectors.chain_node_choices(),
        "sections": Industry.objects.filter(level=IndustryLevel.SECTION),
        "provinces": Province.choices,
        "qualifications": [c for c in QualificationLevel.choices if c[0] != "none"],
        "maturities": Maturity.choices,
        "resource_kinds": ResourceKind.choices,
        "can_create": rules.can_create_listing(request.user, listing_type),
    }
    template = "catalog/_listing_results.html" if request.htmx else "catalog/listing_list.html"
    return render(request, template, context)


@login_not_required
def listing_detail(request, listing_type: str, pk: int):
    model = _model_for(listing_type)
    listing = rules.access_listing(request.user, model, pk)
    roles = rules.roles_for(request.user, listing)
    can_see_history = rules.can_see_listing_history(request.user, listing)
    context = {
        "listing": listing,
        "listing_type": listing_type,
        "chain_nodes": selectors.listing_detail_relations(listing),
        "photos": list(listing.images.all()) if listing_type == "product" else [],
        "verifications": list(listing.verifications.select_related("user_organization"))
        if listing_type == "product"
        else [],
        "actions": TRANSITIONS.available(listing.status, roles),
        "can_edit": rules.can_edit_listing(request.user, listing),
        "show_calls_for_you": rules.can_see_calls_for_listing(request.user, listing),
        "show_history": can_see_history,
        "events": listing.events.select_related("actor") if can_see_history else [],
        "reason_form": ReasonForm(),
        "image_form": ProductImageForm() if listing_type == "product" else None,
    }
    return render(request, "catalog/listing_detail.html", context)


def create_listing(request, listing_type: str):
    _model_for(listing_type)
    if not rules.can_create_listing(request.user, listing_type):
        messages.error(request, _("Your organization cannot publish this kind of listing."))
        return redirect("portal:dashboard")
    form_class = LISTING_FORMS[listing_type]
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = run_action(
            request,
            lambda: services.listing_create(
                actor=request.user, listing_type=listing_type, data=form.service_data()
            ),
            success=_("Saved as a draft. Submit it for review when it is complete."),
            form=form,
        )
        if created:
            return redirect(created.value.get_absolute_url())
    return render(
        request,
        "catalog/listing_form.html",
        {"form": form, "listing_type": listing_type, "title": LIST_TITLES[listing_type]},
    )


def edit_listing(request, listing_type: str, pk: int):
    model = _model_for(listing_type)
    listing = rules.access_listing(request.user, model, pk)
    if not rules.is_owner(request.user, listing):
        raise Http404
    if not listing.is_editable:
        messages.error(
            request,
            _("Only drafts and rejected listings can be edited; withdraw or reopen it first."),
        )
        return redirect(listing.get_absolute_url())
    form = LISTING_FORMS[listing_type](request.POST or None, instance=listing)
    if request.method == "POST" and form.is_valid():
        saved = run_action(
            request,
            lambda: services.listing_update(
                actor=request.user, listing=listing, data=form.service_data()
            ),
            success=_("Your changes are saved."),
            form=form,
        )
        if saved:
            return redirect(listing.get_absolute_url())
    return render(
        request,
        "catalog/listing_form.html",
        {
            "form": form,
            "listing": listing,
            "listing_type": listing_type,
            "title": LIST_TITLES[listing_type],
        },
    )


@require_POST
def move_listing(request, listing_type: str, pk: int, action: str):
    model = _model_for(listing_type)
    listing = rules.access_listing(request.user, model, pk)
    if TRANSITIONS.manual(action) is None:
        raise Http404
    run_action(
        request,
        lambda: services.listing_move(
            actor=request.user, listing=listing, action=action, note=request.POST.get("reason", "")
        ),
        success=_("Done: %(title)s") % {"title": listing.title},
    )
    return redirect_back(request, listing.get_absolute_url())


@require_POST
def upload_product_image(request, pk: int):
    product = rules.access_listing(request.user, LISTING_MODELS["product"], pk)
    form = ProductImageForm(request.POST, request.FILES)
    if not form.is_valid():
        form_errors_to_messages(request, form)
    else:
        run_action(
            request,
            lambda: services.product_image_add(
                actor=request.user,
                product=product,
                image=form.cleaned_data["image"],
                caption=form.cleaned_data["caption"],
            ),
            success=_("The photo was added."),
        )
    return redirect(product.get_absolute_url())


@require_POST
def delete_product_image(request, pk: int):
    photo = get_object_or_404(ProductImage.objects.select_related("product__organization"), pk=pk)
    if not rules.can_view_listing(request.user, photo.product):
        raise Http404
    run_action(
        request,
        lambda: services.product_image_remove(actor=request.user, photo=photo),
        success=_("The photo was removed."),
    )
    return redirect(photo.product.get_absolute_url())
