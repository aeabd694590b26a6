"""Qualifications (专精特新, 小巨人): certificates submitted, verified, rejected, revoked or
failed at review (复核); the organization's level follows the verified ones still valid.

A qualification counts while it is verified and its ``valid_until`` (the expiry or review
date) is empty or not past. When a higher level than the one that counts lapsed (revoked,
failed review, or verified but expired) the organization keeps a flag saying which and how,
so badges show it lapsed instead of hiding it or, worse, showing it as current. A daily task
(``qualifications_refresh_expired``) catches the qualifications that expire with time.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import F
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
    QualificationFlag,
    QualificationLevel,
    QualificationStatus,
    User,
)
from ..transitions import QUALIFICATION_TRANSITIONS
from ._common import record, record_on_organization

__all__ = [
    "qualification_fail_review",
    "qualification_record_listed",
    "qualification_reject",
    "qualification_revoke",
    "qualification_set_valid_until",
    "qualification_submit",
    "qualification_verify",
    "qualifications_refresh_expired",
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
    valid_until: date | None = None,
) -> Qualification:
    """Record a qualification named on an official list as verified (administrators only).

    The list stands in for the certificate, so none is kept. ``qualification`` is a claim
    awaiting verification that the list confirms; without one a new qualification is
    created. Either way it is verified by ``actor`` through the qualification table, with
    the list's expiry or review date as ``valid_until`` when it gives one.
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
            valid_until=valid_until,
        )
        qualification.full_clean(exclude=["certificate"])
        qualification.save()
        record(organization, actor, "qualification_submitted", str(qualification))
    elif valid_until is not None and qualification.valid_until != valid_until:
        qualification.valid_until = valid_until
        qualification.save(update_fields=["valid_until"])
    return qualification_verify(actor=actor, qualification=qualification)


# Why a qualification that no longer counts lapsed; None: it counts (or never did).
def _lapse(qualification: Qualification, today: date) -> str | None:
    if qualification.status == QualificationStatus.REVIEW_FAILED:
        return QualificationFlag.REVIEW_FAILED
    if qualification.status == QualificationStatus.REVOKED:
        return QualificationFlag.REVOKED
    if qualification.status != QualificationStatus.VERIFIED:
        return None
    if qualification.valid_until is not None and qualification.valid_until < today:
        return QualificationFlag.EXPIRED
    return None


def _is_current(qualification: Qualification, today: date) -> bool:
    if qualification.status != QualificationStatus.VERIFIED:
        return False
    return _lapse(qualification, today) is None


def qualification_standing(qualifications, today: date) -> tuple[str, str, str]:
    """Return ``(level, flag, lapsed_level)`` for an organization's qualifications.

    ``level`` is the best one that counts (verified, not past its ``valid_until``).
    ``flag`` and ``lapsed_level`` name the best one that lapsed above it (the latest
    of that level when several did); both are empty when none did.
    """
    level = QualificationLevel.NONE
    for qualification in qualifications:
        better = QUALIFICATION_RANK[qualification.level] > QUALIFICATION_RANK[level]
        if better and _is_current(qualification, today):
            level = qualification.level
    flag, lapsed_level, lapsed_key = "", "", None
    for qualification in qualifications:
        why = _lapse(qualification, today)
        rank = QUALIFICATION_RANK[qualification.level]
        if why is None or rank <= QUALIFICATION_RANK[level]:
            continue
        key = (rank, qualification.year, qualification.pk)
        if lapsed_key is None or key > lapsed_key:
            flag, lapsed_level, lapsed_key = why, qualification.level, key
    return level, flag, lapsed_level


def _refresh_qualification_level(organization_id: int, today: date | None = None) -> bool:
    """Work the organization's level and flag out again; return whether they changed.

    The caller records the change on the organization's trail, which also queues its
    search entry (and the listings showing its level) for reindexing.
    """
    standing = qualification_standing(
        list(Qualification.objects.filter(organization_id=organization_id)),
        today or timezone.localdate(),
    )
    fields = ("qualification_level", "qualification_flag", "lapsed_qualification_level")
    current = Organization.objects.filter(pk=organization_id).values_list(*fields).first()
    if current is None or tuple(current) == standing:
        return False
    changes = dict(zip(fields, standing, strict=True))
    Organization.objects.filter(pk=organization_id).update(**changes)
    return True


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


@transaction.atomic
def qualification_fail_review(
    *, actor: User, qualification: Qualification, reason: str
) -> Qualification:
    """Record that a verified qualification failed its review (复核): it no longer counts,
    and the organization's badge shows it flagged until a new one is verified."""
    qualification = _lock_qualification(qualification)
    qualification.rejection_reason = (reason or "").strip()
    _move_qualification(
        actor, qualification, "fail_review", reason=reason, fields=["rejection_reason"]
    )
    _refresh_qualification_level(qualification.organization_id)
    return qualification


@transaction.atomic
def qualification_set_valid_until(
    *, actor: User, qualification: Qualification, valid_until: date | None
) -> Qualification:
    """Change the expiry or review date of a qualification (administrators: e.g. a newer
    official list gives another date); the level is worked out again."""
    if not rules.can_verify_qualification(actor):
        raise NotAllowed(_("Only platform administrators can verify qualifications."))
    qualification = _lock_qualification(qualification)
    if qualification.valid_until == valid_until:
        return qualification
    qualification.valid_until = valid_until
    qualification.save(update_fields=["valid_until"])
    note = _("%(qualification)s: valid until %(date)s") % {
        "qualification": qualification,
        "date": valid_until.isoformat() if valid_until else "—",
    }
    record(qualification.organization, actor, "qualification_valid_until", note)
    _refresh_qualification_level(qualification.organization_id)
    return qualification


def qualifications_refresh_expired(*, today: date | None = None) -> int:
    """Lower the level of the organizations whose counted qualification passed its
    ``valid_until``; return how many changed. The scheduler runs it daily.

    Idempotent: once an organization's level no longer counts an expired qualification,
    it is not selected again. Each organization changes in its own transaction, with an
    event on its trail (which also reindexes it).
    """
    today = today or timezone.localdate()
    organization_ids = (
        Qualification.objects.filter(
            status=QualificationStatus.VERIFIED,
            valid_until__lt=today,
            level=F("organization__qualification_level"),
        )
        .values_list("organization_id", flat=True)
        .distinct()
    )
    changed = 0
    for organization_id in list(organization_ids):
        with transaction.atomic():
            organization = Organization.objects.select_for_update().get(pk=organization_id)
            if not _refresh_qualification_level(organization_id, today):
                continue
            expired = Qualification.objects.filter(
                organization_id=organization_id,
                status=QualificationStatus.VERIFIED,
                valid_until__lt=today,
            ).select_related("organization")
            note = "; ".join(
                _("%(qualification)s: valid until %(date)s")
                % {"qualification": q, "date": q.valid_until.isoformat()}
                for q in expired
            )
            record(organization, None, "qualification_expired", note[:4000])
            changed += 1
    return changed
