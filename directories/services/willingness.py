"""Willingness (企业意愿): an SME declares, per kind of directory, that it wants to be
recommended (and for which of its published products), changes what it named, withdraws
and declares again. Every step is a ``WillingnessEvent`` with who, when and the products
named at that moment.

Leaving (a withdrawal, or a product taken out of a products declaration) removes the
organization's entries (or that product's) from the directory versions being prepared,
each with a "withdrawn" event on its directory; published versions never change, and
their pages flag the entry instead.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organization, User
from catalog.models import Product
from core.exceptions import InvalidState, NotAllowed
from workflow import apply

from .. import rules, selectors
from ..models import (
    DirectoryEntry,
    DirectoryEvent,
    DirectoryKind,
    VersionStatus,
    Willingness,
    WillingnessEvent,
    WillingnessStatus,
)
from ..transitions import WILLINGNESS_TRANSITIONS

__all__ = ["willingness_declare", "willingness_withdraw"]

NOTE_MAX = 1000


def _snapshot(willingness: Willingness) -> list[dict]:
    """The products named, as they read now (kept on the event: titles change later)."""
    if willingness.kind != DirectoryKind.PRODUCTS:
        return []
    return [
        {"id": product.pk, "title": product.title}
        for product in willingness.products.order_by("title", "pk")
    ]


def _record(willingness, actor, action, from_status, to_status, note, transition=None) -> None:
    WillingnessEvent.objects.create(
        willingness=willingness,
        actor=actor,
        action=transition.event_action if transition is not None else action,
        from_status=from_status,
        to_status=to_status,
        note=note,
        products=_snapshot(willingness),
    )


def _leave_drafts(
    *, actor: User, organization: Organization, kind: str, products=None, note: str = ""
) -> int:
    """Remove the organization's entries of ``kind`` (only those of ``products`` when
    given) from draft versions, recording each on its directory; return how many."""
    entries = DirectoryEntry.objects.filter(
        organization=organization, version__status=VersionStatus.DRAFT
    )
    if kind == DirectoryKind.FIRMS:
        entries = entries.filter(product__isnull=True)
    else:
        entries = entries.filter(product__isnull=False)
        if products is not None:
            entries = entries.filter(product__in=list(products))
    removed = list(entries.select_related("version__directory"))
    if not removed:
        return 0
    DirectoryEvent.objects.bulk_create(
        [
            DirectoryEvent(
                directory=entry.version.directory,
                version=entry.version,
                actor=actor,
                action="withdrawn",
                subject=entry.title[:120],
                note=note,
            )
            for entry in removed
        ]
    )
    DirectoryEntry.objects.filter(pk__in=[entry.pk for entry in removed]).delete()
    return len(removed)


def _clean_note(note: str) -> str:
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise InvalidState(_("Keep the note within %(count)d characters.") % {"count": NOTE_MAX})
    return note


def _products_named(organization: Organization, kind: str, products: Iterable) -> list[Product]:
    """Check the products of a declaration: for a products directory, at least one, each a
    published product of the organization. A firms declaration names none."""
    if kind != DirectoryKind.PRODUCTS:
        return []
    ids = {getattr(product, "pk", product) for product in products}
    if not ids:
        raise InvalidState(_("Name at least one of your published products to be recommended."))
    named = list(selectors.declarable_products(organization).filter(pk__in=ids))
    if len(named) != len(ids):
        raise InvalidState(_("Only the organization's own published products can be named."))
    return named


@transaction.atomic
def willingness_declare(
    *,
    actor: User,
    organization: Organization,
    kind: str,
    products: Iterable = (),
    note: str = "",
) -> Willingness:
    """Declare that the organization wants to be recommended in directories of ``kind``.

    The first declaration creates it; a withdrawn one is declared again (``opt_in``); one
    in force takes the new products and note (a "changed" event), and products taken out
    leave the directories being prepared. Only a verified SME's administrators declare.
    """
    if not rules.can_declare_willingness(actor, organization):
        raise NotAllowed(WILLINGNESS_TRANSITIONS.not_allowed)
    if kind not in DirectoryKind.values:
        raise InvalidState(_("Choose a kind of directory: firms or technology products."))
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    problems = rules.willingness_problems(organization)
    if problems:
        raise InvalidState(" ".join(str(problem) for problem in problems))
    note = _clean_note(note)
    named = _products_named(organization, kind, products)
    now = timezone.now()
    willingness = (
        Willingness.objects.select_for_update().filter(organization=organization, kind=kind).first()
    )
    if willingness is None:
        willingness = Willingness.objects.create(
            organization=organization,
            kind=kind,
            status=WillingnessStatus.OPTED_IN,
            note=note,
            declared_by=actor,
            declared_at=now,
        )
        willingness.products.set(named)
        _record(willingness, actor, "declared", "", willingness.status, note)
        return willingness
    before = {product.pk for product in willingness.products.all()}
    after = {product.pk for product in named}
    if willingness.is_opted_in and before == after and willingness.note == note:
        raise InvalidState(WILLINGNESS_TRANSITIONS["opt_in"].refused)
    willingness.note, willingness.declared_by, willingness.declared_at = note, actor, now
    fields = ["note", "declared_by", "declared_at"]
    if willingness.status == WillingnessStatus.WITHDRAWN:
        willingness.products.set(named)
        return apply(
            WILLINGNESS_TRANSITIONS,
            willingness,
            "opt_in",
            actor=actor,
            roles=rules.willingness_roles(actor, organization),
            note=note,
            fields=fields,
            record=_record,
        )
    willingness.save(update_fields=[*fields, "updated_at"])
    willingness.products.set(named)
    _record(willingness, actor, "changed", willingness.status, willingness.status, note)
    if before - after:
        _leave_drafts(
            actor=actor, organization=organization, kind=kind, products=before - after, note=note
        )
    return willingness


@transaction.atomic
def willingness_withdraw(*, actor: User, willingness: Willingness, note: str = "") -> Willingness:
    """Withdraw a declaration: the organization (or its products) leaves the directory
    versions being prepared; published versions keep it, flagged."""
    note = _clean_note(note)
    willingness = Willingness.objects.select_for_update().get(pk=willingness.pk)
    organization = willingness.organization
    apply(
        WILLINGNESS_TRANSITIONS,
        willingness,
        "withdraw",
        actor=actor,
        roles=rules.willingness_roles(actor, organization),
        note=note,
        record=_record,
    )
    _leave_drafts(actor=actor, organization=organization, kind=willingness.kind, note=note)
    return willingness
