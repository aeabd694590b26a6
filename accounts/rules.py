"""Who may do what with users, organizations, qualifications and experts.

Predicates take the user first and answer with a bool; one condition per line. Access
helpers return the object or raise ``Http404`` for both "missing" and "forbidden".
"""

from __future__ import annotations

from django.http import Http404

from .models import (
    Expert,
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    OrganizationKind,
    Qualification,
    QualificationStatus,
    VerificationStatus,
)
from .transitions import ADMIN, OWNER

_MEMBERSHIP_CACHE = "_membership_cache"


def is_platform_admin(user) -> bool:
    """Platform administrators (MIIT and provincial departments' operators) are staff users."""
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


def membership_of(user) -> Membership | None:
    """Return the user's membership (pending or active), cached on the user object."""
    if not (user and user.is_authenticated):
        return None
    if not hasattr(user, _MEMBERSHIP_CACHE):
        membership = Membership.objects.select_related("organization").filter(user=user).first()
        setattr(user, _MEMBERSHIP_CACHE, membership)
    return getattr(user, _MEMBERSHIP_CACHE)


def forget_membership(user) -> None:
    """Drop the cached membership after a service changed it."""
    if hasattr(user, _MEMBERSHIP_CACHE):
        delattr(user, _MEMBERSHIP_CACHE)


def has_membership(user) -> bool:
    """The user belongs to an organization or asked to join one (pending or active); such a
    user may neither register another organization nor ask to join one."""
    return membership_of(user) is not None


def organization_of(user) -> Organization | None:
    """Return the organization the user actively acts for, if any."""
    membership = membership_of(user)
    if membership is None or membership.status != MembershipStatus.ACTIVE:
        return None
    return membership.organization


def is_member(user, organization: Organization) -> bool:
    membership = membership_of(user)
    return (
        membership is not None
        and membership.status == MembershipStatus.ACTIVE
        and membership.organization_id == organization.pk
    )


def is_org_admin(user, organization: Organization) -> bool:
    membership = membership_of(user)
    return is_member(user, organization) and membership.role == MembershipRole.ADMIN


def is_government_member(user) -> bool:
    """A member of a verified government department oversees the platform (queues and
    figures); anyone may register a department, so only a verified one counts."""
    organization = organization_of(user)
    if organization is None:
        return False
    if organization.kind != OrganizationKind.GOVERNMENT:
        return False
    return organization.is_verified


def can_oversee_platform(user) -> bool:
    """The review queues and the platform's figures on the dashboard: platform
    administrators and members of a verified government department."""
    if is_platform_admin(user):
        return True
    return is_government_member(user)


def can_view_organization(user, organization: Organization) -> bool:
    if organization.verification_status == VerificationStatus.VERIFIED:
        return True
    if is_platform_admin(user):
        return True
    return is_member(user, organization)


def can_see_calls_for_organization(user, organization: Organization) -> bool:
    """ "Calls and demands for you" on a profile: its members and administrators only."""
    if is_platform_admin(user):
        return True
    return is_member(user, organization)


def can_edit_organization(user, organization: Organization) -> bool:
    return is_org_admin(user, organization)


def can_manage_members(user, organization: Organization) -> bool:
    return is_org_admin(user, organization)


def can_verify_organization(user) -> bool:
    return is_platform_admin(user)


def can_decide_verification(user, organization: Organization) -> bool:
    """Verify or reject from the profile page: platform administrators, while it is pending."""
    if not can_verify_organization(user):
        return False
    return organization.verification_status == VerificationStatus.PENDING


def can_view_membership(user, membership: Membership) -> bool:
    """A membership: the user it is about, and the members of its organization."""
    if membership.user_id == user.pk:
        return True
    return is_member(user, membership.organization)


def can_submit_qualification(user, organization: Organization) -> bool:
    if not organization.is_enterprise:
        return False
    return is_org_admin(user, organization)


def can_view_qualification(user, qualification: Qualification) -> bool:
    if is_platform_admin(user):
        return True
    return is_member(user, qualification.organization)


def is_qualification_public(qualification: Qualification) -> bool:
    """Anyone sees an organization's verified qualifications on its profile, and those
    that lapsed (revoked, failed review), flagged; the others (awaiting verification,
    rejected) only its members and administrators."""
    return qualification.status in (
        QualificationStatus.VERIFIED,
        QualificationStatus.REVOKED,
        QualificationStatus.REVIEW_FAILED,
    )


def can_verify_qualification(user) -> bool:
    return is_platform_admin(user)


def organization_roles(user, organization: Organization) -> set[str]:
    """Roles towards an organization's verification, for ``transitions``."""
    roles = set()
    if can_edit_organization(user, organization):
        roles.add(OWNER)
    if can_verify_organization(user):
        roles.add(ADMIN)
    return roles


def membership_roles(user, membership: Membership) -> set[str]:
    return {OWNER} if can_manage_members(user, membership.organization) else set()


def qualification_roles(user, qualification: Qualification) -> set[str]:
    return {ADMIN} if can_verify_qualification(user) else set()


def can_appoint_expert(user) -> bool:
    return is_platform_admin(user)


def access_organization(user, pk: int) -> Organization:
    """Return the organization if the user may see it; 404 otherwise."""
    organization = Organization.objects.select_related("industry").filter(pk=pk).first()
    if organization is None or not can_view_organization(user, organization):
        raise Http404
    return organization


def access_qualification(user, pk: int) -> Qualification:
    qualification = Qualification.objects.select_related("organization").filter(pk=pk).first()
    if qualification is None or not can_view_qualification(user, qualification):
        raise Http404
    return qualification


def access_membership(user, pk: int) -> Membership:
    membership = Membership.objects.select_related("organization", "user").filter(pk=pk).first()
    if membership is None or not can_view_membership(user, membership):
        raise Http404
    return membership


def access_own_expert(user) -> Expert:
    """Return the user's own expert profile; 404 for users who are not experts."""
    expert = getattr(user, "expert", None)
    if expert is None:
        raise Http404
    return expert
