"""Applications to supplier pools and innovation-chain projects (measure 十): a verified SME
applies to a lead enterprise's supplier pool or innovation-chain project (an open resource of
that kind) with a statement and some of its published products; the lead starts the audit,
ticks what it checked (qualification, products, on-site visit...) and admits it or not, with
the reason; the applicant may withdraw before the decision.

Every move goes through the workflow engine (``SUPPLIER_TRANSITIONS``) and writes a
``SupplierApplicationEvent``; both organizations are told, except the person who moved.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from accounts.models import User
from accounts.rules import organization_of
from catalog.models import ListingStatus, OpenResource, Product, ResourceKind
from challenges.selectors import members_of
from core.exceptions import InvalidState, NotAllowed
from notifications.services import notify
from workflow import MoveServices, apply, check

from .. import rules
from ..models import SupplierApplication, SupplierApplicationEvent, SupplierStatus
from ..selectors.suppliers import SUPPLIER_OPEN_STATUSES
from ..transitions import SUPPLIER_TRANSITIONS

__all__ = [
    "AUDIT_CHECKS",
    "SUPPLIER_MOVES",
    "supplier_application_admit",
    "supplier_application_move",
    "supplier_application_record_checks",
    "supplier_application_reject",
    "supplier_application_start_audit",
    "supplier_application_submit",
    "supplier_application_withdraw",
]

# What the lead may tick during the audit, in the order shown (stored in ``checks``).
AUDIT_CHECKS = {
    "qualification": gettext_lazy("Qualification certificate checked"),
    "products": gettext_lazy("Products and their test reports checked"),
    "quality_system": gettext_lazy("Quality system certification checked"),
    "site_visit": gettext_lazy("On-site visit made"),
    "samples": gettext_lazy("Samples tested"),
}
STATEMENT_LIMIT = 4000
NOTE_LIMIT = 4000

SUPPLIER_MOVES = MoveServices(SUPPLIER_TRANSITIONS)

MESSAGES = {
    "submitted": gettext_noop("%(applicant)s applied to %(resource)s"),
    "start_audit": gettext_noop("%(owner)s started auditing the application of %(applicant)s"),
    "admit": gettext_noop("%(owner)s admitted %(applicant)s to %(resource)s"),
    "reject": gettext_noop("%(owner)s did not admit %(applicant)s to %(resource)s"),
    "withdraw": gettext_noop("%(applicant)s withdrew its application to %(resource)s"),
}


def _detail_url(application: SupplierApplication) -> str:
    return reverse("chains:supplier_application_detail", args=[application.pk])


def _tell(application: SupplierApplication, actor: User, step: str) -> None:
    """Tell the members of both organizations, but not the person who made the step."""
    people = members_of(application.applicant, application.resource.organization)
    notify(
        recipients=people.exclude(pk=actor.pk),
        verb=f"supplier.{step}",
        message=MESSAGES[step],
        params={
            "applicant": application.applicant.name,
            "owner": application.resource.organization.name,
            "resource": application.resource.title,
        },
        url=_detail_url(application),
    )


def _record(application, actor, action, from_status, to_status, note, transition=None):
    SupplierApplicationEvent.objects.create(
        application=application,
        actor=actor,
        action=transition.event_action if transition is not None else action,
        from_status=from_status,
        to_status=to_status,
        note=(note or "").strip(),
    )


def _lock(application: SupplierApplication) -> SupplierApplication:
    """Re-read the application under a row lock (PostgreSQL); every move starts here."""
    return (
        SupplierApplication.objects.select_for_update(of=("self",))
        .select_related("resource__organization", "applicant")
        .get(pk=application.pk)
    )


def _check_note(note: str, field: str = "note") -> str:
    note = (note or "").strip()
    if len(note) > NOTE_LIMIT:
        raise ValidationError(
            {field: _("Keep it within %(limit)d characters.") % {"limit": NOTE_LIMIT}}
        )
    return note


def _clean_checks(checks: Iterable[str] | dict) -> dict:
    """``{key: ticked}`` for every audit check; unknown keys are refused."""
    if isinstance(checks, dict):
        ticked = {key for key, value in checks.items() if value}
    else:
        ticked = set(checks)
    unknown = ticked - set(AUDIT_CHECKS)
    if unknown:
        raise ValidationError({"checks": _("Tick only the checks listed.")})
    return {key: key in ticked for key in AUDIT_CHECKS}


@transaction.atomic
def supplier_application_submit(
    *,
    actor: User,
    resource: OpenResource,
    statement: str,
    products: Iterable[Product] = (),
) -> SupplierApplication:
    """Apply, for the actor's SME, to a published supplier pool or innovation-chain project
    of another organization, with a statement and some of the SME's published products (at
    least one for a supplier pool).

    One open application per organization and resource, and none once admitted: the
    resource's row lock serialises two members applying at the same time.
    """
    resource = (
        OpenResource.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=resource.pk)
    )
    problems = rules.supplier_resource_problems(resource)
    if problems:
        raise InvalidState(" ".join(str(problem) for problem in problems))
    problems = rules.supplier_applicant_problems(actor, resource)
    if problems:
        raise NotAllowed(" ".join(str(problem) for problem in problems))
    applicant = organization_of(actor)
    earlier = (
        SupplierApplication.objects.filter(
            resource=resource,
            applicant=applicant,
            status__in=[*SUPPLIER_OPEN_STATUSES, SupplierStatus.ADMITTED],
        )
        .order_by("created_at")
        .first()
    )
    if earlier is not None and earlier.status == SupplierStatus.ADMITTED:
        raise InvalidState(_("Your organization was already admitted to this resource."))
    if earlier is not None:
        raise InvalidState(
            _(
                "Your organization already has an application to this resource (sent on "
                "%(date)s); wait for the decision or withdraw it before applying again."
            )
            % {"date": f"{timezone.localtime(earlier.created_at):%Y-%m-%d}"}
        )
    errors = {}
    statement = (statement or "").strip()
    if not statement:
        errors["statement"] = _("Say what your organization offers.")
    elif len(statement) > STATEMENT_LIMIT:
        errors["statement"] = _("Keep it within %(limit)d characters.") % {"limit": STATEMENT_LIMIT}
    ids = list(dict.fromkeys(product.pk for product in products))
    offered = list(
        Product.objects.filter(
            pk__in=ids, organization=applicant, status=ListingStatus.PUBLISHED
        ).order_by("title")
    )
    if len(offered) != len(ids):
        errors["products"] = _("Choose among your organization's published products.")
    elif not offered and resource.kind == ResourceKind.SUPPLIER:
        errors["products"] = _("Choose at least one product to offer to the supplier pool.")
    if errors:
        raise ValidationError(errors)
    application = SupplierApplication.objects.create(
        resource=resource, applicant=applicant, statement=statement, submitted_by=actor
    )
    application.products.set(offered)
    _record(application, actor, "submitted", "", application.status, "")
    _tell(application, actor, "submitted")
    return application


def supplier_application_move(
    *, actor: User, application: SupplierApplication, action: str, note: str = ""
) -> SupplierApplication:
    """Make the move ``action`` that takes nothing but a note (views dispatch here)."""
    return SUPPLIER_MOVES(action, actor=actor, application=application, note=note)


def _move(actor, application, action, note, *, fields=(), checks=None):
    note = _check_note(note)
    fields = list(fields)
    if checks is not None:
        check(
            SUPPLIER_TRANSITIONS,
            application,
            action,
            roles=rules.supplier_application_roles(actor, application),
            note=note,
        )
        application.checks = _clean_checks(checks)
        application.audit_note = note or application.audit_note
        application.audited_by = actor
        application.audited_at = timezone.now()
        fields += ["checks", "audit_note", "audited_by", "audited_at"]
    apply(
        SUPPLIER_TRANSITIONS,
        application,
        action,
        actor=actor,
        roles=rules.supplier_application_roles(actor, application),
        note=note,
        fields=fields,
        record=_record,
    )
    _tell(application, actor, action)
    return application


@SUPPLIER_MOVES.register("start_audit", note="note")
@transaction.atomic
def supplier_application_start_audit(
    *, actor: User, application: SupplierApplication, note: str = ""
) -> SupplierApplication:
    """The lead starts auditing: the applicant knows its application is being looked at."""
    application = _lock(application)
    application.audited_by = actor
    return _move(actor, application, "start_audit", note, fields=["audited_by"])


@SUPPLIER_MOVES.register("admit", note="note")
@transaction.atomic
def supplier_application_admit(
    *,
    actor: User,
    application: SupplierApplication,
    note: str = "",
    checks: Iterable[str] | dict | None = None,
) -> SupplierApplication:
    """The lead admits the applicant, with what it checked (``checks``: the keys ticked;
    ``None`` keeps what was saved during the audit) and an optional note."""
    application = _lock(application)
    return _move(
        actor, application, "admit", note, checks=application.checks if checks is None else checks
    )


@SUPPLIER_MOVES.register("reject", note="note")
@transaction.atomic
def supplier_application_reject(
    *,
    actor: User,
    application: SupplierApplication,
    note: str = "",
    checks: Iterable[str] | dict | None = None,
) -> SupplierApplication:
    """The lead does not admit the applicant; the reason is required and shown to it."""
    application = _lock(application)
    return _move(
        actor, application, "reject", note, checks=application.checks if checks is None else checks
    )


@SUPPLIER_MOVES.register("withdraw", note="note")
@transaction.atomic
def supplier_application_withdraw(
    *, actor: User, application: SupplierApplication, note: str = ""
) -> SupplierApplication:
    """The applicant withdraws before the decision."""
    application = _lock(application)
    return _move(actor, application, "withdraw", note)


@transaction.atomic
def supplier_application_record_checks(
    *, actor: User, application: SupplierApplication, checks: Iterable[str] | dict, note: str = ""
) -> SupplierApplication:
    """Save what the lead checked so far during the audit (no change of status, so no event:
    the decision records the final checks)."""
    application = _lock(application)
    if not rules.is_supplier_owner(actor, application):
        raise NotAllowed(SUPPLIER_TRANSITIONS.not_allowed)
    if application.status != SupplierStatus.UNDER_AUDIT:
        raise InvalidState(_("Checks are recorded while the application is under audit."))
    application.checks = _clean_checks(checks)
    application.audit_note = _check_note(note)
    application.audited_by = actor
    application.save(update_fields=["checks", "audit_note", "audited_by", "updated_at"])
    return application
