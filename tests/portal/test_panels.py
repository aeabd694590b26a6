"""Recommendation panels load into their pages from the right routes, for the right people,
and a panel that fails never takes the page with it."""

import pytest
from django.urls import reverse

from accounts.models import OrganizationKind
from catalog.models import ListingStatus
from tests.factories import (
    AdminUserFactory,
    CallFactory,
    OrganizationFactory,
    ProductFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db


def panel_urls(html: str) -> list[str]:
    import re

    return re.findall(r'data-panel hx-get="([^"]+)"', html)


def test_a_verified_organizations_profile_loads_its_calls_panel(client):
    # given a verified SME and one of its members
    organization = OrganizationFactory(kind=OrganizationKind.SME)
    client.force_login(member_of(organization))
    # when the profile is opened
    page = client.get(reverse("portal:organization_detail", args=[organization.pk]))
    # then every panel it embeds answers with the panel, not a 404
    urls = panel_urls(page.text)
    assert urls == [reverse("portal:organization_calls", args=[organization.pk])]
    for url in urls:
        panel = client.get(url, headers={"HX-Request": "true"})
        assert panel.status_code == 200
        assert "为您推荐的榜单与需求" in panel.text or "Calls and demands for you" in panel.text


def test_every_panel_on_a_product_page_answers(client):
    product = ProductFactory(status=ListingStatus.PUBLISHED)
    client.force_login(member_of(product.organization))
    page = client.get(product.get_absolute_url())
    urls = panel_urls(page.text)
    assert urls
    for url in urls:
        assert client.get(url).status_code == 200


def test_panels_carry_a_quiet_message_for_when_they_fail(client):
    organization = OrganizationFactory()
    client.force_login(member_of(organization))
    page = client.get(reverse("portal:organization_detail", args=[organization.pk]))
    assert 'data-panel-error="' in page.text
    # the script that puts the message in place of a failed panel is on the page
    assert "js/platform.js" in page.text


def test_calls_for_you_are_not_shown_to_anonymous_visitors_or_outsiders(client):
    organization = OrganizationFactory()
    product = ProductFactory(organization=organization, status=ListingStatus.PUBLISHED)
    profile = reverse("portal:organization_detail", args=[organization.pk])
    assert panel_urls(client.get(profile).text) == []
    # the product's first uses (先试首用) and the interest panel (我有意向) are public; no other is
    first_use = reverse("verification:product_panel", args=[product.pk])
    interest = reverse("docking:interest_panel", args=["product", product.pk])
    assert panel_urls(client.get(product.get_absolute_url()).text) == [first_use, interest]
    panel = reverse("portal:organization_calls", args=[organization.pk])
    assert client.get(panel).status_code == 302  # to the login page
    client.force_login(member_of(OrganizationFactory()))
    assert panel_urls(client.get(profile).text) == []
    assert client.get(panel).status_code == 404
    client.force_login(AdminUserFactory())
    assert panel_urls(client.get(profile).text) == [panel]


def test_recommended_solvers_are_only_for_the_calls_handlers(client):
    call = CallFactory()
    url = reverse("portal:call_solvers", args=[call.pk])
    tab = reverse("challenges:call_manage", args=[call.pk]) + "?tab=recommended"
    competitor = member_of(OrganizationFactory())
    client.force_login(competitor)
    assert url not in client.get(call.get_absolute_url()).text
    assert client.get(tab).status_code == 404
    assert client.get(url).status_code == 404
    client.force_login(handler_of(call))
    # the public page shows no recommendation, even to the handler: they live in the workspace
    assert url not in client.get(call.get_absolute_url()).text
    assert panel_urls(client.get(tab).text) == [url]
    assert client.get(url).status_code == 200


def test_calls_for_a_product_read_their_relevance_in_words(client, settings, tmp_path):
    from django.utils import translation

    from search import outbox

    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    call = CallFactory(title="碳化硅栅氧可靠性攻关", summary="栅氧界面态与高温栅偏漂移")
    product = ProductFactory(
        title="碳化硅栅氧界面态控制工艺",
        summary="降低界面态密度，改善高温栅偏漂移",
        status=ListingStatus.PUBLISHED,
    )
    outbox.index_later("call", call.pk)
    outbox.index_later("product", product.pk)
    outbox.drain()
    client.force_login(member_of(product.organization))
    panel = client.get(
        reverse("portal:listing_calls", kwargs={"listing_type": "product", "pk": product.pk})
    )
    assert call.title in panel.text
    with translation.override("zh-hans"):
        assert translation.gettext("Strong match") in panel.text
    assert "0." not in panel.text.split(call.title, 1)[1].split("</div>", 1)[0]
