"""Score computation: a pure function of the rubric, the experts' scores and bonus rules.

No database access here, so every rule is testable on plain values:

- each criterion's score is the mean of the experts who scored it (missing scores are left
  out, not counted as zero), normalised by the criterion's maximum;
- the base score (0–100) is the weighted mean of the criteria that have at least one score,
  using their weights; criteria nobody scored are listed as missing and make the result
  incomplete;
- bonus points are added when their condition holds for the applicant;
- results are rounded half-up to two decimals; ranking gives equal totals equal ranks
  (1, 2, 2, 4) and lists ties by base score, then by earlier submission.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

TWO_PLACES = Decimal("0.01")
HUNDRED = Decimal("100")


@dataclass(frozen=True)
class CriterionSpec:
    id: int
    name: str
    weight: Decimal
    max_score: Decimal = HUNDRED


@dataclass(frozen=True)
class BonusSpec:
    condition: str
    points: Decimal
    label: str = ""


@dataclass(frozen=True)
class ApplicantFacts:
    """What bonus conditions look at: the facts frozen when the application was submitted.

    ``evidence`` holds, per condition, the words that show why it holds (e.g. which
    verified qualification the lead applicant held); the breakdown repeats them.
    """

    lead_qualification: str = "none"
    has_institution_partner: bool = False
    evidence: Mapping[str, str] = field(default_factory=dict)

    def satisfies(self, condition: str) -> bool:
        if condition == "lead_little_giant":
            return self.lead_qualification == "national"
        if condition == "lead_provincial":
            return self.lead_qualification == "provincial"
        if condition == "with_institution":
            return self.has_institution_partner
        raise ValueError(f"Unknown bonus condition: {condition}")


@dataclass(frozen=True)
class CriterionResult:
    criterion: CriterionSpec
    scores: tuple[Decimal, ...]
    mean: Decimal | None
    contribution: Decimal | None  # points out of 100 this criterion adds to the base


@dataclass(frozen=True)
class BonusResult:
    bonus: BonusSpec
    applied: bool
    evidence: str = ""


@dataclass(frozen=True)
class ScoreBreakdown:
    criteria: tuple[CriterionResult, ...]
    bonuses: tuple[BonusResult, ...]
    base: Decimal | None
    bonus_total: Decimal
    total: Decimal | None
    review_count: int
    missing: tuple[str, ...] = field(default=())
    rubric_weight: Decimal = Decimal("0")  # sum of every criterion's weight, for shares

    @property
    def is_complete(self) -> bool:
        return self.base is not None and not self.missing


def _round(value: Decimal) -> Decimal:
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def compute_score(
    criteria: Sequence[CriterionSpec],
    reviews: Iterable[Mapping[int, Decimal | None]],
    bonuses: Sequence[BonusSpec] = (),
    facts: ApplicantFacts = ApplicantFacts(),
) -> ScoreBreakdown:
    """Return the score of one application with every step of the computation."""
    reviews = list(reviews)
    for review in reviews:
        for criterion in criteria:
            value = review.get(criterion.id)
            if value is not None and not (0 <= value <= criterion.max_score):
                raise ValueError(f"Score {value} outside 0–{criterion.max_score}")

    results = []
    weighted_sum = Decimal("0")
    weight_sum = Decimal("0")
    missing = []
    for criterion in criteria:
        scores = tuple(
            Decimal(review[criterion.id])
            for review in reviews
            if review.get(criterion.id) is not None
        )
        if not scores:
            missing.append(criterion.name)
            results.append(CriterionResult(criterion, scores, None, None))
            continue
        mean = sum(scores) / len(scores)
        normalised = mean / criterion.max_score * HUNDRED
        weighted_sum += normalised * criterion.weight
        weight_sum += criterion.weight
        results.append(CriterionResult(criterion, scores, _round(mean), None))

    base = _round(weighted_sum / weight_sum) if weight_sum else None
    if base is not None:
        # Contributions are shown so the breakdown adds up to the base score.
        results = [
            CriterionResult(
                r.criterion,
                r.scores,
                r.mean,
                None
                if r.mean is None
                else _round(
                    (sum(r.scores) / len(r.scores))
                    / r.criterion.max_score
                    * HUNDRED
                    * r.criterion.weight
                    / weight_sum
                ),
            )
            for r in results
        ]

    bonus_results = []
    for bonus in bonuses:
        applied = facts.satisfies(bonus.condition)
        evidence = facts.evidence.get(bonus.condition, "") if applied else ""
        bonus_results.append(BonusResult(bonus, applied, evidence))
    bonus_results = tuple(bonus_results)
    bonus_total = _round(sum((b.bonus.points for b in bonus_results if b.applied), Decimal("0")))
    total = None if base is None else _round(base + bonus_total)
    return ScoreBreakdown(
        criteria=tuple(results),
        bonuses=bonus_results,
        base=base,
        bonus_total=bonus_total,
        total=total,
        review_count=len(reviews),
        missing=tuple(missing),
        rubric_weight=sum((c.weight for c in criteria), Decimal("0")),
    )


@dataclass(frozen=True)
class Ranked:
    key: object
    rank: int | None
    breakdown: ScoreBreakdown
    tied: bool
    # Whether the application has its innovation centre call's priority (measure 十四).
    priority: bool = False


def rank(
    entries: Iterable[tuple[object, ScoreBreakdown, datetime | None]],
    *,
    priority: frozenset = frozenset(),
) -> list[Ranked]:
    """Order applications by total; equal totals share a rank. Unscored ones come last.

    ``priority`` holds the keys with priority (specialised firms in an innovation centre's
    call, measure 十四): at an equal total they rank before the others, a rank of their own.
    """
    entries = list(entries)
    scored = [e for e in entries if e[1].total is not None]
    unscored = [e for e in entries if e[1].total is None]

    def sort_key(entry):
        key, breakdown, submitted_at = entry
        stamp = submitted_at.timestamp() if submitted_at else float("inf")
        return (-breakdown.total, key not in priority, -breakdown.base, stamp)

    scored.sort(key=sort_key)
    places = [(e[1].total, e[0] in priority) for e in scored]
    ranked = []
    for key, breakdown, _submitted in scored:
        place = (breakdown.total, key in priority)
        first = places.index(place)
        tied = places.count(place) > 1
        ranked.append(Ranked(key, first + 1, breakdown, tied, key in priority))
    ranked += [
        Ranked(key, None, breakdown, False, key in priority) for key, breakdown, _ in unscored
    ]
    return ranked
