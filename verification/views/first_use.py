"""First uses (先试首用): the evidence a verification project's winner and handlers file,
its private files, and the product page's panel of verified first uses with their evidence
and the product's first-set / first-batch / first-version catalogue entries."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from catalog import services as catalog_services
from challenges import services as call_services
from core.http import form_errors_to_messages, redirect_back, run_action

from .. import rules, selectors
from ..forms import CatalogueEntryForm, EvidenceForm


def call_evidence_context(request, call) -> dict:
    """What the project panel shows of first-use evidence: each winner the user may see,
    with its documents, the kinds still missing and, for its parties, the upload form."""
    user = request.user
    kinds = call_services.evidence_kinds_open(call)
    winners = []
    for winner in selectors.call_winners_evidence(call):
        application = winner.application
        if not rules.can_see_first_use_evidence(user, application):
            continue
        can_add = rules.can_add_first_use_evidence(user, application)
        winner.can_add = can_add
        winner.form = EvidenceForm(kinds=kinds, prefix=f"a{application.pk}") if can_add else None
        winner.downloadable = bool(winner.evidence) and rules.can_download_first_use_evidence(
            user, winner.evidence[0]
        )
        winners.append(winner)
    return {
        "winners": winners,
        "open_kinds": call_services.evidence_kinds_open(call),
        "next": call.get_absolute_url(),
    }


@require_POST
def evidence_add(request, pk: int):
    application = rules.access_application_for_evidence(request.user, pk)
    call = application.call
    form = EvidenceForm(
        request.POST,
        request.FILES,
        kinds=call_services.evidence_kinds_open(call),
        prefix=f"a{application.pk}",
    )
    if not form.is_valid():
        form_errors_to_messages(request, form)
    else:
        run_action(
            request,
            lambda: call_services.first_use_evidence_add(
                actor=request.user, application=application, **form.service_data()
            ),
            success=_("The document is on file."),
        )
    return redirect_back(request, call.get_absolute_url())


@require_GET
def evidence_file(request, pk: int):
    """The file of a document, to those entitled only, always as a download."""
    evidence = rules.access_evidence_file(request.user, pk)
    response = FileResponse(
        evidence.file.open("rb"), as_attachment=True, filename=evidence.file_name
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def evidence_remove(request, pk: int):
    evidence = rules.access_evidence_file(request.user, pk)
    run_action(
        request,
        lambda: call_services.first_use_evidence_remove(actor=request.user, evidence=evidence),
        success=_("The document was removed."),
    )
    return redirect_back(request, evidence.application.call.get_absolute_url())


@login_not_required
@require_GET
def product_panel(request, pk: int):
    """The product page's panel: each verified first use with its user firm, project,
    date and evidence (files for those entitled), and the catalogue entries."""
    product = rules.access_product(request.user, pk)
    first_uses = selectors.product_first_uses(product)
    for first_use in first_uses:
        first_use.downloadable = bool(first_use.evidence) and (
            rules.can_download_first_use_evidence(request.user, first_use.evidence[0])
        )
    can_record = rules.can_record_catalogue_entry(request.user, product)
    context = {
        "product": product,
        "first_uses": first_uses,
        "entries": list(selectors.catalogue_entries_of(product)),
        "can_record": can_record,
        "entry_form": CatalogueEntryForm() if can_record else None,
    }
    return render(request, "verification/_product_panel.html", context)


@require_POST
def catalogue_entry_add(request, pk: int):
    product = rules.access_product(request.user, pk)
    form = CatalogueEntryForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
    else:
        run_action(
            request,
            lambda: catalog_services.catalogue_entry_add(
                actor=request.user, product=product, **form.service_data()
            ),
            success=_("The catalogue entry is recorded."),
        )
    return redirect(product.get_absolute_url())


@require_POST
def catalogue_entry_remove(request, pk: int):
    entry = rules.access_catalogue_entry(request.user, pk)
    run_action(
        request,
        lambda: catalog_services.catalogue_entry_remove(actor=request.user, entry=entry),
        success=_("The catalogue entry was removed."),
    )
    return redirect(entry.product.get_absolute_url())
