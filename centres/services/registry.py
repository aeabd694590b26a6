"""Keeping the registry of innovation centres: centres (platform administrators) and their
members (administrators and the operating company), and the participants a centre's
participation call adds when its award becomes final.

This app does not import the open-call engine: the participants' service takes
organizations and a call's id.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organization, User
from core.exceptions import InvalidState, NotAllowed

from .. import rules
from ..models import CentreMember, InnovationCentre, MemberRole

__all__ = [
    "CENTRE_FIELDS",
    "centre_create",
    "centre_member_add",
    "centre_member_remove",
    "centre_participants_add",
    "centre_update",
]

CENTRE_FIELDS = (
    "name",
    "level",
    "field",
    "province",
    "city",
    "description",
    "website",
    "operator",
    "is_active",
)


def _assign(centre: InnovationCentre, data: dict[str, Any]) -> None:
    for name in CENTRE_FIELDS:
        if name in data:
            value = data[name]
            setattr(centre, name, value.strip() if isinstance(value, str) else value)


@transaction.atomic
def centre_create(*, actor: User, data: dict[str, Any]) -> InnovationCentre:
    """Enter a centre in the registry (platform administrators)."""
    if not rules.can_manage_registry(actor):
        raise NotAllowed(_("Only platform administrators keep the registry of centres."))
    centre = InnovationCentre()
    _assign(centre, data)
    centre.full_clean()
    centre.save()
    if "chain_nodes" in data:
        centre.chain_nodes.set(data["chain_nodes"])
    return centre


@transaction.atomic
def centre_update(*, actor: User, centre: InnovationCentre, data: dict[str, Any]):
    """Change a centre's entry (platform administrators)."""
    if not rules.can_manage_registry(actor):
        raise NotAllowed(_("Only platform administrators keep the registry of centres."))
    centre = InnovationCentre.objects.select_for_update().get(pk=centre.pk)
    _assign(centre, data)
    centre.full_clean()
    centre.save()
    if "chain_nodes" in data:
        centre.chain_nodes.set(data["chain_nodes"])
    return centre


@transaction.atomic
def centre_member_add(
    *,
    actor: User,
    centre: InnovationCentre,
    organization: Organization,
    role: str,
    joined_on=None,
) -> CentreMember:
    """Add an organization to a centre (administrators and the operating company)."""
    centre = InnovationCentre.objects.select_for_update().get(pk=centre.pk)
    if not rules.can_manage_members(actor, centre):
        raise NotAllowed(_("Only administrators and the operating company change members."))
    if role not in MemberRole.values:
        raise InvalidState(_("Choose the member's role."))
    if centre.members.filter(organization=organization).exists():
        raise InvalidState(
            _("%(name)s is already a member of this centre.") % {"name": organization.name}
        )
    member = CentreMember(
        centre=centre,
        organization=organization,
        role=role,
        joined_on=joined_on or timezone.localdate(),
        added_by=actor,
    )
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def centre_member_remove(*, actor: User, member: CentreMember) -> None:
    """Take an organization off a centre (administrators and the operating company)."""
    if not rules.can_manage_members(actor, member.centre):
        raise NotAllowed(_("Only administrators and the operating company change members."))
    CentreMember.objects.filter(pk=member.pk).delete()


def centre_participants_add(
    *, centre_id: int, organizations: Iterable[Organization], call_id: int, actor=None
) -> list[CentreMember]:
    """Make the winners of a centre's participation call (``call_id``, whose award just
    became final) project participants of the centre; organizations already in it stay as
    they are. Runs inside the caller's transaction; returns the members added."""
    centre = InnovationCentre.objects.select_for_update().get(pk=centre_id)
    present = set(centre.members.values_list("organization_id", flat=True))
    added = []
    today = timezone.localdate()
    for organization in organizations:
        if organization.pk in present:
            continue
        present.add(organization.pk)
        added.append(
            CentreMember.objects.create(
                centre=centre,
                organization=organization,
                role=MemberRole.PARTICIPANT,
                joined_on=today,
                via_call_id=call_id,
                added_by=actor,
            )
        )
    return added
