"""The search page and the recommendation panels, with the embedded engine."""

import pytest
from django.urls import reverse

from accounts.models import OrganizationKind
from catalog.models import ListingStatus
from challenges import services as call_services
from notifications.models import Notification
from search import outbox
from tests.factories import (
    AdminUserFactory,
    CallFactory,
    IndicatorFactory,
    OrganizationFactory,
    ProductFactory,
    ResearchResultFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db


def index(*objects):
    for item in objects:
        name = getattr(item, "listing_type", None) or (
            "call" if item.__class__.__name__ == "Call" else "organization"
        )
        outbox.index_later(name, item.pk)
    outbox.drain()


def test_search_finds_highlights_and_counts(client):
    product = ProductFactory(
        title="车规级碳化硅功率模块",
        status=ListingStatus.PUBLISHED,
        summary="银烧结双面散热的SiC模块",
    )
    ProductFactory(
        title="动力电池液冷板",
        summary="电池包液冷",
        description="液冷均温",
        keywords=["液冷"],
        status=ListingStatus.PUBLISHED,
    )
    ProductFactory(title="草稿中的碳化硅衬底")  # a draft: never found
    index(*ProductFactory._meta.model.objects.all())
    response = client.get(reverse("search:search"), {"q": "碳化硅"})
    assert response.status_code == 200
    page = response.context["page"]
    found = [row.hit.id for row in page.rows]
    assert found[0] == f"product:{product.pk}"
    # the maker's profile lists the product, so it is found too; the draft never is
    assert {hit.split(":")[0] for hit in found} == {"product", "organization"}
    assert "<mark>碳化硅</mark>" in response.text
    assert "草稿中的碳化硅衬底" not in response.text
    facets = {name: options for name, _title, options in page.facets}
    assert ("product", "技术产品", 1, False) in facets["type"]


def test_search_page_in_english(client):
    client.cookies["django_language"] = "en"
    response = client.get(reverse("search:search"), {"q": "anything"})
    assert response.status_code == 200
    assert "Sort by" in response.text


def test_filters_and_sorting(client):
    sme = OrganizationFactory(province="33")
    mine = ProductFactory(
        organization=sme, title="浙江的碳化硅模块", status=ListingStatus.PUBLISHED
    )
    ProductFactory(title="江苏的碳化硅模块", status=ListingStatus.PUBLISHED)
    index(*ProductFactory._meta.model.objects.all())
    response = client.get(
        reverse("search:search"), {"q": "碳化硅", "province": "33", "type": "product"}
    )
    assert [row.hit.pk for row in response.context["page"].rows] == [mine.pk]
    newest = client.get(reverse("search:search"), {"sort": "newest"})
    assert newest.status_code == 200


def test_nonsense_parameters_are_ignored(client):
    response = client.get(
        reverse("search:search"),
        {"q": "x" * 500, "sort": "drop table", "page": "-4", "trl": "99", "type": "secret"},
    )
    assert response.status_code == 200


def test_call_page_recommends_solvers_with_reasons(client):
    call = CallFactory(
        title="碳化硅功率模块银烧结封装攻关", summary="征集碳化硅功率模块银烧结封装与可靠性方案"
    )
    IndicatorFactory(call=call, name="功率循环寿命")
    solver = ProductFactory(
        title="碳化硅功率模块银烧结封装平台",
        summary="银烧结碳化硅模块封装，功率循环寿命高",
        status=ListingStatus.PUBLISHED,
    )
    ProductFactory(
        title="动力电池液冷板",
        summary="电池包液冷",
        description="液冷均温",
        keywords=["液冷"],
        status=ListingStatus.PUBLISHED,
    )
    index(call, *ProductFactory._meta.model.objects.all())
    client.force_login(handler_of(call))
    response = client.get(reverse("portal:call_solvers", args=[call.pk]))
    assert response.status_code == 200
    assert solver.title in response.text
    assert "动力电池液冷板" not in response.text
    assert "碳化硅" in response.text  # a matched key term, in the explanation


def test_products_and_results_see_calls_for_them(client):
    call = CallFactory(title="碳化硅栅氧可靠性攻关", summary="栅氧界面态与高温栅偏漂移")
    result = ResearchResultFactory(
        title="碳化硅栅氧界面态控制工艺",
        summary="降低界面态密度，改善高温栅偏漂移",
        status=ListingStatus.PUBLISHED,
    )
    index(call, result)
    client.force_login(member_of(result.organization))
    response = client.get(
        reverse("portal:listing_calls", kwargs={"listing_type": "result", "pk": result.pk})
    )
    assert call.title in response.text
    similar = client.get(reverse("portal:similar_results", args=[result.pk]))
    assert similar.status_code == 200


def test_the_issuer_invites_a_recommended_organization(client):
    call = CallFactory()
    target = OrganizationFactory(kind=OrganizationKind.SME)
    target_admin = member_of(target)
    client.force_login(handler_of(call))
    client.post(reverse("portal:call_invite", args=[call.pk, target.pk]))
    assert Notification.objects.filter(recipient=target_admin, verb="call.invited").exists()


def test_only_handlers_invite(client):
    call = CallFactory()
    target = OrganizationFactory()
    target_admin = member_of(target)
    client.force_login(member_of(OrganizationFactory()))
    client.post(reverse("portal:call_invite", args=[call.pk, target.pk]))
    assert not Notification.objects.filter(recipient=target_admin).exists()


def test_publishing_a_call_notifies_matching_organizations_that_opted_in(
    settings, django_capture_on_commit_callbacks
):
    settings.SEARCH_INDEX_ON_COMMIT = True
    keen = OrganizationFactory(match_notifications=True)
    quiet = OrganizationFactory(match_notifications=False)
    for organization in (keen, quiet):
        ProductFactory(
            organization=organization,
            status=ListingStatus.PUBLISHED,
            title="碳化硅功率模块银烧结封装",
            summary="银烧结碳化硅模块封装",
        )
    keen_admin, quiet_admin = member_of(keen), member_of(quiet)
    index(*ProductFactory._meta.model.objects.all())
    call = CallFactory(
        status="pending_review",
        published_at=None,
        title="碳化硅功率模块银烧结封装攻关",
        summary="银烧结碳化硅模块封装",
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_services.call_publish(actor=AdminUserFactory(), call=call)
    assert Notification.objects.filter(recipient=keen_admin, verb="call.matched").exists()
    assert not Notification.objects.filter(recipient=quiet_admin, verb="call.matched").exists()
