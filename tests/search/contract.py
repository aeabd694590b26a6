"""Engine contract: what every search engine must do, run against tantivy in the normal
suite and against a live Elasticsearch in tests/integration when one is configured."""

from datetime import UTC, datetime, timedelta

from search.analysis import get_analyzer
from search.documents import SearchDocument
from search.engines.base import Change, SearchQuery

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def doc(
    type_,
    pk,
    title,
    body="",
    *,
    province="32",
    days=0,
    deadline=None,
    trl=None,
    qualification="none",
    nodes=(),
    call_kind=None,
    version=1,
    published_at=None,
):
    document = SearchDocument(
        type=type_,
        pk=pk,
        title=title,
        body=body,
        url=f"/{type_}/{pk}/",
        summary=body[:60],
        organization=f"机构{pk}",
        organization_id=100 + pk,
        published_at=published_at or T0 + timedelta(days=days),
        deadline=deadline,
        trl=trl,
        facets={
            "province": [province],
            "qualification": [qualification],
            "chain_node": [str(n) for n in nodes],
            **({"call_kind": [call_kind]} if call_kind else {}),
        },
    )
    analyzer = get_analyzer()
    document.title_terms = analyzer.terms(title)
    document.body_terms = analyzer.terms(body)
    document.version = version
    return document


def corpus():
    return [
        doc(
            "product",
            1,
            "车规级碳化硅功率模块",
            "银烧结双面散热，适用于800V电驱",
            days=1,
            qualification="national",
            nodes=[7],
        ),
        doc("product", 2, "动力电池液冷板", "新能源汽车电池包热管理", province="34", days=2),
        doc(
            "result", 3, "碳化硅栅氧可靠性工艺", "高温氮化退火降低界面态", trl=6, days=3, nodes=[7]
        ),
        doc("result", 4, "锂电池正极材料包覆", "磷酸锰铁锂表面包覆", trl=4, province="44", days=4),
        doc(
            "call",
            5,
            "碳化硅模块封装攻关",
            "征集银烧结封装方案",
            days=5,
            deadline=T0 + timedelta(days=40),
            call_kind="challenge",
        ),
        doc(
            "call",
            6,
            "电池热管理一条龙示范",
            "热泵与液冷",
            days=6,
            deadline=T0 + timedelta(days=20),
            call_kind="demonstration",
        ),
    ]


def load(engine):
    engine.apply([Change(d.id, d.version, d) for d in corpus()])


def terms(text):
    return {t: 1.0 for t in get_analyzer().query_terms(text)}


def check_relevance_and_highlight_terms(engine):
    load(engine)
    result = engine.search(SearchQuery(terms=terms("碳化硅"), facets=["type", "province"]))
    assert {h.id for h in result.hits} == {"product:1", "result:3", "call:5"}
    assert result.total == 3
    assert dict(result.facets["type"]) == {"product": 1, "result": 1, "call": 1}
    assert dict(result.facets["province"]) == {"32": 3}
    # a title match outranks a body-only match
    body_only = engine.search(SearchQuery(terms=terms("银烧结")))
    assert body_only.hits[0].id in {"product:1", "call:5"}


def check_synonyms_and_width_folding(engine):
    load(engine)
    for query in ("SiC", "ＳｉＣ", "sic", "silicon carbide"):
        ids = {h.id for h in engine.search(SearchQuery(terms=terms(query))).hits}
        assert "product:1" in ids, query
    batteries = {h.id for h in engine.search(SearchQuery(terms=terms("battery"))).hits}
    assert {"product:2", "result:4", "call:6"} <= batteries


def check_part_of_a_model_number_finds_the_record(engine):
    load(engine)
    tester = doc("product", 9, "WLBI-300晶圆级老化测试系统", "支持8英寸晶圆")
    engine.apply([Change(tester.id, 1, tester)])
    for query in ("WLBI", "WLBI-300", "wlbi300"):
        ids = [h.id for h in engine.search(SearchQuery(terms=terms(query))).hits]
        assert ids == ["product:9"], query


def check_filters_ranges_and_exclusion(engine):
    load(engine)
    products = engine.search(SearchQuery(filters={"type": ["product"], "province": ["34"]}))
    assert [h.id for h in products.hits] == ["product:2"]
    mature = engine.search(SearchQuery(filters={"type": ["result"]}, ranges={"trl": (5, None)}))
    assert [h.id for h in mature.hits] == ["result:3"]
    open_calls = engine.search(
        SearchQuery(
            filters={"type": ["call"]}, ranges={"deadline": (T0 + timedelta(days=30), None)}
        )
    )
    assert [h.id for h in open_calls.hits] == ["call:5"]
    excluded = engine.search(SearchQuery(terms=terms("碳化硅"), exclude_ids=["product:1"]))
    assert "product:1" not in {h.id for h in excluded.hits}


def check_minimum_should_match(engine):
    load(engine)
    both = engine.search(SearchQuery(terms=terms("碳化硅 电池"), minimum_should_match=2))
    assert both.total == 0
    either = engine.search(SearchQuery(terms=terms("碳化硅 电池"), minimum_should_match=1))
    assert either.total >= 4


