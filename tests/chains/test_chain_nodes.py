"""A node's page (按产业链梳理小巨人): its little giants with their batch, province and products
on the node, its 专精特新 firms, products, results, open calls and GB/T 4754 codes; and the
export of its little giants."""

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import QualificationLevel
from chains import selectors
from reference.models import Industry
from tests.chains.map_data import build_map, firm, product_on
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    return build_map()


def node_url(data, key, name="chains:node_detail"):
    return reverse(name, args=[data.chain.slug, key])


def rows(html, record):
    """The organization ids of the firm rows of one table, in order."""
    return [
        int(pk) for pk in re.findall(rf'data-record="{record}" data-organization="(\d+)"', html)
    ]


def test_a_node_lists_its_little_giants_with_batch_year_province_and_products(client, data):
    response = client.get(node_url(data, "materials"))

    assert response.status_code == 200
    html = response.text
    giant = data.firms["giant_js"]
    assert rows(html, "little_giant") == [giant.pk]
    section = html[html.index('id="little-giants"') : html.index('id="srdi-firms"')]
    assert giant.name in section
    assert "第五批 · 2023" in section
    assert "第九批" not in section  # not verified
    assert giant.get_province_display() in section
    assert data.products["wafer"].title in section
    assert "草稿硅片" not in html
    assert rows(html, "srdi_firm") == [data.firms["srdi_js"].pk]


def test_a_node_lists_its_products_results_and_open_calls(client, data):
    html = client.get(node_url(data, "wafer")).text

    assert data.products["wafer"].title in html
    assert data.results["wafer"].title in html
    assert "草稿成果" not in html
    assert data.calls["wafer_gd"].title in html
    assert data.calls["wafer_gd"].get_absolute_url() in html


def test_the_province_filter_applies_to_the_node_page(client, data):
    html = client.get(node_url(data, "wafer"), {"province": "44"}).text

    assert rows(html, "little_giant") == []
    assert data.calls["wafer_gd"].title in html
    assert "data-gap" in html  # for Guangdong the node is a gap
    html = client.get(node_url(data, "wafer"), {"province": "32"}).text
    assert data.calls["wafer_gd"].title not in html
    assert rows(html, "little_giant") == [data.firms["giant_js"].pk]


def test_a_node_shows_its_gb_t_4754_codes_with_their_names(client, data):
    node = data.nodes["wafer"]
    node.industries.set([Industry.objects.get(code="3985"), Industry.objects.get(code="C")])

    html = client.get(node_url(data, "wafer")).text

    for code in ("3985", "C"):
        industry = Industry.objects.get(code=code)
        assert f'data-industry="{code}">{code} {industry.name}<' in html
    map_html = client.get(reverse("chains:chain_detail", args=[data.chain.slug])).text
    assert "3985" in map_html


def test_the_selector_records_are_the_ones_the_map_counts(data):
    chain_map = selectors.chain_map(data.chain, province="32")
    tiles = {}

    def walk(each):
        for tile in each:
            tiles[tile.node.key] = tile
            walk(tile.children)

    for _stage, _label, roots in chain_map.stages:
        walk(roots)
    for key, node in data.nodes.items():
        records = selectors.node_records(data.chain, node, province="32")
        tile = tiles[key]
        assert records.counts() == {
            "little_giants": tile.little_giants,
            "srdi_firms": tile.srdi_firms,
            "products": tile.products,
            "results": tile.results,
            "calls": tile.calls,
        }
        assert records.is_gap == tile.is_gap


# --- export ---------------------------------------------------------------------------------------


def workbook(response):
    return load_workbook(io.BytesIO(response.content)).active


def test_a_signed_in_user_exports_the_little_giants_of_a_node(client, data):
    other = firm('=HYPERLINK("http://x")科技', QualificationLevel.NATIONAL, "32")
    product_on(data.nodes["resist"], other, "+1光刻胶")
    client.force_login(UserFactory())
    page = client.get(node_url(data, "materials"))
    assert node_url(data, "materials", "chains:node_export") in page.text

    response = client.get(node_url(data, "materials", "chains:node_export"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    sheet = workbook(response)
    values = list(sheet.iter_rows(values_only=True))
    assert len(values) == 3  # the headings and two little giants
    by_name = {row[1]: row for row in values[1:]}
    giant = by_name[data.firms["giant_js"].name]
    assert giant[0] in (1, 2)
    assert giant[4:7] == ("第五批", 2023, "工业和信息化部")
    assert giant[7] == data.products["wafer"].title
    evil = by_name['\'=HYPERLINK("http://x")科技']  # shown as typed, never computed
    assert evil[7] == "'+1光刻胶"


def test_the_export_follows_the_province_filter(client, data):
    client.force_login(UserFactory())

    response = client.get(node_url(data, "making", "chains:node_export"), {"province": "32"})

    assert [row[1] for row in workbook(response).iter_rows(min_row=2, values_only=True)] == []
    response = client.get(node_url(data, "making", "chains:node_export"), {"province": "44"})
    names = [row[1] for row in workbook(response).iter_rows(min_row=2, values_only=True)]
    assert names == [data.firms["giant_gd"].name]


def test_the_export_asks_a_visitor_to_sign_in(client, data):
    response = client.get(node_url(data, "materials", "chains:node_export"))

    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    page = client.get(node_url(data, "materials"))
    assert "data-export" not in page.text


def test_exporting_an_unknown_node_is_not_found(client, data):
    client.force_login(UserFactory())

    assert client.get(node_url(data, "nothing", "chains:node_export")).status_code == 404
