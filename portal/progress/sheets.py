"""The dashboard's tables and the year-end report as xlsx sheets (``core.spreadsheets``
writes them, neutralising any cell that would compute)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.spreadsheets import Sheet

from .dashboard import BREAKDOWNS, chain_names, dimension_label, figure_view
from .figures import DASHBOARD_FIGURES, FIGURES, Filters, group_counts, months_of
from .report import report

__all__ = ["dashboard_sheets", "filter_rows", "report_sheets"]


def filter_rows(filters: Filters, chains: dict[int, str]) -> list[list[str]]:
    """The filters in words, one row each ("All" for those not set)."""
    anything = FIGURES["recommendations"]
    everything = _("All")

    def described(dimension: str):
        value = getattr(filters, dimension)
        if value in (None, ""):
            return everything
        return dimension_label(anything, dimension, value, chains)

    return [
        [_("Year"), str(filters.year) if filters.year else everything],
        [_("Province"), described("province")],
        [_("Channel"), described("channel")],
        [_("Industrial chain"), described("chain")],
    ]


def dashboard_sheets(filters: Filters) -> list[Sheet]:
    """The figures, each breakdown as a table of every dashboard figure, and the parts."""
    chains = chain_names()
    figures = [FIGURES[key] for key in DASHBOARD_FIGURES]
    summary = []
    for figure in figures:
        view = figure_view(figure, filters)
        summary.append(
            [
                figure.label,
                view.count,
                figure.target or "",
                float(view.percent) if figure.target else "",
                figure.counts,
            ]
        )
    sheets = [
        Sheet(
            _("Figures"),
            [
                _("Figure"),
                _("Count"),
                _("Target"),
                _("Share of the target (%)"),
                _("What it counts"),
            ],
            summary,
        )
    ]
    all_figures = figures
    for dimension, title in BREAKDOWNS.items():
        # Each breakdown has a column per figure that has the dimension.
        figures = [figure for figure in all_figures if figure.has(dimension)]
        base = filters.without(dimension)
        counts = {figure.key: group_counts(figure, base, dimension) for figure in figures}
        if dimension == "month":
            values = months_of(filters)
        else:
            values = {value for found in counts.values() for value in found}
        rows = [
            [dimension_label(figures[0], dimension, value, chains)]
            + [counts[figure.key].get(value, 0) for figure in figures]
            for value in values
        ]
        if dimension != "month":
            rows.sort(key=lambda row: str(row[0]))
        sheets.append(Sheet(title, [title, *(figure.label for figure in figures)], rows))
    parts = []
    for figure in all_figures:
        if not figure.parts:
            continue
        found = group_counts(figure, filters.without("part"), "part")
        parts.extend([figure.label, label, found.get(value, 0)] for value, label in figure.parts)
    sheets.append(Sheet(_("Parts"), [_("Figure"), _("Part"), _("Count")], parts))
    sheets.append(Sheet(_("Filters"), [_("Filter"), _("Value")], filter_rows(filters, chains)))
    return sheets


def report_sheets(year: int) -> list[Sheet]:
    """The report of ``year``: one row per figure (and per part), measure by measure."""
    rows = []
    for measure in report(year):
        for line in measure.lines:
            rows.append([measure.measure.title, line.label, line.count, line.counts])
            for part in line.parts:
                rows.append([measure.measure.title, f"{line.label}: {part.label}", part.count, ""])
    title = _("Report %(year)s") % {"year": year}
    return [Sheet(title, [_("Measure"), _("Figure"), _("Count"), _("What it counts")], rows)]
