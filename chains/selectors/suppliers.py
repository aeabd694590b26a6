"""Reads of applications to supplier pools and innovation-chain projects: an
organization's applications both ways, the open one for a resource, counts for the owner,
what the audit looks at (qualifications, products offered), the history, the summary."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from accounts.models import Organization, Qualification
from accounts.selectors import qualifications_of
from catalog.models import ListingStatus, OpenResource, Product

from ..models import SupplierApplication, SupplierApplicationEvent, SupplierStatus

__all__ = [
    "SUPPLIER_OPEN_STATUSES",
    "SupplierSummary",
    "applicant_qualifications",
    "offerable_products",
    "open_supplier_application",
    "supplier_application_events",
    "supplier_applications_of",
    "supplier_applications_open_count",
    "supplier_summary",
]

# An application not decided yet.
SUPPLIER_OPEN_STATUSES = (SupplierStatus.SUBMITTED, SupplierStatus.UNDER_AUDIT)
SUMMARY_ROWS = 5


def supplier_applications_of(
    organization: Organization, *, side: str, status: str = "", resource_id: int | None = None
) -> QuerySet[SupplierApplication]:
    """The organization's applications (``side="sent"``) or those to its resources
    (``"received"``), newest first, filtered by status and resource."""
    if side == "sent":
        applications = SupplierApplication.objects.filter(applicant=organization)
    else:
        applications = SupplierApplication.objects.filter(resource__organization=organization)
    if status:
        applications = applications.filter(status=status)
    if resource_id is not None:
        applications = applications.filter(resource_id=resource_id)
    return applications.select_related("resource__organization", "applicant", "submitted_by")


def open_supplier_application(
    organization: Organization, resource: OpenResource
) -> SupplierApplication | None:
    """The organization's application to the resource not decided yet, or the one that
    admitted it (it cannot apply again), if any."""
    return (
        SupplierApplication.objects.filter(
            applicant=organization,
            resource=resource,
            status__in=[*SUPPLIER_OPEN_STATUSES, SupplierStatus.ADMITTED],
        )
        .order_by("created_at")
        .first()
    )


def supplier_applications_open_count(resource: OpenResource) -> int:
    """How many applications to the resource wait for a decision."""
    return SupplierApplication.objects.filter(
        resource=resource, status__in=SUPPLIER_OPEN_STATUSES
    ).count()


def offerable_products(organization: Organization) -> QuerySet[Product]:
    """The organization's published products, which an application may offer."""
    return Product.objects.filter(
        organization=organization, status=ListingStatus.PUBLISHED
    ).order_by("title")


def applicant_qualifications(application: SupplierApplication) -> list[Qualification]:
    """The applicant's qualifications as the audit sees them: every claim with its status
    and the date it is valid until (the badge shows a lapsed level)."""
    return list(qualifications_of(application.applicant))


def supplier_application_events(
    application: SupplierApplication,
) -> list[SupplierApplicationEvent]:
    """The application's history, oldest first."""
    return list(application.events.select_related("actor").order_by("created_at", "pk"))


@dataclass(frozen=True)
class SupplierSummary:
    """What the workspace shows: applications waiting, both ways, the newest few of each."""

    received: list[SupplierApplication]
    received_open: int
    sent: list[SupplierApplication]
    sent_open: int
    any_received: bool
    any_sent: bool

    def __bool__(self) -> bool:
        return self.any_received or self.any_sent


def supplier_summary(organization: Organization) -> SupplierSummary:
    received = supplier_applications_of(organization, side="received")
    sent = supplier_applications_of(organization, side="sent")
    received_open = received.filter(status__in=SUPPLIER_OPEN_STATUSES)
    sent_open = sent.filter(status__in=SUPPLIER_OPEN_STATUSES)
    return SupplierSummary(
        received=list(received_open[:SUMMARY_ROWS]),
        received_open=received_open.count(),
        sent=list(sent_open[:SUMMARY_ROWS]),
        sent_open=sent_open.count(),
        any_received=received.exists(),
        any_sent=sent.exists(),
    )
