"""The interface both engines implement, and the query and result shapes they share."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..documents import TYPE_NUMBER_BITS, SearchDocument, type_number

SORTS = ("relevance", "newest", "deadline")
FACET_SIZE = 100
# A term in the title counts this many times one in the body.
TITLE_BOOST = 2.0


class EngineUnavailable(Exception):
    """The engine cannot be written to or read from right now (down, or locked)."""


@dataclass
class SearchQuery:
    """A query both engines understand.

    ``terms`` maps analyzed terms to weights (a plain search gives each term weight 1); a
    document must match at least ``minimum_should_match`` of them. Filters are ANDed across
    fields and ORed within one field; ``ranges`` bound integer fields (``trl``) and dates
    (``published_at``, ``deadline``) inclusively.

    ``facet_filters`` are the values a visitor ticked in the facets (ORed within a facet,
    ANDed across facets, like ``filters``). They narrow the hits and every other facet's
    counts, but not the counts of their own facet, so that ticking "product" still shows
    how many results and calls there are (multi-select faceting). ``filters`` narrow
    everything, counts included.
    """

    terms: dict[str, float] = field(default_factory=dict)
    minimum_should_match: int = 1
    filters: dict[str, list[str]] = field(default_factory=dict)
    facet_filters: dict[str, list[str]] = field(default_factory=dict)
    exclude_ids: list[str] = field(default_factory=list)
    ranges: dict[str, tuple] = field(default_factory=dict)
    facets: list[str] = field(default_factory=list)
    sort: str = "relevance"
    limit: int = 20
    offset: int = 0
    search_after: int | None = None
    with_terms: bool = False


@dataclass
class SearchHit:
    id: str
    type: str
    pk: int
    score: float
    title: str
    summary: str
    url: str
    organization: str
    organization_id: int | None
    published_at: datetime | None
    deadline: datetime | None
    trl: int | None
    verified: bool
    facets: dict[str, list[str]]
    terms: frozenset[str] = frozenset()
    sort_key: int | None = None


@dataclass
class SearchResults:
    hits: list[SearchHit]
    total: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    @property
    def next_after(self) -> int | None:
        """The cursor for the next page of a date-sorted search."""
        return self.hits[-1].sort_key if self.hits else None


@dataclass(frozen=True)
class Change:
    """An outbox change to apply: index ``document`` or, when it is None, delete ``id``.

    ``version`` grows with every change of the record; an engine that can (Elasticsearch)
    refuses a write older than what it holds.
    """

    id: str
    version: int
    document: SearchDocument | None


def to_timestamp(moment: datetime | None) -> int | None:
    """Microseconds since the epoch, the integer form dates are indexed in."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp() * 1_000_000)


def from_timestamp(value: int | None) -> datetime | None:
    if value is None:
        return None
    return datetime.fromtimestamp(value / 1_000_000, tz=UTC)


# Date-sort keys, one signed 64-bit integer per document and date, unique across every
# document type (search_after pages on them, so two equal keys would skip a record):
#
#     bit 63: 0 (the key is never negative)
#     bits 31-62: whole seconds since SORT_EPOCH (32 bits: 2000-01-01 to 2136-02-07)
#     bits 27-30: the document type's number (DocumentType.number, 1 to 15)
#     bits 0-26:  the pk (0 to 134,217,727)
#
# Dates outside the window sort as its nearest end; the key stays unique all the same.
SORT_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
SORT_PK_BITS = 27
SORT_SECONDS_BITS = 63 - TYPE_NUMBER_BITS - SORT_PK_BITS
MAX_SORT_PK = 2**SORT_PK_BITS - 1
MAX_SORT_SECONDS = 2**SORT_SECONDS_BITS - 1
_EPOCH_SECONDS = int(SORT_EPOCH.timestamp())


def sort_key(moment: datetime | None, doc_type: str, pk: int) -> int:
    """Return the unique integer a date-sorted page orders ``doc_type:pk`` by.

    Raise ``ValueError`` when the pk does not fit in the key (see the layout above).
    """
    if not 0 <= pk <= MAX_SORT_PK:
        raise ValueError(
            f"{doc_type}:{pk}: the pk is outside the range of the date-sort key "
            f"(0 to {MAX_SORT_PK}); widen SORT_PK_BITS and rebuild the index."
        )
    seconds = 0
    if moment is not None:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        seconds = min(max(math.floor(moment.timestamp()) - _EPOCH_SECONDS, 0), MAX_SORT_SECONDS)
    return (
        (seconds << (TYPE_NUMBER_BITS + SORT_PK_BITS))
        | (type_number(doc_type) << SORT_PK_BITS)
        | pk
    )


class SearchEngine:
    """Both engines implement these; callers never need to know which one runs."""

    name = ""

    def apply(self, changes: list[Change]) -> None:
        raise NotImplementedError

    def rebuild(self, documents: Iterable[SearchDocument], *, on_progress=None) -> int:
        """Replace the whole index with ``documents``; readers keep the old one meanwhile."""
        raise NotImplementedError

    def search(self, query: SearchQuery) -> SearchResults:
        raise NotImplementedError

    def doc_freqs(self, terms: Iterable[str]) -> dict[str, int]:
        """How many documents contain each term (title or body)."""
        raise NotImplementedError

    def num_docs(self) -> int:
        raise NotImplementedError

    def get(self, ids: Iterable[str]) -> dict[str, SearchHit]:
        """Fetch stored documents by id."""
        raise NotImplementedError


def payload_of(document: SearchDocument) -> dict:
    """What both engines store for a document: display data, facets and analyzed terms."""
    return {
        "type": document.type,
        "pk": document.pk,
        "title": document.title,
        "summary": document.summary,
        "url": document.url,
        "organization": document.organization,
        "organization_id": document.organization_id,
        "published_at": to_timestamp(document.published_at),
        "deadline": to_timestamp(document.deadline),
        "trl": document.trl,
        "verified": document.verified,
        "facets": document.facets,
        "terms": sorted(document.terms),
        "newest_key": sort_key(document.published_at, document.type, document.pk),
        "deadline_key": (
            sort_key(document.deadline, document.type, document.pk) if document.deadline else None
        ),
    }


def hit_from_payload(
    doc_id: str, payload: dict, score: float, with_terms: bool, key: str | None = None
) -> SearchHit:
    return SearchHit(
        id=doc_id,
        type=payload["type"],
        pk=payload["pk"],
        score=score,
        title=payload["title"],
        summary=payload["summary"],
        url=payload["url"],
        organization=payload["organization"],
        organization_id=payload["organization_id"],
        published_at=from_timestamp(payload["published_at"]),
        deadline=from_timestamp(payload["deadline"]),
        trl=payload["trl"],
        verified=payload["verified"],
        facets=payload["facets"],
        terms=frozenset(payload["terms"]) if with_terms else frozenset(),
        sort_key=payload.get(key) if key else None,
    )
