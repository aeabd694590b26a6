"""Reads of organizations, memberships and qualifications used by several views."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from .models import (
    Membership,
    MembershipStatus,
    Organization,
    Qualification,
    QualificationStatus,
    User,
    VerificationStatus,
)
from .tokens import activation_token_generator


def user_for_activation(*, uidb64: str, token: str) -> User | None:
    """Return the account an activation link names, if the link is valid and still unused."""
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        return None
    user = User.objects.filter(pk=pk).first()
    if user is None or not user.is_awaiting_activation:
        return None
    if not activation_token_generator.check_token(user, token):
        return None
    return user


def user_awaiting_activation(*, username: str) -> User | None:
    """Return the account with this login name if it has not been activated yet."""
    user = User.objects.filter(username=username).first()
    if user is None or not user.is_awaiting_activation:
        return None
    return user


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
    """Return verified organizations a user may ask to join: by exact code, or by name.

    Unverified organizations are left out: their pages are not public, so a stranger can
    neither see them nor ask to join them.
    """
    query = query.strip()
    if not query:
        return Organization.objects.none()
    return Organization.objects.filter(
        Q(credit_code__iexact=query) | Q(name__icontains=query),
        verification_status=VerificationStatus.VERIFIED,
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


def active_organization_ids(user: User) -> list[int]:
    """Return the ids of the organizations the user is an active member of."""
    return list(
        Membership.objects.filter(user=user, status=MembershipStatus.ACTIVE).values_list(
            "organization_id", flat=True
        )
    )


def pending_requests_of(organization: Organization) -> QuerySet[Membership]:
    return members_of(organization).filter(status=MembershipStatus.PENDING)


def qualifications_of(organization: Organization) -> QuerySet[Qualification]:
    return organization.qualifications.select_related("verified_by").order_by("-year", "-pk")
