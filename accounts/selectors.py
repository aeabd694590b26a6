"""Reads of organizations, memberships and qualifications used by several views."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from .models import (
    Membership,
    MembershipStatus,
    Organization,
    Qualification,
    QualificationStatus,
    VerificationStatus,
)


def organization_list_public(
    *,
    kind: str = "",
    province: str = "",
    qualification: str = "",
    query: str = "",
) -> QuerySet[Organization]:
    """Return verified organizations, filtered; anyone may see these."""
    organizations = Organization.objects.filter(
        verification_status=VerificationStatus.VERIFIED
    ).select_related("industry")
    if kind:
        organizations = organizations.filter(kind=kind)
    if province:
        organizations = organizations.filter(province=province)
    if qualification:
        organizations = organizations.filter(qualification_level=qualification)
    if query:
        organizations = organizations.filter(
            Q(name__icontains=query) | Q(description__icontains=query)
        )
    return organizations.order_by("name")


def organization_find_for_joining(*, query: str) -> QuerySet[Organization]:
    """Return organizations a user may ask to join: by exact code, or by name."""
    query = query.strip()
    if not query:
        return Organization.objects.none()
    return Organization.objects.filter(
        Q(credit_code__iexact=query) | Q(name__icontains=query)
    ).order_by("name")[:20]


def organization_review_queue() -> QuerySet[Organization]:
    return (
        Organization.objects.filter(verification_status=VerificationStatus.PENDING)
        .select_related("created_by", "industry")
        .order_by("created_at")
    )


def qualification_review_queue() -> QuerySet[Qualification]:
    return (
        Qualification.objects.filter(status=QualificationStatus.PENDING)
        .select_related("organization", "submitted_by")
        .order_by("created_at")
    )


def members_of(organization: Organization) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(organization=organization)
        .select_related("user")
        .order_by("status", "-role", "created_at")
    )


def pending_requests_of(organization: Organization) -> QuerySet[Membership]:
    return members_of(organization).filter(status=MembershipStatus.PENDING)


def qualifications_of(organization: Organization) -> QuerySet[Qualification]:
    return organization.qualifications.select_related("verified_by").order_by("-year", "-pk")
