"""Access requests to open resources: the actions panel of a resource's page (request
access, apply, or the owner's count of waiting requests), the request form, one request with
its history and the moves offered, an organization's requests both ways, and the panel of
the workspace."""

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

from accounts.rules import is_platform_admin, organization_of
from catalog import rules as catalog_rules
from catalog.models import OpenResource
from core.http import run_action
from core.ids import parse_id

from .. import rules, selectors, services
from ..forms_access import AccessRequestForm, ProposeDatesForm
from ..models import AccessStatus
from ..transitions import ACCESS_TRANSITIONS, OWNER

PAGE_SIZE = 30


def _resource(request, pk: int) -> OpenResource:
    """The open resource, for whoever may see its page; 404 otherwise."""
    return catalog_rules.access_listing(request.user, OpenResource, pk)


def _list_url(name: str, organization_id: int, **query) -> str:
    url = reverse(name, args=[organization_id])
    return f"{url}?{urlencode(query)}" if query else url


@login_not_required
@require_GET
def resource_actions(request, pk: int):
    """The part of an open resource's page that concerns its use: request access (test
    lines, laboratories, data) or apply (supplier pools, innovation-chain projects) for an
    eligible user, the request already waiting for their organization, or, for the owner
    and administrators, how many wait for an answer with the way to them."""
    resource = _resource(request, pk)
    user = request.user
    takes_access = resource.kind in rules.ACCESS_KINDS
    context = {"resource": resource, "takes_access": takes_access}
    if rules.is_resource_owner(user, resource) or is_platform_admin(user):
        if takes_access:
            count = selectors.access_requests_open_count(resource)
            name = "chains:access_requests_of"
        else:
            count = selectors.supplier_applications_open_count(resource)
            name = "chains:supplier_applications_of"
        context.update(
            is_owner=True,
            open_count=count,
            list_url=_list_url(
                name, resource.organization_id, side="received", resource=resource.pk
            ),
        )
    elif user.is_authenticated:
        organization = organization_of(user)
        if takes_access:
            problems = [
                *rules.access_resource_problems(resource),
                *rules.access_requester_problems(user, resource),
            ]
            existing = (
                selectors.open_access_request(organization, resource) if organization else None
            )
        else:
            problems = [
                *rules.supplier_resource_problems(resource),
                *rules.supplier_applicant_problems(user, resource),
            ]
            existing = (
                selectors.open_supplier_application(organization, resource)
                if organization
                else None
            )
        context.update(problems=problems, existing=existing)
    return render(request, "chains/_access_resource_panel.html", context)


def access_request_create(request, pk: int):
    """Ask to use a test line, laboratory or data resource, with a purpose and dates."""
    resource = _resource(request, pk)
    problems = [
        *rules.access_resource_problems(resource),
        *rules.access_requester_problems(request.user, resource),
    ]
    if request.method != "POST" and problems:
        for problem in problems:
            messages.error(request, problem)
        return redirect(resource.get_absolute_url())
    form = AccessRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            lambda: services.access_request_create(
                actor=request.user, resource=resource, **form.service_data()
            ),
            success=_("Your request was sent; %(owner)s is told and will answer here.")
            % {"owner": resource.organization.name},
            form=form,
        )
        if outcome:
            return redirect("chains:access_request_detail", pk=outcome.value.pk)
        if not form.errors:
            return redirect(resource.get_absolute_url())
    return render(request, "chains/access_request_form.html", {"resource": resource, "form": form})


def _detail(request, access_request, *, dates_form=None):
    user = request.user
    roles = rules.access_request_roles(user, access_request)
    offer = ACCESS_TRANSITIONS.offered(
        access_request.status,
        roles,
        lambda action: rules.access_move_problems(access_request, action),
    )
    if dates_form is None and any(move.action == "propose_dates" for move in offer.moves):
        dates_form = ProposeDatesForm(
            initial={
                "proposed_start": access_request.start_date,
                "proposed_end": access_request.end_date,
            }
        )
    is_owner = rules.is_access_owner(user, access_request)
    is_requester = rules.is_access_requester(user, access_request)
    context = {
        "access_request": access_request,
        "resource": access_request.resource,
        "offer": offer,
        "dates_form": dates_form,
        "is_owner": is_owner,
        "is_requester": is_requester,
        "is_admin": is_platform_admin(user),
        "events": selectors.access_request_events(access_request),
        "back_url": _list_url(
            "chains:access_requests_of",
            access_request.resource.organization_id if is_owner else access_request.requester_id,
            side="received" if is_owner else "sent",
        )
        if is_owner or is_requester
        else None,
    }
    return render(request, "chains/access_request_detail.html", context)


