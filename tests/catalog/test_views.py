import pytest
from django.urls import reverse

from accounts.models import QualificationLevel
from catalog.models import ListingStatus, Product
from tests.factories import (
    AdminUserFactory,
    ChainNodeFactory,
    OpenResourceFactory,
    OrganizationFactory,
    ProductFactory,
    PublishedProductFactory,
    ResearchResultFactory,
    member_of,
)

pytestmark = pytest.mark.django_db

LIST_URLS = ["catalog:product_list", "catalog:result_list", "catalog:resource_list"]


def publish_many(count: int) -> None:
    node = ChainNodeFactory()
    for _ in range(count):
        for factory in (ProductFactory, ResearchResultFactory, OpenResourceFactory):
            listing = factory(status=ListingStatus.PUBLISHED)
            listing.chain_nodes.add(node)


@pytest.mark.parametrize("url_name", LIST_URLS)
def test_list_pages_run_a_constant_number_of_queries(
    client, url_name, django_assert_max_num_queries
):
    publish_many(2)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse(url_name))
    publish_many(12)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse(url_name))
    assert response.status_code == 200


@pytest.mark.parametrize("url_name", LIST_URLS)
def test_list_pages_speak_chinese_first_and_english_on_request(client, url_name):
    publish_many(1)
    chinese = client.get(reverse(url_name))
    assert chinese.status_code == 200
    assert 'lang="zh-hans"' in chinese.text
    assert "科技成果" in chinese.text
    client.cookies["django_language"] = "en"
    english = client.get(reverse(url_name))
    assert 'lang="en"' in english.text
    assert "Research results" in english.text


def test_published_listings_are_listed_and_drafts_are_not(client):
    published = PublishedProductFactory(title="车规级碳化硅MOSFET")
    ProductFactory(title="未发布的草稿产品")
    response = client.get(reverse("catalog:product_list"))
    assert published.title in response.text
    assert "未发布的草稿产品" not in response.text


def test_filters_combine(client):
    node = ChainNodeFactory()
    little_giant = OrganizationFactory(qualification_level=QualificationLevel.NATIONAL)
    match = PublishedProductFactory(organization=little_giant, title="匹配的产品")
    match.chain_nodes.add(node)
    other = PublishedProductFactory(organization=little_giant, title="其他环节的产品")
    other.chain_nodes.add(ChainNodeFactory())
    PublishedProductFactory(title="非小巨人的产品").chain_nodes.add(node)
    response = client.get(
        reverse("catalog:product_list"), {"node": node.pk, "qualification": "national"}
    )
    assert "匹配的产品" in response.text
    assert "其他环节的产品" not in response.text
    assert "非小巨人的产品" not in response.text


def test_htmx_filter_returns_only_the_results_fragment(client):
    PublishedProductFactory(title="片段中的产品")
    response = client.get(reverse("catalog:product_list"), HTTP_HX_REQUEST="true")
    assert "片段中的产品" in response.text
    assert "<html" not in response.text


@pytest.mark.parametrize("status", ["draft", "pending_review", "rejected", "archived"])
def test_unpublished_listing_is_404_for_outsiders_and_visible_to_owner_and_admin(client, status):
    listing = ProductFactory(status=status)
    url = listing.get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(member_of(OrganizationFactory()))
    assert client.get(url).status_code == 404
    client.force_login(member_of(listing.organization))
    assert client.get(url).status_code == 200
    client.force_login(AdminUserFactory())
    assert client.get(url).status_code == 200


def test_outsider_cannot_open_the_edit_form(client):
    listing = ProductFactory()
    client.force_login(member_of(OrganizationFactory()))
    assert client.get(reverse("catalog:product_edit", args=[listing.pk])).status_code == 404


