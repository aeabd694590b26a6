"""The search page as a visitor uses it: paging, facets, model numbers, English words, and
an index that went missing or broke while the site ran."""

import html
import re
import shutil
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from catalog.models import ListingStatus, Maturity, ResourceKind
from challenges.models import CallKind
from search import engines, outbox
from search.engines.tantivy_engine import schema_directory
from tests.factories import (
    CallFactory,
    OpenResourceFactory,
    OrganizationFactory,
    ProductFactory,
    ResearchResultFactory,
)

pytestmark = pytest.mark.django_db
PUBLISHED = ListingStatus.PUBLISHED
SEARCH = reverse("search:search")


def index(*records):
    for record in records:
        name = getattr(record, "listing_type", None) or (
            "call" if record.__class__.__name__ == "Call" else "organization"
        )
        outbox.index_later(name, record.pk)
    outbox.drain()


def found(response) -> list[str]:
    return [row.hit.id for row in response.context["page"].rows]


def facet(response, name) -> dict[str, tuple[str, int, bool]]:
    """{value: (label, count, ticked)} of one facet as the page shows it."""
    for facet_name, _title, options in response.context["page"].facets:
        if facet_name == name:
            return {value: (label, count, ticked) for value, label, count, ticked in options}
    return {}


def next_link(response) -> str | None:
    match = re.search(r'href="\?([^"]*)" rel="next"', response.text)
    return html.unescape(match.group(1)) if match else None


# --- paging -----------------------------------------------------------------------------------


@pytest.mark.parametrize("sort", ["newest", "relevance"])
def test_paging_records_of_every_type_published_together_skips_and_repeats_nothing(client, sort):
    # given products, results and resources published in the same second, whose pks agree
    # modulo 1000 (three records per second and pk: a page of 20 ends inside such a group)
    same = timezone.now().replace(microsecond=0)
    maker = OrganizationFactory(verified_at=same)
    records = [
        factory(pk=base + n, organization=maker, status=PUBLISHED, published_at=same)
        for factory, base in (
            (ProductFactory, 1001),
            (ResearchResultFactory, 2001),
            (OpenResourceFactory, 3001),
        )
        for n in range(17)
    ]
    index(*records, maker)
    # when the visitor follows "next" to the end
    seen, query, pages = [], f"sort={sort}", 0
    while query is not None:
        response = client.get(f"{SEARCH}?{query}")
        assert response.status_code == 200
        seen.extend(found(response))
        query, pages = next_link(response), pages + 1
        assert pages <= 5
    # then every record was shown exactly once
    expected = {f"{r.listing_type}:{r.pk}" for r in records} | {f"organization:{maker.pk}"}
    assert len(seen) == len(set(seen)) == len(expected) == 52
    assert set(seen) == expected
    assert pages == 3


def test_paging_calls_by_deadline_skips_nothing_when_deadlines_coincide(client):
    deadline = (timezone.now() + timedelta(days=30)).replace(microsecond=0)
    issuer = OrganizationFactory()
    calls = [
        CallFactory(pk=base + n, issuer=issuer, deadline=deadline)
        for base in (1, 1001, 2001)  # three calls per deadline and pk modulo 1000
        for n in range(15)
    ]
    index(*calls)
    seen, query = [], "sort=deadline"
    while query is not None:
        response = client.get(f"{SEARCH}?{query}")
        seen.extend(found(response))
        query = next_link(response)
    assert len(seen) == len(calls)
    assert sorted(seen) == sorted(f"call:{call.pk}" for call in calls)


def test_no_lone_page_number_on_an_empty_result_or_a_single_page(client):
    maker = OrganizationFactory()
    index(*[ProductFactory(organization=maker, status=PUBLISHED) for _ in range(3)])
    empty = client.get(SEARCH, {"q": "不存在的词语"})
    assert found(empty) == []
    assert 'class="pagination"' not in empty.text
    single = client.get(SEARCH, {"q": "碳化硅"})
    assert len(found(single)) == 4  # and the maker's profile
    assert 'class="pagination"' not in single.text
    assert 'class="current"' not in single.text


