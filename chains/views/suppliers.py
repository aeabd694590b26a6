"""Applications to supplier pools and innovation-chain projects: the application form, one
application with the audit (qualifications, products offered, checks) and the moves
offered, and an organization's applications both ways."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.rules import is_platform_admin, organization_of
from catalog import rules as catalog_rules
from catalog.models import OpenResource, Product
from core.http import form_errors_to_messages, run_action
from core.ids import parse_id

from .. import rules, selectors, services
from ..forms_access import AuditForm, SupplierApplicationForm
from ..models import SupplierStatus
from ..services.suppliers import AUDIT_CHECKS
from ..transitions import SUPPLIER_TRANSITIONS

PAGE_SIZE = 30
# The moves that record the audit's checks and note with the decision.
DECISIONS = ("admit", "reject")


def supplier_application_create(request, pk: int):
    """Apply to a supplier pool or innovation-chain project with a statement and products."""
    resource = catalog_rules.access_listing(request.user, OpenResource, pk)
    problems = [
        *rules.supplier_resource_problems(resource),
        *rules.supplier_applicant_problems(request.user, resource),
    ]
    if request.method != "POST" and problems:
        for problem in problems:
            messages.error(request, problem)
        return redirect(resource.get_absolute_url())
    organization = organization_of(request.user)
    products = (
        selectors.offerable_products(organization)
        if organization is not None
        else Product.objects.none()
    )
    form = SupplierApplicationForm(request.POST or None, products=products)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            lambda: services.supplier_application_submit(
                actor=request.user, resource=resource, **form.service_data()
            ),
            success=_("Your application was sent; %(owner)s is told and will audit it.")
            % {"owner": resource.organization.name},
            form=form,
        )
        if outcome:
            return redirect("chains:supplier_application_detail", pk=outcome.value.pk)
        if not form.errors:
            return redirect(resource.get_absolute_url())
    context = {"resource": resource, "form": form, "has_products": products.exists()}
    return render(request, "chains/supplier_application_form.html", context)


def _detail(request, application, *, audit_form=None):
    user = request.user
    roles = rules.supplier_application_roles(user, application)
    offer = SUPPLIER_TRANSITIONS.offered(application.status, roles)
    is_owner = rules.is_supplier_owner(user, application)
    is_applicant = rules.is_supplier_applicant(user, application)
    decisions = [move for move in offer.moves if move.action in DECISIONS]
    if audit_form is None and decisions:
        audit_form = AuditForm(
            initial={
                "checks": [key for key, ticked in application.checks.items() if ticked],
                "note": application.audit_note,
            }
        )
    context = {
        "application": application,
        "resource": application.resource,
        "applicant": application.applicant,
        "offer": offer,
        "other_moves": [move for move in offer.moves if move.action not in DECISIONS],
        "decisions": decisions,
        "audit_form": audit_form,
        "can_save_checks": is_owner and application.status == SupplierStatus.UNDER_AUDIT,
        "checks": [
            (key, label, bool(application.checks.get(key))) for key, label in AUDIT_CHECKS.items()
        ],
        "is_owner": is_owner,
        "is_applicant": is_applicant,
        "is_admin": is_platform_admin(user),
        "products": list(application.products.order_by("title")),
        "qualifications": selectors.applicant_qualifications(application),
        "events": selectors.supplier_application_events(application),
        "back_url": reverse(
            "chains:supplier_applications_of",
            args=[application.resource.organization_id if is_owner else application.applicant_id],
        )
        + ("?side=received" if is_owner else "?side=sent")
        if is_owner or is_applicant
        else None,
    }
    return render(request, "chains/supplier_application_detail.html", context)


def supplier_application_detail(request, pk: int):
    """One application, for the applicant, the owner and administrators; 404 otherwise."""
    return _detail(request, rules.access_supplier_application(request.user, pk))


@require_POST
def supplier_application_move(request, pk: int, action: str):
    """A move on an application: the owner starts the audit, admits or does not admit (with
    the checks and the note, the reason being required to not admit); the applicant
    withdraws."""
    application = rules.access_supplier_application(request.user, pk)
    transition = SUPPLIER_TRANSITIONS.manual(action)
    if transition is None:
        raise Http404
    success = _("%(move)s. The other side is told.") % {"move": transition.done}
    detail = reverse("chains:supplier_application_detail", args=[pk])
    if action in DECISIONS:
        form = AuditForm(request.POST)
        if not form.is_valid():
            form_errors_to_messages(request, form)
            return redirect(detail)
        service = (
            services.supplier_application_admit
            if action == "admit"
            else services.supplier_application_reject
        )
        run_action(
            request,
            lambda: service(
                actor=request.user,
                application=application,
                note=form.cleaned_data["note"],
                checks=form.cleaned_data["checks"],
            ),
            success=success,
        )
        return redirect(detail)
    run_action(
        request,
        lambda: services.supplier_application_move(
            actor=request.user,
            application=application,
            action=action,
            note=request.POST.get("note", ""),
        ),
        success=success,
    )
    return redirect(detail)


@require_POST
def supplier_application_checks(request, pk: int):
    """Save what the owner checked so far during the audit."""
    application = rules.access_supplier_application(request.user, pk)
    form = AuditForm(request.POST)
    if form.is_valid():
        run_action(
            request,
            lambda: services.supplier_application_record_checks(
                actor=request.user,
                application=application,
                checks=form.cleaned_data["checks"],
                note=form.cleaned_data["note"],
            ),
            success=_("The checks were saved."),
        )
    else:
        form_errors_to_messages(request, form)
    return redirect("chains:supplier_application_detail", pk=pk)


def supplier_applications_of(request, pk: int):
    """An organization's applications: "ours" and "to us", filtered by status and resource;
    its members and administrators only."""
    organization = rules.access_requests_organization(request.user, pk)
    side = request.GET.get("side", "")
    if side not in selectors.ACCESS_SIDES:
        received = selectors.supplier_applications_of(organization, side="received")
        side = "received" if received.exists() else "sent"
    status = request.GET.get("status", "")
    status = status if status in SupplierStatus.values else ""
    resource_id = parse_id(request.GET.get("resource", ""))
    applications = selectors.supplier_applications_of(
        organization, side=side, status=status, resource_id=resource_id
    ).prefetch_related("products")
    query = {"side": side, "status": status, "resource": resource_id or ""}
    context = {
        "organization": organization,
        "side": side,
        "status": status,
        "statuses": SupplierStatus.choices,
        "resource": OpenResource.objects.filter(pk=resource_id).first() if resource_id else None,
        "page": Paginator(applications, PAGE_SIZE).get_page(request.GET.get("page")),
        "query_string": urlencode({key: value for key, value in query.items() if value}),
        "access_url": reverse("chains:access_requests_of", args=[organization.pk]),
    }
    return render(request, "chains/supplier_applications_of.html", context)
