"""Memberships: requests to join, approval, roles, leaving; an organization keeps an admin."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import InvalidState, NotAllowed
from workflow import apply, check

from .. import rules
from ..models import Membership, MembershipRole, MembershipStatus, Organization, User
from ..transitions import MEMBERSHIP_TRANSITIONS
from ._common import record, record_on_organization

__all__ = [
    "membership_approve",
    "membership_decline",
    "membership_end",
    "membership_request",
    "membership_set_role",
]


@transaction.atomic
def membership_request(*, actor: User, organization: Organization) -> Membership:
    """Ask to join an organization; one of its administrators decides."""
    if rules.membership_of(actor) is not None:
        raise InvalidState(_("You already belong to an organization or have a pending request."))
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                user=actor, organization=organization, role=MembershipRole.MEMBER
            )
    except IntegrityError:
        # A second request sent at the same moment: the one-membership constraint held.
        raise InvalidState(
            _("You already belong to an organization or have a pending request.")
        ) from None
    rules.forget_membership(actor)
    record(organization, actor, "membership_requested", actor.name)
    return membership


def _lock_membership(membership: Membership) -> Membership:
    return (
        Membership.objects.select_for_update()
        .select_related("user", "organization")
        .get(pk=membership.pk)
    )


@transaction.atomic
def membership_approve(*, actor: User, membership: Membership) -> Membership:
    membership = _lock_membership(membership)
    membership.decided_by = actor
    membership.decided_at = timezone.now()
    return apply(
        MEMBERSHIP_TRANSITIONS,
        membership,
        "approve",
        actor=actor,
        roles=rules.membership_roles(actor, membership),
        note=membership.user.name,
        fields=["decided_by", "decided_at"],
        record=record_on_organization,
    )


@transaction.atomic
def membership_decline(*, actor: User, membership: Membership) -> None:
    """Decline a request to join: the request is deleted, the trail keeps who asked."""
    membership = _lock_membership(membership)
    transition = check(
        MEMBERSHIP_TRANSITIONS,
        membership,
        "decline",
        roles=rules.membership_roles(actor, membership),
    )
    record(membership.organization, actor, transition.event_action, membership.user.name)
    membership.delete()


@transaction.atomic
def membership_set_role(*, actor: User, membership: Membership, role: str) -> Membership:
    """Make a member an administrator or back; an organization keeps at least one admin."""
    if not rules.can_manage_members(actor, membership.organization):
        raise NotAllowed(_("Only an administrator of this organization can change roles."))
    if role not in MembershipRole.values:
        raise InvalidState(_("Unknown role."))
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.status != MembershipStatus.ACTIVE:
        raise InvalidState(_("Approve the request before changing the role."))
    if role == MembershipRole.MEMBER and membership.role == MembershipRole.ADMIN:
        _ensure_another_admin(membership)
    membership.role = role
    membership.save(update_fields=["role"])
    rules.forget_membership(membership.user)
    record(membership.organization, actor, "role_changed", f"{membership.user.name}: {role}")
    return membership


@transaction.atomic
def membership_end(*, actor: User, membership: Membership) -> None:
    """Leave an organization, or remove a member from it (an administrator of it)."""
    leaving = membership.user_id == actor.pk
    if not leaving and not rules.can_manage_members(actor, membership.organization):
        raise NotAllowed(_("Only an administrator of this organization can remove members."))
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == MembershipRole.ADMIN and membership.status == MembershipStatus.ACTIVE:
        _ensure_another_admin(membership)
    record(
        membership.organization,
        actor,
        "member_left" if leaving else "member_removed",
        membership.user.name,
    )
    membership.delete()
    rules.forget_membership(actor)


def _ensure_another_admin(membership: Membership) -> None:
    others = (
        Membership.objects.select_for_update()
        .filter(
            organization_id=membership.organization_id,
            role=MembershipRole.ADMIN,
            status=MembershipStatus.ACTIVE,
        )
        .exclude(pk=membership.pk)
    )
    if not others.exists():
        raise InvalidState(
            _("An organization needs at least one administrator; appoint another first.")
        )
