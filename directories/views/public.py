"""Public pages of published recommendation directories, for anyone (anonymous visitors
too): the list, and a directory's latest published version (or an older one) with a search
box, facets with counts, flags and what changed."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from core.ids import parse_id

from .. import rules
from ..selectors import directories as selectors

ENTRIES_PER_PAGE = 30


@login_not_required
def published_list(request):
    context = {"rows": selectors.published_directories()}
    return render(request, "directories/published_list.html", context)


@login_not_required
def published_detail(request, pk: int):
    directory = rules.access_published_directory(request.user, pk)
    number = parse_id(request.GET.get("version"))
    version = selectors.published_version(directory, number)
    if version is None:
        raise Http404
    versions = selectors.published_versions(directory)
    filters = selectors.PublicFilters.from_querydict(request.GET)
    listing = selectors.public_entries(version, filters)
    page = Paginator(listing.entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = selectors.with_flags(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "directory": directory,
        "version": version,
        "is_latest": version.pk == versions[0].pk,
        "versions": versions,
        "filters": filters,
        "facets": listing.facets,
        "page": page,
        "query_string": query.urlencode(),
        "changes": selectors.version_changes(version),
        "can_curate": rules.can_curate_directories(request.user),
    }
    return render(request, "directories/published_detail.html", context)
