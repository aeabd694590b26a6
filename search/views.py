"""The one search page over calls, products, results, resources and organizations."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from .engines.base import EngineUnavailable
from .query import SORT_LABELS, SearchParams, run_search


@login_not_required
def search(request):
    params = SearchParams.from_querydict(request.GET)
    page, unavailable = None, False
    try:
        page = run_search(params)
    except EngineUnavailable:
        unavailable = True
    base = request.GET.copy()
    for key in ("page", "after"):
        base.pop(key, None)
    context = {
        "params": params,
        "page": page,
        "unavailable": unavailable,
        "sorts": list(SORT_LABELS.items()),
        "base_query": base.urlencode(),
    }
    template = "search/_results.html" if request.htmx else "search/search.html"
    return render(request, template, context)
