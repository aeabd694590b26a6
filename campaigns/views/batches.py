"""Published batches: the public 榜单 of calls or 成果转移目录 of results, and its xlsx
export. Who submitted an anonymous problem shows only to the organizer, administrators and
the submitting organization; everyone else sees the call's description instead."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.spreadsheets import Sheet, xlsx_response

from .. import rules, selectors
from ..models import CampaignKind


def _entries(user, batch) -> list:
    entries = selectors.batch_entries(batch)
    for entry in entries:
        label = entry.call.anonymous_label if entry.call else entry.anonymous_label
        entry.is_anonymous = bool(entry.call.anonymous if entry.call else label)
        entry.submitter_name = (
            entry.organization.name if rules.shows_submitter(user, entry) else label
        )
        entry.merged_names = [
            merged.organization.name if rules.shows_submitter(user, merged) else ""
            for merged in entry.merged.all()
        ]
    return entries


@login_not_required
@require_GET
def batch_detail(request, pk: int):
    batch = rules.access_batch(request.user, pk)
    context = {
        "batch": batch,
        "campaign": batch.campaign,
        "entries": _entries(request.user, batch),
        "is_results": batch.campaign.kind == CampaignKind.RESULTS,
    }
    return render(request, "campaigns/batch_detail.html", context)


@login_not_required
@require_GET
def batch_export(request, pk: int):
    """The batch as an xlsx workbook, with the same anonymity as the page."""
    batch = rules.access_batch(request.user, pk)
    entries = _entries(request.user, batch)
    if batch.campaign.kind == CampaignKind.RESULTS:
        headings = [_("No."), _("Research result"), _("Submitted by"), _("Link")]
        rows = [
            [
                number,
                entry.result.title if entry.result else entry.title,
                entry.submitter_name,
                request.build_absolute_uri(entry.result.get_absolute_url()) if entry.result else "",
            ]
            for number, entry in enumerate(entries, start=1)
        ]
    else:
        headings = [
            _("No."),
            _("Call"),
            _("Issued by"),
            _("Award or budget (yuan)"),
            _("Application deadline"),
            _("Link"),
        ]
        rows = [
            [
                number,
                entry.call.title if entry.call else entry.title,
                entry.submitter_name,
                entry.call.amount if entry.call else None,
                timezone.localtime(entry.call.deadline).strftime("%Y-%m-%d %H:%M")
                if entry.call
                else "",
                request.build_absolute_uri(entry.call.get_absolute_url()) if entry.call else "",
            ]
            for number, entry in enumerate(entries, start=1)
        ]
    sheet = Sheet(title=batch.title[:31], headings=headings, rows=rows)
    return xlsx_response([sheet], f"campaign-{batch.campaign_id}-batch-{batch.number}")
