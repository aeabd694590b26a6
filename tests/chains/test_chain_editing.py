"""Administrators edit chains and nodes and map nodes to GB/T 4754 codes; everyone else is
refused and nothing changes. A node is deleted only when nothing refers to it."""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import OrganizationKind
from catalog.models import ChainNode, IndustryChain, Stage
from chains import services
from chains.models import DemonstrationDirection, DirectionItem
from core.exceptions import InvalidState, NotAllowed
from directories.models import Channel, Recipient
from search.models import OutboxEntry
from tests.chains.map_data import build_map
from tests.factories import (
    AdminUserFactory,
    CallFactory,
    ChainNodeFactory,
    OpenResourceFactory,
    OrganizationFactory,
    PublishedProductFactory,
    ResearchResultFactory,
    UserFactory,
    member_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return AdminUserFactory()


@pytest.fixture
def data():
    return build_map()


def node_form(node=None, **changes):
    values = {
        "name": node.name if node else "新环节",
        "key": node.key if node else "new-node",
        "stage": node.stage if node else Stage.MIDSTREAM,
        "parent": node.parent_id or "" if node else "",
        "description": node.description if node else "",
        "position": node.position if node else 0,
        "industries": " ".join(node.industries.values_list("code", flat=True)) if node else "",
    }
    values.update(changes)
    return values


def snapshot():
    return (
        sorted(IndustryChain.objects.values_list("slug", "name", "description", "position")),
        sorted(
            ChainNode.objects.values_list("pk", "name", "key", "stage", "parent_id", "position")
        ),
        sorted(ChainNode.industries.through.objects.values_list("chainnode_id", "industry_id")),
    )


def errors_of(response, field):
    return [str(error) for error in response.context["form"].errors.get(field, [])]


# --- chains ------------------------------------------------------------------------------------


def test_an_administrator_creates_a_chain_then_adds_a_node_with_codes(client, admin):
    client.force_login(admin)

    response = client.post(
        reverse("chains:chain_create"),
        {
            "name": "工业机器人",
            "slug": "robots",
            "description": "减速器、伺服与本体",
            "position": 4,
        },
    )

    chain = IndustryChain.objects.get(slug="robots")
    assert response["Location"] == reverse("chains:chain_edit", args=["robots"])
    assert (chain.name, chain.description, chain.position) == (
        "工业机器人",
        "减速器、伺服与本体",
        4,
    )
    assert client.get(reverse("chains:chain_create")).status_code == 200
    assert client.get(response["Location"]).status_code == 200

    response = client.post(
        reverse("chains:node_create", args=["robots"]),
        node_form(
            name="精密减速器", key="reducer", stage=Stage.UPSTREAM, industries="3453，3484 3453"
        ),
    )

    assert response.status_code == 302
    node = chain.nodes.get(key="reducer")
    assert (node.name, node.stage, node.parent) == ("精密减速器", Stage.UPSTREAM, None)
    assert sorted(node.industries.values_list("code", flat=True)) == ["3453", "3484"]
    edit_page = client.get(reverse("chains:chain_edit", args=["robots"]))
    assert 'data-node-row="reducer"' in edit_page.text
    node_page = client.get(reverse("chains:node_detail", args=["robots", "reducer"]))
    assert 'data-industry="3453"' in node_page.text


def test_an_administrator_edits_a_chain_and_its_search_documents_follow(client, admin, data):
    client.force_login(admin)
    OutboxEntry.objects.all().delete()

    response = client.post(
        reverse("chains:chain_edit", args=["map-chain"]),
        {"name": "测试链（新）", "slug": "map-chain-2", "description": "", "position": 0},
    )

    assert response["Location"] == reverse("chains:chain_edit", args=["map-chain-2"])
    data.chain.refresh_from_db()
    assert (data.chain.name, data.chain.slug) == ("测试链（新）", "map-chain-2")
    assert client.get(reverse("chains:chain_detail", args=["map-chain-2"])).status_code == 200
    queued = set(OutboxEntry.objects.values_list("doc_type", "object_id"))
    assert ("product", data.products["wafer"].pk) in queued
    assert ("result", data.results["wafer"].pk) in queued
    assert ("call", data.calls["packaging"].pk) in queued


@pytest.mark.parametrize(
    "values, field",
    [
        ({"name": "新链", "slug": "new"}, "slug"),  # reserved for the page
        ({"name": "新链", "slug": "map-chain"}, "slug"),  # taken
        ({"name": "测试链", "slug": "other"}, "name"),  # taken
        ({"name": "新链", "slug": "不是slug"}, "slug"),
        ({"name": "", "slug": "fine"}, "name"),
    ],
)
def test_a_chain_with_a_reserved_taken_or_bad_slug_or_name_is_refused(
    client, admin, data, values, field
):
    client.force_login(admin)
    before = snapshot()

    response = client.post(
        reverse("chains:chain_create"), {"description": "", "position": 0, **values}
    )

    assert response.status_code == 200
    assert errors_of(response, field)
    assert snapshot() == before


# --- nodes ---------------------------------------------------------------------------------------


def test_unknown_gb_t_4754_codes_are_refused_by_name_and_nothing_is_saved(client, admin, data):
    client.force_login(admin)
    before = snapshot()
    wafer = data.nodes["wafer"]

    response = client.post(
        reverse("chains:node_edit", args=["map-chain", wafer.pk]),
        node_form(wafer, name="改名", industries="3985 9999 ZZ"),
    )

    assert response.status_code == 200
    [error] = errors_of(response, "industries")
    assert "9999" in error and "ZZ" in error and "3985" not in error
    assert snapshot() == before
    with pytest.raises(ValidationError):
        services.node_create(
            actor=admin,
            chain=data.chain,
            name="x",
            key="x",
            stage=Stage.UPSTREAM,
            industries=["0000"],
        )
    assert snapshot() == before


def test_renaming_and_moving_a_node_reindexes_what_is_tagged_with_it(client, admin, data):
    client.force_login(admin)
    resist = data.nodes["resist"]
    resource = OpenResourceFactory()
    resource.chain_nodes.add(resist)
    OutboxEntry.objects.all().delete()

    response = client.post(
        reverse("chains:node_edit", args=["map-chain", resist.pk]),
        node_form(
            resist, name="光刻胶与试剂", parent=data.nodes["materials"].pk, industries="3985"
        ),
    )

    assert response["Location"] == reverse("chains:chain_edit", args=["map-chain"])
    resist.refresh_from_db()
    assert resist.name == "光刻胶与试剂"
    assert list(resist.industries.values_list("code", flat=True)) == ["3985"]
    queued = set(OutboxEntry.objects.values_list("doc_type", "object_id"))
    assert queued == {("product", data.products["resist"].pk), ("resource", resource.pk)}

    # Moving it to the top of its stage, then under 硅片.
    OutboxEntry.objects.all().delete()
    services.node_update(actor=admin, **_same(resist, parent=None))
    resist.refresh_from_db()
    assert resist.parent is None
    assert ("product", data.products["resist"].pk) in set(
        OutboxEntry.objects.values_list("doc_type", "object_id")
    )
    services.node_update(actor=admin, **_same(resist, parent=data.nodes["wafer"]))
    resist.refresh_from_db()
    assert resist.parent == data.nodes["wafer"]
    map_html = client.get(reverse("chains:chain_detail", args=["map-chain"])).text
    assert map_html.index('data-node="wafer"') < map_html.index('data-node="resist"')


def _same(node, **changes):
    values = {
        "node": node,
        "name": node.name,
        "key": node.key,
        "stage": node.stage,
        "parent": node.parent,
        "description": node.description,
        "position": node.position,
        "industries": list(node.industries.values_list("code", flat=True)),
    }
    values.update(changes)
    return values


def test_a_node_cannot_be_moved_under_itself_or_its_own_sub_nodes(client, admin, data):
    client.force_login(admin)
    materials, wafer = data.nodes["materials"], data.nodes["wafer"]
    deeper = ChainNodeFactory(chain=data.chain, key="deeper", stage=Stage.UPSTREAM, parent=wafer)
    before = snapshot()

    for parent in (wafer, deeper):
        response = client.post(
            reverse("chains:node_edit", args=["map-chain", materials.pk]),
            node_form(materials, parent=parent.pk),
        )
        assert response.status_code == 200
        assert errors_of(response, "parent")
    with pytest.raises(ValidationError) as refused:
        services.node_update(actor=admin, **_same(materials, parent=materials))
    assert "parent" in refused.value.error_dict
    assert snapshot() == before


def test_a_sub_node_keeps_its_parents_stage_and_a_parents_stage_carries_its_sub_nodes(admin, data):
    materials, wafer = data.nodes["materials"], data.nodes["wafer"]
    before = snapshot()

    with pytest.raises(ValidationError) as refused:
        services.node_update(actor=admin, **_same(wafer, stage=Stage.DOWNSTREAM))
    assert "stage" in refused.value.error_dict
    assert snapshot() == before

    services.node_update(actor=admin, **_same(materials, stage=Stage.MIDSTREAM))
    assert set(materials.children.values_list("stage", flat=True)) == {Stage.MIDSTREAM}


def test_a_node_of_another_chain_cannot_be_a_parent(admin, data):
    stranger = ChainNodeFactory(stage=Stage.UPSTREAM)

    with pytest.raises(ValidationError) as refused:
        services.node_update(actor=admin, **_same(data.nodes["wafer"], parent=stranger))

    assert "parent" in refused.value.error_dict


@pytest.mark.parametrize("key", ["all", "edit", "wafer", "Bad Key"])
def test_a_reserved_taken_or_malformed_key_is_refused(client, admin, data, key):
    client.force_login(admin)
    before = snapshot()

    response = client.post(reverse("chains:node_create", args=["map-chain"]), node_form(key=key))

    assert response.status_code == 200
    assert errors_of(response, "key")
    assert snapshot() == before


def test_the_add_node_page_starts_under_the_parent_it_was_opened_from(client, admin, data):
    client.force_login(admin)
    wafer = data.nodes["wafer"]

    response = client.get(reverse("chains:node_create", args=["map-chain"]), {"parent": wafer.pk})

    assert response.context["form"].initial == {"parent": wafer.pk, "stage": Stage.UPSTREAM}
    hostile = client.get(reverse("chains:node_create", args=["map-chain"]), {"parent": "x" * 40})
    assert hostile.status_code == 200


# --- deleting ------------------------------------------------------------------------------------


def test_an_unused_node_is_deleted(client, admin, data):
    client.force_login(admin)
    spare = ChainNodeFactory(chain=data.chain, key="spare", stage=Stage.DOWNSTREAM)

    response = client.post(reverse("chains:node_delete", args=["map-chain", spare.pk]))

    assert response["Location"] == reverse("chains:chain_edit", args=["map-chain"])
    assert not ChainNode.objects.filter(pk=spare.pk).exists()


def _refer(kind, node):
    if kind == "product":
        PublishedProductFactory().chain_nodes.add(node)
    elif kind == "result":
        ResearchResultFactory().chain_nodes.add(node)
    elif kind == "call":
        CallFactory().chain_nodes.add(node)
    elif kind == "child":
        ChainNodeFactory(chain=node.chain, parent=node, stage=node.stage)
    elif kind == "direction_item":
        direction = DemonstrationDirection.objects.create(
            chain=node.chain, title="示范方向", summary="…", year=2025
        )
        DirectionItem.objects.create(
            direction=direction, kind="product", name="关键产品", chain_node=node
        )
    elif kind == "recipient":
        recipient = Recipient.objects.create(
            organization=OrganizationFactory(kind=OrganizationKind.LEAD), channel=Channel.SASAC
        )
        recipient.chain_nodes.add(node)


@pytest.mark.parametrize(
    "kind", ["product", "result", "call", "child", "direction_item", "recipient"]
)
def test_a_node_something_refers_to_is_not_deleted(client, admin, kind):
    node = ChainNodeFactory(name="被引用的环节", stage=Stage.UPSTREAM)
    _refer(kind, node)
    client.force_login(admin)
    before = snapshot()

    response = client.post(reverse("chains:node_delete", args=[node.chain.slug, node.pk]))

    assert response.status_code == 302
    [message] = list(get_messages(response.wsgi_request))
    assert message.level_tag == "error"
    assert "被引用的环节" in message.message
    assert snapshot() == before
    with pytest.raises(InvalidState):
        services.node_delete(actor=admin, node=node)


# --- refusals ------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["member", "government", "user"])
def test_editing_is_not_found_for_anyone_but_administrators_and_changes_nothing(client, data, who):
    if who == "member":
        user = member_of(OrganizationFactory())
    elif who == "government":
        user = member_of(OrganizationFactory(kind=OrganizationKind.GOVERNMENT))
    else:
        user = UserFactory()
    client.force_login(user)
    wafer = data.nodes["wafer"]
    before = snapshot()

    pages = [
        ("get", reverse("chains:chain_create"), {}),
        ("post", reverse("chains:chain_create"), {"name": "新链", "slug": "x1", "position": 0}),
        ("get", reverse("chains:chain_edit", args=["map-chain"]), {}),
        ("post", reverse("chains:chain_edit", args=["map-chain"]), {"name": "改", "slug": "x2"}),
        ("get", reverse("chains:node_create", args=["map-chain"]), {}),
        ("post", reverse("chains:node_create", args=["map-chain"]), node_form()),
        ("get", reverse("chains:node_edit", args=["map-chain", wafer.pk]), {}),
        (
            "post",
            reverse("chains:node_edit", args=["map-chain", wafer.pk]),
            node_form(wafer, name="改"),
        ),
        ("post", reverse("chains:node_delete", args=["map-chain", data.nodes["uses"].pk]), {}),
    ]
    for method, url, values in pages:
        assert getattr(client, method)(url, values).status_code == 404, url
    assert snapshot() == before
    with pytest.raises(NotAllowed):
        services.chain_create(actor=user, name="新链", slug="x3")
    with pytest.raises(NotAllowed):
        services.node_delete(actor=user, node=data.nodes["uses"])
    assert snapshot() == before


def test_a_visitor_is_sent_to_sign_in(client, data):
    response = client.get(reverse("chains:chain_edit", args=["map-chain"]))

    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_a_node_of_another_chain_is_not_found_from_this_chains_edit_urls(client, admin, data):
    client.force_login(admin)
    stranger = ChainNodeFactory()

    assert (
        client.get(reverse("chains:node_edit", args=["map-chain", stranger.pk])).status_code == 404
    )
    assert client.get(reverse("chains:chain_edit", args=["nothing"])).status_code == 404
