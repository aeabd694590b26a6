"""First-set / first-batch / first-version catalogue entries (首台套 / 首批次 / 首版次) of a
product: its organization's administrators and platform administrators add and remove them;
everyone reads them on the product's page; refusals change nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import MembershipRole
from catalog import services
from catalog.models import CatalogueEntry, CatalogueKind, ListingStatus
from core.exceptions import NotAllowed
from tests.factories import (
    AdminUserFactory,
    OrganizationFactory,
    ProductFactory,
    PublishedProductFactory,
    member_of,
)

pytestmark = pytest.mark.django_db

CATALOGUE = "2025年版首台（套）重大技术装备推广应用指导目录"


def entry_data(**changes):
    data = {
        "kind": CatalogueKind.FIRST_SET,
        "catalogue": CATALOGUE,
        "year": 2025,
        "entry_number": "3.2.17",
        "issuer": "工业和信息化部",
        "url": "https://www.example.gov.cn/catalogue-2025",
    }
    data.update(changes)
    return data


def add_url(product):
    return reverse("verification:catalogue_entry_add", args=[product.pk])


def panel_url(product):
    return reverse("verification:product_panel", args=[product.pk])


@pytest.mark.parametrize("who", ["organization admin", "platform admin"])
def test_an_administrator_records_an_entry_and_the_product_page_shows_it(client, who):
    product = PublishedProductFactory()
    user = member_of(product.organization) if who == "organization admin" else AdminUserFactory()
    client.force_login(user)
    assert "data-first-uses" in client.get(panel_url(product)).text  # the form is offered

    response = client.post(add_url(product), entry_data())

    assert response.status_code == 302 and response.url == product.get_absolute_url()
    entry = CatalogueEntry.objects.get()
    assert (entry.kind, entry.year, entry.entry_number, entry.recorded_by) == (
        CatalogueKind.FIRST_SET,
        2025,
        "3.2.17",
        user,
    )
    client.logout()
    panel = client.get(panel_url(product)).text
    assert (
        CATALOGUE in panel and "3.2.17" in panel and f'data-catalogue-entry="{entry.pk}"' in panel
    )
    assert reverse("verification:catalogue_entry_remove", args=[entry.pk]) not in panel


@pytest.mark.parametrize("who", ["member", "other organization", "anonymous"])
def test_nobody_else_records_or_removes_entries(client, who):
    product = PublishedProductFactory()
    entry = services.catalogue_entry_add(
        actor=member_of(product.organization), product=product, **entry_data()
    )
    user = {
        "member": lambda: member_of(product.organization, role=MembershipRole.MEMBER),
        "other organization": lambda: member_of(OrganizationFactory()),
        "anonymous": lambda: None,
    }[who]()
    if user:
        client.force_login(user)
        with pytest.raises(NotAllowed):
            services.catalogue_entry_add(
                actor=user, product=product, **entry_data(kind=CatalogueKind.FIRST_BATCH)
            )
        with pytest.raises(NotAllowed):
            services.catalogue_entry_remove(actor=user, entry=entry)

    client.post(add_url(product), entry_data(kind=CatalogueKind.FIRST_VERSION))
    response = client.post(reverse("verification:catalogue_entry_remove", args=[entry.pk]))

    assert response.status_code in (302, 404)
    assert list(CatalogueEntry.objects.all()) == [entry]
    assert reverse("verification:catalogue_entry_remove", args=[entry.pk]) not in (
        client.get(panel_url(product)).text
    )


def test_an_organization_admin_removes_an_entry(client):
    product = PublishedProductFactory()
    admin = member_of(product.organization)
    entry = services.catalogue_entry_add(actor=admin, product=product, **entry_data())
    client.force_login(admin)

    client.post(reverse("verification:catalogue_entry_remove", args=[entry.pk]))

    assert not CatalogueEntry.objects.exists()


def test_the_same_catalogue_is_recorded_once_and_the_year_must_be_plausible(client):
    product = PublishedProductFactory()
    admin = member_of(product.organization)
    services.catalogue_entry_add(actor=admin, product=product, **entry_data())
    client.force_login(admin)

    client.post(add_url(product), entry_data(entry_number="另一个编号"))
    with pytest.raises(ValidationError) as refused:
        services.catalogue_entry_add(actor=admin, product=product, **entry_data(year=1900))
    assert "year" in refused.value.message_dict
    with pytest.raises(ValidationError):
        services.catalogue_entry_add(actor=admin, product=product, **entry_data(catalogue=" "))
    client.post(add_url(product), entry_data(url="javascript:alert(1)", catalogue="其他目录"))

    assert CatalogueEntry.objects.count() == 1
    # the same catalogue name under another kind is a different entry
    services.catalogue_entry_add(
        actor=admin, product=product, **entry_data(kind=CatalogueKind.FIRST_BATCH)
    )
    assert CatalogueEntry.objects.count() == 2


def test_a_draft_product_panel_is_seen_by_its_organization_only(client):
    product = ProductFactory(status=ListingStatus.DRAFT)
    assert client.get(panel_url(product)).status_code == 404
    client.force_login(member_of(product.organization))
    assert client.get(panel_url(product)).status_code == 200
