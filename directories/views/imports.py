"""Administrators' pages for official lists: upload and check, read the report, apply."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.http import run_action

from .. import rules, selectors, services
from ..forms import QualificationImportForm


def qualification_import_list(request):
    """Upload a list (checked at once, nothing imported) and see the recent imports."""
    if not rules.can_import_qualifications(request.user):
        raise Http404
    form = QualificationImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        outcome = run_action(
            request,
            lambda: services.qualification_import_upload(
                actor=request.user, file=upload, file_name=upload.name
            ),
        )
        if outcome:
            return redirect("directories:qualification_import_detail", pk=outcome.value.pk)
    context = {"form": form, "imports": list(selectors.qualification_import_list())}
    return render(request, "directories/qualification_import_list.html", context)


def qualification_import_detail(request, pk: int):
    """The report of a dry run (or of the import once applied)."""
    qualification_import = rules.access_qualification_import(request.user, pk)
    context = {
        "import": qualification_import,
        "done": services.rows_done(qualification_import),
        "sources": list(selectors.sources_of_import(qualification_import)),
    }
    return render(request, "directories/qualification_import_detail.html", context)


@require_POST
def qualification_import_apply(request, pk: int):
    qualification_import = rules.access_qualification_import(request.user, pk)
    run_action(
        request,
        lambda: services.qualification_import_apply(
            actor=request.user, qualification_import=qualification_import
        ),
    )
    return redirect("directories:qualification_import_detail", pk=qualification_import.pk)


def qualification_import_progress(request, pk: int):
    """The progress bar of a running check or apply, polled by the report page; once the
    work is done it asks the page to reload and show the report."""
    qualification_import = rules.access_qualification_import(request.user, pk)
    if not qualification_import.is_running:
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(
        request,
        "directories/_import_progress.html",
        {"import": qualification_import, "done": services.rows_done(qualification_import)},
    )
