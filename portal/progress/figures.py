"""The figures of the progress dashboard and of the year-end report (measures 十–十五).

A figure is defined once, as a ``Figure``: the rows it looks at (its *facts*), the field of
those rows whose distinct values it counts, the records those values are (what the list
behind the figure shows), the date that places a row in a year or a month, and the paths
from a row to the dimensions it can be filtered and broken down by (province, channel of
the large enterprise, industrial chain, and a *part* such as a status or a kind of call).

``figure_records`` is the one definition of what a figure counts: the figure is
``figure_records(...).count()``, so the list behind a figure has exactly the figure's count.
A breakdown groups the same facts by a dimension in one query; a bar equals the records
listed with that dimension's value (each figure has at most one multi-valued path, so
grouping by it and filtering on it select the same rows).

What each dimension means for a figure (``Figure.counts`` says it in words):

* province: the province of the firm concerned (recommended firm, applicant, winner, owner
  of the product or listing) or, for calls, of the issuer;
* channel (国资委 / 全国工商联): the channel of the large enterprise involved when it is a
  registered recipient: the recipient of a recommendation, the issuer of a call, the user
  firm of a first use;
* chain: the industrial chain of the directory entry's classification, of the call's chain
  nodes, or of the product's or listing's chain nodes (interests and deals have none: their
  targets are of several kinds; the dashboard draws no chain chart for them).

Interests, handshakes and deals (measure 十五) count by the interested organization: its
province, and its channel when it is a registered large enterprise.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime

from django.db.models import Count, Model, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization, QualificationLevel
from catalog.models import (
    ChainNode,
    IndustryChain,
    ListingStatus,
    OpenResource,
    Product,
    ResearchResult,
)
from catalog.models import ProductVerification as FirstUse
from centres.models import CentreMember, MemberRole
from challenges.models import (
    Application,
    Award,
    AwardStatus,
    Call,
    CallKind,
    Tranche,
    TrancheStatus,
)
from directories.models import (
    Directory,
    DirectoryEntry,
    DirectoryKind,
    DirectoryVersion,
    EntryDecision,
    Outcome,
    OutcomeStage,
    Recommendation,
    RecommendationStatus,
    VersionStatus,
)
from docking.models import (
    HANDSHAKE_STATUSES,
    Deal,
    DealKind,
    Interest,
    InterestEvent,
    InterestStatus,
)

__all__ = [
    "DASHBOARD_FIGURES",
    "DIMENSIONS",
    "FIGURES",
    "FIRM_TARGET",
    "PRODUCT_TARGET",
    "Figure",
    "Filters",
    "figure_amount",
    "figure_count",
    "figure_facts",
    "figure_records",
    "group_counts",
    "month_bounds",
    "months_of",
    "year_bounds",
]

# Measure 十二: at least 1,000 little giants and 1,500 technology products recommended.
FIRM_TARGET = 1000
PRODUCT_TARGET = 1500

# The dimensions a figure can be filtered and broken down by, besides the year.
DIMENSIONS = ("province", "channel", "chain", "part", "month")


@dataclass(frozen=True)
class Filters:
    """What the dashboard (and the list behind each figure) is narrowed to.

    ``year`` and ``month`` (the first day of a month) place rows by the figure's date; a
    figure without a date ignores them, a cumulative one counts what existed at the end of
    the period. ``part`` applies only to figures that have parts; a figure ignores the
    dimensions it does not have.
    """

    year: int | None = None
    province: str = ""
    channel: str = ""
    chain: int | None = None
    part: str = ""
    month: date | None = None

    def without(self, *names: str) -> Filters:
        return replace(self, **{name: Filters.__dataclass_fields__[name].default for name in names})

    def params(self) -> dict[str, str]:
        """The filters as query parameters (only those set)."""
        found = {}
        for spec in fields(self):
            value = getattr(self, spec.name)
            if value in (None, ""):
                continue
            found[spec.name] = value.strftime("%Y-%m") if isinstance(value, date) else str(value)
        return found


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """Midnight of 1 January of ``year`` and of the next year, in the active time zone."""
    return _aware(date(year, 1, 1)), _aware(date(year + 1, 1, 1))


def month_bounds(month: date) -> tuple[datetime, datetime]:
    """Midnight of the first day of ``month`` and of the next month, in the active time zone."""
    return _aware(month), _aware(_next_month(month))


def months_of(filters: Filters, *, today: date | None = None) -> list[date]:
    """The twelve months a month chart shows: those of the filtered year, else the last
    twelve up to the current one."""
    if filters.year:
        return [date(filters.year, number, 1) for number in range(1, 13)]
    today = today or timezone.localdate()
    month = date(today.year, today.month, 1)
    found = [month]
    for _step in range(11):
        month = _previous_month(month)
        found.append(month)
    return found[::-1]


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day))


def _next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _previous_month(month: date) -> date:
    return date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)


@dataclass(frozen=True)
class Figure:
    """One figure: see the module's docstring."""

    key: str
    label: str
    counts: str
    facts: Callable[[], QuerySet]
    records: type[Model]
    counted: str = "pk"
    date: str | None = None
    # Counted as at the end of the year or month (what exists by then), not within it.
    cumulative: bool = False
    province: str | None = None
    channel: str | None = None
    chain: str | None = None
    part: str | None = None
    parts: Sequence[tuple[str, str]] = field(default_factory=tuple)
    target: int | None = None
    # A field of the records summed beside the count (money against milestones): the list
    # behind the figure shows the same records and the same sum.
    amount: str | None = None

    def path(self, dimension: str) -> str | None:
        return self.date if dimension == "month" else getattr(self, dimension)

    def has(self, dimension: str) -> bool:
        return self.path(dimension) is not None

    @property
    def part_labels(self) -> dict[str, str]:
        return dict(self.parts)


