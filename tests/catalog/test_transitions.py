"""The listing life cycle: the table against an independent spec, then each move through its
service (who may make it, from where, what it records), and the rules around it."""

import pytest

from accounts.models import MembershipRole, VerificationStatus
from catalog import services
from catalog.models import ListingEvent, ListingStatus, Product
from catalog.transitions import TRANSITIONS
from core.exceptions import InvalidState, NotAllowed
from tests.factories import (
    AdminUserFactory,
    OpenResourceFactory,
    OrganizationFactory,
    ProductFactory,
    ResearchResultFactory,
    member_of,
)

pytestmark = pytest.mark.django_db

# The specification, written independently of catalog/transitions.py:
# action → (from statuses, to status, roles allowed, needs a reason).
SPEC = {
    "submit": ({"draft", "rejected"}, "pending_review", {"owner"}, False),
    "withdraw": ({"pending_review"}, "draft", {"owner"}, False),
    "publish": ({"pending_review"}, "published", {"reviewer"}, False),
    "reject": ({"pending_review"}, "rejected", {"reviewer"}, True),
    "archive": ({"published"}, "archived", {"owner", "reviewer"}, False),
    "reopen": ({"archived"}, "draft", {"owner"}, False),
}
MOVES = {
    "submit": lambda actor, listing: services.listing_submit(actor=actor, listing=listing),
    "withdraw": lambda actor, listing: services.listing_withdraw(actor=actor, listing=listing),
    "publish": lambda actor, listing: services.listing_publish(actor=actor, listing=listing),
    "reject": lambda actor, listing: services.listing_reject(
        actor=actor, listing=listing, reason="缺少关键技术指标"
    ),
    "archive": lambda actor, listing: services.listing_archive(actor=actor, listing=listing),
    "reopen": lambda actor, listing: services.listing_reopen(actor=actor, listing=listing),
}


def make_actor(kind, listing):
    if kind == "owner":
        return member_of(listing.organization)
    if kind == "plain_member":
        return member_of(listing.organization, role=MembershipRole.MEMBER)
    if kind == "outsider":
        return member_of(OrganizationFactory())
    return AdminUserFactory()


@pytest.mark.parametrize("table", [TRANSITIONS], ids=["listing"])
def test_the_listing_table_is_the_spec(table):
    actual = {
        row.action: (set(row.sources), str(row.target), set(row.roles), bool(row.needs_note))
        for row in table
    }
    assert actual == SPEC


@pytest.mark.parametrize(
    ("action", "role", "listing_factory"),
    [
        *[
            (action, role, ProductFactory)
            for action, (_sources, _target, roles, _note) in SPEC.items()
            for role in sorted(roles)
        ],
        # the other kinds of listing follow the same table
        ("publish", "reviewer", ResearchResultFactory),
        ("submit", "owner", OpenResourceFactory),
    ],
)
def test_each_move_succeeds_for_each_role_allowed_and_is_recorded(action, role, listing_factory):
    # given a listing in the first status the move starts from
    sources, target, _roles, _note = SPEC[action]
    source = sorted(sources)[0]
    listing = listing_factory(status=source)
    # a plain member of the organization is an owner too
    actor = make_actor("plain_member" if role == "owner" else "admin", listing)
    # when they make the move
    MOVES[action](actor, listing)
    # then the status moved and the step is on record
    listing.refresh_from_db()
    assert listing.status == target
    event = listing.events.get(action=action)
    assert (event.from_status, event.to_status, event.actor) == (source, target, actor)


def test_a_move_from_a_wrong_status_is_refused_and_changes_nothing():
    listing = ProductFactory(status=ListingStatus.DRAFT)
    with pytest.raises(InvalidState):
        services.listing_publish(actor=AdminUserFactory(), listing=listing)
    listing.refresh_from_db()
    assert (listing.status, listing.published_at) == (ListingStatus.DRAFT, None)
    assert not listing.events.exists()


@pytest.mark.parametrize(
    ("action", "status", "actor_kind"),
    [
        ("publish", "pending_review", "owner"),  # nobody publishes their own listing
        ("archive", "published", "outsider"),
        ("reopen", "archived", "admin"),
    ],
)
def test_a_move_by_a_wrong_role_is_refused_and_changes_nothing(action, status, actor_kind):
    listing = ProductFactory(status=status)
    with pytest.raises(NotAllowed):
        MOVES[action](make_actor(actor_kind, listing), listing)
    listing.refresh_from_db()
    assert listing.status == status
    assert not listing.events.exists()


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
