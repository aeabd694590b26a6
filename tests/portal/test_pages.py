import pytest
from django.urls import reverse

from tests.factories import (
    AdminUserFactory,
    OrganizationFactory,
    PublishedProductFactory,
    UserFactory,
    member_of,
)

pytestmark = pytest.mark.django_db


def test_home_page_in_chinese_and_english(client):
    PublishedProductFactory(title="最新发布的产品")
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    assert "揭榜挂帅" in response.text or "专精特新" in response.text
    assert "最新发布的产品" in response.text
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)
    assert "Latest technology products" in response.text


def test_anonymous_visitors_are_sent_to_login_for_workspaces(client):
    response = client.get(reverse("portal:dashboard"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_review_queue_is_only_for_administrators(client):
    client.force_login(member_of(OrganizationFactory()))
    assert client.get(reverse("portal:review_queue")).status_code == 404
    client.force_login(AdminUserFactory())
    assert client.get(reverse("portal:review_queue")).status_code == 200


def test_dashboard_offers_registration_to_a_user_without_organization(client):
    client.force_login(UserFactory())
    response = client.get(reverse("portal:dashboard"))
    assert reverse("accounts:organization_create") in response.text


def test_dashboard_lists_the_organization_listings_in_every_status(client):
    organization = OrganizationFactory()
    from tests.factories import ProductFactory

    draft = ProductFactory(organization=organization, title="草稿中的产品")
    client.force_login(member_of(organization))
    response = client.get(reverse("portal:dashboard"))
    assert draft.title in response.text


def test_unverified_organization_page_is_hidden_from_outsiders(client):
    from accounts.models import VerificationStatus

    organization = OrganizationFactory(verification_status=VerificationStatus.PENDING)
    url = reverse("portal:organization_detail", args=[organization.pk])
    assert client.get(url).status_code == 404
    client.force_login(member_of(organization))
    assert client.get(url).status_code == 200