def figure_facts(figure: Figure, filters: Filters) -> QuerySet:
    """The facts of ``figure`` narrowed by ``filters``, in one ``filter()`` call (so a
    multi-valued path is joined once)."""
    conditions = {}
    for dimension in ("province", "channel", "chain", "part"):
        value = getattr(filters, dimension)
        if value not in (None, "") and figure.has(dimension):
            conditions[figure.path(dimension)] = value
    periods = _periods(filters)
    if figure.date and periods:
        if not figure.cumulative:
            conditions[f"{figure.date}__gte"] = max(start for start, _end in periods)
        conditions[f"{figure.date}__lt"] = min(end for _start, end in periods)
    return figure.facts().filter(**conditions)


def _periods(filters: Filters) -> list[tuple[datetime, datetime]]:
    periods = []
    if filters.year:
        periods.append(year_bounds(filters.year))
    if filters.month:
        periods.append(month_bounds(filters.month))
    return periods


def figure_records(figure: Figure, filters: Filters) -> QuerySet:
    """The records behind ``figure`` under ``filters`` (each once)."""
    counted = figure_facts(figure, filters).order_by().values(figure.counted)
    return figure.records.objects.filter(pk__in=counted)


def figure_count(figure: Figure, filters: Filters) -> int:
    return figure_records(figure, filters).count()


def figure_amount(figure: Figure, filters: Filters):
    """The sum of ``figure.amount`` over the records behind the figure (``None`` for a
    figure without an amount); zero when there is no record."""
    if figure.amount is None:
        return None
    total = figure_records(figure, filters).aggregate(total=Sum(figure.amount))["total"]
    return total if total is not None else 0


def group_counts(figure: Figure, filters: Filters, dimension: str) -> dict:
    """Count ``figure`` per value of ``dimension`` under ``filters`` (one query): the value
    is a month's first day for ``month``; rows without a value are left out."""
    facts = figure_facts(figure, filters).order_by()
    path = figure.path(dimension)
    if dimension == "month":
        rows = (
            facts.annotate(period=TruncMonth(path))
            .values("period")
            .annotate(n=Count(figure.counted, distinct=True))
        )
        found = {}
        for row in rows:
            period = row["period"]
            if isinstance(period, datetime):
                period = timezone.localtime(period) if timezone.is_aware(period) else period
                period = period.date()
            if period is not None:
                found[date(period.year, period.month, 1)] = row["n"]
        return found
    rows = facts.values(path).annotate(n=Count(figure.counted, distinct=True))
    return {row[path]: row["n"] for row in rows if row[path] not in (None, "")}


# --- the facts --------------------------------------------------------------------------------


def _recommendations_of(kind: str) -> QuerySet:
    return Recommendation.objects.filter(entry__version__directory__kind=kind)


def _product_recommendations() -> QuerySet:
    return _recommendations_of(DirectoryKind.PRODUCTS).filter(entry__product__isnull=False)


