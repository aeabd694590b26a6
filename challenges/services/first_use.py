"""First-use evidence (先试首用, measure 十一) on a verification project: the trial agreement,
the verification plan, the third-party test report and the first purchase or contract.

The winner's members and the call's handlers file them while the project is in progress; the
first purchase may also follow the final acceptance. The acceptance itself is refused until
each winner with a product has every kind in ``EVIDENCE_BEFORE_ACCEPTANCE`` on file
(``conditions.first_use_evidence_problems``); it then records the first use on the product,
and only there. Files are private: pages link to a view that checks
``can_download_first_use_evidence``.

The predicates live here, beside the services that enforce them, so that the pages of the
higher apps ask the same questions the services answer.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from accounts import rules as account_rules
from accounts.models import User
from core.exceptions import InvalidState, NotAllowed
from uploads.documents import CheckedDocument
from uploads.fields import store_document

from .. import rules
from ..models import (
    Application,
    ApplicationStatus,
    CallKind,
    CallStatus,
    EvidenceKind,
    FirstUseEvidence,
)
from ..selectors import handlers_of, members_of
from ._common import lock_application, lock_call, notify_users

__all__ = [
    "EVIDENCE_LIMIT",
    "can_add_first_use_evidence",
    "can_download_first_use_evidence",
    "can_see_first_use_evidence",
    "evidence_kinds_open",
    "first_use_evidence_add",
    "first_use_evidence_remove",
    "is_first_use_party",
]

NOT_A_PARTY = gettext_lazy(
    "Only the winner and the project's handlers file its first-use evidence."
)

# Documents one winner may keep on file for a project (several test reports are usual).
EVIDENCE_LIMIT = 20


def evidence_kinds_open(call) -> list[str]:
    """The kinds of evidence a verification project takes now: every kind while it is in
    progress; only the first purchase or contract once it is accepted; none otherwise."""
    if call.kind != CallKind.VERIFICATION:
        return []
    if call.status == CallStatus.IN_PROGRESS:
        return list(EvidenceKind.values)
    if call.status == CallStatus.ACCEPTED:
        return [EvidenceKind.PURCHASE]
    return []


def is_first_use_party(user, application: Application) -> bool:
    """The members of an awarded applicant and the call's handlers file its evidence."""
    if application.status != ApplicationStatus.AWARDED:
        return False
    if rules.is_applicant_member(user, application):
        return True
    return rules.is_handler(user, application.call)


def can_add_first_use_evidence(user, application: Application) -> bool:
    if not evidence_kinds_open(application.call):
        return False
    return is_first_use_party(user, application)


def can_see_first_use_evidence(user, application: Application) -> bool:
    """What was filed (kind, title, issuer, date): the parties and administrators at any
    time; everyone once the final acceptance recorded the first use on the product."""
    if application.status != ApplicationStatus.AWARDED:
        return False
    if application.call.status == CallStatus.ACCEPTED:
        return True
    if account_rules.is_platform_admin(user):
        return True
    return is_first_use_party(user, application)


def can_download_first_use_evidence(user, evidence: FirstUseEvidence) -> bool:
    """The file itself: the product's organization (the applicant), the call's handlers
    and administrators; everyone else reads the description only."""
    application = evidence.application
    if account_rules.is_platform_admin(user):
        return True
    if rules.is_handler(user, application.call):
        return True
    if rules.is_applicant_member(user, application):
        return True
    product = application.product
    return product is not None and account_rules.is_member(user, product.organization)


def _refuse_closed(call) -> None:
    if call.kind != CallKind.VERIFICATION:
        raise InvalidState(_("Only engineering verification projects keep first-use evidence."))
    if call.status == CallStatus.ACCEPTED:
        raise InvalidState(
            _(
                "The project is accepted: only the first purchase or contract can still be "
                "added; the documents the acceptance relied on stay as they are."
            )
        )
    raise InvalidState(
        _("First-use evidence is filed while the verification project is in progress.")
    )


