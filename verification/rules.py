"""Who may see and do what with verification platforms, bookings and first-use evidence.

Predicates take the user first and answer with a bool, one condition per line. Access helpers
return the object or raise ``Http404`` for both "missing" and "forbidden".
"""

from __future__ import annotations

from django.http import Http404

from accounts.rules import is_member, is_platform_admin
from catalog.models import CatalogueEntry, Product
from catalog.rules import access_listing
from catalog.services import can_record_catalogue_entry
from challenges import rules as call_rules
from challenges.models import Application, Call, CallKind, CallStatus, FirstUseEvidence
from challenges.services import (
    can_add_first_use_evidence,
    can_download_first_use_evidence,
    can_see_first_use_evidence,
)

from .models import PlatformBooking, VerificationPlatform
from .transitions import ADMIN, OWNER, REQUESTER

# A verification project books platforms from its publication until it is finished.
BOOKABLE_CALL_STATUSES = frozenset(
    {
        CallStatus.PUBLISHED,
        CallStatus.CLOSED,
        CallStatus.EVALUATING,
        CallStatus.PUBLICITY,
        CallStatus.AWARDED,
        CallStatus.IN_PROGRESS,
    }
)

__all__ = [
    "BOOKABLE_CALL_STATUSES",
    "access_application_for_evidence",
    "access_booking",
    "access_catalogue_entry",
    "access_evidence_file",
    "access_platform",
    "access_product",
    "access_verification_call",
    "booking_roles",
    "can_add_first_use_evidence",
    "can_book_for",
    "can_download_first_use_evidence",
    "can_manage_platforms",
    "can_record_catalogue_entry",
    "can_see_all_bookings_of",
    "can_see_first_use_evidence",
    "can_view_booking",
    "can_view_platform",
    "is_bookable_call",
    "is_owner_member",
]


# --- platforms -------------------------------------------------------------------------------


def can_manage_platforms(user) -> bool:
    """Register, edit, deactivate and reactivate platforms: platform administrators."""
    return is_platform_admin(user)


def is_owner_member(user, platform: VerificationPlatform) -> bool:
    return is_member(user, platform.owner)


def can_view_platform(user, platform: VerificationPlatform) -> bool:
    """The registry is public while a platform takes bookings; a deactivated one stays
    visible to its owner's members and administrators."""
    if platform.is_active:
        return True
    if is_platform_admin(user):
        return True
    return is_owner_member(user, platform)


def access_platform(user, pk: int) -> VerificationPlatform:
    platform = VerificationPlatform.objects.select_related("owner").filter(pk=pk).first()
    if platform is None or not can_view_platform(user, platform):
        raise Http404
    return platform


# --- bookings --------------------------------------------------------------------------------


def is_bookable_call(call: Call) -> bool:
    """A verification project from its publication until it is finished."""
    if call.kind != CallKind.VERIFICATION:
        return False
    return call.status in BOOKABLE_CALL_STATUSES


def can_book_for(user, call: Call) -> bool:
    """Book platforms for a project: its handlers, while it is bookable."""
    if not is_bookable_call(call):
        return False
    return call_rules.is_handler(user, call)


def booking_roles(user, booking: PlatformBooking) -> set[str]:
    """Roles towards a booking, for ``transitions.BOOKING_TRANSITIONS``."""
    roles = set()
    if is_owner_member(user, booking.platform):
        roles.add(OWNER)
    if call_rules.is_handler(user, booking.call):
        roles.add(REQUESTER)
    if is_platform_admin(user):
        roles.add(ADMIN)
    return roles


def can_view_booking(user, booking: PlatformBooking) -> bool:
    """A booking with its purpose, notes and history: the two sides and administrators."""
    return bool(booking_roles(user, booking))


def can_see_all_bookings_of(user, call: Call) -> bool:
    """Every booking of a project (requested, declined, cancelled, with the notes): its
    handlers and administrators. Others see the confirmed ones."""
    if is_platform_admin(user):
        return True
    return call_rules.is_handler(user, call)


def access_booking(user, pk: int) -> PlatformBooking:
    booking = (
        PlatformBooking.objects.select_related(
            "platform", "platform__owner", "call", "call__issuer", "requested_by", "decided_by"
        )
        .filter(pk=pk)
        .first()
    )
    if booking is None or not can_view_booking(user, booking):
        raise Http404
    return booking


def access_verification_call(user, pk: int) -> Call:
    """A verification project the user may see (its page's panel); 404 otherwise."""
    call = call_rules.access_call(user, pk)
    if call.kind != CallKind.VERIFICATION:
        raise Http404
    return call


# --- first-use evidence and catalogue entries ------------------------------------------------


def access_application_for_evidence(user, pk: int) -> Application:
    """An awarded application of a verification project whose evidence the user may see."""
    application = (
        Application.objects.select_related("call", "call__issuer", "applicant", "product")
        .filter(pk=pk, call__kind=CallKind.VERIFICATION)
        .first()
    )
    if application is None or not can_see_first_use_evidence(user, application):
        raise Http404
    return application


def access_evidence_file(user, pk: int) -> FirstUseEvidence:
    """A document whose file the user may download; 404 for everyone else."""
    evidence = (
        FirstUseEvidence.objects.select_related(
            "application",
            "application__call",
            "application__applicant",
            "application__product",
            "application__product__organization",
        )
        .filter(pk=pk)
        .first()
    )
    if evidence is None or not can_download_first_use_evidence(user, evidence):
        raise Http404
    return evidence


def access_product(user, pk: int) -> Product:
    return access_listing(user, Product, pk)


def access_catalogue_entry(user, pk: int) -> CatalogueEntry:
    """A catalogue entry the user may remove; 404 for everyone else."""
    entry = CatalogueEntry.objects.select_related("product__organization").filter(pk=pk).first()
    if entry is None or not can_record_catalogue_entry(user, entry.product):
        raise Http404
    return entry
