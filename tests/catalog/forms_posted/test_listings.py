"""Creating and editing listings of the three types."""

import pytest
from django.urls import reverse

from accounts.models import MembershipRole, OrganizationKind
from catalog.models import ListingStatus, Product, ResearchResult
from tests.catalog.forms_posted.helpers import (
    FACTORIES,
    LISTING_TYPES,
    MODELS,
    OWNER_KINDS,
    errors_shown,
    listing_data,
    url,
)
from tests.factories import (
    AdminUserFactory,
    ChainNodeFactory,
    OrganizationFactory,
    ProductFactory,
    UserFactory,
    member_of,
)

pytestmark = pytest.mark.django_db


# --- creating listings ---------------------------------------------------------------------


@pytest.mark.parametrize("listing_type", LISTING_TYPES)
def test_an_owner_creates_a_draft_listing_of_each_type(client, listing_type):
    organization = OrganizationFactory(kind=OWNER_KINDS[listing_type])
    node = ChainNodeFactory()
    client.force_login(member_of(organization))

    response = client.post(
        url(listing_type, "create"), listing_data(listing_type, chain_nodes=[node.pk])
    )

    listing = MODELS[listing_type].objects.get()
    assert response.status_code == 302
    assert response["Location"] == listing.get_absolute_url()
    assert (listing.title, listing.status, listing.organization) == (
        "车规级碳化硅功率模块",
        ListingStatus.DRAFT,
        organization,
    )
    assert listing.keywords == ["碳化硅", "功率模块"]
    assert list(listing.chain_nodes.all()) == [node]


def test_a_result_keeps_its_patents_and_transfer_modes(client):
    client.force_login(member_of(OrganizationFactory(kind=OrganizationKind.UNIVERSITY)))

    client.post(url("result", "create"), listing_data("result"))

    result = ResearchResult.objects.get()
    assert result.patents == [["ZL202110234567.8", "invention"]]
    assert result.transfer_modes == ["license", "codevelop"]
    assert (result.trl, result.maturity) == (6, "pilot")


BAD_INPUT = {
    "product": [
        ("title", ""),
        ("title", "题" * 121),
        ("summary", "概" * 301),
        ("keywords", "、".join(f"词{n}" for n in range(13))),
        ("specifications", "没有冒号的一行"),
        ("chain_nodes", ["999999"]),
    ],
    "result": [
        ("trl", "10"),
        ("trl", "六"),
        ("maturity", "rumour"),
        ("transfer_modes", []),
        ("patents", "12345, 发明专利"),
        ("field", ""),
    ],
    "resource": [
        ("kind", "spaceship"),
        ("conditions", ""),
        ("city", "城" * 51),
        ("description", ""),
    ],
}


@pytest.mark.parametrize(
    ("listing_type", "field", "value"),
    [(t, field, value) for t, cases in BAD_INPUT.items() for field, value in cases],
)
def test_bad_listing_input_shows_the_field_error_and_saves_nothing(
    client, listing_type, field, value
):
    client.force_login(member_of(OrganizationFactory(kind=OWNER_KINDS[listing_type])))

    response = client.post(
        url(listing_type, "create"), listing_data(listing_type, **{field: value})
    )

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not MODELS[listing_type].objects.exists()


@pytest.mark.parametrize(
    ("listing_type", "kind"),
    [
        ("product", OrganizationKind.UNIVERSITY),
        ("result", OrganizationKind.SME),
        ("resource", OrganizationKind.SME),
    ],
)
def test_an_organization_of_the_wrong_kind_cannot_create_the_listing(client, listing_type, kind):
    client.force_login(member_of(OrganizationFactory(kind=kind)))

    response = client.post(url(listing_type, "create"), listing_data(listing_type), follow=True)

    assert response.redirect_chain[0][0] == reverse("portal:dashboard")
    assert errors_shown(response)
    assert not MODELS[listing_type].objects.exists()


def test_a_user_without_organization_cannot_create_a_listing(client):
    client.force_login(UserFactory())

    response = client.post(url("product", "create"), listing_data("product"), follow=True)

    assert errors_shown(response)
    assert not Product.objects.exists()


# --- editing listings ----------------------------------------------------------------------


@pytest.mark.parametrize("listing_type", LISTING_TYPES)
def test_an_owner_edits_a_draft(client, listing_type):
    listing = FACTORIES[listing_type]()
    client.force_login(member_of(listing.organization, role=MembershipRole.MEMBER))

    response = client.post(
        url(listing_type, "edit", listing.pk), listing_data(listing_type, title="新标题")
    )

    assert response["Location"] == listing.get_absolute_url()
    listing.refresh_from_db()
    assert listing.title == "新标题"


@pytest.mark.parametrize("listing_type", LISTING_TYPES)
def test_editing_with_bad_input_shows_errors_and_keeps_the_listing(client, listing_type):
    listing = FACTORIES[listing_type]()
    title = listing.title
    client.force_login(member_of(listing.organization))

    response = client.post(
        url(listing_type, "edit", listing.pk),
        listing_data(listing_type, title="", summary="概" * 301),
    )

    assert response.status_code == 200
    assert {"title", "summary"} <= set(response.context["form"].errors)
    listing.refresh_from_db()
    assert listing.title == title


@pytest.mark.parametrize("listing_type", LISTING_TYPES)
def test_an_outsider_cannot_edit_a_listing(client, listing_type):
    listing = FACTORIES[listing_type](status=ListingStatus.PUBLISHED)
    title = listing.title
    client.force_login(member_of(OrganizationFactory(kind=OWNER_KINDS[listing_type])))

    response = client.post(
        url(listing_type, "edit", listing.pk), listing_data(listing_type, title="篡改")
    )

    assert response.status_code == 404
    listing.refresh_from_db()
    assert listing.title == title


def test_an_administrator_cannot_edit_an_organizations_listing(client):
    listing = ProductFactory()
    title = listing.title
    client.force_login(AdminUserFactory())

    response = client.post(url("product", "edit", listing.pk), listing_data("product", title="改"))

    assert response.status_code == 404
    listing.refresh_from_db()
    assert listing.title == title


@pytest.mark.parametrize("status", [ListingStatus.PENDING_REVIEW, ListingStatus.PUBLISHED])
def test_a_listing_under_review_or_published_is_not_edited(client, status):
    listing = ProductFactory(status=status)
    title = listing.title
    client.force_login(member_of(listing.organization))

    response = client.post(
        url("product", "edit", listing.pk), listing_data("product", title="改"), follow=True
    )

    assert response.redirect_chain[-1][0] == listing.get_absolute_url()
    assert errors_shown(response)
    listing.refresh_from_db()
    assert listing.title == title
