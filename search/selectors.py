"""Reads of saved searches: a user's list, what each one asks for, and its new matches."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse

from .documents import document_types
from .engines.base import SearchEngine, to_timestamp
from .labels import labels_for
from .models import SavedSearch
from .query import FILTER_FACETS, SearchParams, build_query

# Hits read per request while counting a saved search's new matches.
NEW_MATCHES_PAGE = 200


def params_of(saved_search: SavedSearch, *, sort: str = "relevance") -> SearchParams:
    """The search page's parameters for what the saved search asks for."""
    filters = {
        name: list(values)
        for name, values in (saved_search.filters or {}).items()
        if name in FILTER_FACETS
    }
    return SearchParams(
        text=saved_search.text, filters=filters, min_trl=saved_search.min_trl, sort=sort
    )


def query_string(params: SearchParams) -> str:
    """The search page's query string for ``params`` (words, ticked values, TRL, sort)."""
    query = QueryDict(mutable=True)
    if params.text:
        query["q"] = params.text
    for name in FILTER_FACETS:
        if params.filters.get(name):
            query.setlist(name, params.filters[name])
    if params.min_trl:
        query["trl"] = str(params.min_trl)
    if params.sort != "relevance":
        query["sort"] = params.sort
    return query.urlencode()


def search_url(params: SearchParams) -> str:
    encoded = query_string(params)
    return reverse("search:search") + (f"?{encoded}" if encoded else "")


def describe(searches: Iterable[SearchParams]) -> list[list[str]]:
    """What each search asks for, in words: its text, the labels of its ticked values, its
    minimum TRL. Labels are looked up once per facet for all the searches together."""
    searches = list(searches)
    values: dict[str, set[str]] = {}
    for params in searches:
        for name, ticked in params.filters.items():
            values.setdefault(name, set()).update(ticked)
    type_labels = {name: str(kind.label) for name, kind in document_types().items()}
    labels = {
        name: type_labels if name == "type" else labels_for(name, sorted(ticked))
        for name, ticked in values.items()
    }
    described = []
    for params in searches:
        parts = [params.text] if params.text else []
        for name in FILTER_FACETS:
            parts += [labels[name].get(v, v) for v in params.filters.get(name, [])]
        if params.min_trl:
            parts.append(f"TRL ≥ {params.min_trl}")
        described.append(parts)
    return described


@dataclass
class SavedSearchRow:
    saved_search: SavedSearch
    criteria: list[str]
    results_url: str


def saved_searches_of(user) -> QuerySet[SavedSearch]:
    return SavedSearch.objects.filter(user=user).order_by("-created_at", "-pk")


def saved_search_rows(user) -> list[SavedSearchRow]:
    """The user's saved searches with their criteria in words (a constant number of
    queries: one for the searches, at most one per facet for labels)."""
    searches = list(saved_searches_of(user))
    criteria = describe(params_of(saved) for saved in searches)
    return [
        SavedSearchRow(
            saved_search=saved,
            criteria=parts,
            results_url=reverse("search:saved_search_open", args=[saved.pk]),
        )
        for saved, parts in zip(searches, criteria, strict=True)
    ]


def new_matches_count(
    saved_search: SavedSearch,
    *,
    since: datetime,
    until: datetime,
    exclude_organization_id: int | None,
    engine: SearchEngine,
) -> int:
    """Count the indexed records published after ``since`` and up to ``until`` that match
    the saved search, leaving out what ``exclude_organization_id`` published.

    The bounds are compared as the integers dates are indexed in, so consecutive windows
    (``until`` of one is ``since`` of the next) count every record exactly once. The
    engines filter on facets but not on the publishing organization: when one is left out,
    the window's hits are read newest first, page by page, and its own skipped (a window
    holds what was published in a few minutes).
    """
    query, _terms = build_query(params_of(saved_search, sort="newest"))
    query = replace(
        query,
        ranges={**query.ranges, "published_at": (to_timestamp(since) + 1, to_timestamp(until))},
        facets=[],
        limit=NEW_MATCHES_PAGE,
        offset=0,
        search_after=None,
    )
    count = 0
    while True:
        results = engine.search(query)
        if exclude_organization_id is None:
            return results.total
        count += sum(1 for hit in results.hits if hit.organization_id != exclude_organization_id)
        if len(results.hits) < NEW_MATCHES_PAGE:
            return count
        query = replace(query, search_after=results.next_after)
