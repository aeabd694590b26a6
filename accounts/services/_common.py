"""Shared by the account services: the organization's trail (and its search entry), and
files deleted once the transaction commits."""

from __future__ import annotations

from django.db import transaction

from search.outbox import index_later

from ..models import Organization, OrganizationEvent, User


def record(
    organization: Organization,
    actor: User | None,
    action: str,
    note: str = "",
    from_status: str = "",
    to_status: str = "",
) -> None:
    index_later("organization", organization.pk)
    OrganizationEvent.objects.create(
        organization=organization,
        actor=actor,
        action=action,
        note=note,
        from_status=from_status,
        to_status=to_status,
    )


def record_move(organization, actor, action, from_status, to_status, note, transition) -> None:
    record(organization, actor, transition.event_action, note, from_status, to_status)


def record_on_organization(obj, actor, action, from_status, to_status, note, transition) -> None:
    """Record a qualification's or a membership's move on its organization's trail."""
    record(obj.organization, actor, transition.event_action, note)


def delete_files_on_commit(*files) -> None:
    names = [(f.storage, f.name) for f in files if f]
    if names:
        transaction.on_commit(lambda: [storage.delete(name) for storage, name in names])
