"""The Elasticsearch engine without a server: mappings, the queries it builds (as JSON), and
its bulk, search and rebuild requests against a fake transport node."""

import json
from datetime import UTC, datetime

import pytest
from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node._base import NodeApiResponse
from elasticsearch import Elasticsearch
from elasticsearch.dsl import Search

from search.engines.base import Change, EngineUnavailable, SearchQuery
from search.engines.elasticsearch_engine import (
    ElasticsearchEngine,
    build_mapping,
    build_search,
    bulk_actions,
    doc_freq_body,
    to_source,
)
from tests.search.contract import doc

TYPES = ["product", "result", "resource", "organization", "call"]


class FakeNode(BaseNode):
    """A transport node that records requests and answers from a script of responses."""

    requests: list = []
    responses: list = []

    def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
        payload = body.decode() if isinstance(body, bytes) else body
        FakeNode.requests.append((method, target, payload))
        status, response = 200, {}
        for matcher, answer in FakeNode.responses:
            if matcher(method, target):
                status, response = answer if isinstance(answer, tuple) else (200, answer)
                break
        headers = HttpHeaders(
            {"content-type": "application/json", "x-elastic-product": "Elasticsearch"}
        )
        meta = ApiResponseMeta(status, "1.1", headers, 0.0, self.config)
        raw = response if isinstance(response, bytes) else json.dumps(response).encode()
        return NodeApiResponse(meta, raw)


@pytest.fixture
def fake():
    FakeNode.requests = []
    FakeNode.responses = []
    client = Elasticsearch("http://es.invalid:9200", node_class=FakeNode, max_retries=0)
    return ElasticsearchEngine("http://es.invalid:9200", prefix="test", client=client)


def on(method, fragment):
    return lambda m, t: m == method and fragment in t


def test_mapping_indexes_pre_analyzed_text_with_the_whitespace_analyzer():
    mapping = build_mapping().to_dict()["properties"]
    assert mapping["title"] == {"type": "text", "analyzer": "whitespace"}
    assert mapping["all"] == {"type": "text", "analyzer": "whitespace"}
    assert mapping["province"] == {"type": "keyword"}
    assert mapping["chain_node"] == {"type": "keyword"}
    assert mapping["newest_key"] == {"type": "long"}
    assert mapping["payload"] == {"type": "object", "enabled": False}


def test_a_plain_search_query():
    query = SearchQuery(
        terms={"碳化硅": 1.0, "模块": 0.5},
        minimum_should_match=2,
        filters={"type": ["product"], "province": ["32", "33"]},
        ranges={"trl": (5, None)},
        exclude_ids=["product:9"],
        facets=["province"],
        offset=20,
        limit=10,
    )
    assert build_search(query, Search()).to_dict() == {
        "query": {
            "bool": {
                "must": [
                    {
                        "bool": {
                            "should": [
                                {
                                    "bool": {
                                        "should": [
                                            {"term": {"title": {"value": "碳化硅", "boost": 2.0}}},
                                            {"term": {"all": {"value": "碳化硅", "boost": 1.0}}},
                                        ]
                                    }
                                },
                                {
                                    "bool": {
                                        "should": [
                                            {"term": {"title": {"value": "模块", "boost": 1.0}}},
                                            {"term": {"all": {"value": "模块", "boost": 0.5}}},
                                        ]
                                    }
                                },
                            ],
                            "minimum_should_match": 2,
                        }
                    }
                ],
                "filter": [
                    {"terms": {"type": ["product"]}},
                    {"terms": {"province": ["32", "33"]}},
                    {"range": {"trl": {"gte": 5}}},
                ],
                "must_not": [{"ids": {"values": ["product:9"]}}],
            }
        },
        "aggs": {"province": {"terms": {"field": "province", "size": 100}}},
        "sort": ["_score", {"newest_key": {"order": "desc"}}],
        "track_total_hits": True,
        "from": 20,
        "size": 10,
    }


def test_date_sorted_pages_use_search_after():
    deadline = datetime(2027, 1, 1, tzinfo=UTC)
    query = SearchQuery(
        sort="deadline",
        search_after=123,
        filters={"type": ["call"]},
        ranges={"deadline": (deadline, None)},
    )
    body = build_search(query, Search()).to_dict()
    assert body["sort"] == [{"deadline_key": {"order": "asc"}}]
    assert body["search_after"] == [123]
    assert body["size"] == 20 and "from" not in body
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]
    assert body["query"]["bool"]["filter"][1] == {
        "range": {"deadline": {"gte": int(deadline.timestamp() * 1_000_000)}}
    }


def test_document_frequencies_come_from_one_filters_aggregation():
    assert doc_freq_body(["碳化硅", "模块"])["aggs"] == {
        "df": {
            "filters": {
                "filters": {
                    "碳化硅": {"term": {"all": "碳化硅"}},
                    "模块": {"term": {"all": "模块"}},
                }
            }
        }
    }


