"""Every listing transition, from every status, by every kind of actor."""

import itertools

import pytest

from accounts.models import MembershipRole, VerificationStatus
from catalog import services
from catalog.models import ListingEvent, ListingStatus, Product
from core.exceptions import DomainError, InvalidState, NotAllowed
from tests.factories import (
    AdminUserFactory,
    OrganizationFactory,
    ProductFactory,
    ResearchResultFactory,
    member_of,
)

pytestmark = pytest.mark.django_db

# The specification, written independently of catalog/transitions.py:
# (action, from status, actor) → to status.
ALLOWED = {
    ("submit", "draft", "owner"): "pending_review",
    ("submit", "rejected", "owner"): "pending_review",
    ("withdraw", "pending_review", "owner"): "draft",
    ("publish", "pending_review", "admin"): "published",
    ("reject", "pending_review", "admin"): "rejected",
    ("archive", "published", "owner"): "archived",
    ("archive", "published", "admin"): "archived",
    ("reopen", "archived", "owner"): "draft",
}
ACTIONS = ["submit", "withdraw", "publish", "reject", "archive", "reopen"]
ACTORS = ["owner", "plain_member", "outsider", "admin"]


def make_actor(kind, listing):
    if kind == "owner":
        return member_of(listing.organization)
    if kind == "plain_member":
        return member_of(listing.organization, role=MembershipRole.MEMBER)
    if kind == "outsider":
        return member_of(OrganizationFactory())
    return AdminUserFactory()


@pytest.mark.parametrize(
    ("action", "status", "actor_kind"),
    list(itertools.product(ACTIONS, ListingStatus.values, ACTORS)),
)
def test_transition_matrix(action, status, actor_kind):
    # given a listing in `status`
    listing = ProductFactory(status=status)
    actor = make_actor(actor_kind, listing)
    role = "owner" if actor_kind == "plain_member" else actor_kind
    expected = ALLOWED.get((action, status, role))
    events_before = ListingEvent.objects.count()

    # when the actor tries the action
    call = services.TRANSITION_SERVICES[action]
    if expected is None:
        with pytest.raises(DomainError):
            call(actor, listing, "原因说明")
        # then nothing changed
        listing.refresh_from_db()
        assert listing.status == status
        assert ListingEvent.objects.count() == events_before
    else:
        call(actor, listing, "原因说明")
        # then the status moved and the step is on record
        listing.refresh_from_db()
        assert listing.status == expected
        event = ListingEvent.objects.latest("pk")
        assert (event.action, event.from_status, event.to_status) == (action, status, expected)
        assert event.actor == actor


def test_refusals_say_why():
    listing = ProductFactory(status=ListingStatus.PUBLISHED)
    with pytest.raises(NotAllowed):
        services.listing_publish(actor=member_of(listing.organization), listing=listing)
    with pytest.raises(InvalidState) as caught:
        services.listing_submit(actor=member_of(listing.organization), listing=listing)
    assert "已发布" in caught.value.message  # the status, named in the message


def test_an_unverified_organization_cannot_submit():
    organization = OrganizationFactory(verification_status=VerificationStatus.PENDING)
    listing = ProductFactory(organization=organization)
    with pytest.raises(InvalidState) as caught:
        services.listing_submit(actor=member_of(organization), listing=listing)
    assert "认证" in caught.value.message
    listing.refresh_from_db()
    assert listing.status == ListingStatus.DRAFT


def test_rejection_needs_a_reason_which_the_owner_sees():
    listing = ProductFactory(status=ListingStatus.PENDING_REVIEW)
    admin = AdminUserFactory()
    with pytest.raises(InvalidState):
        services.listing_reject(actor=admin, listing=listing, reason="   ")
    services.listing_reject(actor=admin, listing=listing, reason="缺少关键技术指标")
    listing.refresh_from_db()
    assert listing.status == ListingStatus.REJECTED
    assert listing.rejection_reason == "缺少关键技术指标"


def test_publishing_stamps_the_date_and_clears_an_old_reason():
    listing = ProductFactory(status=ListingStatus.PENDING_REVIEW, rejection_reason="旧原因")
    services.listing_publish(actor=AdminUserFactory(), listing=listing)
    listing.refresh_from_db()
    assert listing.published_at is not None
    assert listing.rejection_reason == ""


@pytest.mark.parametrize("status", ["draft", "rejected"])
def test_owner_edits_drafts_and_rejected_listings(status):
    listing = ProductFactory(status=status)
    services.listing_update(
        actor=member_of(listing.organization), listing=listing, data={"title": "新标题"}
    )
    listing.refresh_from_db()
    assert listing.title == "新标题"


@pytest.mark.parametrize("status", ["pending_review", "published", "archived"])
def test_listings_under_review_or_public_cannot_be_edited(status):
    listing = ProductFactory(status=status)
    with pytest.raises(InvalidState):
        services.listing_update(
            actor=member_of(listing.organization), listing=listing, data={"title": "新标题"}
        )
    listing.refresh_from_db()
    assert listing.title != "新标题"


@pytest.mark.parametrize("actor_kind", ["outsider", "admin"])
def test_members_of_another_organization_cannot_edit(actor_kind):
    listing = ProductFactory()
    with pytest.raises(NotAllowed):
        services.listing_update(
            actor=make_actor(actor_kind, listing), listing=listing, data={"title": "篡改"}
        )
    listing.refresh_from_db()
    assert listing.title != "篡改"


def test_listing_types_are_reserved_to_the_right_kinds_of_organization():
    sme_member = member_of(OrganizationFactory())
    with pytest.raises(NotAllowed):
        services.listing_create(
            actor=sme_member,
            listing_type="result",
            data={
                "title": "x",
                "summary": "x",
                "description": "x",
                "field": "x",
                "trl": 3,
                "maturity": "lab",
                "transfer_modes": ["license"],
            },
        )
    product = services.listing_create(
        actor=sme_member,
        listing_type="product",
        data={"title": "车规级SiC MOSFET", "summary": "1200V", "description": "低导通电阻"},
    )
    assert isinstance(product, Product)
    assert product.status == ListingStatus.DRAFT
    assert product.events.get().action == "create"


def test_invalid_data_creates_nothing():
    result_owner = member_of(ResearchResultFactory().organization)
    with pytest.raises(Exception):  # noqa: B017 - ValidationError from full_clean
        services.listing_create(
            actor=result_owner,
            listing_type="result",
            data={
                "title": "x",
                "summary": "x",
                "description": "x",
                "field": "x",
                "trl": 12,
                "maturity": "lab",
                "transfer_modes": ["license"],
            },
        )
    assert ListingEvent.objects.filter(action="create").count() == 0
