"""The chain map (measure 十): the chain list, a chain's map by stage with counts and gaps,
the province filter, and the records behind every count."""

import pytest
from django.urls import reverse

from catalog.models import ListingStatus, Stage
from chains import selectors
from tests.chains.map_data import RECORD_OF, build_map, gaps_of, map_counts, records_shown
from tests.factories import (
    AdminUserFactory,
    ChainNodeFactory,
    IndustryChainFactory,
    ProductFactory,
    PublishedProductFactory,
)

pytestmark = pytest.mark.django_db

KINDS = tuple(RECORD_OF)


@pytest.fixture
def data():
    return build_map()


def map_url(data):
    return reverse("chains:chain_detail", args=[data.chain.slug])


def counts_of(client, data, province=""):
    query = {"province": province} if province else {}
    response = client.get(map_url(data), query)
    assert response.status_code == 200
    return response, map_counts(response.text)


def test_the_chain_list_links_each_chain_to_its_map(client, data):
    response = client.get(reverse("chains:chain_list"))

    assert response.status_code == 200
    assert "测试链" in response.text
    assert data.chain.get_absolute_url() == "/chains/map-chain/"
    assert 'href="/chains/map-chain/"' in response.text


def test_the_map_lays_the_nodes_out_by_stage_with_children_nested(client, data):
    response = client.get(map_url(data))

    html = response.text
    upstream = html.index('data-stage="upstream"')
    midstream = html.index('data-stage="midstream"')
    downstream = html.index('data-stage="downstream"')
    assert upstream < html.index('data-node="materials"') < html.index('data-node="wafer"')
    assert html.index('data-node="resist"') < midstream < html.index('data-node="packaging"')
    assert downstream < html.index('data-node="uses"')


def test_each_tile_counts_what_is_on_the_node_and_its_sub_nodes(client, data):
    _response, counts = counts_of(client, data)

    def tile(key):
        return tuple(counts[(key, kind)][0] for kind in KINDS)

    # little giants, SRDI firms, products, results, open calls
    assert tile("wafer") == (1, 0, 1, 1, 1)
    assert tile("resist") == (0, 1, 1, 0, 0)
    assert tile("materials") == (1, 1, 2, 1, 1)
    assert tile("packaging") == (1, 0, 1, 0, 1)
    assert tile("making") == (1, 0, 2, 0, 1)
    assert tile("uses") == (0, 0, 0, 0, 0)


def test_every_count_links_to_as_many_records_as_it_says(client, data):
    for province in ("", "32", "44"):
        _response, counts = counts_of(client, data, province)
        assert len(counts) == 6 * len(KINDS)
        for (key, kind), (count, href) in counts.items():
            page = client.get(href)
            assert page.status_code == 200
            assert records_shown(page.text, kind) == count, (province, key, kind)
            if province:
                assert f"province={province}" in href


def test_a_node_with_no_little_giant_and_no_srdi_firm_is_marked_as_a_gap(client, data):
    response, _counts = counts_of(client, data)

    assert gaps_of(response.text) == {"uses"}
    assert "chain-gap" in response.text
    assert 'data-total="gaps"><b>1</b>' in response.text


def test_the_province_filter_recomputes_every_count_and_the_gaps(client, data):
    response, counts = counts_of(client, data, "32")

    assert counts[("wafer", "little_giants")][0] == 1
    assert counts[("wafer", "calls")][0] == 0  # the call is open to Guangdong only
    assert counts[("packaging", "little_giants")][0] == 0  # the Guangdong firm is filtered out
    assert counts[("packaging", "calls")][0] == 1  # a nationwide call
    assert counts[("making", "products")][0] == 1  # the unqualified firm's product stays
    assert gaps_of(response.text) == {"uses", "packaging", "making"}
    assert 'value="32" selected' in response.text

    response, counts = counts_of(client, data, "44")
    assert counts[("wafer", "calls")][0] == 1
    assert counts[("wafer", "results")][0] == 0  # the university is in Jiangsu
    assert gaps_of(response.text) == {"uses", "materials", "wafer", "resist"}


def test_an_unknown_province_is_ignored(client, data):
    _response, counts = counts_of(client, data, "99")

    assert counts[("packaging", "little_giants")][0] == 1


def test_the_totals_count_distinct_records_and_link_to_them(client, data):
    for province in ("", "32"):
        response, _counts = counts_of(client, data, province)
        chain_map = selectors.chain_map(data.chain, province=province)
        records = client.get(
            reverse("chains:chain_records", args=[data.chain.slug]),
            {"province": province} if province else {},
        )
        assert records.status_code == 200
        for kind in KINDS:
            total = chain_map.totals[kind]
            assert f'data-total="{kind}"\n    ><b>{total}</b>' in response.text
            assert records_shown(records.text, kind) == total
    assert selectors.chain_map(data.chain).totals == {
        "little_giants": 2,
        "srdi_firms": 1,
        "products": 4,
        "results": 1,
        "calls": 2,
    }


def test_a_draft_product_or_an_unpublished_listing_never_counts(client, data):
    ProductFactory(organization=data.firms["srdi_js"], status=ListingStatus.PENDING_REVIEW)
    node = data.nodes["uses"]
    ProductFactory(organization=data.firms["srdi_js"]).chain_nodes.add(node)

    _response, counts = counts_of(client, data)

    assert counts[("uses", "srdi_firms")][0] == 0
    assert counts[("uses", "products")][0] == 0


def test_publishing_a_firm_product_on_a_gap_fills_it(client, data):
    PublishedProductFactory(organization=data.firms["srdi_js"]).chain_nodes.add(data.nodes["uses"])

    response, counts = counts_of(client, data)

    assert counts[("uses", "srdi_firms")][0] == 1
    assert "uses" not in gaps_of(response.text)


def test_an_administrator_sees_the_edit_link_and_others_do_not(client, data):
    edit = reverse("chains:chain_edit", args=[data.chain.slug])
    assert edit not in client.get(map_url(data)).text
    client.force_login(AdminUserFactory())
    assert edit in client.get(map_url(data)).text


# --- carried over from the catalog's chain pages ------------------------------------------------


def test_a_chain_page_shows_its_nodes_and_what_is_listed_on_them(client):
    chain = IndustryChainFactory(name="集成电路产业链")
    node = ChainNodeFactory(chain=chain, name="功率器件封装", stage=Stage.MIDSTREAM)
    product = PublishedProductFactory()
    product.chain_nodes.add(node)
    ProductFactory(title="草稿产品").chain_nodes.add(node)

    response = client.get(reverse("chains:chain_detail", args=[chain.slug]))

    assert response.status_code == 200
    assert "集成电路产业链" in response.text
    assert "功率器件封装" in response.text
    assert "草稿产品" not in response.text
    node_page = client.get(reverse("chains:node_detail", args=[chain.slug, node.key]))
    assert product.organization.name in node_page.text


def test_an_unknown_chain_or_node_is_not_found(client, data):
    assert client.get(reverse("chains:chain_detail", args=["no-such-chain"])).status_code == 404
    assert client.get(reverse("chains:chain_records", args=["no-such-chain"])).status_code == 404
    missing = reverse("chains:node_detail", args=[data.chain.slug, "no-such-node"])
    assert client.get(missing).status_code == 404
    other_chain = IndustryChainFactory()
    wrong_chain = reverse("chains:node_detail", args=[other_chain.slug, "wafer"])
    assert client.get(wrong_chain).status_code == 404
