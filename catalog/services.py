"""Every write a user can cause on the catalog: listings, their life cycle, product images."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import rules as account_rules
from accounts.models import OrganizationKind, User
from core.exceptions import InvalidState, NotAllowed
from search.outbox import index_later
from uploads.fields import store_image
from uploads.images import ProcessedImage
from workflow import apply

from . import rules
from .models import (
    CatalogueEntry,
    Listing,
    ListingEvent,
    ListingStatus,
    OpenResource,
    Product,
    ProductImage,
    ProductVerification,
    ResearchResult,
)
from .transitions import TRANSITIONS

LISTING_MODELS: dict[str, type[Listing]] = {
    "product": Product,
    "result": ResearchResult,
    "resource": OpenResource,
}
MAX_PRODUCT_IMAGES = 8


def _record(listing: Listing, actor: User | None, action: str, from_status: str, note: str = ""):
    index_later(listing.listing_type, listing.pk)
    ListingEvent.objects.create(
        listing=listing,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=listing.status,
        note=note,
    )


def _record_move(listing, actor, action, from_status, to_status, note, transition) -> None:
    _record(listing, actor, transition.event_action, from_status, note)


def _assign(listing: Listing, data: dict[str, Any]) -> list | None:
    """Copy editable fields onto the listing; return the chain nodes to set, if given."""
    chain_nodes = data.get("chain_nodes")
    for field, value in data.items():
        if field in ("chain_nodes", "status", "organization"):
            continue
        setattr(listing, field, value)
    return chain_nodes


@transaction.atomic
def listing_create(*, actor: User, listing_type: str, data: dict[str, Any]) -> Listing:
    """Create a draft listing for the actor's organization."""
    if not rules.can_create_listing(actor, listing_type):
        raise NotAllowed(_("Your organization cannot publish this kind of listing."))
    model = LISTING_MODELS[listing_type]
    listing = model(organization=account_rules.organization_of(actor), created_by=actor)
    chain_nodes = _assign(listing, data)
    listing.full_clean()
    listing.save()
    if chain_nodes is not None:
        listing.chain_nodes.set(chain_nodes)
    _record(listing, actor, "create", "")
    return listing


@transaction.atomic
def listing_update(*, actor: User, listing: Listing, data: dict[str, Any]) -> Listing:
    """Edit a draft or rejected listing."""
    listing = type(listing).objects.select_for_update().get(pk=listing.pk)
    if not rules.is_owner(actor, listing):
        raise NotAllowed(_("Only members of the owning organization can edit this listing."))
    if not listing.is_editable:
        raise InvalidState(
            _("Only drafts and rejected listings can be edited; withdraw or reopen it first.")
        )
    chain_nodes = _assign(listing, data)
    listing.full_clean()
    listing.save()
    if chain_nodes is not None:
        listing.chain_nodes.set(chain_nodes)
    index_later(listing.listing_type, listing.pk)
    return listing


def _lock(listing: Listing) -> Listing:
    return (
        type(listing)
        .objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=listing.pk)
    )


# What a move writes besides the status, by the status it reaches.
def _stamp(listing: Listing, target: str, note: str) -> list[str]:
    now = timezone.now()
    if target == ListingStatus.PENDING_REVIEW:
        listing.submitted_at = now
        return ["submitted_at"]
    if target == ListingStatus.PUBLISHED:
        listing.published_at = now
        listing.rejection_reason = ""
        return ["published_at", "rejection_reason"]
    if target == ListingStatus.REJECTED:
        listing.rejection_reason = (note or "").strip()
        return ["rejection_reason"]
    return []


def _transition(*, actor: User, listing: Listing, action: str, note: str = "") -> Listing:
    listing = _lock(listing)
    # A refused move raises: the stamps die with this locked copy and the transaction.
    fields = _stamp(listing, TRANSITIONS[action].target, note)
    return apply(
        TRANSITIONS,
        listing,
        action,
        actor=actor,
        roles=rules.roles_for(actor, listing),
        note=note,
        fields=fields,
        record=_record_move,
    )


@transaction.atomic
def listing_submit(*, actor: User, listing: Listing) -> Listing:
    """Send a draft (or a corrected rejected listing) to the administrators' review queue."""
    if rules.is_owner(actor, listing) and not listing.organization.is_verified:
        raise InvalidState(
            _("Your organization must be verified before its listings can be submitted.")
        )
    return _transition(actor=actor, listing=listing, action="submit")


@transaction.atomic
def listing_withdraw(*, actor: User, listing: Listing) -> Listing:
    return _transition(actor=actor, listing=listing, action="withdraw")


@transaction.atomic
def listing_publish(*, actor: User, listing: Listing) -> Listing:
    return _transition(actor=actor, listing=listing, action="publish")


@transaction.atomic
def listing_reject(*, actor: User, listing: Listing, reason: str) -> Listing:
    return _transition(actor=actor, listing=listing, action="reject", note=reason)


@transaction.atomic
def listing_archive(*, actor: User, listing: Listing, note: str = "") -> Listing:
    return _transition(actor=actor, listing=listing, action="archive", note=note)


@transaction.atomic
def listing_reopen(*, actor: User, listing: Listing) -> Listing:
    return _transition(actor=actor, listing=listing, action="reopen")


# Moves with work of their own; the others are plain ``_transition`` calls.
MOVE_SERVICES = {
    "submit": lambda actor, listing, note: listing_submit(actor=actor, listing=listing),
}


