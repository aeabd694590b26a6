"""Organizations: registration, changes (identity changes send it back for verification),
verification by the platform."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import InvalidState, NotAllowed
from uploads.fields import store_image
from uploads.images import ProcessedImage
from workflow import apply

from .. import rules
from ..models import (
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    OrganizationKind,
    User,
    VerificationStatus,
)
from ..transitions import VERIFICATION_TRANSITIONS
from ..validators import normalise_code
from ._common import delete_files_on_commit, record, record_move

__all__ = [
    "IDENTITY_FIELDS",
    "ORGANIZATION_FIELDS",
    "organization_create",
    "organization_create_listed",
    "organization_reject",
    "organization_update",
    "organization_verify",
]


# Changing any of these on a verified organization sends it back for verification.
IDENTITY_FIELDS = ("kind", "name", "credit_code")


ORGANIZATION_FIELDS = (
    "kind",
    "name",
    "credit_code",
    "province",
    "city",
    "industry",
    "description",
    "website",
    "contact_name",
    "contact_phone",
    "contact_email",
    "match_notifications",
)


@transaction.atomic
def organization_create(
    *, actor: User, data: dict[str, Any], logo: ProcessedImage | None = None
) -> Organization:
    """Register an organization; the actor becomes its administrator. It awaits verification."""
    if rules.membership_of(actor) is not None:
        raise InvalidState(
            _("You already belong to an organization; leave it before registering another.")
        )
    organization = Organization(created_by=actor)
    _assign(organization, data)
    organization.full_clean()
    if logo is not None:
        store_image(organization.logo, organization.logo_thumbnail, logo)
    organization.save()
    Membership.objects.create(
        user=actor,
        organization=organization,
        role=MembershipRole.ADMIN,
        status=MembershipStatus.ACTIVE,
        decided_by=actor,
        decided_at=timezone.now(),
    )
    rules.forget_membership(actor)
    record(organization, actor, "created")
    return organization


@transaction.atomic
def organization_update(
    *,
    actor: User,
    organization: Organization,
    data: dict[str, Any],
    logo: ProcessedImage | None = None,
) -> Organization:
    """Edit an organization's profile. Changing kind, name or code re-opens verification."""
    if not rules.can_edit_organization(actor, organization):
        raise NotAllowed(_("Only an administrator of this organization can edit it."))
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    before = {field: getattr(organization, field) for field in IDENTITY_FIELDS}
    _assign(organization, data)
    organization.full_clean()
    identity_changed = any(getattr(organization, f) != before[f] for f in IDENTITY_FIELDS)
    if identity_changed and organization.verification_status != VerificationStatus.PENDING:
        organization.verified_by = None
        organization.verified_at = None
        apply(
            VERIFICATION_TRANSITIONS,
            organization,
            "reopen",
            actor=actor,
            roles=rules.organization_roles(actor, organization),
            fields=["verified_by", "verified_at"],
            record=record_move,
        )
    if logo is not None:
        delete_files_on_commit(organization.logo, organization.logo_thumbnail)
        store_image(organization.logo, organization.logo_thumbnail, logo)
    organization.save()
    record(organization, actor, "updated")
    return organization


@transaction.atomic
def organization_create_listed(
    *, actor: User, name: str, credit_code: str, province: str, note: str = ""
) -> Organization:
    """Register an SME named on an official list and verify it (administrators only).

    The list is the evidence: the organization is created awaiting verification and
    verified at once by ``actor`` through the verification table, so its trail shows both.
    It has no members until someone from the firm asks to join it.
    """
    if not rules.is_platform_admin(actor):
        raise NotAllowed(_("Only platform administrators can verify organizations."))
    organization = Organization(
        kind=OrganizationKind.SME,
        name=name.strip(),
        credit_code=normalise_code(credit_code),
        province=province,
        created_by=actor,
    )
    organization.full_clean()
    organization.save()
    record(organization, actor, "created", note)
    organization.verified_by = actor
    organization.verified_at = timezone.now()
    return apply(
        VERIFICATION_TRANSITIONS,
        organization,
        "verify",
        actor=actor,
        roles=rules.organization_roles(actor, organization),
        fields=["verified_by", "verified_at"],
        record=record_move,
    )


def _assign(organization: Organization, data: dict[str, Any]) -> None:
    for field in ORGANIZATION_FIELDS:
        if field in data:
            setattr(organization, field, data[field])
    organization.credit_code = normalise_code(organization.credit_code)


@transaction.atomic
def organization_verify(*, actor: User, organization: Organization) -> Organization:
    """Confirm an organization's identity (administrators only)."""
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    organization.verified_by = actor
    organization.verified_at = timezone.now()
    organization.rejection_reason = ""
    return apply(
        VERIFICATION_TRANSITIONS,
        organization,
        "verify",
        actor=actor,
        roles=rules.organization_roles(actor, organization),
        fields=["verified_by", "verified_at", "rejection_reason"],
        record=record_move,
    )


@transaction.atomic
def organization_reject(*, actor: User, organization: Organization, reason: str) -> Organization:
    """Refuse an organization's registration with a reason its administrators will see."""
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    organization.rejection_reason = (reason or "").strip()
    return apply(
        VERIFICATION_TRANSITIONS,
        organization,
        "reject",
        actor=actor,
        roles=rules.organization_roles(actor, organization),
        note=reason,
        fields=["rejection_reason"],
        record=record_move,
    )
