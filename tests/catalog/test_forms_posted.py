"""Every catalog form posted through its page: listings of the three types, their review
transitions, product photos; and the chain pages they hang on.

Valid input by the owner (or the reviewer) changes the record; invalid input changes nothing
and says why; anyone else changes nothing.
"""

import io

import pytest
from django.contrib import messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from accounts.models import MembershipRole, OrganizationKind, VerificationStatus
from catalog.models import (
    ListingStatus,
    OpenResource,
    Product,
    ProductImage,
    ResearchResult,
)
from tests.factories import (
    AdminUserFactory,
    ChainNodeFactory,
    IndustryChainFactory,
    OpenResourceFactory,
    OrganizationFactory,
    ProductFactory,
    ProductImageFactory,
    PublishedProductFactory,
    ResearchResultFactory,
    UserFactory,
    member_of,
)

pytestmark = pytest.mark.django_db

LISTING_TYPES = ["product", "result", "resource"]
MODELS = {"product": Product, "result": ResearchResult, "resource": OpenResource}
FACTORIES = {
    "product": ProductFactory,
    "result": ResearchResultFactory,
    "resource": OpenResourceFactory,
}
OWNER_KINDS = {
    "product": OrganizationKind.SME,
    "result": OrganizationKind.UNIVERSITY,
    "resource": OrganizationKind.LEAD,
}


def errors_shown(response) -> list[str]:
    return [str(m) for m in response.context["messages"] if m.level == messages.ERROR]


def url(listing_type: str, view: str, *args) -> str:
    return reverse(f"catalog:{listing_type}_{view}", args=args)


def listing_data(listing_type: str, **overrides) -> dict:
    data = {
        "title": "车规级碳化硅功率模块",
        "summary": "面向新能源汽车电驱。",
        "description": "银烧结工艺，双面散热。",
        "keywords": "碳化硅、功率模块",
    }
    data.update(
        {
            "product": {"specifications": "导通电阻: 16 mΩ"},
            "result": {
                "field": "电子信息-集成电路",
                "trl": "6",
                "maturity": "pilot",
                "transfer_modes": ["license", "codevelop"],
                "patents": "ZL202110234567.8, 发明专利",
            },
            "resource": {"kind": "test_line", "conditions": "签署保密协议后开放。", "city": "无锡"},
        }[listing_type]
    )
    data.update(overrides)
    return data


def jpeg(size=(640, 480)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 60, 90)).save(buffer, "JPEG")
    return SimpleUploadedFile("IMG_0001.jpg", buffer.getvalue(), content_type="image/jpeg")


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


# --- product photos ------------------------------------------------------------------------


def test_the_owner_adds_a_photo_to_a_draft(client):
    product = ProductFactory()
    client.force_login(member_of(product.organization))

    response = client.post(
        reverse("catalog:product_image_upload", args=[product.pk]),
        {"image": jpeg(), "caption": "整机外观"},
    )

    assert response["Location"] == product.get_absolute_url()
    photo = product.images.get()
    assert photo.caption == "整机外观"
    assert photo.image.storage.exists(photo.image.name)


@pytest.mark.parametrize("posted", ["not an image", "no file", "caption too long"])
def test_a_bad_photo_is_explained_and_not_stored(client, posted):
    product = ProductFactory()
    client.force_login(member_of(product.organization))
    data = {
        "not an image": lambda: {
            "image": SimpleUploadedFile("photo.jpg", b"<?php echo 1; ?>", "image/jpeg")
        },
        "no file": lambda: {"caption": "无图"},
        "caption too long": lambda: {"image": jpeg(), "caption": "说" * 101},
    }[posted]()

    response = client.post(
        reverse("catalog:product_image_upload", args=[product.pk]), data, follow=True
    )

    assert errors_shown(response)
    assert not ProductImage.objects.exists()


def test_a_product_holds_at_most_eight_photos(client):
    product = ProductFactory()
    ProductImageFactory.create_batch(8, product=product)
    client.force_login(member_of(product.organization))

    response = client.post(
        reverse("catalog:product_image_upload", args=[product.pk]), {"image": jpeg()}, follow=True
    )

    assert errors_shown(response)
    assert product.images.count() == 8


def test_photos_are_not_added_to_a_published_product(client):
    product = PublishedProductFactory()
    client.force_login(member_of(product.organization))

    response = client.post(
        reverse("catalog:product_image_upload", args=[product.pk]), {"image": jpeg()}, follow=True
    )

    assert errors_shown(response)
    assert not ProductImage.objects.exists()


def test_an_outsider_cannot_add_photos(client):
    draft = ProductFactory()
    published = PublishedProductFactory()
    client.force_login(member_of(OrganizationFactory()))

    hidden = client.post(
        reverse("catalog:product_image_upload", args=[draft.pk]), {"image": jpeg()}
    )
    visible = client.post(
        reverse("catalog:product_image_upload", args=[published.pk]),
        {"image": jpeg()},
        follow=True,
    )

    assert hidden.status_code == 404
    assert errors_shown(visible)
    assert not ProductImage.objects.exists()


def test_photos_are_uploaded_to_products_only(client):
    result = ResearchResultFactory()
    client.force_login(member_of(result.organization))

    response = client.post(
        reverse("catalog:product_image_upload", args=[result.pk]), {"image": jpeg()}
    )

    assert response.status_code == 404
    assert not ProductImage.objects.exists()


def test_the_owner_removes_a_photo(client):
    photo = ProductImageFactory()
    client.force_login(member_of(photo.product.organization))

    response = client.post(reverse("catalog:product_image_delete", args=[photo.pk]))

    assert response["Location"] == photo.product.get_absolute_url()
    assert not ProductImage.objects.filter(pk=photo.pk).exists()


def test_an_outsider_cannot_remove_photos(client):
    hidden = ProductImageFactory()
    visible = ProductImageFactory(product=PublishedProductFactory())
    client.force_login(member_of(OrganizationFactory()))

    assert client.post(reverse("catalog:product_image_delete", args=[hidden.pk])).status_code == 404
    response = client.post(reverse("catalog:product_image_delete", args=[visible.pk]), follow=True)

    assert errors_shown(response)
    assert ProductImage.objects.count() == 2


def test_removing_a_photo_that_is_gone_is_not_found(client):
    photo = ProductImageFactory()
    client.force_login(member_of(photo.product.organization))
    client.post(reverse("catalog:product_image_delete", args=[photo.pk]))

    response = client.post(reverse("catalog:product_image_delete", args=[photo.pk]))

    assert response.status_code == 404


# --- chains --------------------------------------------------------------------------------


def test_a_chain_page_shows_its_nodes_and_what_is_listed_on_them(client):
    chain = IndustryChainFactory(name="集成电路产业链")
    node = ChainNodeFactory(chain=chain, name="功率器件封装")
    product = PublishedProductFactory()
    product.chain_nodes.add(node)
    ProductFactory(title="草稿产品").chain_nodes.add(node)

    response = client.get(reverse("catalog:chain_detail", args=[chain.slug]))

    assert response.status_code == 200
    assert "集成电路产业链" in response.text
    assert "功率器件封装" in response.text
    assert product.organization.name in response.text


def test_an_unknown_chain_is_not_found(client):
    assert client.get(reverse("catalog:chain_detail", args=["no-such-chain"])).status_code == 404
