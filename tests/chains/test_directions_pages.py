"""一条龙 demonstration directions through HTTP, persona by persona: the public list and
page, the administrators' management (direction, key products and processes, call, pairs,
suggestions), the departments' recommendations and their own proposals, and the call's
handlers filling the call. The wrong persona gets 404 and nothing changes."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from accounts.models import OrganizationKind
from chains.models import (
    CandidatePair,
    DemonstrationDirection,
    DirectionItem,
    DirectionStatus,
    ItemKind,
    PairSource,
    PairStatus,
)
from challenges.models import Invitation
from tests.chains.test_directions import (
    World,
    little_giant,
    make_world,
    shown,
    snapshot,
)
from tests.factories import OrganizationFactory, ProductFactory, PublishedProductFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_index(settings, tmp_path):
    settings.SEARCH_INDEX_DIR = tmp_path / "index"


@pytest.fixture
def world() -> World:
    return make_world()


def detail_url(world: World) -> str:
    return reverse("chains:direction_detail", args=[world.direction.pk])


def draft_direction(world: World) -> DemonstrationDirection:
    from chains import services

    return services.direction_create(
        actor=world.admin, chain=world.chain, title="草稿中的方向", summary="尚未公开", year=2026
    )


def ids(html: str, attribute: str) -> list[int]:
    return [int(pk) for pk in re.findall(rf'{attribute}="(\d+)"', html)]


# --- the list and the public page ---------------------------------------------------------------


def test_the_public_list_shows_opened_directions_and_administrators_see_drafts(client, world):
    draft = draft_direction(world)

    public = client.get(reverse("chains:direction_list"))

    assert public.status_code == 200
    assert ids(public.text, "data-direction") == [world.direction.pk]
    assert "<td data-items-count>1</td>" in public.text
    client.force_login(world.admin)
    admin_view = client.get(reverse("chains:direction_list"), {"status": "draft"})
    assert ids(admin_view.text, "data-direction") == [draft.pk]
    by_chain = client.get(reverse("chains:direction_list"), {"chain": world.chain.slug})
    assert set(ids(by_chain.text, "data-direction")) == {draft.pk, world.direction.pk}


def test_a_draft_is_not_found_for_anyone_but_administrators(client, world):
    draft = draft_direction(world)
    url = reverse("chains:direction_detail", args=[draft.pk])
    assert client.get(url).status_code == 404
    client.force_login(world.gov)
    assert client.get(url).status_code == 404
    client.force_login(world.admin)
    assert client.get(url).status_code == 200


def test_the_public_page_shows_items_and_only_the_pairs_taken(client, world):
    shortlisted = world.shortlisted(product=world.product)
    proposed = world.recommend(user_firm=OrganizationFactory(kind=OrganizationKind.LARGE))

    page = client.get(detail_url(world))

    assert page.status_code == 200
    html = page.text
    assert world.item.name in html and world.node.name in html
    assert ids(html, "data-pair") == [shortlisted.pk]
    assert proposed.note not in html
    assert "data-pairs" not in html and "data-history" not in html
    assert "data-recommend-form" not in html


# --- administrators ------------------------------------------------------------------------------


def test_an_administrator_creates_and_edits_a_direction(client, world):
    client.force_login(world.admin)
    assert client.get(reverse("chains:direction_create")).status_code == 200

    response = client.post(
        reverse("chains:direction_create"),
        {
            "chain": world.chain.pk,
            "title": "动力电池包",
            "summary": "电池包一条龙示范",
            "year": 2026,
        },
    )

    direction = DemonstrationDirection.objects.get(title="动力电池包")
    assert response.status_code == 302
    assert response.url == reverse("chains:direction_detail", args=[direction.pk])
    edit = reverse("chains:direction_edit", args=[direction.pk])
    assert client.get(edit).status_code == 200
    client.post(
        edit, {"chain": world.chain.pk, "title": "动力电池包系统", "summary": "改", "year": 2026}
    )
    direction.refresh_from_db()
    assert direction.title == "动力电池包系统"


@pytest.mark.parametrize("who", ["gov", "supplier_admin", "handler", None])
def test_the_wrong_persona_cannot_manage_and_nothing_changes(client, world, who):
    if who:
        client.force_login(getattr(world, who))
    pair = world.recommend()
    before = snapshot()
    pk = world.direction.pk
    requests = [
        ("get", reverse("chains:direction_create"), {}),
        ("post", reverse("chains:direction_create"), {"chain": world.chain.pk, "title": "x"}),
        ("get", reverse("chains:direction_edit", args=[pk]), {}),
        ("post", reverse("chains:direction_move", args=[pk, "close"]), {}),
        ("post", reverse("chains:direction_call", args=[pk]), {"call": ""}),
        ("get", reverse("chains:direction_item_create", args=[pk]), {}),
        ("get", reverse("chains:direction_item_edit", args=[world.item.pk]), {}),
        ("post", reverse("chains:direction_item_remove", args=[world.item.pk]), {}),
        ("get", reverse("chains:direction_suggestions", args=[world.item.pk]), {}),
        ("get", reverse("chains:direction_pair_add", args=[world.item.pk]), {}),
        ("post", reverse("chains:direction_pair_move", args=[pair.pk, "shortlist"]), {}),
    ]
    for method, url, data in requests:
        response = getattr(client, method)(url, data)
        assert response.status_code in (302, 404), url
        if response.status_code == 302:  # anonymous: to the login page
            assert "login" in response.url
    assert snapshot() == before


def test_an_administrator_manages_key_products_and_processes(client, world):
    client.force_login(world.admin)
    create = reverse("chains:direction_item_create", args=[world.direction.pk])
    assert client.get(create).status_code == 200

    response = client.post(
        create,
        {"kind": ItemKind.PROCESS, "name": "电池热管理集成工艺", "chain_node": world.parent.pk},
    )

    assert response.status_code == 302
    item = DirectionItem.objects.get(name="电池热管理集成工艺")
    edit = reverse("chains:direction_item_edit", args=[item.pk])
    assert client.get(edit).status_code == 200
    client.post(
        edit, {"kind": ItemKind.PROCESS, "name": "热管理集成工艺", "chain_node": world.node.pk}
    )
    item.refresh_from_db()
    assert (item.name, item.chain_node) == ("热管理集成工艺", world.node)
    client.post(reverse("chains:direction_item_remove", args=[item.pk]))
    assert not DirectionItem.objects.filter(pk=item.pk).exists()


def test_a_node_of_another_chain_is_refused_by_the_form_and_nothing_is_added(client, world):
    client.force_login(world.admin)
    before = snapshot()
    response = client.post(
        reverse("chains:direction_item_create", args=[world.direction.pk]),
        {"kind": ItemKind.PRODUCT, "name": "碳化硅衬底", "chain_node": world.foreign_node.pk},
    )
    assert response.status_code == 200
    assert "has-error" in response.text or "errors" in response.text
    assert snapshot() == before


def test_an_administrator_opens_closes_and_links_the_call(client, world):
    client.force_login(world.admin)
    page = client.get(detail_url(world)).text
    assert 'data-move="close"' in page

    client.post(reverse("chains:direction_move", args=[world.direction.pk, "close"]))
    world.direction.refresh_from_db()
    assert world.direction.status == DirectionStatus.CLOSED
    assert (
        client.post(reverse("chains:direction_move", args=[world.direction.pk, "fly"])).status_code
        == 404
    )

    client.post(reverse("chains:direction_call", args=[world.direction.pk]), {"call": ""})
    world.direction.refresh_from_db()
    assert world.direction.call is None
    client.post(
        reverse("chains:direction_call", args=[world.direction.pk]), {"call": world.call.pk}
    )
    world.direction.refresh_from_db()
    assert world.direction.call == world.call


def test_opening_without_items_is_shown_blocked_with_why(client, world):
    draft = draft_direction(world)
    client.force_login(world.admin)
    page = client.get(reverse("chains:direction_detail", args=[draft.pk])).text
    assert 'data-blocked="open"' in page
    response = client.post(reverse("chains:direction_move", args=[draft.pk, "open"]), follow=True)
    draft.refresh_from_db()
    assert draft.status == DirectionStatus.DRAFT
    assert shown("Add at least one key product or process before opening the direction.") in (
        response.text
    )


def test_the_administrator_sees_every_pair_and_decides(client, world):
    pair = world.recommend()
    client.force_login(world.admin)

    page = client.get(detail_url(world)).text

    assert ids(page, "data-pair") == [pair.pk]
    assert pair.note in page and world.department.name in page
    assert 'data-pair-move="shortlist"' in page
    decline = reverse("chains:direction_pair_move", args=[pair.pk, "decline"])
    client.post(decline, {"reason": ""})
    pair.refresh_from_db()
    assert pair.status == PairStatus.PROPOSED
    client.post(decline, {"reason": "暂无装车条件"})
    pair.refresh_from_db()
    assert (pair.status, pair.decision_note) == (PairStatus.DECLINED, "暂无装车条件")
    client.post(reverse("chains:direction_pair_move", args=[pair.pk, "reconsider"]))
    client.post(reverse("chains:direction_pair_move", args=[pair.pk, "shortlist"]))
    pair.refresh_from_db()
    assert pair.status == PairStatus.SHORTLISTED
    # inviting is the call's fill, not a row's move
    invite = reverse("chains:direction_pair_move", args=[pair.pk, "invite"])
    assert client.post(invite).status_code == 404
    history = client.get(detail_url(world)).text
    assert 'data-event="decline"' in history and "暂无装车条件" in history


def test_the_suggestions_panel_lists_suppliers_and_marks_existing_pairs(client, world):
    world.recommend()
    other = little_giant(name="苏州热管理部件有限公司")
    PublishedProductFactory(organization=other).chain_nodes.add(world.node)
    client.force_login(world.admin)

    panel = client.get(reverse("chains:direction_suggestions", args=[world.item.pk]))

    assert panel.status_code == 200
    html = panel.text
    assert set(ids(html, "data-suggestion")) >= {world.supplier.pk, other.pk}
    row = html[html.index(f'data-suggestion="{world.supplier.pk}"') :].split("</tr>")[0]
    assert "data-already-pair" in row
    row = html[html.index(f'data-suggestion="{other.pk}"') :].split("</tr>")[0]
    assert "data-already-pair" not in row


def test_an_administrator_adds_a_suggestion_as_a_pair(client, world):
    other = little_giant(name="苏州热管理部件有限公司")
    product = PublishedProductFactory(organization=other)
    client.force_login(world.admin)
    url = reverse("chains:direction_pair_add", args=[world.item.pk])
    query = {"supplier": other.pk, "source": "map", "product": product.pk}
    page = client.get(url, query)
    assert page.status_code == 200 and other.name in page.text

    response = client.post(
        url,
        {
            "supplier": other.pk,
            "source": "map",
            "product": product.pk,
            "user_firm": world.user_firm.pk,
            "note": "图谱上的小巨人",
        },
    )

    assert response.status_code == 302
    pair = CandidatePair.objects.get(supplier=other)
    assert (pair.source, pair.product, pair.user_firm) == (
        PairSource.MAP,
        product,
        world.user_firm,
    )
    # another firm's product is not offered for this supplier
    foreign = PublishedProductFactory(organization=little_giant())
    before = snapshot()
    again = client.post(url, {"supplier": other.pk, "source": "directory", "product": foreign.pk})
    assert again.status_code == 200
    assert snapshot() == before
    assert client.get(url, {"supplier": "abc"}).status_code == 404


# --- departments --------------------------------------------------------------------------------


def recommend_data(world: World, **extra) -> dict:
    data = {
        "item": world.item.pk,
        "supplier": world.supplier.pk,
        "product": world.product.pk,
        "user_firm": world.user_firm.pk,
        "note": "省内整车厂已有小批量装车",
    }
    data.update(extra)
    return data


def test_a_department_recommends_from_the_page_and_sees_its_proposal(client, world):
    client.force_login(world.gov)
    page = client.get(detail_url(world)).text
    assert "data-recommend-form" in page
    assert (
        client.get(reverse("chains:direction_recommend", args=[world.direction.pk])).status_code
        == 200
    )

    response = client.post(
        reverse("chains:direction_recommend", args=[world.direction.pk]), recommend_data(world)
    )

    assert response.status_code == 302
    pair = CandidatePair.objects.get()
    assert pair.recommended_by_organization == world.department
    page = client.get(detail_url(world)).text
    assert ids(page, "data-proposal") == [pair.pk]
    proposals = client.get(reverse("chains:direction_proposals")).text
    assert ids(proposals, "data-proposal") == [pair.pk]


def test_other_departments_do_not_see_a_departments_proposals(client, world):
    pair = world.recommend()
    services_decline(world, pair, "产品尚未车规认证")
    client.force_login(world.other_gov)

    page = client.get(detail_url(world)).text
    proposals = client.get(reverse("chains:direction_proposals")).text

    assert "data-proposal" not in page and "data-proposal" not in proposals
    assert "产品尚未车规认证" not in page and pair.note not in page
    client.force_login(world.gov)
    own = client.get(detail_url(world)).text
    assert "产品尚未车规认证" in own
    assert 'data-status="declined"' in own


def services_decline(world: World, pair: CandidatePair, reason: str) -> None:
    from chains import services

    services.pair_decline(actor=world.admin, pair=pair, reason=reason)


def test_a_recommendation_with_the_supplier_as_its_own_user_firm_changes_nothing(client, world):
    client.force_login(world.gov)
    before = snapshot()
    response = client.post(
        reverse("chains:direction_recommend", args=[world.direction.pk]),
        recommend_data(world, user_firm=world.supplier.pk),
    )
    assert response.status_code == 200
    assert (
        shown(
            "The application unit is the firm that will use the product, not the supplier itself."
        )
        in response.text
    )
    assert snapshot() == before


def test_a_product_of_another_firm_is_refused_by_the_page(client, world):
    other = PublishedProductFactory(organization=little_giant())
    client.force_login(world.gov)
    before = snapshot()
    response = client.post(
        reverse("chains:direction_recommend", args=[world.direction.pk]),
        recommend_data(world, product=other.pk),
    )
    assert response.status_code == 200 and other.title in response.text
    unpublished = ProductFactory(organization=world.supplier)
    response = client.post(
        reverse("chains:direction_recommend", args=[world.direction.pk]),
        recommend_data(world, product=unpublished.pk),
    )
    assert response.status_code == 200
    assert snapshot() == before


def test_a_closed_direction_takes_no_recommendation(client, world):
    DemonstrationDirection.objects.filter(pk=world.direction.pk).update(
        status=DirectionStatus.CLOSED
    )
    client.force_login(world.gov)
    url = reverse("chains:direction_recommend", args=[world.direction.pk])
    assert client.get(url).status_code == 302
    before = snapshot()
    response = client.post(url, recommend_data(world), follow=True)
    assert shown("Recommendations are taken while the direction collects candidates.") in (
        response.text
    )
    assert snapshot() == before
    assert "data-recommend-form" not in client.get(detail_url(world)).text


@pytest.mark.parametrize("who", ["supplier_admin", "admin", "outsider"])
def test_only_departments_recommend_through_the_page(client, world, who):
    client.force_login(getattr(world, who))
    before = snapshot()
    url = reverse("chains:direction_recommend", args=[world.direction.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, recommend_data(world)).status_code == 404
    assert client.get(reverse("chains:direction_proposals")).status_code == 404
    assert snapshot() == before


# --- filling the call ---------------------------------------------------------------------------


def test_the_handler_fills_the_call_from_the_page(client, world):
    pair = world.shortlisted(product=world.product)
    client.force_login(world.handler)
    page = client.get(detail_url(world)).text
    assert "data-fill " in page or "data-fill\n" in page

    response = client.post(reverse("chains:direction_fill", args=[world.direction.pk]))

    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.status == PairStatus.INVITED
    assert Invitation.objects.get().organization == world.supplier
    public = client.get(detail_url(world)).text
    assert 'data-status="invited"' in public


def test_an_administrator_who_is_not_a_handler_is_told_whom_to_ask(client, world):
    world.shortlisted()
    client.force_login(world.admin)
    page = client.get(detail_url(world)).text
    assert "data-fill-blocked" in page and world.call.issuer.name in page
    before = snapshot()
    client.post(reverse("chains:direction_fill", args=[world.direction.pk]))
    assert snapshot() == before


@pytest.mark.parametrize("who", ["gov", "supplier_admin", None])
def test_others_cannot_fill_the_call(client, world, who):
    world.shortlisted()
    if who:
        client.force_login(getattr(world, who))
    before = snapshot()
    response = client.post(reverse("chains:direction_fill", args=[world.direction.pk]))
    assert response.status_code in (302, 404)
    if who:
        assert response.status_code == 404
    assert snapshot() == before


# --- includes for other pages and the query count ----------------------------------------------


def test_the_chain_and_call_includes_list_the_opened_directions(world):
    from django.template.loader import render_to_string

    draft = draft_direction(world)
    html = render_to_string("chains/_directions_of_chain.html", {"chain": world.chain})
    assert ids(html, "data-direction") == [world.direction.pk]
    assert draft.title not in html
    html = render_to_string("chains/_directions_of_call.html", {"call": world.call})
    assert world.direction.title in html


def test_the_list_and_the_page_run_a_fixed_number_of_queries(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.admin)
    list_url = reverse("chains:direction_list")

    def grow(n: int) -> None:
        from chains import services

        for index in range(n):
            supplier = little_giant()
            services.pair_add(
                actor=world.admin,
                item=world.item,
                supplier=supplier,
                user_firm=world.user_firm,
                source=PairSource.MATCHING,
                note=f"第{index}个",
            )
            draft_direction(world)

    grow(2)
    client.get(list_url)
    with django_assert_max_num_queries(60) as small_list:
        client.get(list_url)
    with django_assert_max_num_queries(60) as small_page:
        client.get(detail_url(world))
    grow(10)
    with django_assert_max_num_queries(len(small_list.captured_queries)):
        assert client.get(list_url).status_code == 200
    with django_assert_max_num_queries(len(small_page.captured_queries)):
        assert client.get(detail_url(world)).status_code == 200