def check_sorting_and_search_after(engine):
    load(engine)
    first = engine.search(SearchQuery(sort="newest", limit=4))
    assert [h.id for h in first.hits] == ["call:6", "call:5", "result:4", "result:3"]
    rest = engine.search(SearchQuery(sort="newest", limit=4, search_after=first.next_after))
    assert [h.id for h in rest.hits] == ["product:2", "product:1"]
    by_deadline = engine.search(SearchQuery(sort="deadline", filters={"type": ["call"]}))
    assert [h.id for h in by_deadline.hits] == ["call:6", "call:5"]


def _page_through(engine, query, limit):
    seen, after = [], None
    for _page in range(100):
        query.limit, query.search_after = limit, after
        result = engine.search(query)
        seen.extend(hit.id for hit in result.hits)
        if len(result.hits) < limit:
            return seen
        after = result.next_after
    raise AssertionError("paging did not end")


def check_date_paging_never_skips_records_sharing_a_date(engine):
    # Every type, with pks that agree modulo 1000, all published at the same second and
    # (calls) due at the same second: nothing but the type and the pk tells them apart.
    same = T0 + timedelta(days=3)
    documents = [
        doc(type_, pk, f"同一时刻{type_}{pk}", published_at=same, deadline=same)
        for type_ in ("call", "product", "result", "resource", "organization")
        for pk in (1, 2, 3, 1001, 2001)
    ]
    engine.apply([Change(d.id, 1, d) for d in documents])
    everything = {d.id for d in documents}
    for limit in (1, 4, 7):
        newest = _page_through(engine, SearchQuery(sort="newest"), limit)
        assert len(newest) == len(set(newest)) == len(everything), limit
        assert set(newest) == everything
        calls = _page_through(
            engine, SearchQuery(sort="deadline", filters={"type": ["call"]}), limit
        )
        assert sorted(calls) == sorted(d.id for d in documents if d.type == "call")
        assert len(calls) == len(set(calls))


def check_facet_values_combine_and_count_without_their_own_ticks(engine):
    load(engine)
    products = engine.search(
        SearchQuery(terms=terms("碳化硅"), facet_filters={"type": ["product"]}, facets=["type"])
    )
    assert [h.id for h in products.hits] == ["product:1"] and products.total == 1
    # ticking "product" still shows how many results and calls there are
    assert dict(products.facets["type"]) == {"product": 1, "result": 1, "call": 1}
    either = engine.search(
        SearchQuery(terms=terms("碳化硅"), facet_filters={"type": ["product", "result"]})
    )
    assert {h.id for h in either.hits} == {"product:1", "result:3"}
    across = engine.search(
        SearchQuery(
            facet_filters={"type": ["product", "result"], "province": ["32"]},
            facets=["type", "province", "qualification"],
        )
    )
    assert {h.id for h in across.hits} == {"product:1", "result:3"}
    # each facet counts under the other facets' ticks only
    assert dict(across.facets["type"]) == {"product": 1, "result": 1, "call": 2}
    assert dict(across.facets["province"]) == {"32": 2, "34": 1, "44": 1}
    assert dict(across.facets["qualification"]) == {"national": 1, "none": 1}
    # a hard filter narrows the counts of every facet
    calls_only = engine.search(
        SearchQuery(
            filters={"type": ["call"]}, facet_filters={"type": ["product"]}, facets=["type"]
        )
    )
    assert calls_only.total == 0 and dict(calls_only.facets["type"]) == {"call": 2}


def check_update_and_delete(engine):
    load(engine)
    renamed = doc(
        "product", 2, "动力电池浸没式冷却系统", "新能源汽车电池包", province="34", days=2, version=2
    )
    engine.apply([Change(renamed.id, 2, renamed), Change("product:1", 2, None)])
    assert engine.search(SearchQuery(terms=terms("浸没式冷却"))).hits[0].id == "product:2"
    gone = engine.search(SearchQuery(terms=terms("液冷板"), minimum_should_match=1))
    assert "product:2" not in {h.id for h in gone.hits}
    assert not engine.get(["product:1"])
    assert engine.num_docs() == 5


def check_document_frequencies_and_stored_terms(engine):
    load(engine)
    frequencies = engine.doc_freqs(["碳化硅", "电池", "不存在的词"])
    assert frequencies == {"碳化硅": 3, "电池": 3, "不存在的词": 0}
    stored = engine.get(["result:3"])["result:3"]
    assert "碳化硅" in stored.terms and stored.trl == 6
    assert stored.facets["chain_node"] == ["7"]


def check_a_record_indexed_again_counts_once_in_document_frequencies(engine):
    """Key terms of matching rest on these counts: a record re-indexed after every change
    (a call is, at each event) must not look as if its own terms were shared."""
    load(engine)
    before = engine.doc_freqs(["碳化硅", "电池"])
    again = next(d for d in corpus() if "碳化硅" in d.title_terms + d.body_terms)
    for version in (2, 3):
        engine.apply([Change(again.id, version, again)])
    assert engine.doc_freqs(["碳化硅", "电池"]) == before
    assert engine.num_docs() == len(corpus())


CHECKS = [
    check_relevance_and_highlight_terms,
    check_synonyms_and_width_folding,
    check_part_of_a_model_number_finds_the_record,
    check_filters_ranges_and_exclusion,
    check_minimum_should_match,
    check_sorting_and_search_after,
    check_date_paging_never_skips_records_sharing_a_date,
    check_facet_values_combine_and_count_without_their_own_ticks,
    check_update_and_delete,
    check_document_frequencies_and_stored_terms,
    check_a_record_indexed_again_counts_once_in_document_frequencies,
]
