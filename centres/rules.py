"""Who may keep the registry of innovation centres.

Platform administrators create and edit centres; they and the members of a centre's
operating company add and remove its members. Anyone may read the registry.
"""

from __future__ import annotations

from django.http import Http404

from accounts import rules as account_rules

from .models import CentreMember, InnovationCentre


def can_manage_registry(user) -> bool:
    return account_rules.is_platform_admin(user)


def is_operator_member(user, centre: InnovationCentre) -> bool:
    return centre.operator_id is not None and account_rules.is_member(user, centre.operator)


def can_manage_members(user, centre: InnovationCentre) -> bool:
    if can_manage_registry(user):
        return True
    return is_operator_member(user, centre)


def can_view_centre(user, centre: InnovationCentre) -> bool:
    """Active centres are public; an inactive one only to whom keeps the registry."""
    if centre.is_active:
        return True
    return can_manage_members(user, centre)


def access_centre(user, pk: int) -> InnovationCentre:
    """Return the centre ``pk`` when the user may see it, else ``Http404``."""
    centre = InnovationCentre.objects.select_related("operator").filter(pk=pk).first()
    if centre is None or not can_view_centre(user, centre):
        raise Http404
    return centre


def access_managed_centre(user, pk: int) -> InnovationCentre:
    """Return the centre ``pk`` when the user may edit it (platform administrators)."""
    centre = access_centre(user, pk)
    if not can_manage_registry(user):
        raise Http404
    return centre


def access_member(user, pk: int) -> CentreMember:
    """Return the membership ``pk`` when the user may manage its centre's members."""
    member = CentreMember.objects.select_related("centre", "organization").filter(pk=pk).first()
    if member is None or not can_manage_members(user, member.centre):
        raise Http404
    return member
