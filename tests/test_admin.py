"""The Django admin never writes a domain record around its service."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from catalog.models import ListingEvent, ListingStatus
from search.models import OutboxEntry
from tests.factories import AdminUserFactory, ProductFactory, PublishedProductFactory

pytestmark = pytest.mark.django_db

DOMAIN_APPS = {
    "accounts",
    "catalog",
    "chains",
    "campaigns",
    "centres",
    "challenges",
    "directories",
    "docking",
    "notifications",
    "search",
    "verification",
}
# Edited in the admin on purpose, with the reason.
EDITABLE = {
    # Users: log-in accounts, roles and passwords (Django's own forms; nothing indexed).
    "accounts.user",
    # Experts: save_model appoints and updates through accounts.services.
    "accounts.expert",
    # Chains are reference data; documents keep node ids and labels are read at query time.
    "catalog.industrychain",
    "catalog.chainnode",
}


def test_domain_models_are_read_only_in_the_admin_unless_saved_through_a_service():
    superuser = AdminUserFactory(is_superuser=True)
    request = RequestFactory().get("/admin/")
    request.user = superuser
    writable = []
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        if model._meta.app_label not in DOMAIN_APPS or label in EDITABLE:
            continue
        if (
            model_admin.has_add_permission(request)
            or model_admin.has_change_permission(request)
            or model_admin.has_delete_permission(request)
        ):
            writable.append(label)
    assert writable == []


def test_editing_a_published_product_in_the_admin_is_refused_and_changes_nothing(client):
    product = PublishedProductFactory(title="原标题")
    client.force_login(AdminUserFactory(is_superuser=True))
    url = reverse("admin:catalog_product_change", args=[product.pk])
    page = client.get(url)
    assert page.status_code == 200  # it can be read
    response = client.post(url, {"title": "改过的标题", "summary": "x", "description": "y"})
    assert response.status_code == 403
    product.refresh_from_db()
    assert product.title == "原标题"


def test_publishing_from_the_admin_goes_through_the_service(client):
    product = ProductFactory(status=ListingStatus.PENDING_REVIEW)
    client.force_login(AdminUserFactory(is_superuser=True))
    OutboxEntry.objects.all().delete()
    response = client.post(
        reverse("admin:catalog_product_changelist"),
        {"action": "publish_listings", "_selected_action": [product.pk]},
        follow=True,
    )
    assert response.status_code == 200
    product.refresh_from_db()
    assert product.status == ListingStatus.PUBLISHED
    # the history and the search outbox know, as after the review queue's button
    assert ListingEvent.objects.filter(object_id=product.pk, action="publish").exists()
    assert OutboxEntry.objects.filter(doc_type="product", object_id=product.pk).exists()
