"""Moving a listing through its review life cycle."""

import pytest

from accounts.models import MembershipRole, VerificationStatus
from catalog.models import ListingStatus
from tests.catalog.forms_posted.helpers import FACTORIES, LISTING_TYPES, MODELS, errors_shown, url
from tests.factories import AdminUserFactory, OrganizationFactory, ProductFactory, member_of

pytestmark = pytest.mark.django_db


# --- the review life cycle -----------------------------------------------------------------


# (action, from status, who) → to status; who is "owner" or "admin".
ALLOWED = [
    ("submit", ListingStatus.DRAFT, "owner", ListingStatus.PENDING_REVIEW),
    ("submit", ListingStatus.REJECTED, "owner", ListingStatus.PENDING_REVIEW),
    ("withdraw", ListingStatus.PENDING_REVIEW, "owner", ListingStatus.DRAFT),
    ("publish", ListingStatus.PENDING_REVIEW, "admin", ListingStatus.PUBLISHED),
    ("archive", ListingStatus.PUBLISHED, "owner", ListingStatus.ARCHIVED),
    ("archive", ListingStatus.PUBLISHED, "admin", ListingStatus.ARCHIVED),
    ("reopen", ListingStatus.ARCHIVED, "owner", ListingStatus.DRAFT),
]


def actor(who: str, listing):
    if who == "owner":
        return member_of(listing.organization, role=MembershipRole.MEMBER)
    if who == "admin":
        return AdminUserFactory()
    return member_of(OrganizationFactory())


@pytest.mark.parametrize("listing_type", LISTING_TYPES)
@pytest.mark.parametrize(("action", "source", "who", "target"), ALLOWED)
def test_each_allowed_move_changes_the_status(client, listing_type, action, source, who, target):
    listing = FACTORIES[listing_type](status=source)
    client.force_login(actor(who, listing))

    response = client.post(url(listing_type, "transition", listing.pk, action))

    assert response["Location"] == listing.get_absolute_url()
    listing.refresh_from_db()
    assert listing.status == target


@pytest.mark.parametrize("listing_type", LISTING_TYPES)
def test_rejecting_needs_a_reason_which_the_owner_sees(client, listing_type):
    listing = FACTORIES[listing_type](status=ListingStatus.PENDING_REVIEW)
    client.force_login(AdminUserFactory())
    reject = url(listing_type, "transition", listing.pk, "reject")

    response = client.post(reject, {"reason": "  "}, follow=True)
    assert errors_shown(response)
    listing.refresh_from_db()
    assert listing.status == ListingStatus.PENDING_REVIEW

    client.post(reject, {"reason": "缺少检测报告"})
    listing.refresh_from_db()
    assert (listing.status, listing.rejection_reason) == (ListingStatus.REJECTED, "缺少检测报告")


@pytest.mark.parametrize(
    ("action", "source", "who"),
    [
        ("publish", ListingStatus.PENDING_REVIEW, "owner"),
        ("reject", ListingStatus.PENDING_REVIEW, "owner"),
        ("submit", ListingStatus.DRAFT, "admin"),
        ("reopen", ListingStatus.ARCHIVED, "admin"),
        ("archive", ListingStatus.PUBLISHED, "outsider"),
        ("submit", ListingStatus.PUBLISHED, "owner"),
        ("publish", ListingStatus.DRAFT, "admin"),
    ],
)
@pytest.mark.parametrize("listing_type", LISTING_TYPES)
def test_each_refused_move_changes_nothing_and_says_why(client, listing_type, action, source, who):
    listing = FACTORIES[listing_type](status=source)
    client.force_login(actor(who, listing))

    response = client.post(
        url(listing_type, "transition", listing.pk, action), {"reason": "理由"}, follow=True
    )

    assert errors_shown(response)
    listing.refresh_from_db()
    assert listing.status == source


def test_an_unverified_organization_cannot_submit_for_review(client):
    listing = ProductFactory(
        organization=OrganizationFactory(verification_status=VerificationStatus.PENDING)
    )
    client.force_login(member_of(listing.organization))

    response = client.post(url("product", "transition", listing.pk, "submit"), follow=True)

    assert errors_shown(response)
    listing.refresh_from_db()
    assert listing.status == ListingStatus.DRAFT


@pytest.mark.parametrize("listing_type", LISTING_TYPES)
def test_an_outsider_cannot_find_a_draft_to_move(client, listing_type):
    listing = FACTORIES[listing_type]()
    client.force_login(member_of(OrganizationFactory()))

    response = client.post(url(listing_type, "transition", listing.pk, "submit"))

    assert response.status_code == 404
    listing.refresh_from_db()
    assert listing.status == ListingStatus.DRAFT


@pytest.mark.parametrize("listing_type", LISTING_TYPES)
def test_an_unknown_listing_action_is_not_found(client, listing_type):
    listing = FACTORIES[listing_type]()
    client.force_login(member_of(listing.organization))

    response = client.post(url(listing_type, "transition", listing.pk, "delete"))

    assert response.status_code == 404
    assert MODELS[listing_type].objects.filter(pk=listing.pk).exists()


def test_a_listing_is_not_moved_through_another_types_address(client):
    product = ProductFactory()
    client.force_login(member_of(product.organization))

    response = client.post(url("result", "transition", product.pk, "submit"))

    assert response.status_code == 404
    product.refresh_from_db()
    assert product.status == ListingStatus.DRAFT
