"""Qualifications (专精特新, 小巨人): certificates submitted, verified, rejected, revoked;
the organization's level follows its verified ones."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import NotAllowed
from uploads.fields import store_image
from uploads.images import ProcessedImage
from workflow import apply

from .. import rules
from ..models import (
    QUALIFICATION_RANK,
    Organization,
    Qualification,
    QualificationLevel,
    QualificationStatus,
    User,
)
from ..transitions import QUALIFICATION_TRANSITIONS
from ._common import record, record_on_organization

__all__ = [
    "qualification_record_listed",
    "qualification_reject",
    "qualification_revoke",
    "qualification_submit",
    "qualification_verify",
]


@transaction.atomic
def qualification_submit(
    *,
    actor: User,
    organization: Organization,
    level: str,
    batch: str,
    year: int,
    issuer: str,
    certificate: ProcessedImage,
) -> Qualification:
    """Claim a 专精特新 / 小巨人 qualification with its certificate, for an admin to check."""
    if not rules.can_submit_qualification(actor, organization):
        raise NotAllowed(
            _("Only an administrator of an enterprise can claim a qualification for it.")
        )
    qualification = Qualification(
        organization=organization,
        level=level,
        batch=batch.strip(),
        year=year,
        issuer=issuer.strip(),
        submitted_by=actor,
    )
    qualification.full_clean(exclude=["certificate"])
    store_image(qualification.certificate, qualification.certificate_thumbnail, certificate)
    qualification.save()
    record(organization, actor, "qualification_submitted", str(qualification))
    return qualification


@transaction.atomic
def qualification_record_listed(
    *,
    actor: User,
    organization: Organization,
    level: str,
    batch: str,
    year: int,
    issuer: str,
    qualification: Qualification | None = None,
) -> Qualification:
    """Record a qualification named on an official list as verified (administrators only).

    The list stands in for the certificate, so none is kept. ``qualification`` is a claim
    awaiting verification that the list confirms; without one a new qualification is
    created. Either way it is verified by ``actor`` through the qualification table.
    """
    if not rules.is_platform_admin(actor):
        raise NotAllowed(_("Only platform administrators can verify qualifications."))
    if qualification is None:
        qualification = Qualification(
            organization=organization,
            level=level,
            batch=batch.strip(),
            year=year,
            issuer=issuer.strip(),
            submitted_by=actor,
        )
        qualification.full_clean(exclude=["certificate"])
        qualification.save()
        record(organization, actor, "qualification_submitted", str(qualification))
    return qualification_verify(actor=actor, qualification=qualification)


def _refresh_qualification_level(organization_id: int) -> None:
    best = QualificationLevel.NONE
    for level in Qualification.objects.filter(
        organization_id=organization_id, status=QualificationStatus.VERIFIED
    ).values_list("level", flat=True):
        if QUALIFICATION_RANK[level] > QUALIFICATION_RANK[best]:
            best = level
    Organization.objects.filter(pk=organization_id).update(qualification_level=best)


def _move_qualification(
    actor: User, qualification: Qualification, action: str, *, reason: str = "", fields=()
) -> Qualification:
    """Make a qualification's move; the trail's note is the reason, or the qualification."""
    return apply(
        QUALIFICATION_TRANSITIONS,
        qualification,
        action,
        actor=actor,
        roles=rules.qualification_roles(actor, qualification),
        note=reason if QUALIFICATION_TRANSITIONS[action].needs_note else str(qualification),
        fields=fields,
        record=record_on_organization,
    )


def _lock_qualification(qualification: Qualification) -> Qualification:
    return Qualification.objects.select_for_update().get(pk=qualification.pk)


@transaction.atomic
def qualification_verify(*, actor: User, qualification: Qualification) -> Qualification:
    qualification = _lock_qualification(qualification)
    qualification.verified_by = actor
    qualification.verified_at = timezone.now()
    _move_qualification(actor, qualification, "verify", fields=["verified_by", "verified_at"])
    _refresh_qualification_level(qualification.organization_id)
    return qualification


@transaction.atomic
def qualification_reject(
    *, actor: User, qualification: Qualification, reason: str
) -> Qualification:
    qualification = _lock_qualification(qualification)
    qualification.rejection_reason = (reason or "").strip()
    return _move_qualification(
        actor, qualification, "reject", reason=reason, fields=["rejection_reason"]
    )


@transaction.atomic
def qualification_revoke(
    *, actor: User, qualification: Qualification, reason: str
) -> Qualification:
    """Withdraw a verified qualification (e.g. the recognition expired or was cancelled)."""
    qualification = _lock_qualification(qualification)
    qualification.rejection_reason = (reason or "").strip()
    _move_qualification(actor, qualification, "revoke", reason=reason, fields=["rejection_reason"])
    _refresh_qualification_level(qualification.organization_id)
    return qualification
