"""From a visitor's search form to engine results ready for the page."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .analysis import get_analyzer
from .documents import document_types
from .engines import get_engine
from .engines.base import SORTS, SearchHit, SearchQuery, SearchResults
from .highlight import highlight
from .labels import labels_for

PAGE_SIZE = 20
# Relevance pages go by offset; past this many results, narrow the search instead.
MAX_RELEVANCE_RESULTS = 1000
# Values shown per facet (the most frequent), plus any the visitor ticked.
FACET_OPTIONS = 12
FILTER_FACETS = (
    "type",
    "call_kind",
    "resource_kind",
    "maturity",
    "status",
    "chain_node",
    "province",
    "org_kind",
    "qualification",
    "section",
)
FACET_TITLES = {
    "type": _("Type"),
    "call_kind": _("Kind of call"),
    "resource_kind": _("Kind of resource"),
    "maturity": _("Maturity"),
    "status": _("Status"),
    "chain_node": _("Chain node"),
    "province": _("Province"),
    "org_kind": _("Organization kind"),
    "qualification": _("Qualification"),
    "section": _("Industry section"),
}
SORT_LABELS = {
    "relevance": _("Relevance"),
    "newest": _("Newest"),
    "deadline": _("Deadline"),
}


@dataclass
class SearchParams:
    text: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    min_trl: int | None = None
    sort: str = "relevance"
    page: int = 1
    after: int | None = None

    @classmethod
    def from_querydict(cls, params) -> SearchParams:
        filters = {}
        for name in FILTER_FACETS:
            values = [v[:40] for v in params.getlist(name) if v][:20]
            if values:
                filters[name] = values
        types = set(document_types())
        if "type" in filters:
            filters["type"] = [t for t in filters["type"] if t in types] or list(types)
        sort = params.get("sort", "relevance")
        return cls(
            text=params.get("q", "").strip()[:200],
            filters=filters,
            min_trl=_int(params.get("trl"), 1, 9),
            sort=sort if sort in SORTS else "relevance",
            page=_int(params.get("page"), 1, MAX_RELEVANCE_RESULTS // PAGE_SIZE) or 1,
            after=_int(params.get("after"), 0, 2**63 - 1),
        )


def _int(value, low: int, high: int) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high else None


def build_query(params: SearchParams) -> tuple[SearchQuery, list[str]]:
    """Return the engine query and the analyzed terms (for highlighting).

    The ticked facet values are facet filters: ORed within a facet, ANDed across facets,
    and each facet is counted without its own ticks. Date-sorted pages ask for one hit
    more than they show, to know whether there is a next page.
    """
    terms = get_analyzer().query_terms(params.text) if params.text else []
    ranges = {}
    if params.min_trl:
        ranges["trl"] = (params.min_trl, None)
    filters, facet_filters = {}, dict(params.filters)
    if params.sort == "deadline":
        # Only calls have deadlines.
        filters["type"] = ["call"]
        facet_filters.pop("type", None)
    by_date = params.sort != "relevance"
    query = SearchQuery(
        terms={term: 1.0 for term in terms},
        minimum_should_match=len(terms) if len(terms) <= 2 else math.ceil(len(terms) * 0.6),
        filters=filters,
        facet_filters=facet_filters,
        ranges=ranges,
        facets=list(FILTER_FACETS),
        sort=params.sort,
        limit=PAGE_SIZE + 1 if by_date else PAGE_SIZE,
        offset=0 if by_date else (params.page - 1) * PAGE_SIZE,
        search_after=params.after if by_date else None,
    )
    return query, terms


@dataclass
class ResultRow:
    hit: SearchHit
    title: str
    snippet: str
    type_label: str


@dataclass
class SearchPage:
    params: SearchParams
    results: SearchResults
    rows: list[ResultRow]
    facets: list[tuple[str, object, list[tuple[str, str, int, bool]]]]
    more: bool = False  # date-sorted pages: whether hits follow this page

    @property
    def has_next(self) -> bool:
        if self.params.sort == "relevance":
            shown = self.params.page * PAGE_SIZE
            return shown < min(self.results.total, MAX_RELEVANCE_RESULTS)
        return self.more

    @property
    def has_previous(self) -> bool:
        return self.params.sort == "relevance" and self.params.page > 1

    @property
    def is_paginated(self) -> bool:
        """Whether there is more than one page (no lone "1" under one page of results)."""
        return self.has_previous or self.has_next


def run_search(params: SearchParams) -> SearchPage:
    query, terms = build_query(params)
    results = get_engine().search(query)
    more = len(results.hits) > PAGE_SIZE
    del results.hits[PAGE_SIZE:]
    matched = set(terms)
    type_labels = {name: str(kind.label) for name, kind in document_types().items()}
    rows = [
        ResultRow(
            hit=hit,
            title=highlight(hit.title, matched),
            snippet=highlight(hit.summary, matched, limit=160),
            type_label=type_labels.get(hit.type, hit.type),
        )
        for hit in results.hits
    ]
    facets = []
    for name in FILTER_FACETS:
        buckets = results.facets.get(name, [])
        selected = set(params.filters.get(name, []))
        values = [value for value, _count in buckets] + [
            v for v in selected if v not in {b[0] for b in buckets}
        ]
        # The most frequent values, and every ticked one (a ticked box must stay in the form).
        values = [v for index, v in enumerate(values) if index < FACET_OPTIONS or v in selected]
        labels = type_labels if name == "type" else labels_for(name, values)
        counts = dict(buckets)
        options = [
            (value, labels.get(value, value), counts.get(value, 0), value in selected)
            for value in values
        ]
        if options:
            facets.append((name, FACET_TITLES[name], options))
    return SearchPage(params=params, results=results, rows=rows, facets=facets, more=more)
