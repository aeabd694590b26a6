"""Elasticsearch, for deployments that outgrow one machine (``ELASTICSEARCH_URL``).

- One index per document type behind an alias (``<prefix>-<type>``); a rebuild fills fresh
  indices and swaps the aliases in one atomic request, so searches never see a half index.
- Text arrives pre-analyzed (search.analysis) and is indexed with the built-in whitespace
  analyzer, so both engines hold exactly the same terms.
- Facets are keyword fields with terms aggregations; the values a visitor ticked are a
  post_filter, and each facet counts under the other facets' ticks only (multi-select).
- Date-sorted pages use search_after on a key unique across types.
- Writes carry external versions (the outbox row id): a stale write cannot win.

The request bodies are built by pure functions (tested without a server); the engine sends
them with the official client and its DSL (``elasticsearch.dsl``).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import datetime

from elasticsearch import ApiError, Elasticsearch, TransportError, helpers
from elasticsearch.dsl import Index, Mapping, Q, Search
from elasticsearch.dsl.field import Integer, Keyword, Long, Object, Text

from ..documents import FACET_FIELDS, SearchDocument, document_types
from .base import (
    FACET_SIZE,
    TITLE_BOOST,
    Change,
    EngineUnavailable,
    SearchEngine,
    SearchHit,
    SearchQuery,
    SearchResults,
    hit_from_payload,
    payload_of,
    to_timestamp,
)

INTEGER_FIELDS = ("published_at", "deadline", "newest_key", "deadline_key")
# The terms aggregation inside a facet's filter aggregation.
FACET_COUNTS = "counts"


def build_mapping() -> Mapping:
    mapping = Mapping()
    mapping.field("id", Keyword())
    mapping.field("title", Text(analyzer="whitespace"))
    mapping.field("all", Text(analyzer="whitespace"))
    for name in FACET_FIELDS:
        mapping.field(name, Keyword())
    for name in INTEGER_FIELDS:
        mapping.field(name, Long())
    mapping.field("trl", Integer())
    # Display data and the analyzed terms, kept in _source only.
    mapping.field("payload", Object(enabled=False))
    return mapping


def index_settings() -> dict:
    return {"number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "1s"}


def to_source(document: SearchDocument) -> dict:
    """The JSON stored for one document."""
    facets = {**document.facets, "type": [document.type]}
    payload = payload_of(document)
    source = {
        "id": document.id,
        "title": " ".join(document.title_terms),
        "all": " ".join(document.title_terms + document.body_terms),
        "published_at": to_timestamp(document.published_at),
        "deadline": to_timestamp(document.deadline),
        "trl": document.trl,
        "newest_key": payload["newest_key"],
        "deadline_key": payload["deadline_key"],
        "payload": payload,
    }
    for name in FACET_FIELDS:
        if facets.get(name):
            source[name] = [str(v) for v in facets[name]]
    return {key: value for key, value in source.items() if value is not None}


def bulk_actions(changes: Iterable[Change], alias_of) -> list[dict]:
    """Bulk actions for outbox changes, each versioned so an older one cannot overwrite."""
    actions = []
    for change in changes:
        doc_type = change.id.split(":", 1)[0]
        action = {
            "_index": alias_of(doc_type),
            "_id": change.id,
            "version": change.version,
            "version_type": "external_gte",
        }
        if change.document is None:
            action["_op_type"] = "delete"
        else:
            action["_op_type"] = "index"
            action["_source"] = to_source(change.document)
        actions.append(action)
    return actions


def build_search(query: SearchQuery, search: Search) -> Search:
    """Translate a SearchQuery into an ``elasticsearch.dsl`` Search."""
    if query.terms:
        per_term = [
            Q(
                "bool",
                should=[
                    Q("term", title={"value": term, "boost": weight * TITLE_BOOST}),
                    Q("term", all={"value": term, "boost": weight}),
                ],
            )
            for term, weight in query.terms.items()
        ]
        scoring = Q("bool", should=per_term, minimum_should_match=query.minimum_should_match)
    else:
        scoring = Q("match_all")
    filters = _terms_filters(query.filters)
    for name, (lower, upper) in query.ranges.items():
        bounds = {}
        if lower is not None:
            bounds["gte"] = _integer(lower)
        if upper is not None:
            bounds["lte"] = _integer(upper)
        if bounds:
            filters.append(Q("range", **{name: bounds}))
    must_not = [Q("ids", values=list(query.exclude_ids))] if query.exclude_ids else []
    search = search.query(Q("bool", must=[scoring], filter=filters, must_not=must_not))
    ticked = _terms_filters(query.facet_filters)
    if ticked:
        search = search.post_filter(Q("bool", filter=ticked))
    search = search.extra(track_total_hits=True)
    if query.sort == "newest":
        search = search.sort({"newest_key": {"order": "desc"}})
    elif query.sort == "deadline":
        search = search.sort({"deadline_key": {"order": "asc"}})
    else:
        search = search.sort("_score", {"newest_key": {"order": "desc"}})
    if query.search_after is not None and query.sort in ("newest", "deadline"):
        search = search.extra(search_after=[query.search_after], size=query.limit)
    else:
        search = search[query.offset : query.offset + query.limit]
    for name in query.facets:
        others = _terms_filters(
            {other: values for other, values in query.facet_filters.items() if other != name}
        )
        if others:
            # Counted under the other facets' ticks, not its own (the post_filter).
            search.aggs.bucket(name, "filter", Q("bool", filter=others)).bucket(
                FACET_COUNTS, "terms", field=name, size=FACET_SIZE
            )
        else:
            search.aggs.bucket(name, "terms", field=name, size=FACET_SIZE)
    return search


def _terms_filters(filters: dict[str, list[str]]) -> list:
    return [
        Q("terms", **{name: [str(v) for v in values]}) for name, values in filters.items() if values
    ]


def facet_buckets(aggregations: dict, name: str) -> list[tuple[str, int]]:
    """Read one facet's counts from a response built by ``build_search``."""
    aggregation = aggregations[name]
    aggregation = aggregation.get(FACET_COUNTS, aggregation)
    return [(bucket["key"], bucket["doc_count"]) for bucket in aggregation["buckets"]]


