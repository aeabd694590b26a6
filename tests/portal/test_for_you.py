"""“For you” both ways on the workspace (measure 十五): an SME sees results and products that fit
its R&D demands and calls, an institute sees the demands and calls that fit its results, each
with why and one click to express interest; the panel is for their members only and says so
quietly when search is down."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import OrganizationKind, VerificationStatus
from catalog.models import ListingStatus
from challenges.models import CallKind
from docking.models import Interest, InterestStatus, Wants
from portal import for_you
from search import outbox
from search.engines.base import EngineUnavailable
from tests.factories import (
    CallFactory,
    OrganizationFactory,
    ProductFactory,
    ResearchResultFactory,
    UserFactory,
    member_of,
)

pytestmark = pytest.mark.django_db

PANEL = reverse("portal:for_you")
DASHBOARD = reverse("portal:dashboard")


def _published(factory, **fields):
    return factory(status=ListingStatus.PUBLISHED, published_at=timezone.now(), **fields)


@pytest.fixture
def world(settings, tmp_path):
    """An SME's R&D demand about silicon-carbide gate oxide, a university's result and
    another SME's product on it, a lead enterprise's challenge on it, and a result on
    something else; all indexed."""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    sme = OrganizationFactory(kind=OrganizationKind.SME, name="苏州芯材科技")
    university = OrganizationFactory(kind=OrganizationKind.UNIVERSITY, name="华东理工大学")
    maker = OrganizationFactory(kind=OrganizationKind.SME, name="杭州封测科技")
    lead = OrganizationFactory(kind=OrganizationKind.LEAD, name="中电集团")
    text = {"summary": "栅氧界面态与高温栅偏漂移", "keywords": ["碳化硅", "栅氧"]}
    world = {
        "sme": sme,
        "university": university,
        "demand": CallFactory(
            kind=CallKind.RND_DEMAND,
            issuer=sme,
            title="碳化硅栅氧可靠性研发需求",
            summary=text["summary"],
            eligible_kinds=["university", "institute"],
        ),
        "challenge": CallFactory(
            issuer=lead, title="碳化硅栅氧高温栅偏攻关榜", summary=text["summary"]
        ),
        "result": _published(
            ResearchResultFactory,
            organization=university,
            title="碳化硅栅氧界面态钝化技术",
            summary="降低界面态密度，改善高温栅偏漂移",
            keywords=text["keywords"],
        ),
        "product": _published(
            ProductFactory,
            organization=maker,
            title="碳化硅栅氧可靠性测试系统",
            summary="高温栅偏漂移测试",
            keywords=text["keywords"],
        ),
        "other": _published(
            ResearchResultFactory,
            organization=OrganizationFactory(kind=OrganizationKind.INSTITUTE),
            title="水稻抗倒伏育种方法",
            summary="提高水稻茎秆强度",
            keywords=["水稻", "育种"],
        ),
    }
    for key in ("demand", "challenge"):
        outbox.index_later("call", world[key].pk)
    for key in ("result", "other"):
        outbox.index_later("result", world[key].pk)
    outbox.index_later("product", world["product"].pk)
    outbox.drain()
    return world


def panel_urls(html: str) -> list[str]:
    return re.findall(r'data-panel hx-get="([^"]+)"', html)


def interest_url(target_type: str, pk: int) -> str:
    return reverse("docking:interest_create", args=[target_type, pk])


def test_the_workspace_loads_the_panel_for_an_smes_member(client, world):
    client.force_login(member_of(world["sme"]))
    assert PANEL in panel_urls(client.get(DASHBOARD).text)


def test_an_sme_sees_results_and_products_that_fit_its_rnd_demand(client, world):
    client.force_login(member_of(world["sme"]))
    response = client.get(PANEL)
    html = response.text
    assert response.status_code == 200
    assert 'data-for-you="demand"' in html
    assert f'data-for-you-match="result:{world["result"].pk}"' in html
    assert f'data-for-you-match="product:{world["product"].pk}"' in html
    assert world["other"].title not in html
    # Why, which of its demands it fits, and one click to express interest.
    assert "match-why" in html
    assert world["demand"].title in html
    assert interest_url("result", world["result"].pk) in html
    assert interest_url("product", world["product"].pk) in html
    # The one click opens the interest form.
    assert client.get(interest_url("result", world["result"].pk)).status_code == 200


def test_a_university_sees_demands_and_calls_that_fit_its_result(client, world):
    client.force_login(member_of(world["university"]))
    assert PANEL in panel_urls(client.get(DASHBOARD).text)
    html = client.get(PANEL).text
    assert 'data-for-you="supply"' in html
    assert f'data-for-you-match="call:{world["demand"].pk}"' in html
    assert f'data-for-you-match="call:{world["challenge"].pk}"' in html
    assert world["result"].title in html  # what they fit
    # Interest in the R&D demand; the challenge takes applications on its page.
    assert interest_url("call", world["demand"].pk) in html
    assert interest_url("call", world["challenge"].pk) not in html
    assert html.count("data-for-you-apply") == 1


def test_an_interest_already_running_is_shown_instead_of_a_new_one(client, world):
    interest = Interest.objects.create(
        requester=world["university"],
        owner=world["sme"],
        call=world["demand"],
        wants=Wants.SOLVE,
        note="联合攻关",
        status=InterestStatus.PENDING,
    )
    client.force_login(member_of(world["university"]))
    html = client.get(PANEL).text
    assert interest_url("call", world["demand"].pk) not in html
    assert reverse("docking:interest_detail", args=[interest.pk]) in html
    # A declined one is over: interest can be expressed again.
    Interest.objects.filter(pk=interest.pk).update(status=InterestStatus.DECLINED)
    assert interest_url("call", world["demand"].pk) in client.get(PANEL).text


def test_the_service_merges_matches_once_each_best_first(world):
    entries = for_you.for_you_matches(world["sme"])
    ids = [entry.match.hit.id for entry in entries]
    assert len(ids) == len(set(ids))
    assert {f"result:{world['result'].pk}", f"product:{world['product'].pk}"} <= set(ids)
    scores = [entry.match.score for entry in entries]
    assert scores == sorted(scores, reverse=True)
    assert all(entry.fits == world["demand"] for entry in entries)
    # Its own listings are never suggested to it.
    assert all(entry.match.hit.organization_id != world["sme"].pk for entry in entries)


def test_the_panel_says_quietly_when_search_is_down(client, world, monkeypatch):
    def down(*args, **kwargs):
        raise EngineUnavailable("connection refused")

    monkeypatch.setattr(for_you, "find_matches", down)
    client.force_login(member_of(world["university"]))
    response = client.get(PANEL)
    assert response.status_code == 200
    assert "data-for-you-unavailable" in response.text


@pytest.mark.parametrize(
    "who", ["government", "agency", "unverified_sme", "pending_university", "no_organization"]
)
def test_others_get_no_panel_and_a_404(client, world, who):
    if who == "no_organization":
        user = UserFactory()
    elif who == "unverified_sme":
        user = member_of(OrganizationFactory(verification_status=VerificationStatus.PENDING))
    elif who == "pending_university":
        user = member_of(
            OrganizationFactory(
                kind=OrganizationKind.UNIVERSITY, verification_status=VerificationStatus.PENDING
            )
        )
    else:
        user = member_of(OrganizationFactory(kind=who))
    client.force_login(user)
    assert PANEL not in panel_urls(client.get(DASHBOARD).text)
    assert client.get(PANEL).status_code == 404
    assert not Interest.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    assert client.get(PANEL)["Location"].startswith(reverse("accounts:login"))
