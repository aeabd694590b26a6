"""Pages of 一条龙 demonstration directions: the public list and detail (with the
administrators' management, the departments' recommendations and the call handlers' fill
on the same page), the forms, the suggestions panel and the moves."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from core.http import form_errors_to_messages, redirect_back, run_action
from core.ids import parse_id

from .. import rules, services
from ..forms_directions import CallLinkForm, DirectionForm, ItemForm, PairForm, RecommendForm
from ..models import DirectionStatus, PairSource, PairStatus
from ..selectors import directions as selectors
from ..transitions import DIRECTION_TRANSITIONS, PAIR_TRANSITIONS

# Pair moves made from the pair's row; inviting is the call's fill, made for all at once.
ROW_MOVES = ("shortlist", "decline", "reconsider")


def _detail_url(direction) -> str:
    return reverse("chains:direction_detail", args=[direction.pk])


# --- the list and a direction ---------------------------------------------------------------


@login_not_required
def direction_list(request):
    """Every direction opened for candidates (and, for administrators, those being prepared)."""
    filters = selectors.DirectionFilters.from_query(request.GET)
    context = {
        "directions": list(selectors.direction_list(request.user, filters)),
        "filters": filters,
        "chains": selectors.chain_choices(),
        "statuses": DirectionStatus.choices,
        "can_manage": rules.can_manage_directions(request.user),
        "department": rules.department_of(request.user),
    }
    return render(request, "chains/direction_list.html", context)


def _pair_moves(pair, roles):
    return [
        move for move in PAIR_TRANSITIONS.available(pair.status, roles) if move.action in ROW_MOVES
    ]


@login_not_required
def direction_detail(request, pk: int):
    """A direction: public summary, key products and processes and the pairs taken into the
    demonstration; administrators also manage it, departments recommend and read their own
    proposals, the call's handlers fill the call."""
    user = request.user
    direction = rules.access_direction(user, pk)
    is_admin = rules.can_manage_directions(user)
    department = rules.department_of(user)
    items = selectors.direction_items(direction, all_pairs=is_admin)
    roles = rules.direction_roles(user)
    context = {
        "direction": direction,
        "items": items,
        "is_admin": is_admin,
        "department": department,
    }
    if is_admin:
        for item in items:
            for pair in item.pairs_all:
                pair.moves = _pair_moves(pair, roles)
        context.update(
            moves=DIRECTION_TRANSITIONS.offered(
                direction.status,
                roles,
                lambda action: rules.direction_move_problems(direction, action),
            ),
            call_form=CallLinkForm(direction=direction),
            events=selectors.direction_events(direction),
            counts=selectors.direction_pair_counts(direction),
            decline=PAIR_TRANSITIONS["decline"],
        )
    if department is not None:
        collecting = direction.status == DirectionStatus.COLLECTING
        context.update(
            recommend_form=RecommendForm(direction=direction) if collecting and items else None,
            proposals=list(selectors.department_proposals(department, direction=direction)),
        )
    can_fill = rules.can_fill_call(user, direction)
    if direction.call_id and (is_admin or can_fill):
        shortlisted = sum(
            1
            for item in items
            for pair in item.public_pairs
            if pair.status == PairStatus.SHORTLISTED
        )
        problems = rules.fill_problems(user, direction)
        if not shortlisted:
            problems.append(_("No shortlisted pair is waiting to be invited."))
        context.update(fill={"shortlisted": shortlisted, "problems": problems})
    return render(request, "chains/direction_detail.html", context)


@require_GET
def department_proposals(request):
    """A department's recommendations on every direction, with the decisions and reasons."""
    department = rules.department_of(request.user)
    if department is None:
        raise Http404
    context = {
        "department": department,
        "proposals": list(selectors.department_proposals(department)),
    }
    return render(request, "chains/direction_proposals.html", context)


# --- administrators: the direction ----------------------------------------------------------


def direction_create(request):
    if not rules.can_manage_directions(request.user):
        raise Http404
    form = DirectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            lambda: services.direction_create(actor=request.user, **form.service_data()),
            success=_(
                "The direction was created. Add its key products and processes, then open it "
                "for candidates."
            ),
            form=form,
        )
        if outcome:
            return redirect("chains:direction_detail", pk=outcome.value.pk)
    return render(request, "chains/direction_form.html", {"form": form, "direction": None})


def direction_edit(request, pk: int):
    direction = rules.access_direction_to_manage(request.user, pk)
    form = DirectionForm(request.POST or None, direction=direction)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            lambda: services.direction_update(
                actor=request.user, direction=direction, **form.service_data()
            ),
            success=_("The direction was saved."),
            form=form,
        )
        if outcome:
            return redirect("chains:direction_detail", pk=direction.pk)
    return render(request, "chains/direction_form.html", {"form": form, "direction": direction})


@require_POST
def direction_move(request, pk: int, action: str):
    """Open, close or reopen the direction."""
    direction = rules.access_direction_to_manage(request.user, pk)
    transition = DIRECTION_TRANSITIONS.manual(action)
    if transition is None:
        raise Http404
    run_action(
        request,
        lambda: services.direction_move(actor=request.user, direction=direction, action=action),
        success=str(transition.done or transition.label),
    )
    return redirect("chains:direction_detail", pk=pk)


@require_POST
def direction_link_call(request, pk: int):
    direction = rules.access_direction_to_manage(request.user, pk)
    form = CallLinkForm(request.POST)
    if form.is_valid():
        call = form.cleaned_data["call"]
        run_action(
            request,
            lambda: services.direction_link_call(
                actor=request.user, direction=direction, call=call
            ),
            success=_("The direction now fills %(call)s.") % {"call": call.title}
            if call
            else _("The direction no longer fills a call."),
        )
    else:
        form_errors_to_messages(request, form)
    return redirect("chains:direction_detail", pk=pk)


