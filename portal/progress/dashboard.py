"""What the progress dashboard shows: the figures under the filters, the two targets of
measure 十二, and the charts breaking a figure down by province, chain, channel, part and
month. Every number carries the link to the records behind it.

A fixed number of queries whatever the data: one per figure, one per chart, one for the
names of the chains.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from catalog.models import IndustryChain
from directories.models import Channel
from reference.regions import Province

from .figures import (
    DASHBOARD_FIGURES,
    FIGURES,
    Figure,
    Filters,
    figure_amount,
    figure_count,
    group_counts,
    months_of,
)

__all__ = [
    "BREAKDOWNS",
    "Bar",
    "Chart",
    "FigureView",
    "breakdown",
    "chain_names",
    "dashboard",
    "dimension_label",
    "figure_view",
    "records_url",
]

# The dimensions the dashboard breaks its chosen figure down by, with their titles.
BREAKDOWNS = {
    "province": _("By province"),
    "chain": _("By industrial chain"),
    "channel": _("By channel"),
    "month": _("By month"),
}
# Figures whose parts the dashboard always charts.
PART_CHARTS = ("recommendations", "outcomes", "calls")

# The column chart of months: its drawing area, in SVG user units.
COLUMN_STEP = 56
COLUMN_WIDTH = 36
COLUMN_MAX = 140
COLUMN_BASE = 165


def records_url(key: str, filters: Filters) -> str:
    return reverse("portal:progress_records") + "?" + urlencode({"key": key, **filters.params()})


def _share(count: int, whole: int) -> float:
    return 100 * count / whole if whole else 0.0


@dataclass(frozen=True)
class FigureView:
    """A figure's value under the filters, with its target when it has one."""

    figure: Figure
    count: int
    filters: Filters
    # The sum of the figure's amount over its records (money figures only).
    amount: object = None

    @property
    def key(self) -> str:
        return self.figure.key

    @property
    def url(self) -> str:
        return records_url(self.figure.key, self.filters)

    @property
    def percent(self) -> str:
        """The share of the target reached, one decimal (may pass 100)."""
        return f"{_share(self.count, self.figure.target or 0):.1f}"

    @property
    def width(self) -> str:
        """The length of the progress bar, in percent of the track (at most 100)."""
        return f"{min(100.0, _share(self.count, self.figure.target or 0)):.1f}"


def figure_view(figure: Figure, filters: Filters) -> FigureView:
    return FigureView(
        figure, figure_count(figure, filters), filters, figure_amount(figure, filters)
    )


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: what it stands for, its count and the records behind it."""

    key: str
    value: str
    label: str
    count: int
    width: str
    filters: Filters
    # Geometry of a column (month charts), in SVG user units.
    x: int = 0
    height: str = "0"
    y: str = "0"

    @property
    def url(self) -> str:
        return records_url(self.key, self.filters)

    @property
    def text_x(self) -> int:
        return self.x + COLUMN_WIDTH // 2

    @property
    def value_y(self) -> str:
        return f"{float(self.y) - 5:.1f}"


@dataclass(frozen=True)
class Chart:
    dimension: str
    title: str
    figure: Figure
    bars: list[Bar]

    @property
    def total(self) -> int:
        return sum(bar.count for bar in self.bars)

    @property
    def view_width(self) -> int:
        return COLUMN_STEP * len(self.bars)

    @property
    def label_y(self) -> int:
        return COLUMN_BASE + 18


def chain_names() -> dict[int, str]:
    return dict(IndustryChain.objects.order_by("position", "name").values_list("pk", "name"))


def dimension_label(figure: Figure, dimension: str, value, chains: dict[int, str]) -> str:
    """The words for one value of a dimension (a province, a channel, a chain...)."""
    if dimension == "province":
        return str(Province(value).label) if value in Province.values else str(value)
    if dimension == "channel":
        return str(Channel(value).label) if value in Channel.values else str(value)
    if dimension == "chain":
        return chains.get(value, str(value))
    if dimension == "part":
        return str(figure.part_labels.get(value, value))
    if dimension == "month":
        return value.strftime("%Y-%m")
    return str(value)


def _values(figure: Figure, dimension: str, counts: dict, filters: Filters, chains) -> list:
    """The values a chart shows bars for, in the order it shows them."""
    if dimension == "month":
        return months_of(filters)
    if dimension == "channel":
        return list(Channel.values)
    if dimension == "part":
        return [value for value, _label in figure.parts]
    found = [value for value, count in counts.items() if count]
    return sorted(
        found, key=lambda value: (-counts[value], dimension_label(figure, dimension, value, chains))
    )


def breakdown(figure: Figure, filters: Filters, dimension: str, chains: dict[int, str]) -> Chart:
    """``figure`` broken down by ``dimension``: the other filters hold, this one is replaced
    by each bar's value (the month chart keeps the year, which chooses its months)."""
    base = filters.without(dimension)
    counts = group_counts(figure, base, dimension)
    values = _values(figure, dimension, counts, filters, chains)
    longest = max((counts.get(value, 0) for value in values), default=0)
    bars = []
    for position, value in enumerate(values):
        count = counts.get(value, 0)
        share = _share(count, longest)
        height = COLUMN_MAX * share / 100
        bars.append(
            Bar(
                key=figure.key,
                value=value.strftime("%Y-%m") if isinstance(value, date) else str(value),
                label=dimension_label(figure, dimension, value, chains),
                count=count,
                width=f"{share:.1f}",
                filters=replace(base, **{dimension: value}),
                x=position * COLUMN_STEP + (COLUMN_STEP - COLUMN_WIDTH) // 2,
                height=f"{height:.1f}",
                y=f"{COLUMN_BASE - height:.1f}",
            )
        )
    title = figure.label if dimension == "part" else BREAKDOWNS[dimension]
    return Chart(dimension=dimension, title=title, figure=figure, bars=bars)


@dataclass(frozen=True)
class Dashboard:
    filters: Filters
    metric: Figure
    figures: list[FigureView]
    targets: list[FigureView]
    charts: list[Chart]
    parts: list[Chart]
    chains: dict[int, str]


def dashboard(filters: Filters, metric: str) -> Dashboard:
    """Everything the dashboard shows under ``filters``; the charts break ``metric`` down."""
    views = [figure_view(FIGURES[key], filters) for key in DASHBOARD_FIGURES]
    chosen = FIGURES[metric]
    chains = chain_names()
    return Dashboard(
        filters=filters,
        metric=chosen,
        figures=views,
        targets=[view for view in views if view.figure.target],
        # A figure is broken down by the dimensions it has (interests have no one chain).
        charts=[
            breakdown(chosen, filters, dimension, chains)
            for dimension in BREAKDOWNS
            if chosen.has(dimension)
        ],
        parts=[breakdown(FIGURES[key], filters, "part", chains) for key in PART_CHARTS],
        chains=chains,
    )
