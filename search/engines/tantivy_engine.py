"""The embedded engine: tantivy, a Rust search library (BM25, top-k, aggregations), on disk
under ``var/``. No server.

Tantivy allows one writer per index across processes; a second one gets ``LockBusy``. Only
the outbox drainer (and ``rebuild_index``) write, and when the lock is busy they raise
``EngineUnavailable`` so the outbox keeps its rows for the next drain.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import tantivy

from ..documents import FACET_FIELDS, SearchDocument
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
    sort_key,
    to_timestamp,
)

TOKENIZER = "pretokenized"
INTEGER_FIELDS = ("published_at", "deadline", "trl", "newest_key", "deadline_key")
WRITER_HEAP = 64_000_000
SCHEMA_REVISION = 1


def schema_directory(base: str | Path) -> Path:
    """Where the index of the current schema lives. A changed schema gets a new directory
    (an old index cannot be opened with it); ``rebuild_index`` fills it."""
    fingerprint = hashlib.sha1(
        repr((SCHEMA_REVISION, FACET_FIELDS, INTEGER_FIELDS, TOKENIZER)).encode()
    ).hexdigest()[:8]
    return Path(base) / f"tantivy-{fingerprint}"


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    # The analyzed terms, joined by spaces: the title alone (boosted) and everything.
    builder.add_text_field("title", tokenizer_name=TOKENIZER)
    builder.add_text_field("all", tokenizer_name=TOKENIZER)
    for name in FACET_FIELDS:
        builder.add_text_field(name, tokenizer_name="raw", fast=True)
    for name in INTEGER_FIELDS:
        builder.add_integer_field(name, indexed=True, fast=True)
    builder.add_bytes_field("payload", stored=True)
    return builder.build()


def _analyzer() -> tantivy.TextAnalyzer:
    # The text arrives already analyzed by search.analysis; split on spaces only.
    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()


class TantivyEngine(SearchEngine):
    name = "tantivy"

    def __init__(self, path: str | Path | None) -> None:
        """Open (or create) the index at ``path``; ``None`` keeps it in memory (tests)."""
        self.schema = build_schema()
        if path is not None:
            path = schema_directory(path)
            path.mkdir(parents=True, exist_ok=True)
            self.index = tantivy.Index(self.schema, path=str(path), reuse=True)
        else:
            self.index = tantivy.Index(self.schema)
        self.index.register_tokenizer(TOKENIZER, _analyzer())
        self.index.config_reader(reload_policy="OnCommit")
        self._write_lock = threading.Lock()

    # --- writing ------------------------------------------------------------------------------

    def _writer(self):
        if not self._write_lock.acquire(blocking=False):
            raise EngineUnavailable("Another thread of this process is writing the index.")
        try:
            return self.index.writer(heap_size=WRITER_HEAP, num_threads=1)
        except ValueError as exc:  # LockBusy: another process holds the writer
            self._write_lock.release()
            raise EngineUnavailable(str(exc)) from exc

    def _release(self, writer) -> None:
        del writer
        self._write_lock.release()

    def apply(self, changes: list[Change]) -> None:
        if not changes:
            return
        writer = self._writer()
        try:
            for change in changes:
                writer.delete_documents_by_term("id", change.id)
                if change.document is not None:
                    writer.add_document(self._to_tantivy(change.document))
            writer.commit()
            writer.wait_merging_threads()
        finally:
            self._release(writer)
        self.index.reload()

    def rebuild(self, documents: Iterable[SearchDocument], *, on_progress=None) -> int:
        writer = self._writer()
        count = 0
        try:
            writer.delete_all_documents()
            for document in documents:
                writer.add_document(self._to_tantivy(document))
                count += 1
                if on_progress is not None:
                    on_progress(count)
            # One commit: readers see the old index until the new one is complete.
            writer.commit()
            writer.wait_merging_threads()
        finally:
            self._release(writer)
        self.index.reload()
        return count

    def _to_tantivy(self, document: SearchDocument) -> tantivy.Document:
        doc = tantivy.Document()
        doc.add_text("id", document.id)
        doc.add_text("title", " ".join(document.title_terms))
        doc.add_text("all", " ".join(document.title_terms + document.body_terms))
        facets = {**document.facets, "type": [document.type]}
        for name in FACET_FIELDS:
            for value in facets.get(name, ()):
                doc.add_text(name, str(value))
        integers = {
            "published_at": to_timestamp(document.published_at),
            "deadline": to_timestamp(document.deadline),
            "trl": document.trl,
            "newest_key": sort_key(document.published_at, document.pk),
            "deadline_key": sort_key(document.deadline, document.pk) if document.deadline else None,
        }
        for name, value in integers.items():
            if value is not None:
                doc.add_integer(name, value)
        doc.add_bytes("payload", json.dumps(payload_of(document), ensure_ascii=False).encode())
        return doc

    # --- reading ------------------------------------------------------------------------------

    def _term(self, field: str, value: str):
        return tantivy.Query.term_query(self.schema, field, value)

    def _build(self, query: SearchQuery) -> tantivy.Query:
        clauses = []
        if query.terms:
            per_term = [
                (
                    tantivy.Occur.Should,
                    tantivy.Query.boolean_query(
                        [
                            (
                                tantivy.Occur.Should,
                                tantivy.Query.boost_query(
                                    self._term("title", term), weight * TITLE_BOOST
                                ),
                            ),
                            (
                                tantivy.Occur.Should,
                                tantivy.Query.boost_query(self._term("all", term), weight),
                            ),
                        ]
                    ),
                )
                for term, weight in query.terms.items()
            ]
            clauses.append(
                (
                    tantivy.Occur.Must,
                    tantivy.Query.boolean_query(
                        per_term, minimum_number_should_match=query.minimum_should_match
                    ),
                )
            )
        else:
            clauses.append((tantivy.Occur.Must, tantivy.Query.all_query()))
        for name, values in query.filters.items():
            if values:
                clauses.append(
                    (
                        tantivy.Occur.Must,
                        tantivy.Query.term_set_query(self.schema, name, [str(v) for v in values]),
                    )
                )
        for name, (lower, upper) in query.ranges.items():
            lower, upper = _bound(lower), _bound(upper)
            if lower is None and upper is None:
                continue
            clauses.append(
                (
                    tantivy.Occur.Must,
                    tantivy.Query.range_query(
                        self.schema, name, tantivy.FieldType.Integer, lower, upper
                    ),
                )
            )
        if query.exclude_ids:
            clauses.append(
                (
                    tantivy.Occur.MustNot,
                    tantivy.Query.term_set_query(self.schema, "id", query.exclude_ids),
                )
            )
        return tantivy.Query.boolean_query(clauses)

    def search(self, query: SearchQuery) -> SearchResults:
        searcher = self.index.searcher()
        built = self._build(query)
        if query.sort == "newest":
            built, order_field, order = self._after(
                built, "newest_key", query.search_after, descending=True
            )
            result = searcher.search(
                built,
                query.limit,
                offset=0 if query.search_after else query.offset,
                order_by_field=order_field,
                order=order,
            )
        elif query.sort == "deadline":
            built, order_field, order = self._after(
                built, "deadline_key", query.search_after, descending=False
            )
            result = searcher.search(
                built,
                query.limit,
                offset=0 if query.search_after else query.offset,
                order_by_field=order_field,
                order=order,
            )
        else:
            result = searcher.search(built, query.limit, offset=query.offset)
        key = {"newest": "newest_key", "deadline": "deadline_key"}.get(query.sort)
        hits = [
            _hit(searcher.doc(address), float(score), query.with_terms, key)
            for score, address in result.hits
        ]
        facets = {}
        if query.facets:
            # Facets count the whole match, not only this page.
            aggregation = searcher.aggregate(
                self._build(query),
                {name: {"terms": {"field": name, "size": FACET_SIZE}} for name in query.facets},
            )
            facets = {
                name: [(b["key"], b["doc_count"]) for b in aggregation[name]["buckets"]]
                for name in query.facets
            }
        return SearchResults(hits=hits, total=result.count or 0, facets=facets)

    def _after(self, built, field: str, after: int | None, *, descending: bool):
        order = tantivy.Order.Desc if descending else tantivy.Order.Asc
        if after is None:
            return built, field, order
        bound = tantivy.Query.range_query(
            self.schema,
            field,
            tantivy.FieldType.Integer,
            None if descending else after,
            after if descending else None,
            include_lower=descending,
            include_upper=not descending,
        )
        return (
            tantivy.Query.boolean_query([(tantivy.Occur.Must, built), (tantivy.Occur.Must, bound)]),
            field,
            order,
        )

    def doc_freqs(self, terms: Iterable[str]) -> dict[str, int]:
        searcher = self.index.searcher()
        return {term: searcher.doc_freq("all", term) for term in terms}

    def num_docs(self) -> int:
        return self.index.searcher().num_docs

    def get(self, ids: Iterable[str]) -> dict[str, SearchHit]:
        ids = list(ids)
        if not ids:
            return {}
        searcher = self.index.searcher()
        query = tantivy.Query.term_set_query(self.schema, "id", ids)
        result = searcher.search(query, len(ids))
        hits = [_hit(searcher.doc(address), 0.0, True) for _score, address in result.hits]
        return {hit.id: hit for hit in hits}


def _bound(value):
    if isinstance(value, datetime):
        return to_timestamp(value)
    return value


def _hit(stored, score: float, with_terms: bool, key: str | None = None) -> SearchHit:
    payload = json.loads(bytes(stored.get_first("payload")))
    return hit_from_payload(stored.get_first("id"), payload, score, with_terms, key)