@require_POST
def direction_fill_call(request, pk: int):
    """Invite every shortlisted supplier to the linked call (its handlers), all or none."""
    direction = rules.access_direction(request.user, pk)
    if not (
        rules.can_manage_directions(request.user) or rules.can_fill_call(request.user, direction)
    ):
        raise Http404
    run_action(
        request,
        lambda: services.direction_fill_call(actor=request.user, direction=direction),
        success=lambda pairs: (
            ngettext(
                "%(count)d shortlisted pair was invited to %(call)s; each supplier is told.",
                "%(count)d shortlisted pairs were invited to %(call)s; each supplier is told.",
                len(pairs),
            )
            % {"count": len(pairs), "call": direction.call.title}
        ),
    )
    return redirect("chains:direction_detail", pk=pk)


# --- administrators: key products and processes ----------------------------------------------


def item_create(request, pk: int):
    direction = rules.access_direction_to_manage(request.user, pk)
    form = ItemForm(request.POST or None, direction=direction)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            lambda: services.item_add(
                actor=request.user, direction=direction, **form.service_data()
            ),
            success=_("The key product or process was added."),
            form=form,
        )
        if outcome:
            return redirect("chains:direction_detail", pk=direction.pk)
    context = {"form": form, "direction": direction, "item": None}
    return render(request, "chains/direction_item_form.html", context)


def item_edit(request, pk: int):
    item = rules.access_item_to_manage(request.user, pk)
    direction = item.direction
    form = ItemForm(request.POST or None, direction=direction, item=item)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            lambda: services.item_update(actor=request.user, item=item, **form.service_data()),
            success=_("The key product or process was saved."),
            form=form,
        )
        if outcome:
            return redirect("chains:direction_detail", pk=direction.pk)
    context = {"form": form, "direction": direction, "item": item}
    return render(request, "chains/direction_item_form.html", context)


@require_POST
def item_remove(request, pk: int):
    item = rules.access_item_to_manage(request.user, pk)
    run_action(
        request,
        lambda: services.item_remove(actor=request.user, item=item),
        success=_("%(item)s was removed.") % {"item": item.name},
    )
    return redirect("chains:direction_detail", pk=item.direction_id)


@require_GET
def item_suggestions(request, pk: int):
    """The suppliers suggested for one key product or process (a panel of the direction's
    page, loaded after it)."""
    item = rules.access_item_to_manage(request.user, pk)
    context = {"suggestions": selectors.item_suggestions(item), "item": item}
    return render(request, "chains/_direction_suggestions.html", context)


# --- pairs ---------------------------------------------------------------------------------------


def pair_recommend(request, pk: int):
    """A department recommends a pair for one of the direction's key products or processes."""
    direction = rules.access_direction(request.user, pk)
    if not rules.can_recommend_pairs(request.user):
        raise Http404
    if direction.status != DirectionStatus.COLLECTING and request.method != "POST":
        return redirect("chains:direction_detail", pk=pk)
    form = RecommendForm(request.POST or None, direction=direction)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            lambda: services.pair_recommend(actor=request.user, **form.service_data()),
            success=_(
                "Your recommendation was recorded; you will be told when the administrators "
                "decide on it."
            ),
            form=form,
        )
        if outcome:
            return redirect(f"{_detail_url(direction)}#proposals")
        if not form.errors:
            return redirect("chains:direction_detail", pk=pk)
    context = {"direction": direction, "form": form}
    return render(request, "chains/direction_recommend.html", context)


def pair_add(request, pk: int):
    """An administrator adds a suggested supplier of a key product or process as a pair."""
    item = rules.access_item_to_manage(request.user, pk)
    data = request.POST if request.method == "POST" else request.GET
    supplier = (
        selectors.supplier_choices().filter(pk=parse_id(data.get("supplier"))).first()
        if parse_id(data.get("supplier"))
        else None
    )
    if supplier is None:
        raise Http404
    source = data.get("source", "")
    initial = {
        "supplier": supplier.pk,
        "source": source if source in PairSource.values else PairSource.MATCHING,
        "product": parse_id(data.get("product")),
    }
    form = PairForm(request.POST or None, supplier=supplier, initial=initial)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            lambda: services.pair_add(actor=request.user, item=item, **form.service_data()),
            success=_("%(supplier)s was added as a candidate pair of %(item)s.")
            % {"supplier": supplier.name, "item": item.name},
            form=form,
        )
        if outcome:
            return redirect(f"{_detail_url(item.direction)}#item-{item.pk}")
        if not form.errors:
            return redirect("chains:direction_detail", pk=item.direction_id)
    context = {"item": item, "direction": item.direction, "supplier": supplier, "form": form}
    return render(request, "chains/direction_pair_form.html", context)


@require_POST
def pair_move(request, pk: int, action: str):
    """Shortlist, decline (with the reason) or reconsider a pair."""
    pair = rules.access_pair_to_decide(request.user, pk)
    if action not in ROW_MOVES:
        raise Http404
    transition = PAIR_TRANSITIONS[action]
    run_action(
        request,
        lambda: services.pair_move(
            actor=request.user, pair=pair, action=action, note=request.POST.get("reason", "")
        ),
        success=str(transition.done or transition.label),
    )
    default = f"{_detail_url(pair.item.direction)}#item-{pair.item_id}"
    return redirect_back(request, default)