def _included_entries() -> QuerySet:
    return DirectoryEntry.objects.filter(
        decision=EntryDecision.INCLUDED, version__status=VersionStatus.PUBLISHED
    )


def _published_calls() -> QuerySet:
    # "Published" means ever published: a call withdrawn or closed since still was.
    return Call.objects.filter(published_at__isnull=False)


def _submitted_applications() -> QuerySet:
    # A withdrawn application was still submitted.
    return Application.objects.filter(submitted_at__isnull=False)


def _little_giant_nodes() -> QuerySet:
    return Product.chain_nodes.through.objects.filter(
        product__published_at__isnull=False,
        product__status=ListingStatus.PUBLISHED,
        product__organization__qualification_level=QualificationLevel.NATIONAL,
    )


def _acceptances() -> QuerySet:
    # The owner's acceptance dates a handshake; what came of it since is its part.
    return InterestEvent.objects.filter(
        to_status=InterestStatus.ACCEPTED, interest__status__in=HANDSHAKE_STATUSES
    )


def _centre_applications() -> QuerySet:
    return _submitted_applications().filter(call__centre__isnull=False)


_PRIORITY_LEVELS = (QualificationLevel.NATIONAL, QualificationLevel.PROVINCIAL)
_TRANCHE_DIMENSIONS = {
    "province": "award__application__applicant__province",
    "channel": "award__call__issuer__recipient__channel",
    "chain": "award__call__chain_nodes__chain",
}


_RECOMMENDATION_DIMENSIONS = {
    "date": "created_at",
    "province": "entry__organization__province",
    "channel": "recipient__channel",
    "chain": "entry__chain_node__chain",
}
_ENTRY_DIMENSIONS = {
    "date": "version__published_at",
    "province": "organization__province",
    "channel": "recommendations__recipient__channel",
    "chain": "chain_node__chain",
    "part": "version__directory__kind",
    "parts": tuple(DirectoryKind.choices),
}
_APPLICATION_DIMENSIONS = {
    "date": "submitted_at",
    "province": "applicant__province",
    "channel": "call__issuer__recipient__channel",
    "chain": "call__chain_nodes__chain",
    "part": "call__kind",
    "parts": tuple(CallKind.choices),
}

