"""Interests, handshakes and deals: the panel of a listing's or an R&D demand's page
(express interest, the interest already running, or the owner's count), the interest form,
one interest with its history, contacts (once accepted), deal and moves, an organization's
interests both ways, and the workspace's panel."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.rules import is_member, is_platform_admin, organization_of
from catalog import rules as catalog_rules
from catalog.models import OpenResource, Product, ResearchResult
from challenges import rules as call_rules
from challenges.models import CallKind
from core.http import run_action

from .. import rules, selectors, services
from ..forms import DealForm, InterestForm
from ..models import InterestStatus
from ..transitions import INTEREST_TRANSITIONS

PAGE_SIZE = 30

_LISTING_MODELS = {"result": ResearchResult, "product": Product, "resource": OpenResource}


def _target(request, target_type: str, pk: int):
    """The listing or R&D demand, for whoever may see its page; 404 otherwise (and for calls
    of other kinds)."""
    if target_type in _LISTING_MODELS:
        return catalog_rules.access_listing(request.user, _LISTING_MODELS[target_type], pk)
    if target_type == "call":
        call = call_rules.access_call(request.user, pk)
        if call.kind != CallKind.RND_DEMAND:
            raise Http404
        return call
    raise Http404


def _list_url(organization_id: int, **query) -> str:
    url = reverse("docking:interests_of", args=[organization_id])
    return f"{url}?{urlencode(query)}" if query else url


@login_not_required
@require_GET
def interest_panel(request, target_type: str, pk: int):
    """The part of a listing's or R&D demand's page about interest: express it (an eligible
    user), the interest already running for their organization, why they cannot, or, for
    the owner and administrators, how many wait for an answer."""
    target = _target(request, target_type, pk)
    user = request.user
    owner = rules.owner_of_target(target)
    context = {"target": target, "target_type": target_type}
    target_problems = rules.interest_target_problems(target)
    if is_member(user, owner) or is_platform_admin(user):
        interests = selectors.interests_of_target(target)
        context.update(
            is_owner=True,
            pending_count=interests.filter(status=InterestStatus.PENDING).count(),
            total_count=interests.count(),
            list_url=_list_url(owner.pk, side="received"),
        )
    elif target_problems:
        return HttpResponse("")
    elif user.is_authenticated:
        context.update(
            problems=rules.interest_requester_problems(user, target),
            existing=selectors.open_interest(organization_of(user), target),
        )
    return render(request, "docking/_interest_panel.html", context)


def interest_create(request, target_type: str, pk: int):
    """Express interest in a listing or an R&D demand: what is wanted, and a short note."""
    target = _target(request, target_type, pk)
    problems = [
        *rules.interest_target_problems(target),
        *rules.interest_requester_problems(request.user, target),
    ]
    existing = selectors.open_interest(organization_of(request.user), target)
    if request.method != "POST" and (problems or existing):
        for problem in problems:
            messages.error(request, problem)
        if existing is not None and not problems:
            return redirect("docking:interest_detail", pk=existing.pk)
        return redirect(target.get_absolute_url())
    form = InterestForm(request.POST or None, wants_choices=rules.wants_choices(target))
    if request.method == "POST" and form.is_valid():
        owner = rules.owner_of_target(target)
        outcome = run_action(
            request,
            lambda: services.interest_create(
                actor=request.user, target=target, **form.service_data()
            ),
            success=_("Your interest was sent; %(owner)s is told and will answer here.")
            % {"owner": rules.party_name(request.user, owner, _call_or_none(target))},
            form=form,
        )
        if outcome:
            return redirect("docking:interest_detail", pk=outcome.value.pk)
        if not form.errors:
            return redirect(target.get_absolute_url())
    context = {
        "target": target,
        "target_type": target_type,
        "form": form,
        "owner": rules.owner_of_target(target),
        # An anonymous call's issuer is named by its label (measure 十三).
        "owner_name": rules.party_name(
            request.user, rules.owner_of_target(target), _call_or_none(target)
        ),
    }
    return render(request, "docking/interest_form.html", context)


def _call_or_none(target):
    return target if rules.target_type_of(target) == "call" else None


def _contacts(interest) -> list[dict]:
    """Both sides' contacts, for a handshake only (the caller checks)."""
    sides = []
    for organization, role in ((interest.requester, "requester"), (interest.owner, "owner")):
        sides.append(
            {
                "role": role,
                "organization": organization,
                "name": organization.contact_name,
                "phone": organization.contact_phone,
                "email": organization.contact_email,
                "person": interest.requested_by if role == "requester" else None,
            }
        )
    return sides


def _events(user, interest) -> list:
    """The history; before the handshake, the people of the other side stay unnamed."""
    events = list(selectors.interest_events(interest))
    if interest.is_handshake or is_platform_admin(user):
        return events
    side = rules.side_of(user, interest)
    for event in events:
        if event.actor is not None and (side is None or not is_member(event.actor, side)):
            event.actor = None
    return events