def test_owner_creates_a_product_through_the_form(client):
    organization = OrganizationFactory()
    node = ChainNodeFactory()
    client.force_login(member_of(organization))
    response = client.post(
        reverse("catalog:product_create"),
        {
            "title": "高精度MEMS探针卡",
            "summary": "面向12英寸晶圆测试",
            "description": "采用光刻电铸工艺。",
            "keywords": "探针卡、晶圆测试, CP测试",
            "specifications": "最小针距: 40 μm\n接触电阻：≤0.5 Ω",
            "chain_nodes": [node.pk],
            "industry_division": "39",
            "industry_class": "3973",
        },
    )
    product = Product.objects.get(title="高精度MEMS探针卡")
    assert response.status_code == 302
    assert product.keywords == ["探针卡", "晶圆测试", "CP测试"]
    assert product.specifications == [["最小针距", "40 μm"], ["接触电阻", "≤0.5 Ω"]]
    assert product.industry_id == "3973"
    assert list(product.chain_nodes.all()) == [node]
    assert product.status == ListingStatus.DRAFT


def test_bad_form_input_shows_errors_and_saves_nothing(client):
    organization = OrganizationFactory()
    client.force_login(member_of(organization))
    response = client.post(
        reverse("catalog:product_create"),
        {
            "title": "",
            "summary": "x",
            "description": "x",
            "specifications": "没有冒号的一行",
            "industry_division": "39",
            "industry_class": "0111",
        },
    )
    assert response.status_code == 200
    assert "name: value" in response.text or "名称" in response.text
    form = response.context["form"]
    assert set(form.errors) >= {"title", "specifications", "industry_class"}
    assert not Product.objects.exists()


def test_owner_submits_and_admin_publishes_through_the_pages(client):
    listing = ProductFactory()
    client.force_login(member_of(listing.organization))
    client.post(reverse("catalog:product_transition", args=[listing.pk, "submit"]))
    listing.refresh_from_db()
    assert listing.status == ListingStatus.PENDING_REVIEW
    client.force_login(AdminUserFactory())
    response = client.get(reverse("portal:review_queue"))
    assert listing.title in response.text
    client.post(reverse("catalog:product_transition", args=[listing.pk, "publish"]))
    listing.refresh_from_db()
    assert listing.status == ListingStatus.PUBLISHED


def test_refused_transition_shows_a_message_and_changes_nothing(client):
    listing = ProductFactory(status=ListingStatus.PENDING_REVIEW)
    client.force_login(member_of(listing.organization))
    response = client.post(
        reverse("catalog:product_transition", args=[listing.pk, "publish"]), follow=True
    )
    listing.refresh_from_db()
    assert listing.status == ListingStatus.PENDING_REVIEW
    assert any("not allowed" in str(m) or "无权" in str(m) for m in response.context["messages"])


def test_owner_adds_and_removes_product_photos(client):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    product = ProductFactory()
    client.force_login(member_of(product.organization))
    photo = io.BytesIO()
    Image.new("RGB", (800, 600), (30, 60, 90)).save(photo, "JPEG")
    client.post(
        reverse("catalog:product_image_upload", args=[product.pk]),
        {"image": SimpleUploadedFile("IMG_0001.jpg", photo.getvalue()), "caption": "整机外观"},
    )
    stored = product.images.get()
    assert stored.caption == "整机外观"
    assert stored.thumbnail.storage.exists(stored.thumbnail.name)
    client.post(reverse("catalog:product_image_delete", args=[stored.pk]))
    assert not product.images.exists()


def test_photos_of_a_published_product_cannot_be_changed(client):
    from tests.factories import ProductImageFactory

    photo = ProductImageFactory(product=PublishedProductFactory())
    client.force_login(member_of(photo.product.organization))
    client.post(reverse("catalog:product_image_delete", args=[photo.pk]))
    assert photo.product.images.count() == 1


def test_organization_list_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    OrganizationFactory.create_batch(2)
    with django_assert_max_num_queries(8) as few:
        client.get(reverse("accounts:organization_list"))
    OrganizationFactory.create_batch(15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("accounts:organization_list"))
    assert response.status_code == 200
