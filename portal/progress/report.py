"""The year-end implementation report (落实情况) of measures 十 to 十五: per measure, the
figures the platform holds for the year, what each counts, and the records behind it.

The figures are the dashboard's (``figures.FIGURES``) for one year, some narrowed to a part
(a kind of call); the report only chooses and words them. One query per line, one more per
line that lists its parts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from challenges.models import CallKind

from .dashboard import Bar, FigureView, breakdown, records_url
from .figures import FIGURES, Figure, Filters, figure_count

__all__ = ["MEASURES", "Line", "LineView", "Measure", "MeasureView", "report"]


@dataclass(frozen=True)
class Line:
    """One figure of a measure: ``key`` in ``FIGURES``, narrowed to ``part`` if given."""

    key: str
    label: str | None = None
    part: str = ""
    counts: str | None = None
    with_parts: bool = False


@dataclass(frozen=True)
class Measure:
    number: str
    title: str
    quote: str
    lines: Sequence[Line]


def _kind(kind: str, label: str, counts: str, key: str = "calls") -> Line:
    return Line(key, label=label, part=kind, counts=counts)


MEASURES: Sequence[Measure] = (
    Measure(
        "十",
        _("Measure 10: industrial chains"),
        # Translators: the measure's own words, 工信部企业〔2021〕170号:
        # 按产业链梳理“小巨人”企业，推荐参与重点产品和工艺“一条龙”示范应用……推动行业
        # 龙头企业对“小巨人”企业开放资源要素。
        _(
            "Map little giants along industrial chains, recommend them to “one-stop” "
            "demonstration applications of key products and processes, and have lead "
            "enterprises open their resources to them."
        ),
        (
            Line("chains"),
            Line("little_giant_nodes"),
            _kind(
                CallKind.DEMONSTRATION,
                _("Demonstration calls (一条龙) published"),
                _("Calls for one-stop demonstration applications published in the year."),
            ),
            Line("open_resources"),
        ),
    ),
    Measure(
        "十一",
        _("Measure 11: engineering application verification"),
        # Translators: the measure's own words, 工信部企业〔2021〕170号:
        # 面向“专精特新”中小企业组织实施一批工程化应用验证项目，促进优质产品先试首用。
        _(
            "Organize engineering application verification projects for SRDI SMEs so that "
            "good products are tried and used first (先试首用)."
        ),
        (
            _kind(
                CallKind.VERIFICATION,
                _("Verification calls published"),
                _("Calls for engineering application verification projects published in the year."),
            ),
            Line("first_uses"),
        ),
    ),
    Measure(
        "十二",
        _("Measure 12: recommendation directories"),
        # Translators: the measure's own words, 工信部企业〔2021〕170号:
        # 结合企业意愿进行分类筛选，制定推荐目录，向大型骨干企业定向推荐不少于1000家“
        # 小巨人”企业，不少于1500项技术产品。
        _(
            "Screen by category according to the firms' willingness, draw up recommendation "
            "directories, and recommend at least 1,000 little giants and 1,500 technology "
            "products to large backbone enterprises."
        ),
        (
            Line("directories"),
            Line("directory_versions"),
            Line("firms_recommended"),
            Line("products_recommended"),
            Line("recommendations", with_parts=True),
            Line("outcomes", with_parts=True),
        ),
    ),
    Measure(
        "十三",
        _("Measure 13: challenges and competitions"),
        # Translators: the measure's own words, 工信部企业〔2021〕170号:
        # 面向重点行业龙头企业征集技术产品问题，组织“专精特新”中小企业等创新创业主体揭榜
        # ，以比赛激发创新创业活力。
        _(
            "Collect technical problems from lead enterprises, let SRDI SMEs and other "
            "innovators take them up (揭榜), and spur innovation through competitions."
        ),
        (
            _kind(
                CallKind.CHALLENGE,
                _("Technical challenges published"),
                _("Technical challenge calls (技术攻关榜) published in the year."),
            ),
            _kind(
                CallKind.COMPETITION,
                _("Competitions published"),
                _("Competition calls (以赛促创) published in the year."),
            ),
            _kind(
                CallKind.CHALLENGE,
                _("Applications to technical challenges"),
                _("Applications submitted to technical challenges in the year."),
                key="applications",
            ),
            _kind(
                CallKind.COMPETITION,
                _("Applications to competitions"),
                _("Applications submitted to competitions in the year."),
                key="applications",
            ),
            _kind(
                CallKind.CHALLENGE,
                _("Technical challenges awarded"),
                _("Final awards (挂帅) of technical challenges chosen in the year."),
                key="awards",
            ),
            _kind(
                CallKind.COMPETITION,
                _("Competition awards"),
                _("Final awards of competitions chosen in the year."),
                key="awards",
            ),
        ),
    ),
    Measure(
        "十四",
        _("Measure 14: innovation centres and project selection"),
        # Translators: the measure's own words, 工信部企业〔2021〕170号:
        # 支持有条件的“专精特新”中小企业优先参与……制造业创新中心建设。……对“小巨人”
        # 企业牵头申报的项目给予加分。
        _(
            "Let SRDI SMEs join manufacturing innovation centres, and give bonus points to "
            "projects led by little giants in project selection."
        ),
        (
            _kind(
                CallKind.SELECTION,
                _("Selection calls published"),
                _("Project selection and innovation centre calls published in the year."),
            ),
            _kind(
                CallKind.SELECTION,
                _("Applications to selection calls"),
                _("Applications submitted to selection calls in the year."),
                key="applications",
            ),
            _kind(
                CallKind.SELECTION,
                _("Selection applications led by little giants"),
                _(
                    "Applications to selection calls whose lead applicant was a national "
                    "little giant when it submitted (they earn the bonus points)."
                ),
                key="little_giant_applications",
            ),
            # Manufacturing innovation centres: their calls, applications, new participants.
            Line("centre_calls"),
            Line("centre_applications"),
            Line("centre_priority_applications"),
            Line("centre_participants"),
        ),
    ),
    Measure(
        "十五",
        _("Measure 15: research results and R&D demands"),
        # Translators: the measure's own words, 工信部企业〔2021〕170号:
        # 面向高校、科研院所等征集一批技术成果转移目录，面向“专精特新”中小企业征集一批技
        # 术研发需求目录，推动供需双向“揭榜”。
        _(
            "Collect transferable results of universities and institutes and R&D demands of "
            "SRDI SMEs, and match them both ways (双向揭榜)."
        ),
        (
            Line("research_results"),
            _kind(
                CallKind.RND_DEMAND,
                _("R&D demands published"),
                _("R&D demands (研发需求) SMEs published as calls in the year."),
            ),
            _kind(
                CallKind.RND_DEMAND,
                _("Applications taking up R&D demands"),
                _("Applications by universities, institutes and others to R&D demands."),
                key="applications",
            ),
            Line("interests", with_parts=True),
            Line("handshakes", with_parts=True),
            Line("deals", with_parts=True),
        ),
    ),
)


@dataclass(frozen=True)
class LineView:
    line: Line
    figure: Figure
    view: FigureView
    parts: list[Bar] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.line.label or self.figure.label

    @property
    def counts(self) -> str:
        return self.line.counts or self.figure.counts

    @property
    def count(self) -> int:
        return self.view.count

    @property
    def url(self) -> str:
        return records_url(self.figure.key, self.view.filters)

    @property
    def data_key(self) -> str:
        return f"{self.figure.key}:{self.line.part}" if self.line.part else self.figure.key


@dataclass(frozen=True)
class MeasureView:
    measure: Measure
    lines: list[LineView]


def report(year: int) -> list[MeasureView]:
    """The report's measures with their figures for ``year``."""
    measures = []
    for measure in MEASURES:
        lines = []
        for line in measure.lines:
            figure = FIGURES[line.key]
            filters = Filters(year=year, part=line.part)
            view = FigureView(figure, figure_count(figure, filters), filters)
            parts = breakdown(figure, filters, "part", {}).bars if line.with_parts else []
            lines.append(LineView(line, figure, view, parts))
        measures.append(MeasureView(measure, lines))
    return measures