def _integer(value):
    return to_timestamp(value) if isinstance(value, datetime) else value


def doc_freq_body(terms: Iterable[str]) -> dict:
    """One request counting, for each term, the documents that contain it."""
    return {
        "size": 0,
        "track_total_hits": True,
        "aggs": {"df": {"filters": {"filters": {term: {"term": {"all": term}} for term in terms}}}},
    }


class ElasticsearchEngine(SearchEngine):
    name = "elasticsearch"

    def __init__(self, url: str, *, prefix: str = "zjtx", client: Elasticsearch | None = None):
        self.client = client or Elasticsearch(url, request_timeout=10, max_retries=2)
        self.prefix = prefix

    def alias(self, doc_type: str) -> str:
        return f"{self.prefix}-{doc_type}"

    def _all_aliases(self) -> list[str]:
        return [self.alias(name) for name in document_types()]

    def _call(self, function, *args, **kwargs):
        try:
            return function(*args, **kwargs)
        except (TransportError, ApiError) as exc:
            raise EngineUnavailable(str(exc)) from exc

    def ensure_indices(self) -> None:
        """Create an empty index behind each alias that does not exist yet."""
        for name in document_types():
            alias = self.alias(name)
            if not self._call(self.client.indices.exists_alias, name=alias):
                self._create(name, alias)

    def _create(self, doc_type: str, alias: str | None) -> str:
        concrete = f"{self.alias(doc_type)}-{time.time_ns()}"
        index = Index(concrete, using=self.client)
        index.settings(**index_settings())
        index.mapping(build_mapping())
        if alias:
            index.aliases(**{alias: {}})
        self._call(index.create)
        return concrete

    # --- writing ------------------------------------------------------------------------------

    def apply(self, changes: list[Change]) -> None:
        if not changes:
            return
        self.ensure_indices()
        _ok, errors = self._call(
            helpers.bulk,
            self.client,
            bulk_actions(changes, self.alias),
            raise_on_error=False,
            raise_on_exception=True,
            refresh="wait_for",
        )
        real = [e for e in errors if _status(e) not in (404, 409)]
        if real:
            raise EngineUnavailable(f"{len(real)} bulk errors, first: {real[0]}")

    def rebuild(self, documents: Iterable[SearchDocument], *, on_progress=None) -> int:
        """Fill fresh indices, then move every alias to them in one request."""
        fresh = {name: self._create(name, None) for name in document_types()}
        count = 0

        def actions():
            nonlocal count
            for document in documents:
                count += 1
                if on_progress is not None:
                    on_progress(count)
                yield {
                    "_op_type": "index",
                    "_index": fresh[document.type],
                    "_id": document.id,
                    "version": document.version or 1,
                    "version_type": "external_gte",
                    "_source": to_source(document),
                }

        self._call(helpers.bulk, self.client, actions(), chunk_size=1000)
        self._call(self.client.indices.refresh, index=",".join(fresh.values()))
        alias_actions, old = [], []
        for name, concrete in fresh.items():
            alias = self.alias(name)
            if self._call(self.client.indices.exists_alias, name=alias):
                for existing in self._call(self.client.indices.get_alias, name=alias):
                    alias_actions.append({"remove": {"index": existing, "alias": alias}})
                    old.append(existing)
            alias_actions.append({"add": {"index": concrete, "alias": alias}})
        self._call(self.client.indices.update_aliases, actions=alias_actions)
        for index in old:
            self._call(self.client.indices.delete, index=index, ignore_unavailable=True)
        return count

    # --- reading ------------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResults:
        search = build_search(
            query,
            Search(using=self.client, index=self._indices_for(query)).params(
                ignore_unavailable=True, allow_no_indices=True
            ),
        )
        response = self._call(search.execute)
        key = {"newest": "newest_key", "deadline": "deadline_key"}.get(query.sort)
        hits = [
            hit_from_payload(
                hit.meta.id,
                hit.to_dict()["payload"],
                float(hit.meta.score or 0.0),
                query.with_terms,
                key,
            )
            for hit in response
        ]
        facets = {}
        if query.facets:
            aggregations = response.aggregations.to_dict()
            facets = {name: facet_buckets(aggregations, name) for name in query.facets}
        return SearchResults(hits=hits, total=response.hits.total.value, facets=facets)

    def _indices_for(self, query: SearchQuery) -> list[str]:
        types = query.filters.get("type")
        return [self.alias(t) for t in types] if types else self._all_aliases()

    def doc_freqs(self, terms: Iterable[str]) -> dict[str, int]:
        terms = list(terms)
        if not terms:
            return {}
        response = self._call(
            self.client.search,
            index=",".join(self._all_aliases()),
            body=doc_freq_body(terms),
            ignore_unavailable=True,
            allow_no_indices=True,
        )
        buckets = response["aggregations"]["df"]["buckets"]
        return {term: buckets[term]["doc_count"] for term in terms}

    def num_docs(self) -> int:
        response = self._call(
            self.client.count,
            index=",".join(self._all_aliases()),
            ignore_unavailable=True,
            allow_no_indices=True,
        )
        return response["count"]

    def get(self, ids: Iterable[str]) -> dict[str, SearchHit]:
        ids = list(ids)
        if not ids:
            return {}
        search = (
            Search(using=self.client, index=self._all_aliases())
            .params(ignore_unavailable=True, allow_no_indices=True)
            .query(Q("ids", values=ids))[: len(ids)]
        )
        response = self._call(search.execute)
        return {
            hit.meta.id: hit_from_payload(hit.meta.id, hit.to_dict()["payload"], 0.0, True)
            for hit in response
        }


def _status(error: dict) -> int | None:
    for detail in error.values():
        if isinstance(detail, dict):
            return detail.get("status")
    return None
