"""The one search page over calls, products, results, resources and organizations, and the
searches users save from it to be told of new matches."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.http import form_errors_to_messages, run_action

from . import rules, selectors, services
from .engines.base import EngineUnavailable
from .forms import SavedSearchNameForm
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


# --- saved searches ---------------------------------------------------------------------------


def saved_search_list(request):
    return render(
        request,
        "search/saved_searches.html",
        {
            "rows": selectors.saved_search_rows(request.user),
            "limit": services.SAVED_SEARCH_LIMIT,
        },
    )


@require_POST
def save_search(request):
    """Save the search the page shows (its words, ticked values and minimum TRL)."""
    params = SearchParams.from_querydict(request.POST)
    run_action(
        request,
        lambda: services.saved_search_create(
            actor=request.user, params=params, name=request.POST.get("name", "")
        ),
        success=lambda saved: (
            _("Saved as “%(name)s”. You are notified when new records match it.")
            % {"name": saved.name}
        ),
    )
    return redirect(selectors.search_url(params))


def open_saved_search(request, pk: int):
    """Show the saved search's results, newest first; what was new is now seen."""
    saved = rules.access_saved_search(request.user, pk)
    services.saved_search_mark_seen(actor=request.user, saved_search=saved)
    return redirect(selectors.search_url(selectors.params_of(saved, sort="newest")))


@require_POST
def rename_saved_search(request, pk: int):
    saved = rules.access_saved_search(request.user, pk)
    form = SavedSearchNameForm(request.POST)
    if form.is_valid():
        name = form.cleaned_data["name"]
        run_action(
            request,
            lambda: services.saved_search_rename(actor=request.user, saved_search=saved, name=name),
            success=_("Renamed to “%(name)s”.") % {"name": name},
        )
    else:
        form_errors_to_messages(request, form)
    return redirect("search:saved_search_list")


@require_POST
def pause_saved_search(request, pk: int):
    message = _("Notifications paused for “%(name)s”.")
    return _change_saved_search(request, pk, services.saved_search_pause, message)


@require_POST
def resume_saved_search(request, pk: int):
    message = _("Notifications resumed for “%(name)s”.")
    return _change_saved_search(request, pk, services.saved_search_resume, message)


@require_POST
def delete_saved_search(request, pk: int):
    message = _("Deleted the saved search “%(name)s”.")
    return _change_saved_search(request, pk, services.saved_search_delete, message)


def _change_saved_search(request, pk: int, service, message: str):
    """Make ``service``'s change to the user's saved search ``pk``, tell ``message`` (naming
    the search as it was) when it went through, and go back to the list."""
    saved = rules.access_saved_search(request.user, pk)
    run_action(
        request,
        lambda: service(actor=request.user, saved_search=saved),
        success=message % {"name": saved.name},
    )
    return redirect("search:saved_search_list")