def test_sources_carry_terms_facets_and_sort_keys():
    source = to_source(doc("product", 7, "碳化硅功率模块", "银烧结", province="33", nodes=[4]))
    assert source["id"] == "product:7"
    assert "碳化硅" in source["title"].split()
    assert source["type"] == ["product"] and source["province"] == ["33"]
    assert source["chain_node"] == ["4"]
    assert source["payload"]["title"] == "碳化硅功率模块"
    assert "deadline" not in source


def test_bulk_actions_are_versioned_so_a_stale_write_cannot_win():
    document = doc("product", 7, "碳化硅功率模块")
    actions = bulk_actions(
        [Change("product:7", 41, document), Change("call:3", 42, None)], lambda name: f"test-{name}"
    )
    assert actions[0]["_op_type"] == "index" and actions[0]["_index"] == "test-product"
    assert (actions[0]["version"], actions[0]["version_type"]) == (41, "external_gte")
    assert actions[1] == {
        "_index": "test-call",
        "_id": "call:3",
        "version": 42,
        "version_type": "external_gte",
        "_op_type": "delete",
    }


def test_apply_sends_one_versioned_bulk_request(fake):
    FakeNode.responses = [
        (on("HEAD", "/_alias/"), {}),
        (
            on("PUT", "/_bulk"),
            {"took": 1, "errors": False, "items": [{"index": {"_id": "product:7", "status": 201}}]},
        ),
    ]
    fake.apply([Change("product:7", 5, doc("product", 7, "碳化硅功率模块"))])
    bulk = [r for r in FakeNode.requests if "/_bulk" in r[1]]
    assert len(bulk) == 1
    lines = [json.loads(line) for line in bulk[0][2].strip().split("\n")]
    assert lines[0] == {
        "index": {
            "_index": "test-product",
            "_id": "product:7",
            "version": 5,
            "version_type": "external_gte",
        }
    }
    assert lines[1]["payload"]["title"] == "碳化硅功率模块"


def test_a_stale_write_is_ignored_but_real_errors_keep_the_outbox(fake):
    FakeNode.responses = [
        (on("HEAD", "/_alias/"), {}),
        (
            on("PUT", "/_bulk"),
            {
                "took": 1,
                "errors": True,
                "items": [
                    {"index": {"_id": "product:7", "status": 409, "error": {"type": "conflict"}}}
                ],
            },
        ),
    ]
    fake.apply([Change("product:7", 5, doc("product", 7, "碳化硅功率模块"))])  # no error
    FakeNode.responses[1] = (
        on("PUT", "/_bulk"),
        {
            "took": 1,
            "errors": True,
            "items": [
                {"index": {"_id": "product:7", "status": 400, "error": {"type": "mapper_parsing"}}}
            ],
        },
    )
    with pytest.raises(EngineUnavailable):
        fake.apply([Change("product:7", 6, doc("product", 7, "碳化硅功率模块"))])


def test_a_server_that_is_down_raises_engine_unavailable(fake):
    FakeNode.responses = [(lambda m, t: True, (503, {"error": "unavailable"}))]
    with pytest.raises(EngineUnavailable):
        fake.search(SearchQuery(terms={"碳化硅": 1.0}))


def test_search_reads_hits_totals_and_facets(fake):
    document = doc("product", 7, "碳化硅功率模块", "银烧结", province="33")
    FakeNode.responses = [
        (
            on("POST", "/_search"),
            {
                "took": 2,
                "timed_out": False,
                "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
                "hits": {
                    "total": {"value": 1, "relation": "eq"},
                    "max_score": 3.2,
                    "hits": [
                        {
                            "_index": "test-product-1",
                            "_id": "product:7",
                            "_score": 3.2,
                            "_source": to_source(document),
                        }
                    ],
                },
                "aggregations": {
                    "province": {
                        "doc_count_error_upper_bound": 0,
                        "sum_other_doc_count": 0,
                        "buckets": [{"key": "33", "doc_count": 1}],
                    }
                },
            },
        )
    ]
    result = fake.search(
        SearchQuery(
            terms={"碳化硅": 1.0},
            facets=["province"],
            filters={"type": ["product"]},
            with_terms=True,
        )
    )
    assert result.total == 1
    assert result.hits[0].id == "product:7" and result.hits[0].score == pytest.approx(3.2)
    assert "碳化硅" in result.hits[0].terms
    assert result.facets == {"province": [("33", 1)]}
    _method, target, _body = FakeNode.requests[-1]
    assert target.startswith("/test-product/_search")