def test_pages_are_numbered_when_there_is_more_than_one(client):
    maker = OrganizationFactory()
    index(*[ProductFactory(organization=maker, status=PUBLISHED) for _ in range(21)])
    first = client.get(SEARCH, {"q": "碳化硅"})
    assert '<span class="current">1</span>' in first.text and 'rel="next"' in first.text
    second = client.get(SEARCH, {"q": "碳化硅", "page": 2})
    assert 'rel="prev"' in second.text and 'rel="next"' not in second.text
    newest = client.get(SEARCH, {"q": "碳化硅", "sort": "newest"})
    last = client.get(f"{SEARCH}?{next_link(newest)}")
    # 21 products and the maker's profile: 2 on the last page, which has no next page
    assert len(found(last)) == 2 and 'class="pagination"' not in last.text


def test_exactly_one_full_date_sorted_page_offers_no_next_page(client):
    maker = OrganizationFactory()
    index(*[ProductFactory(organization=maker, status=PUBLISHED) for _ in range(20)])
    response = client.get(SEARCH, {"q": "碳化硅", "sort": "newest", "type": "product"})
    assert len(found(response)) == 20
    assert next_link(response) is None


def test_the_count_of_mixed_hits_does_not_call_them_research_results(client):
    maker = OrganizationFactory()
    index(
        ProductFactory(organization=maker, status=PUBLISHED),
        ResearchResultFactory(organization=maker, status=PUBLISHED),
        CallFactory(title="碳化硅模块攻关"),
    )
    response = client.get(SEARCH, {"q": "碳化硅"})
    assert response.context["page"].results.total == 4  # with the maker's profile
    assert "项成果" not in response.text
    client.cookies["django_language"] = "en"
    english = client.get(SEARCH, {"q": "碳化硅"})
    assert "Found 4 results" in english.text


# --- facets -----------------------------------------------------------------------------------


def test_the_type_facet_holds_record_types_and_kinds_have_facets_of_their_own(client):
    maker = OrganizationFactory()
    index(
        CallFactory(title="碳化硅模块攻关", kind=CallKind.COMPETITION),
        ResearchResultFactory(organization=maker, status=PUBLISHED, maturity=Maturity.LAB),
        OpenResourceFactory(organization=maker, status=PUBLISHED, kind=ResourceKind.LAB),
    )
    response = client.get(SEARCH, {"q": "碳化硅"})
    assert set(facet(response, "type")) == {"call", "result", "resource", "organization"}
    # "lab" is both a maturity and a kind of resource: two facets, two labels
    assert facet(response, "maturity") == {"lab": (str(Maturity.LAB.label), 1, False)}
    assert facet(response, "resource_kind") == {"lab": (str(ResourceKind.LAB.label), 1, False)}
    assert facet(response, "call_kind") == {
        "competition": (str(CallKind.COMPETITION.label), 1, False)
    }
    titles = {name: str(title) for name, title, _options in response.context["page"].facets}
    assert len({titles["maturity"], titles["resource_kind"], titles["call_kind"]}) == 3
    assert "kind" not in titles
    for name in ("type", "call_kind", "resource_kind", "maturity"):
        assert f'name="{name}"' in response.text  # checkboxes a visitor can combine


def test_ticking_a_type_keeps_the_counts_of_the_others(client):
    maker = OrganizationFactory(province="33")
    elsewhere = OrganizationFactory(province="32")
    products = [
        ProductFactory(organization=maker, status=PUBLISHED),
        ProductFactory(organization=elsewhere, status=PUBLISHED),
    ]
    result = ResearchResultFactory(organization=maker, status=PUBLISHED)
    call = CallFactory(title="碳化硅模块攻关", issuer=elsewhere)
    index(*products, result, call)
    response = client.get(SEARCH, {"q": "碳化硅", "type": "product"})
    assert sorted(found(response)) == sorted(f"product:{p.pk}" for p in products)
    types = facet(response, "type")
    assert types["product"][1:] == (2, True)
    assert types["result"][1:] == (1, False) and types["call"][1:] == (1, False)
    # the province facet counts under the ticked type
    assert {value: count for value, (_l, count, _t) in facet(response, "province").items()} == {
        "33": 1,
        "32": 1,
    }


