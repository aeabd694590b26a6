"""Who may see, create, edit and move catalog listings."""

from __future__ import annotations

from django.http import Http404

from accounts import rules as account_rules
from accounts.models import OrganizationKind

from .models import ListingStatus
from .transitions import OWNER, REVIEWER

# Which kinds of organization may list which kind of entry.
LISTING_OWNER_KINDS = {
    "product": frozenset({OrganizationKind.SME, OrganizationKind.LEAD, OrganizationKind.LARGE}),
    "result": frozenset({OrganizationKind.UNIVERSITY, OrganizationKind.INSTITUTE}),
    "resource": frozenset(
        {
            OrganizationKind.LEAD,
            OrganizationKind.LARGE,
            OrganizationKind.UNIVERSITY,
            OrganizationKind.INSTITUTE,
        }
    ),
}


def is_owner(user, listing) -> bool:
    return account_rules.is_member(user, listing.organization)


def can_view_listing(user, listing) -> bool:
    if listing.status == ListingStatus.PUBLISHED:
        return True
    if account_rules.is_platform_admin(user):
        return True
    return is_owner(user, listing)


def can_see_calls_for_listing(user, listing) -> bool:
    """ "Calls and demands for you" on a listing: for its owner and administrators only, and
    only once it is published (a draft is matched with nothing)."""
    if listing.status != ListingStatus.PUBLISHED:
        return False
    if account_rules.is_platform_admin(user):
        return True
    return is_owner(user, listing)


def can_see_listing_history(user, listing) -> bool:
    """A listing's history (who moved it, with notes): its owner and administrators."""
    if account_rules.is_platform_admin(user):
        return True
    return is_owner(user, listing)


def can_create_listing(user, listing_type: str) -> bool:
    organization = account_rules.organization_of(user)
    if organization is None:
        return False
    return organization.kind in LISTING_OWNER_KINDS[listing_type]


def can_edit_listing(user, listing) -> bool:
    if not listing.is_editable:
        return False
    return is_owner(user, listing)


def roles_for(user, listing) -> set[str]:
    """Return the roles the user holds towards the listing, for the transition table."""
    roles: set[str] = set()
    if is_owner(user, listing):
        roles.add(OWNER)
    if account_rules.is_platform_admin(user):
        roles.add(REVIEWER)
    return roles


def access_listing(user, model, pk: int):
    """Return the listing if the user may see it; 404 for missing and forbidden alike."""
    listing = (
        model.objects.select_related("organization", "industry", "created_by").filter(pk=pk).first()
    )
    if listing is None or not can_view_listing(user, listing):
        raise Http404
    return listing
