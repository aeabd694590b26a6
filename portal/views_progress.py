"""The progress pages of measures 十–十五 for administrators and government departments: the
dashboard, the records behind each figure, the year-end report, and their xlsx exports.
Everyone else gets a 404 (``progress.require_progress_viewer``)."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.ids import parse_id
from core.spreadsheets import xlsx_response
from directories.models import Channel
from reference.regions import Province

from . import progress

RECORDS_PER_PAGE = 25
# Years a viewer may choose: from the year the measures were issued to the current one.
FIRST_YEAR = 2021
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


def _year(value) -> int | None:
    number = parse_id(value)
    return number if number is not None and 2000 <= number <= 2100 else None


def _month(value) -> date | None:
    found = _MONTH.fullmatch(str(value or ""))
    if not found or not 2000 <= int(found[1]) <= 2100 or not 1 <= int(found[2]) <= 12:
        return None
    return date(int(found[1]), int(found[2]), 1)


def _filters_from(params) -> progress.Filters:
    """The filters of the query string; anything not a possible value is ignored."""
    province = params.get("province", "")
    channel = params.get("channel", "")
    return progress.Filters(
        year=_year(params.get("year")),
        province=province if province in Province.values else "",
        channel=channel if channel in Channel.values else "",
        chain=parse_id(params.get("chain")),
        part=params.get("part", "")[:20],
        month=_month(params.get("month")),
    )


def _years() -> list[int]:
    return list(range(timezone.localdate().year, FIRST_YEAR - 1, -1))


def progress_dashboard(request):
    progress.require_progress_viewer(request.user)
    # The dashboard filters by year, province, channel and chain; parts and months are the
    # bars of its charts.
    filters = _filters_from(request.GET).without("part", "month")
    metric = request.GET.get("metric", "")
    if metric not in progress.DASHBOARD_FIGURES:
        metric = "recommendations"
    board = progress.dashboard(filters, metric)
    context = {
        "board": board,
        "filters": filters,
        "metric": metric,
        "query": urlencode(filters.params()),
        "years_options": [(year, year) for year in _years()],
        "provinces": Province.choices,
        "channels": Channel.choices,
        "chains": list(board.chains.items()),
        "metrics": [(key, progress.FIGURES[key].label) for key in progress.DASHBOARD_FIGURES],
        "report_year": filters.year or timezone.localdate().year,
    }
    return render(request, "portal/progress.html", context)


def progress_records(request):
    """The records behind one figure (``key``) under the dashboard's filters."""
    progress.require_progress_viewer(request.user)
    figure = progress.FIGURES.get(request.GET.get("key", ""))
    if figure is None:
        raise Http404
    filters = _filters_from(request.GET)
    if filters.part not in figure.part_labels:
        filters = filters.without("part")
    records = progress.records_ordered(progress.figure_records(figure, filters))
    page = Paginator(records, RECORDS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    chains = progress.chain_names() if filters.chain else {}
    applied = [
        (label, progress.dimension_label(figure, dimension, getattr(filters, dimension), chains))
        for dimension, label in (
            ("province", _("Province")),
            ("channel", _("Channel")),
            ("chain", _("Industrial chain")),
            ("part", _("Part")),
            ("month", _("Month")),
        )
        if getattr(filters, dimension) not in (None, "") and figure.has(dimension)
    ]
    if filters.year and figure.date:
        applied.insert(0, (_("Year"), str(filters.year)))
    context = {
        "figure": figure,
        "filters": filters,
        "applied": applied,
        "page": page,
        "headings": progress.record_headings(figure.records),
        # A money figure's sum over every record listed (all pages).
        "amount": progress.figure_amount(figure, filters),
        "rows": progress.record_rows(page.object_list, request.user),
        "query_string": query.urlencode(),
        "dashboard_query": urlencode(filters.without("part", "month").params()),
    }
    return render(request, "portal/progress_records.html", context)


def progress_export(request):
    """The dashboard's tables under its filters, as an xlsx workbook."""
    progress.require_progress_viewer(request.user)
    filters = _filters_from(request.GET).without("part", "month")
    stamp = timezone.localdate().isoformat()
    return xlsx_response(progress.dashboard_sheets(filters), f"progress-{stamp}")


def _report_year(request) -> int:
    return _year(request.GET.get("year")) or timezone.localdate().year


def report(request):
    """The year-end implementation report (落实情况) of measures 十–十五, printable."""
    progress.require_progress_viewer(request.user)
    year = _report_year(request)
    context = {
        "year": year,
        "years": _years(),
        "measures": progress.report(year),
        "generated_at": timezone.now(),
    }
    return render(request, "portal/report.html", context)


def report_export(request):
    progress.require_progress_viewer(request.user)
    year = _report_year(request)
    return xlsx_response(progress.report_sheets(year), f"implementation-report-{year}")