def test_values_of_one_facet_combine_with_or_and_facets_with_and(client):
    maker = OrganizationFactory(province="33")
    elsewhere = OrganizationFactory(province="32")
    mine = ProductFactory(organization=maker, status=PUBLISHED)
    theirs = ProductFactory(organization=elsewhere, status=PUBLISHED)
    result = ResearchResultFactory(organization=maker, status=PUBLISHED)
    call = CallFactory(title="碳化硅模块攻关", issuer=elsewhere)
    index(mine, theirs, result, call)
    either = client.get(f"{SEARCH}?q=碳化硅&type=product&type=result")
    assert sorted(found(either)) == sorted(
        [f"product:{mine.pk}", f"product:{theirs.pk}", f"result:{result.pk}"]
    )
    both = client.get(f"{SEARCH}?q=碳化硅&type=product&type=result&province=33")
    assert sorted(found(both)) == sorted([f"product:{mine.pk}", f"result:{result.pk}"])
    assert "call" not in facet(both, "type")  # the call's issuer is elsewhere
    assert facet(both, "province")["32"][1] == 1  # the other product, were it ticked too
    assert 'value="product" checked' in both.text and 'value="result" checked' in both.text


# --- words ------------------------------------------------------------------------------------


def test_part_of_a_model_number_finds_the_product(client):
    product = ProductFactory(
        title="WLBI-300晶圆级老化测试系统", summary="晶圆级老化", keywords=[], status=PUBLISHED
    )
    index(product)
    for query in ("WLBI", "wlbi-300", "ＷＬＢＩ－３００", "WLBI300"):
        response = client.get(SEARCH, {"q": query})
        assert f"product:{product.pk}" in found(response), query
    assert "<mark>WLBI</mark>" in client.get(SEARCH, {"q": "WLBI"}).text


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("battery", "动力电池液冷板"),
        ("batteries", "储能电池簇"),
        ("integrated circuits", "车规级芯片设计服务"),
        ("machine tools", "五轴数控机床"),
        ("sensor", "MEMS压力传感器"),
        ("hydrogen", "氢能重卡示范"),
        ("photovoltaic", "光伏组件清洗机器人"),
    ],
)
def test_english_words_find_chinese_records(client, query, title):
    product = ProductFactory(title=title, summary="", description="", keywords=[], status=PUBLISHED)
    index(product)
    assert f"product:{product.pk}" in found(client.get(SEARCH, {"q": query}))


# --- an index gone or broken while the site runs ----------------------------------------------


def test_a_deleted_index_answers_with_no_results_and_is_filled_again(client, settings):
    product = ProductFactory(title="车规级碳化硅功率模块", status=PUBLISHED)
    index(product)
    assert f"product:{product.pk}" in found(client.get(SEARCH, {"q": "碳化硅"}))
    # someone deletes the index directory while the server runs
    shutil.rmtree(settings.SEARCH_INDEX_DIR)
    response = client.get(SEARCH, {"q": "碳化硅"})
    assert response.status_code == 200
    assert found(response) == []
    assert schema_directory(settings.SEARCH_INDEX_DIR).joinpath("meta.json").exists()
    # the outbox fills the new index, and a rebuild restores the rest
    index(product)
    assert f"product:{product.pk}" in found(client.get(SEARCH, {"q": "碳化硅"}))
    shutil.rmtree(settings.SEARCH_INDEX_DIR)
    call_command("rebuild_index", "--quiet", "--workers", "1")  # sees this test's data
    assert f"product:{product.pk}" in found(client.get(SEARCH, {"q": "碳化硅"}))


def test_rebuild_index_replaces_a_corrupted_index(client, settings, monkeypatch):
    product = ProductFactory(title="车规级碳化硅功率模块", status=PUBLISHED)
    index(product)
    schema_directory(settings.SEARCH_INDEX_DIR).joinpath("meta.json").write_text("{broken")
    monkeypatch.setattr(engines, "_engines", {})  # a process started after the damage
    broken = client.get(SEARCH, {"q": "碳化硅"})
    assert broken.status_code == 200 and broken.context["unavailable"]
    call_command("rebuild_index", "--quiet", "--workers", "1")  # sees this test's data
    response = client.get(SEARCH, {"q": "碳化硅"})
    assert not response.context["unavailable"]
    assert f"product:{product.pk}" in found(response)
