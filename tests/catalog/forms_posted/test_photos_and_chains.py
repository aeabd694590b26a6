"""The photos of a product (the chain pages are tested in tests/chains)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalog.models import ProductImage
from tests.catalog.forms_posted.helpers import errors_shown, jpeg
from tests.factories import (
    OrganizationFactory,
    ProductFactory,
    ProductImageFactory,
    PublishedProductFactory,
    ResearchResultFactory,
    member_of,
)

pytestmark = pytest.mark.django_db


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