def _detail(request, interest, *, deal_form=None):
    user = request.user
    roles = rules.interest_roles(user, interest)
    offer = INTEREST_TRANSITIONS.offered(interest.status, roles)
    deal = rules.deal_of(interest)
    can_record = bool(roles) and not rules.deal_record_problems(user, interest)
    if deal_form is None and can_record:
        initial = {}
        if deal is not None:
            initial = {
                "kind": deal.kind,
                "amount": deal.amount,
                "signed_on": deal.signed_on,
                "contract_number": deal.contract_number,
                "note": deal.note,
            }
        deal_form = DealForm(initial=initial)
    is_owner = rules.is_interest_owner(user, interest)
    is_requester = rules.is_interest_requester(user, interest)
    context = {
        "interest": interest,
        "target": interest.target,
        "target_type": rules.target_type_of(interest.target),
        "offer": offer,
        "deal": deal,
        "deal_form": deal_form if can_record else None,
        "can_confirm_deal": bool(roles) and not rules.deal_confirm_problems(user, interest),
        "is_owner": is_owner,
        "is_requester": is_requester,
        "is_admin": is_platform_admin(user),
        "events": _events(user, interest),
        "contacts": _contacts(interest) if rules.can_see_contacts(user, interest) else None,
        "conversation": getattr(interest, "conversation", None),
        "back_url": _list_url(
            interest.owner_id if is_owner else interest.requester_id,
            side="received" if is_owner else "sent",
        )
        if is_owner or is_requester
        else None,
    }
    return render(request, "docking/interest_detail.html", context)


def interest_detail(request, pk: int):
    """One interest, for the members of both sides and administrators; 404 for others."""
    return _detail(request, rules.access_interest(request.user, pk))


@require_POST
def interest_move(request, pk: int, action: str):
    """A move on an interest: accept or decline (the owner), withdraw (the requester),
    start negotiating or end without a deal (either side)."""
    interest = rules.access_interest(request.user, pk)
    transition = INTEREST_TRANSITIONS.manual(action)
    if transition is None:
        raise Http404
    run_action(
        request,
        lambda: services.interest_move(
            actor=request.user,
            interest=interest,
            action=action,
            note=request.POST.get("note", ""),
        ),
        success=_("%(move)s. The other side is told.") % {"move": transition.done},
    )
    return redirect("docking:interest_detail", pk=pk)


@require_POST
def deal_record(request, pk: int):
    """One side records (or, until confirmed, replaces) the deal; the other confirms it."""
    interest = rules.access_interest(request.user, pk)
    if not rules.interest_roles(request.user, interest):
        messages.error(request, _("Only the two sides record a deal."))
        return redirect("docking:interest_detail", pk=pk)
    form = DealForm(request.POST)
    if form.is_valid():
        outcome = run_action(
            request,
            lambda: services.deal_record(
                actor=request.user, interest=interest, **form.service_data()
            ),
            success=_("The deal is recorded. The other side is asked to confirm it."),
            form=form,
        )
        if outcome or not form.errors:
            return redirect("docking:interest_detail", pk=pk)
    return _detail(request, interest, deal_form=form)


@require_POST
def deal_confirm(request, pk: int):
    """The other side confirms the recorded deal: the handshake becomes a deal."""
    interest = rules.access_interest(request.user, pk)
    run_action(
        request,
        lambda: services.deal_confirm(actor=request.user, interest=interest),
        success=_("The deal is confirmed. Both sides are told."),
    )
    return redirect("docking:interest_detail", pk=pk)


def interests_of(request, pk: int):
    """An organization's interests: "ours" (sent) and "in our listings" (received), filtered
    by status; its members and administrators only."""
    organization = rules.access_interests_organization(request.user, pk)
    side = request.GET.get("side", "")
    if side not in selectors.INTEREST_SIDES:
        received = selectors.interests_of(organization, side="received").exists()
        side = "received" if received else "sent"
    status = request.GET.get("status", "")
    status = status if status in InterestStatus.values else ""
    interests = selectors.interests_of(organization, side=side, status=status)
    query = {"side": side, "status": status}
    context = {
        "organization": organization,
        "side": side,
        "status": status,
        "statuses": InterestStatus.choices,
        "page": Paginator(interests, PAGE_SIZE).get_page(request.GET.get("page")),
        "query_string": urlencode({key: value for key, value in query.items() if value}),
    }
    return render(request, "docking/interests_of.html", context)


@require_GET
def interests_dashboard(request):
    """The workspace's panel: interests waiting for the organization's answer and its own
    still running (nothing when it has none)."""
    organization = organization_of(request.user)
    if organization is None:
        return HttpResponse("")
    summary = selectors.interests_summary(organization)
    if not summary:
        return HttpResponse("")
    context = {"organization": organization, "summary": summary}
    return render(request, "docking/_interest_dashboard_panel.html", context)
