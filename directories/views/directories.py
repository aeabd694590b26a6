"""Administrators' pages for recommendation directories: the list, creating and editing a
directory, the draft being prepared (propose, screen, classify, publish), versions and
their export. Everyone else gets 404."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from catalog.models import ChainNode
from core.http import form_errors_to_messages, redirect_back, run_action
from core.spreadsheets import Sheet, xlsx_response

from .. import rules, services
from ..forms_directories import ClassifyForm, DirectoryForm, ExcludeForm, IncludeForm, PublishForm
from ..models import EntryDecision
from ..selectors import directories as selectors
from ..transitions import ENTRY_TRANSITIONS, VERSION_TRANSITIONS

ENTRIES_PER_PAGE = 50


def directory_list(request):
    if not rules.can_curate_directories(request.user):
        raise Http404
    context = {"directories": list(selectors.directory_list())}
    return render(request, "directories/directory_list.html", context)


def directory_create(request):
    if not rules.can_curate_directories(request.user):
        raise Http404
    form = DirectoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            lambda: services.directory_create(actor=request.user, **form.service_data()),
            success=_("The directory was created. Propose candidates to fill its first version."),
            form=form,
        )
        if outcome:
            return redirect("directories:directory_detail", pk=outcome.value.pk)
    return render(request, "directories/directory_form.html", {"form": form, "directory": None})


def directory_edit(request, pk: int):
    directory = rules.access_directory(request.user, pk)
    form = DirectoryForm(request.POST or None, directory=directory)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            lambda: services.directory_update(
                actor=request.user, directory=directory, **form.service_data()
            ),
            success=_("The criteria were saved; they apply to the next proposal."),
            form=form,
        )
        if outcome:
            return redirect("directories:directory_detail", pk=directory.pk)
    context = {"form": form, "directory": directory}
    return render(request, "directories/directory_form.html", context)


def _entry_filters(request) -> selectors.EntryFilters:
    params = request.GET
    decision = params.get("decision", "")
    return selectors.EntryFilters(
        decision=decision if decision in EntryDecision.values else "",
        text=params.get("q", "").strip()[:100],
        category=params.get("category", "")[:60],
        unclassified=params.get("unclassified") == "1",
    )


def _entries_page(request, version, filters):
    entries = selectors.version_entries(version, filters)
    page = Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = selectors.with_flags(page.object_list)
    for entry in page.object_list:
        entry.because = selectors.because_of(entry)
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


def _tabs(counts: dict[str, int]) -> list[tuple[str, str, int]]:
    return [("", _("All"), counts["all"])] + [
        (value, label, counts[value]) for value, label in EntryDecision.choices
    ]


def directory_detail(request, pk: int):
    """The draft being prepared (or, when none, the way to start the next version)."""
    directory = rules.access_directory(request.user, pk)
    draft = selectors.draft_version(directory)
    context = {
        "directory": directory,
        "draft": draft,
        "versions": selectors.directory_versions(directory),
        "events": selectors.directory_events(directory),
        "latest": selectors.latest_published_version(directory),
        "criteria": selectors.criteria_summary(directory),
    }
    if draft is not None:
        filters = _entry_filters(request)
        page, query_string = _entries_page(request, draft, filters)
        problems = selectors.publish_problems(draft)
        context.update(
            filters=filters,
            page=page,
            query_string=query_string,
            tabs=_tabs(selectors.decision_counts(draft)),
            node_groups=selectors.chain_node_options(directory),
            publish=VERSION_TRANSITIONS["publish"],
            publish_problems=problems,
            publish_form=PublishForm(),
            include=ENTRY_TRANSITIONS["include"],
            exclude=ENTRY_TRANSITIONS["exclude"],
            changes=selectors.version_changes(draft),
        )
    return render(request, "directories/directory_detail.html", context)


@require_POST
def directory_propose(request, pk: int):
    directory = rules.access_directory(request.user, pk)
    run_action(
        request,
        lambda: services.directory_propose(actor=request.user, directory=directory),
        success=lambda added: (
            ngettext(
                "%(count)d candidate was added to the draft.",
                "%(count)d candidates were added to the draft.",
                added,
            )
            % {"count": added}
        ),
    )
    return redirect("directories:directory_detail", pk=directory.pk)


@require_POST
def version_start_next(request, pk: int):
    directory = rules.access_directory(request.user, pk)
    run_action(
        request,
        lambda: services.version_start_next(actor=request.user, directory=directory),
        success=lambda version: (
            _("Version %(number)d is being prepared, starting from the latest published one.")
            % {"number": version.number}
        ),
    )
    return redirect("directories:directory_detail", pk=directory.pk)


def _back_to(entry) -> str:
    return reverse("directories:directory_detail", args=[entry.version.directory_id])


@require_POST
def entry_include(request, pk: int):
    entry = rules.access_entry(request.user, pk)
    form = IncludeForm(request.POST)
    if form.is_valid():
        run_action(
            request,
            lambda: services.entry_include(
                actor=request.user, entry=entry, reason=form.cleaned_data["reason"]
            ),
            success=_("Included: %(name)s.") % {"name": entry.title},
        )
    else:
        form_errors_to_messages(request, form)
    return redirect_back(request, _back_to(entry))


@require_POST
def entry_exclude(request, pk: int):
    entry = rules.access_entry(request.user, pk)
    form = ExcludeForm(request.POST)
    if form.is_valid():
        run_action(
            request,
            lambda: services.entry_exclude(
                actor=request.user, entry=entry, reason=form.cleaned_data["reason"]
            ),
            success=_("Excluded: %(name)s.") % {"name": entry.title},
        )
    else:
        form_errors_to_messages(request, form)
    return redirect_back(request, _back_to(entry))


@require_POST
def entry_classify(request, pk: int):
    entry = rules.access_entry(request.user, pk)
    form = ClassifyForm(request.POST, directory=entry.version.directory)
    if form.is_valid():
        node_id = form.cleaned_data["chain_node"]
        node = ChainNode.objects.filter(pk=node_id).first() if node_id else None
        run_action(
            request,
            lambda: services.entry_classify(
                actor=request.user,
                entry=entry,
                chain_node=node,
                category=form.cleaned_data["category"],
            ),
            success=_("Classified: %(name)s.") % {"name": entry.title},
        )
    else:
        form_errors_to_messages(request, form)
    return redirect_back(request, _back_to(entry))


@require_POST
def version_publish(request, pk: int):
    version = rules.access_version(request.user, pk)
    form = PublishForm(request.POST)
    if form.is_valid():
        outcome = run_action(
            request,
            lambda: services.version_publish(
                actor=request.user, version=version, note=form.cleaned_data["note"]
            ),
            success=_("Version %(number)d is published; it never changes from now on.")
            % {"number": version.number},
        )
        if outcome:
            return redirect("directories:version_detail", pk=version.pk)
    else:
        form_errors_to_messages(request, form)
    return redirect("directories:directory_detail", pk=version.directory_id)


def version_detail(request, pk: int):
    """One version as it stands: its entries by decision, what changed since the previous
    published version, and the live flags. A published version offers no form."""
    version = rules.access_version(request.user, pk)
    filters = _entry_filters(request)
    page, query_string = _entries_page(request, version, filters)
    context = {
        "version": version,
        "directory": version.directory,
        "filters": filters,
        "page": page,
        "query_string": query_string,
        "tabs": _tabs(selectors.decision_counts(version)),
        "changes": selectors.version_changes(version),
    }
    return render(request, "directories/version_detail.html", context)


def version_export(request, pk: int):
    """The included entries of a version as an xlsx workbook."""
    version = rules.access_version(request.user, pk)
    headings = [
        _("No."),
        _("Name"),
        _("Organization"),
        _("Province"),
        _("Qualification"),
        _("Chain node"),
        _("Category"),
        _("Industry (GB/T 4754)"),
        _("Flags"),
    ]
    directory = version.directory
    sheet = Sheet(
        title=f"{directory.title} v{version.number}",
        headings=headings,
        rows=selectors.version_export_rows(version),
    )
    return xlsx_response([sheet], f"directory-{directory.pk}-v{version.number}")