FIGURES: dict[str, Figure] = {
    figure.key: figure
    for figure in (
        Figure(
            key="firms_recommended",
            label=_("Firms recommended"),
            counts=_(
                "Distinct firms recommended to a large enterprise from a directory of firms, "
                "counted once however often they were recommended."
            ),
            facts=lambda: _recommendations_of(DirectoryKind.FIRMS),
            records=Organization,
            counted="entry__organization",
            target=FIRM_TARGET,
            **_RECOMMENDATION_DIMENSIONS,
        ),
        Figure(
            key="products_recommended",
            label=_("Technology products recommended"),
            counts=_(
                "Distinct technology products recommended to a large enterprise from a "
                "directory of products, counted once however often they were recommended."
            ),
            facts=_product_recommendations,
            records=Product,
            counted="entry__product",
            target=PRODUCT_TARGET,
            **_RECOMMENDATION_DIMENSIONS,
        ),
        Figure(
            key="recommendations",
            label=_("Recommendations"),
            counts=_(
                "Targeted recommendations of a directory entry to a named large enterprise, "
                "by the feedback the enterprise gave."
            ),
            facts=Recommendation.objects.all,
            records=Recommendation,
            part="status",
            parts=tuple(RecommendationStatus.choices),
            **_RECOMMENDATION_DIMENSIONS,
        ),
        Figure(
            key="outcomes",
            label=_("Outcomes of recommendations"),
            counts=_(
                "What recommendations led to, as recorded by either side: contact, trial, "
                "purchase or contract, supply (dated when it happened)."
            ),
            facts=Outcome.objects.all,
            records=Outcome,
            date="happened_on",
            province="recommendation__entry__organization__province",
            channel="recommendation__recipient__channel",
            chain="recommendation__entry__chain_node__chain",
            part="stage",
            parts=tuple(OutcomeStage.choices),
        ),
        Figure(
            key="directory_versions",
            label=_("Directory versions published"),
            counts=_(
                "Published versions of recommendation directories, by the date of "
                "publication; a filter keeps the versions including a matching entry."
            ),
            facts=_included_entries,
            records=DirectoryVersion,
            counted="version",
            **_ENTRY_DIMENSIONS,
        ),
        Figure(
            key="directories",
            label=_("Directories published"),
            counts=_("Recommendation directories with a version published in the period."),
            facts=_included_entries,
            records=Directory,
            counted="version__directory",
            **_ENTRY_DIMENSIONS,
        ),
        Figure(
            key="calls",
            label=_("Calls published"),
            counts=_(
                "Calls of every kind published on the platform, by the date of publication "
                "(a call withdrawn or finished since still counts)."
            ),
            facts=_published_calls,
            records=Call,
            date="published_at",
            province="issuer__province",
            channel="issuer__recipient__channel",
            chain="chain_nodes__chain",
            part="kind",
            parts=tuple(CallKind.choices),
        ),
        Figure(
            key="applications",
            label=_("Applications submitted"),
            counts=_(
                "Applications (揭榜) submitted to published calls, by the date of submission "
                "(one withdrawn since still counts)."
            ),
            facts=_submitted_applications,
            records=Application,
            **_APPLICATION_DIMENSIONS,
        ),
        Figure(
            key="little_giant_applications",
            label=_("Applications led by little giants"),
            counts=_(
                "Submitted applications whose lead applicant was a national little giant "
                "when it submitted."
            ),
            facts=lambda: _submitted_applications().filter(
                lead_qualification_level=QualificationLevel.NATIONAL
            ),
            records=Application,
            **_APPLICATION_DIMENSIONS,
        ),
        Figure(
            key="awards",
            label=_("Awards"),
            counts=_("Final awards (挂帅): winners of calls, by the date the winner was chosen."),
            facts=lambda: Award.objects.filter(status=AwardStatus.FINAL),
            records=Award,
            date="created_at",
            province="application__applicant__province",
            channel="call__issuer__recipient__channel",
            chain="call__chain_nodes__chain",
            part="call__kind",
            parts=tuple(CallKind.choices),
        ),
        # Measure 十四: manufacturing innovation centres and money against milestones.
        Figure(
            key="centre_calls",
            label=_("Innovation centre calls published"),
            counts=_(
                "Participation calls of manufacturing innovation centres published, by the "
                "date of publication."
            ),
            facts=lambda: _published_calls().filter(centre__isnull=False),
            records=Call,
            date="published_at",
            province="issuer__province",
            channel="issuer__recipient__channel",
            chain="chain_nodes__chain",
        ),
        Figure(
            key="centre_applications",
            label=_("Applications to innovation centre calls"),
            counts=_("Applications submitted to innovation centres' participation calls."),
            facts=_centre_applications,
            records=Application,
            **_APPLICATION_DIMENSIONS,
        ),
        Figure(
            key="centre_priority_applications",
            label=_("Centre applications led by SRDI firms"),
            counts=_(
                "Applications to innovation centres' participation calls whose lead was a "
                "national little giant or a provincial SRDI SME when it submitted."
            ),
            facts=lambda: _centre_applications().filter(
                lead_qualification_level__in=_PRIORITY_LEVELS
            ),
            records=Application,
            **_APPLICATION_DIMENSIONS,
        ),
        Figure(
            key="centre_participants",
            label=_("New innovation centre participants"),
            counts=_(
                "Organizations that became project participants of an innovation centre by "
                "winning one of its participation calls, by the date they joined."
            ),
            facts=lambda: CentreMember.objects.filter(
                role=MemberRole.PARTICIPANT, via_call__isnull=False
            ),
            records=CentreMember,
            date="created_at",
            province="organization__province",
            # The participant's own channel when it is a registered large enterprise.
            channel="organization__recipient__channel",
            chain="centre__chain_nodes__chain",
        ),
        Figure(
            key="funds_committed",
            label=_("Funds committed in tranches"),
            counts=_(
                "Tranches of awards tied to milestones, pending or released, by the date set; "
                "the sum is the money they commit."
            ),
            facts=lambda: Tranche.objects.exclude(status=TrancheStatus.CANCELLED),
            records=Tranche,
            date="created_at",
            part="status",
            parts=tuple(
                (value, label)
                for value, label in TrancheStatus.choices
                if value != TrancheStatus.CANCELLED
            ),
            amount="amount",
            **_TRANCHE_DIMENSIONS,
        ),
        Figure(
            key="funds_released",
            label=_("Funds released"),
            counts=_(
                "Tranches released on the acceptance of their milestone, by the date released; "
                "the sum is the money released."
            ),
            facts=lambda: Tranche.objects.filter(status=TrancheStatus.RELEASED),
            records=Tranche,
            date="released_at",
            amount="amount",
            **_TRANCHE_DIMENSIONS,
        ),
        Figure(
            key="first_uses",
            label=_("Verified first uses"),
            counts=_(
                "Passed engineering application verifications (先试首用) recorded on a product "
                "at a user firm."
            ),
            facts=FirstUse.objects.all,
            records=FirstUse,
            date="verified_at",
            province="product__organization__province",
            channel="user_organization__recipient__channel",
            chain="product__chain_nodes__chain",
        ),
        Figure(
            key="chains",
            label=_("Industrial chains mapped"),
            counts=_("Industrial chains mapped on the platform as trees of chain nodes (now)."),
            facts=IndustryChain.objects.all,
            records=IndustryChain,
            chain="pk",
        ),
        Figure(
            key="little_giant_nodes",
            label=_("Chain nodes with little giants"),
            counts=_(
                "Chain nodes on which a national little giant has a published product, "
                "as at the end of the period."
            ),
            facts=_little_giant_nodes,
            records=ChainNode,
            counted="chainnode",
            date="product__published_at",
            cumulative=True,
            province="product__organization__province",
            chain="chainnode__chain",
        ),
        Figure(
            key="open_resources",
            label=_("Open resources published"),
            counts=_(
                "Resources lead enterprises opened to SMEs (test lines, labs, data, supplier "
                "entry), by the date of publication."
            ),
            facts=lambda: OpenResource.objects.filter(published_at__isnull=False),
            records=OpenResource,
            date="published_at",
            province="organization__province",
            channel="organization__recipient__channel",
            chain="chain_nodes__chain",
        ),
        Figure(
            key="research_results",
            label=_("Research results published"),
            counts=_(
                "Transferable research results of universities and institutes, by the date "
                "of publication."
            ),
            facts=lambda: ResearchResult.objects.filter(published_at__isnull=False),
            records=ResearchResult,
            date="published_at",
            province="organization__province",
            chain="chain_nodes__chain",
        ),
        # Measure 十五: two-way docking (interest, handshake, technology contract).
        Figure(
            key="interests",
            label=_("Interests expressed"),
            counts=_(
                "Interests (我有意向) organizations expressed in a research result, product, "
                "open resource or R&D demand, by the date expressed, by where they stand now."
            ),
            facts=Interest.objects.all,
            records=Interest,
            date="created_at",
            province="requester__province",
            channel="requester__recipient__channel",
            part="status",
            parts=tuple(InterestStatus.choices),
        ),
        Figure(
            key="handshakes",
            label=_("Handshakes"),
            counts=_(
                "Interests the owner accepted (contacts released), by the date accepted and "
                "by what came of them since: negotiating, deal or no deal."
            ),
            facts=_acceptances,
            records=Interest,
            counted="interest",
            date="created_at",
            province="interest__requester__province",
            channel="interest__requester__recipient__channel",
            part="interest__status",
            parts=tuple(
                (value, label)
                for value, label in InterestStatus.choices
                if value in HANDSHAKE_STATUSES
            ),
        ),
        Figure(
            key="deals",
            label=_("Technology contracts"),
            counts=_(
                "Deals recorded by one side of a handshake and confirmed by the other "
                "(transfer, licence, equity, joint development, purchase), by the date signed."
            ),
            facts=lambda: Deal.objects.filter(confirmed_at__isnull=False),
            records=Deal,
            date="signed_on",
            province="interest__requester__province",
            channel="interest__requester__recipient__channel",
            part="kind",
            parts=tuple(DealKind.choices),
        ),
    )
}

# The figures on the dashboard, in order, and those its charts can show.
DASHBOARD_FIGURES = (
    "firms_recommended",
    "products_recommended",
    "recommendations",
    "outcomes",
    "directory_versions",
    "calls",
    "applications",
    "awards",
    "centre_calls",
    "centre_applications",
    "centre_priority_applications",
    "centre_participants",
    "funds_committed",
    "funds_released",
    "first_uses",
    "interests",
    "handshakes",
    "deals",
)