def _clean_fields(
    *, kind: str, title: str, issued_by: str, issued_on: date, reference: str, amount
) -> dict:
    """Return the evidence's fields, stripped, or raise every problem at once."""
    errors: dict[str, str] = {}
    if kind not in EvidenceKind.values:
        errors["kind"] = _("Choose what kind of document this is.")
    title, issued_by, reference = title.strip(), issued_by.strip(), (reference or "").strip()
    if not title:
        errors["title"] = _("Give the document's title.")
    if not issued_by:
        errors["issued_by"] = _("Say who issued or signed the document.")
    if issued_on is None or issued_on > timezone.localdate():
        errors["issued_on"] = _(
            "Give the date the document was issued; it cannot be in the future."
        )
    if kind == EvidenceKind.PURCHASE:
        if amount is None:
            errors["amount"] = _("Give the amount of the first purchase or contract.")
        elif amount < Decimal("0"):
            errors["amount"] = _("The amount cannot be negative.")
    elif amount is not None:
        errors["amount"] = _("Only a purchase or contract has an amount.")
    if errors:
        raise ValidationError(errors)
    return {
        "kind": kind,
        "title": title,
        "issued_by": issued_by,
        "issued_on": issued_on,
        "reference": reference,
        "amount": amount,
    }


@transaction.atomic
def first_use_evidence_add(
    *,
    actor: User,
    application: Application,
    kind: str,
    title: str,
    issued_by: str,
    issued_on: date,
    document: CheckedDocument,
    reference: str = "",
    amount: Decimal | None = None,
) -> FirstUseEvidence:
    """File a document of a verification project's winner, with its checked file.

    Locks the call, then the application (the order every call service takes), so the
    final acceptance sees either all of it or none of it.
    """
    lock_call(application.call)
    application = lock_application(application)
    if not is_first_use_party(actor, application):
        raise NotAllowed(NOT_A_PARTY)
    call = application.call
    if kind not in evidence_kinds_open(call):
        _refuse_closed(call)
    fields = _clean_fields(
        kind=kind,
        title=title,
        issued_by=issued_by,
        issued_on=issued_on,
        reference=reference,
        amount=amount,
    )
    if application.first_use_evidence.count() >= EVIDENCE_LIMIT:
        raise InvalidState(
            _("A winner can keep at most %(count)d documents on file.") % {"count": EVIDENCE_LIMIT}
        )
    evidence = FirstUseEvidence(
        application=application,
        uploaded_by=actor,
        file_name=document.original_name[:150],
        **fields,
    )
    evidence.full_clean(exclude=["file", "uploaded_by"])
    store_document(evidence.file, document)
    evidence.save()
    _notify_other_side(actor, application, evidence)
    return evidence


def _notify_other_side(actor: User, application: Application, evidence: FirstUseEvidence) -> None:
    """Tell the winner when a handler filed a document, the handlers when the winner did."""
    call = application.call
    if rules.is_handler(actor, call):
        recipients = members_of(application.applicant)
    else:
        recipients = handlers_of(call)
    notify_users(
        [user for user in recipients if user.pk != actor.pk],
        "first_use.evidence_added",
        gettext_noop("%(document)s was filed on %(call)s"),
        call,
        document=evidence.title,
    )


@transaction.atomic
def first_use_evidence_remove(*, actor: User, evidence: FirstUseEvidence) -> None:
    """Remove a document filed by mistake, while its kind is still taken: before the
    acceptance, or a first purchase after it. What the acceptance relied on stays."""
    lock_call(evidence.application.call)
    application = lock_application(evidence.application)
    evidence = FirstUseEvidence.objects.select_for_update().filter(pk=evidence.pk).first()
    if evidence is None:
        raise InvalidState(_("This document was already removed."))
    if not is_first_use_party(actor, application):
        raise NotAllowed(NOT_A_PARTY)
    if evidence.kind not in evidence_kinds_open(application.call):
        _refuse_closed(application.call)
    storage, name = evidence.file.storage, evidence.file.name
    evidence.delete()
    transaction.on_commit(lambda: storage.delete(name))