def access_request_detail(request, pk: int):
    """One request, for the requester, the owner and administrators; 404 for anyone else."""
    return _detail(request, rules.access_access_request(request.user, pk))


@require_POST
def access_request_move(request, pk: int, action: str):
    """A move on a request: the owner's accept, other dates (a form) or decline (with the
    reason); the requester's taking the proposed dates or withdrawal."""
    access_request = rules.access_access_request(request.user, pk)
    transition = ACCESS_TRANSITIONS.manual(action)
    if transition is None:
        raise Http404
    success = _("%(move)s. The other side is told.") % {"move": transition.done}
    detail = reverse("chains:access_request_detail", args=[pk])
    if action == "propose_dates":
        form = ProposeDatesForm(request.POST)
        roles = rules.access_request_roles(request.user, access_request)
        if form.is_valid() or OWNER not in roles:
            data = form.cleaned_data if form.is_valid() else {}
            outcome = run_action(
                request,
                lambda: services.access_request_propose_dates(
                    actor=request.user,
                    access_request=access_request,
                    proposed_start=data.get("proposed_start"),
                    proposed_end=data.get("proposed_end"),
                    note=data.get("note", ""),
                ),
                success=success,
                form=form,
            )
            if outcome or not form.errors:
                return redirect(detail)
        return _detail(request, access_request, dates_form=form)
    run_action(
        request,
        lambda: services.access_request_move(
            actor=request.user,
            access_request=access_request,
            action=action,
            note=request.POST.get("note", ""),
        ),
        success=success,
    )
    return redirect(detail)


def _side(request, has_received) -> str:
    side = request.GET.get("side", "")
    if side in selectors.ACCESS_SIDES:
        return side
    return "received" if has_received() else "sent"


def access_requests_of(request, pk: int):
    """An organization's requests: "ours" (what it asked for) and "to us" (what was asked of
    its resources), filtered by status and resource; its members and administrators only."""
    organization = rules.access_requests_organization(request.user, pk)
    side = _side(
        request,
        lambda: selectors.access_requests_of(organization, side="received").exists(),
    )
    status = request.GET.get("status", "")
    status = status if status in AccessStatus.values else ""
    resource_id = parse_id(request.GET.get("resource", ""))
    requests = selectors.access_requests_of(
        organization, side=side, status=status, resource_id=resource_id
    )
    query = {"side": side, "status": status, "resource": resource_id or ""}
    context = {
        "organization": organization,
        "side": side,
        "status": status,
        "statuses": AccessStatus.choices,
        "resource": OpenResource.objects.filter(pk=resource_id).first() if resource_id else None,
        "page": Paginator(requests, PAGE_SIZE).get_page(request.GET.get("page")),
        "query_string": urlencode({key: value for key, value in query.items() if value}),
        "supplier_url": reverse("chains:supplier_applications_of", args=[organization.pk]),
    }
    return render(request, "chains/access_requests_of.html", context)


@require_GET
def access_dashboard(request):
    """The workspace's panel: requests and applications waiting, both ways, for the user's
    organization, with the way to its lists (nothing when it has none)."""
    organization = organization_of(request.user)
    if organization is None:
        return HttpResponse("")
    access = selectors.access_summary(organization)
    suppliers = selectors.supplier_summary(organization)
    if not access and not suppliers:
        return HttpResponse("")
    context = {"organization": organization, "access": access, "suppliers": suppliers}
    return render(request, "chains/_access_dashboard_panel.html", context)