@transaction.atomic
def listing_move(*, actor: User, listing: Listing, action: str, note: str = "") -> Listing:
    """Make the move ``action`` of ``transitions.TRANSITIONS`` on a listing (the one entry
    point views use); ``note`` is the reason, where the move takes one."""
    service = MOVE_SERVICES.get(action)
    if service is not None:
        return service(actor, listing, note)
    return _transition(actor=actor, listing=listing, action=action, note=note)


@transaction.atomic
def product_image_add(
    *, actor: User, product: Product, image: ProcessedImage, caption: str = ""
) -> ProductImage:
    """Attach a photo to an editable product."""
    product = Product.objects.select_for_update().get(pk=product.pk)
    if not rules.can_edit_listing(actor, product):
        raise NotAllowed(_("Photos can be changed only on drafts and rejected listings."))
    count = product.images.count()
    if count >= MAX_PRODUCT_IMAGES:
        raise InvalidState(
            _("A product can have at most %(count)d photos.") % {"count": MAX_PRODUCT_IMAGES}
        )
    photo = ProductImage(product=product, caption=caption.strip(), position=count)
    store_image(photo.image, photo.thumbnail, image)
    photo.save()
    return photo


@transaction.atomic
def product_image_remove(*, actor: User, photo: ProductImage) -> None:
    if not rules.can_edit_listing(actor, photo.product):
        raise NotAllowed(_("Photos can be changed only on drafts and rejected listings."))
    files = [
        (photo.image.storage, photo.image.name),
        (photo.thumbnail.storage, photo.thumbnail.name),
    ]
    photo.delete()
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])


# The kinds of organization that can be the user firm of a first use (enterprises).
USER_FIRM_KINDS = frozenset({OrganizationKind.LEAD, OrganizationKind.LARGE, OrganizationKind.SME})


@transaction.atomic
def product_verification_record(
    *, product: Product, user_organization, project: str, url: str = ""
) -> ProductVerification:
    """Record a verified first use of a product; called by the open-call engine on the
    final acceptance of a verification project (it has checked who may do that).

    ``user_organization`` is the user firm (应用单位) that used the product: an enterprise,
    never the department that organised the project, nor the product's own maker.
    """
    if user_organization.kind not in USER_FIRM_KINDS:
        raise InvalidState(_("The user firm must be an enterprise that will use the product."))
    if user_organization.pk == product.organization_id:
        raise InvalidState(_("The user firm is another enterprise, not the applicant itself."))
    verification = ProductVerification.objects.create(
        product=product, user_organization=user_organization, project=project, url=url
    )
    index_later("product", product.pk)
    return verification


# --- first-set / first-batch / first-version catalogue entries (首台套 / 首批次 / 首版次) -----
# Shown on the product's page with its verified first uses (measure 十一).

# The earliest catalogue year accepted (the first-set policy dates from 2015).
FIRST_CATALOGUE_YEAR = 2000


def can_record_catalogue_entry(user, product: Product) -> bool:
    """Add or remove a product's catalogue entries: the administrators of the product's
    organization, and platform administrators."""
    if account_rules.is_platform_admin(user):
        return True
    return account_rules.is_org_admin(user, product.organization)


@transaction.atomic
def catalogue_entry_add(
    *,
    actor: User,
    product: Product,
    kind: str,
    catalogue: str,
    year: int,
    issuer: str,
    entry_number: str = "",
    url: str = "",
) -> CatalogueEntry:
    """Record that a product is listed in a first-set, first-batch or first-version
    catalogue; the same catalogue once per product and kind."""
    product = Product.objects.select_for_update().select_related("organization").get(pk=product.pk)
    if not can_record_catalogue_entry(actor, product):
        raise NotAllowed(
            _("Only the product's organization administrators record its catalogue entries.")
        )
    entry = CatalogueEntry(
        product=product,
        kind=kind,
        catalogue=(catalogue or "").strip(),
        year=year,
        issuer=(issuer or "").strip(),
        entry_number=(entry_number or "").strip(),
        url=(url or "").strip(),
        recorded_by=actor,
    )
    errors = {}
    if year is not None and not FIRST_CATALOGUE_YEAR <= year <= timezone.localdate().year + 1:
        errors["year"] = _("Give the catalogue's year, for example 2025.")
    same = CatalogueEntry.objects.filter(product=product, kind=kind, catalogue=entry.catalogue)
    if same.exists():
        errors["catalogue"] = _("This product is already recorded in that catalogue.")
    try:
        entry.full_clean(exclude=["recorded_by"], validate_unique=False)
    except ValidationError as error:
        errors = {**error.message_dict, **errors}
    if errors:
        raise ValidationError(errors)
    entry.save()
    index_later("product", product.pk)
    return entry


@transaction.atomic
def catalogue_entry_remove(*, actor: User, entry: CatalogueEntry) -> None:
    product = (
        Product.objects.select_for_update().select_related("organization").get(pk=entry.product_id)
    )
    if not can_record_catalogue_entry(actor, product):
        raise NotAllowed(
            _("Only the product's organization administrators record its catalogue entries.")
        )
    deleted, _rows = CatalogueEntry.objects.filter(pk=entry.pk).delete()
    if not deleted:
        raise InvalidState(_("This catalogue entry was already removed."))
    index_later("product", product.pk)
