"""The embedded engine: tantivy, a Rust search library (BM25, top-k, aggregations), on disk
under ``var/``. No server.

Tantivy allows one writer per index across processes; a second one gets ``LockBusy``. Only
the outbox drainer (and ``rebuild_index``) write, and when the lock is busy they raise
``EngineUnavailable`` so the outbox keeps its rows for the next drain.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
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
    to_timestamp,
)

logger = logging.getLogger(__name__)

TOKENIZER = "pretokenized"
INTEGER_FIELDS = ("published_at", "deadline", "trl", "newest_key", "deadline_key")
WRITER_HEAP = 64_000_000
# Date sorts: the sort-key field and whether it runs newest first.
SORT_FIELDS = {"newest": ("newest_key", True), "deadline": ("deadline_key", False)}
# 2: date-sort keys unique across types; call kind, resource kind and maturity facets.
SCHEMA_REVISION = 2


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


class IndexCorrupted(EngineUnavailable):
    """The index on disk cannot be opened; ``manage.py rebuild_index`` builds a fresh one."""


class TantivyEngine(SearchEngine):
    name = "tantivy"

    def __init__(self, path: str | Path | None) -> None:
        """Use the index under ``path`` (opened or created on first use, so that a broken
        index does not break the process); ``None`` keeps it in memory (tests)."""
        self.schema = build_schema()
        self.path = schema_directory(path) if path is not None else None
        self._index = self._prepared(tantivy.Index(self.schema)) if path is None else None
        self._identity: tuple[int, int] | None = None
        self._open_lock = threading.Lock()
        self._write_lock = threading.Lock()

    # --- opening ------------------------------------------------------------------------------

    @property
    def index(self) -> tantivy.Index:
        return self._current()

    def _current(self) -> tantivy.Index:
        """Return the open index, reopening it when its directory was deleted or replaced
        while this process ran (an engine lives as long as the process); a deleted index
        comes back empty, for the outbox and ``rebuild_index`` to fill.

        Raise ``IndexCorrupted`` when the files on disk cannot be opened.
        """
        if self.path is None:
            return self._index
        identity = _identity(self.path)
        if self._index is not None and identity == self._identity:
            return self._index
        with self._open_lock:
            identity = _identity(self.path)
            if self._index is None or identity != self._identity:
                if self._index is not None:
                    logger.info("search index at %s changed on disk: reopening", self.path)
                self._open()
            return self._index

    def _open(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        try:
            index = tantivy.Index(self.schema, path=str(self.path), reuse=True)
        except ValueError as exc:
            self._index, self._identity = None, None
            raise IndexCorrupted(
                f"The search index at {self.path} cannot be opened ({exc}); "
                "run manage.py rebuild_index to build a fresh one."
            ) from exc
        self._index = self._prepared(index)
        self._identity = _identity(self.path)

    def _prepared(self, index: tantivy.Index) -> tantivy.Index:
        index.register_tokenizer(TOKENIZER, _analyzer())
        index.config_reader(reload_policy="OnCommit")
        return index

    def _recreate(self) -> tantivy.Index:
        """Remove the index directory and start an empty index in its place."""
        with self._open_lock:
            logger.warning("search index at %s is broken: removing it", self.path)
            shutil.rmtree(self.path, ignore_errors=True)
            self._open()
            return self._index

    # --- writing ------------------------------------------------------------------------------

    def _writer(self, index: tantivy.Index):
        if not self._write_lock.acquire(blocking=False):
            raise EngineUnavailable("Another thread of this process is writing the index.")
        try:
            return index.writer(heap_size=WRITER_HEAP, num_threads=1)
        except ValueError as exc:  # LockBusy: another process holds the writer
            self._write_lock.release()
            raise EngineUnavailable(str(exc)) from exc

    def _release(self, writer) -> None:
        del writer
        self._write_lock.release()

    def apply(self, changes: list[Change]) -> None:
        if not changes:
            return
        index = self._current()
        writer = self._writer(index)
        try:
            for change in changes:
                writer.delete_documents_by_term("id", change.id)
                if change.document is not None:
                    writer.add_document(self._to_tantivy(change.document))
            writer.commit()
            writer.wait_merging_threads()
        finally:
            self._release(writer)
        index.reload()

    def rebuild(self, documents: Iterable[SearchDocument], *, on_progress=None) -> int:
        """Replace every document in one commit; an index that cannot be opened is removed
        and built afresh."""
        try:
            index = self._current()
        except IndexCorrupted:
            index = self._recreate()
        writer = self._writer(index)
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
        index.reload()
        return count

    def _to_tantivy(self, document: SearchDocument) -> tantivy.Document:
        payload = payload_of(document)
        doc = tantivy.Document()
        doc.add_text("id", document.id)
        doc.add_text("title", " ".join(document.title_terms))
        doc.add_text("all", " ".join(document.title_terms + document.body_terms))
        facets = {**document.facets, "type": [document.type]}
        for name in FACET_FIELDS:
            for value in facets.get(name, ()):
                doc.add_text(name, str(value))
        for name in INTEGER_FIELDS:
            if payload[name] is not None:
                doc.add_integer(name, payload[name])
        doc.add_bytes("payload", json.dumps(payload, ensure_ascii=False).encode())
        return doc

    # --- reading ------------------------------------------------------------------------------

    def _term(self, field: str, value: str):
        return tantivy.Query.term_query(self.schema, field, value)

    def _build(self, query: SearchQuery, facet_filters: dict[str, list[str]]) -> tantivy.Query:
        """The query with its filters, ranges and exclusions, plus ``facet_filters`` (all of
        the query's for the hits, all but one facet's for that facet's counts)."""
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
        for name, values in [*query.filters.items(), *facet_filters.items()]:
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
        searcher = self._current().searcher()
        built = self._build(query, query.facet_filters)
        offset = query.offset
        if query.sort in SORT_FIELDS:
            field, descending = SORT_FIELDS[query.sort]
            built = self._after(built, field, query.search_after, descending=descending)
            if query.search_after is not None:
                offset = 0
            result = searcher.search(
                built,
                query.limit,
                offset=offset,
                order_by_field=field,
                order=tantivy.Order.Desc if descending else tantivy.Order.Asc,
            )
        else:
            result = searcher.search(built, query.limit, offset=offset)
        key = SORT_FIELDS[query.sort][0] if query.sort in SORT_FIELDS else None
        hits = [
            _hit(searcher.doc(address), float(score), query.with_terms, key)
            for score, address in result.hits
        ]
        facets = self._facet_counts(searcher, query) if query.facets else {}
        return SearchResults(hits=hits, total=result.count or 0, facets=facets)

    def _facet_counts(self, searcher, query: SearchQuery) -> dict[str, list[tuple[str, int]]]:
        """Count each facet's values over the whole match (not only this page), with the
        facet filters of the other facets but not its own. Facets that share the same other
        filters (every facet nobody ticked) share one aggregation."""
        groups: dict[tuple, list[str]] = {}
        for name in query.facets:
            others = tuple(
                (other, tuple(values))
                for other, values in query.facet_filters.items()
                if other != name and values
            )
            groups.setdefault(others, []).append(name)
        facets = {}
        for others, names in groups.items():
            aggregation = searcher.aggregate(
                self._build(query, {other: list(values) for other, values in others}),
                {name: {"terms": {"field": name, "size": FACET_SIZE}} for name in names},
            )
            for name in names:
                facets[name] = [(b["key"], b["doc_count"]) for b in aggregation[name]["buckets"]]
        return {name: facets[name] for name in query.facets}

    def _after(self, built, field: str, after: int | None, *, descending: bool):
        """Keep what sorts after the cursor ``after`` (keys are unique: nothing is skipped)."""
        if after is None:
            return built
        bound = tantivy.Query.range_query(
            self.schema,
            field,
            tantivy.FieldType.Integer,
            None if descending else after,
            after if descending else None,
            include_lower=descending,
            include_upper=not descending,
        )
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, built), (tantivy.Occur.Must, bound)]
        )

    def doc_freqs(self, terms: Iterable[str]) -> dict[str, int]:
        """Count the live documents holding each term.

        tantivy's own ``doc_freq`` still counts documents deleted (or replaced by a newer
        version) until their segment is merged away, which made a re-indexed record look
        as if its terms were shared; a count query sees only live documents. A term with
        no document at all is answered without a query.
        """
        searcher = self._current().searcher()
        counts = {}
        for term in terms:
            if searcher.doc_freq("all", term) == 0:
                counts[term] = 0
                continue
            counts[term] = searcher.search(self._term("all", term), limit=1, count=True).count
        return counts

    def num_docs(self) -> int:
        return self._current().searcher().num_docs

    def get(self, ids: Iterable[str]) -> dict[str, SearchHit]:
        ids = list(ids)
        if not ids:
            return {}
        searcher = self._current().searcher()
        query = tantivy.Query.term_set_query(self.schema, "id", ids)
        result = searcher.search(query, len(ids))
        hits = [_hit(searcher.doc(address), 0.0, True) for _score, address in result.hits]
        return {hit.id: hit for hit in hits}


def _identity(path: Path) -> tuple[int, int] | None:
    """What tells this directory from one deleted and created again: its inode, or None
    when it is gone or has lost its index (meta.json)."""
    try:
        stat = os.stat(path)
        os.stat(path / "meta.json")
    except FileNotFoundError:
        return None
    return stat.st_dev, stat.st_ino


def _bound(value):
    if isinstance(value, datetime):
        return to_timestamp(value)
    return value


def _hit(stored, score: float, with_terms: bool, key: str | None = None) -> SearchHit:
    payload = json.loads(bytes(stored.get_first("payload")))
    return hit_from_payload(stored.get_first("id"), payload, score, with_terms, key)