def test_rebuild_fills_fresh_indices_then_swaps_every_alias_at_once(fake, monkeypatch):
    monkeypatch.setattr(
        "search.engines.elasticsearch_engine.document_types", lambda: {name: None for name in TYPES}
    )
    FakeNode.responses = [
        (on("PUT", "/_bulk"), {"took": 1, "errors": False, "items": []}),
        (on("HEAD", "/_alias/test-product"), {}),
        (on("HEAD", "/_alias/"), (404, {})),
        (
            on("GET", "/_alias/test-product"),
            {"test-product-old": {"aliases": {"test-product": {}}}},
        ),
        (on("POST", "/_aliases"), {"acknowledged": True}),
        (on("PUT", "/test-"), {"acknowledged": True}),
        (on("POST", "/_refresh"), {}),
        (on("DELETE", "/test-product-old"), {"acknowledged": True}),
    ]
    count = fake.rebuild([doc("product", 7, "碳化硅功率模块")])
    assert count == 1
    methods = [(m, t.split("?")[0]) for m, t, _ in FakeNode.requests]
    created = [t for m, t in methods if m == "PUT" and t.startswith("/test-") and "_bulk" not in t]
    assert len(created) == len(TYPES)
    alias_calls = [b for m, t, b in FakeNode.requests if t.startswith("/_aliases")]
    assert len(alias_calls) == 1  # one atomic swap for every type
    actions = json.loads(alias_calls[0])["actions"]
    assert {"remove": {"index": "test-product-old", "alias": "test-product"}} in actions
    assert sum(1 for a in actions if "add" in a) == len(TYPES)
    assert ("DELETE", "/test-product-old") in methods
    # the old index is deleted only after the swap
    assert methods.index(("DELETE", "/test-product-old")) > methods.index(("POST", "/_aliases"))


def test_ticked_facet_values_are_a_post_filter_and_each_facet_counts_without_its_own():
    query = SearchQuery(
        facet_filters={"type": ["product", "result"], "province": ["32"]},
        facets=["type", "province", "org_kind"],
    )
    body = build_search(query, Search()).to_dict()
    ticked_types = {"terms": {"type": ["product", "result"]}}
    ticked_province = {"terms": {"province": ["32"]}}
    # the hits: ORed within a facet, ANDed across facets
    assert body["post_filter"] == {"bool": {"filter": [ticked_types, ticked_province]}}
    assert "filter" not in body["query"]["bool"]
    # each facet: the other facets' ticks, never its own
    assert body["aggs"]["type"] == {
        "filter": {"bool": {"filter": [ticked_province]}},
        "aggs": {"counts": {"terms": {"field": "type", "size": 100}}},
    }
    assert body["aggs"]["province"]["filter"] == {"bool": {"filter": [ticked_types]}}
    assert body["aggs"]["org_kind"]["filter"] == {
        "bool": {"filter": [ticked_types, ticked_province]}
    }


def test_a_facet_ticked_alone_counts_over_the_whole_match():
    query = SearchQuery(facet_filters={"type": ["product"]}, facets=["type"])
    body = build_search(query, Search()).to_dict()
    assert body["aggs"] == {"type": {"terms": {"field": "type", "size": 100}}}
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"type": ["product"]}}]}}


def test_ticked_types_search_every_index_so_the_other_types_are_counted(fake, monkeypatch):
    monkeypatch.setattr(
        "search.engines.elasticsearch_engine.document_types", lambda: {name: None for name in TYPES}
    )
    FakeNode.responses = [
        (
            on("POST", "/_search"),
            {
                "took": 1,
                "timed_out": False,
                "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
                "hits": {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []},
                "aggregations": {
                    "type": {
                        "doc_count": 3,
                        "counts": {
                            "doc_count_error_upper_bound": 0,
                            "sum_other_doc_count": 0,
                            "buckets": [
                                {"key": "product", "doc_count": 2},
                                {"key": "call", "doc_count": 1},
                            ],
                        },
                    },
                    "province": {
                        "doc_count_error_upper_bound": 0,
                        "sum_other_doc_count": 0,
                        "buckets": [{"key": "33", "doc_count": 2}],
                    },
                },
            },
        )
    ]
    result = fake.search(
        SearchQuery(
            facet_filters={"type": ["product"], "province": ["33"]}, facets=["type", "province"]
        )
    )
    assert result.facets == {"type": [("product", 2), ("call", 1)], "province": [("33", 2)]}
    _method, target, _body = FakeNode.requests[-1]
    assert target.split("/_search")[0] == "/" + ",".join(f"test-{name}" for name in TYPES)


def test_sort_keys_of_records_sharing_a_date_differ_across_types():
    same = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
    sources = [
        to_source(doc(type_, pk, "同一时刻", published_at=same, deadline=same))
        for type_ in ("call", "product", "result", "resource", "organization")
        for pk in (1, 1001)
    ]
    assert len({s["newest_key"] for s in sources}) == len(sources)
    assert len({s["deadline_key"] for s in sources}) == len(sources)
    assert all(0 <= s["newest_key"] < 2**63 for s in sources)
