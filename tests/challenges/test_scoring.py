"""The score function on plain values: weights, missing scores, bonuses, rounding, ties."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal as D

import pytest

from challenges.scoring import ApplicantFacts, BonusSpec, CriterionSpec, compute_score, rank

TECH = CriterionSpec(1, "技术方案", D("60"))
TEAM = CriterionSpec(2, "团队能力", D("40"))


def test_weighted_mean_of_expert_means():
    reviews = [{1: D("80"), 2: D("70")}, {1: D("90"), 2: D("60")}, {1: D("85"), 2: D("65")}]
    result = compute_score([TECH, TEAM], reviews)
    # technique mean 85 × 0.6 + team mean 65 × 0.4 = 51 + 26
    assert result.base == D("77.00")
    assert result.total == D("77.00")
    assert [c.mean for c in result.criteria] == [D("85.00"), D("65.00")]
    assert [c.contribution for c in result.criteria] == [D("51.00"), D("26.00")]
    assert result.is_complete


def test_weights_need_not_add_up_to_100():
    result = compute_score(
        [CriterionSpec(1, "a", D("3")), CriterionSpec(2, "b", D("1"))], [{1: D("100"), 2: D("0")}]
    )
    assert result.base == D("75.00")


def test_scores_are_normalised_by_each_criterion_maximum():
    result = compute_score(
        [CriterionSpec(1, "a", D("1"), max_score=D("10")), CriterionSpec(2, "b", D("1"))],
        [{1: D("8"), 2: D("60")}],
    )
    assert result.base == D("70.00")


def test_a_missing_score_is_left_out_not_counted_as_zero():
    reviews = [{1: D("80"), 2: D("70")}, {1: D("90"), 2: None}]
    result = compute_score([TECH, TEAM], reviews)
    assert result.criteria[1].scores == (D("70"),)
    assert result.base == D("79.00")  # 85 × 0.6 + 70 × 0.4


def test_a_criterion_nobody_scored_makes_the_result_incomplete():
    result = compute_score([TECH, TEAM], [{1: D("80")}])
    assert result.missing == ("团队能力",)
    assert not result.is_complete
    assert result.base == D("80.00")  # over the criteria that were scored


def test_no_scores_at_all_means_no_total():
    result = compute_score([TECH, TEAM], [])
    assert result.base is None and result.total is None
    assert result.review_count == 0


def test_little_giant_bonus_applies_only_to_a_little_giant_lead():
    bonus = [BonusSpec("lead_little_giant", D("5"))]
    reviews = [{1: D("80"), 2: D("80")}]
    giant = compute_score([TECH, TEAM], reviews, bonus, ApplicantFacts("national"))
    other = compute_score([TECH, TEAM], reviews, bonus, ApplicantFacts("provincial"))
    assert giant.total == D("85.00") and giant.bonuses[0].applied
    assert other.total == D("80.00") and not other.bonuses[0].applied


def test_bonuses_add_up():
    bonuses = [BonusSpec("lead_provincial", D("2")), BonusSpec("with_institution", D("1.5"))]
    result = compute_score(
        [TECH], [{1: D("70")}], bonuses, ApplicantFacts("provincial", has_institution_partner=True)
    )
    assert result.bonus_total == D("3.50")
    assert result.total == D("73.50")


def test_rounding_is_half_up_to_two_places():
    result = compute_score(
        [CriterionSpec(1, "a", D("1"))], [{1: D("80")}, {1: D("80")}, {1: D("81")}]
    )
    assert result.base == D("80.33")
    result = compute_score([CriterionSpec(1, "a", D("1"))], [{1: D("80.005")}])
    assert result.base == D("80.01")


def test_out_of_range_score_is_refused():
    with pytest.raises(ValueError):
        compute_score([TECH], [{1: D("101")}])


def test_unknown_bonus_condition_is_an_error():
    with pytest.raises(ValueError):
        compute_score([TECH], [{1: D("50")}], [BonusSpec("mystery", D("1"))])


def test_ranking_gives_ties_equal_ranks_and_orders_them_by_base_then_submission():
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    bonus = [BonusSpec("lead_little_giant", D("5"))]
    a = compute_score([TECH], [{1: D("80")}], bonus, ApplicantFacts("national"))  # 85 (80 + 5)
    b = compute_score([TECH], [{1: D("85")}])  # 85 (85 + 0)
    c = compute_score([TECH], [{1: D("85")}])  # 85, submitted later than b
    d = compute_score([TECH], [{1: D("90")}])  # 90
    e = compute_score([TECH], [])  # not scored
    ranked = rank(
        [
            ("a", a, t0),
            ("b", b, t0 + timedelta(hours=2)),
            ("c", c, t0 + timedelta(hours=3)),
            ("d", d, t0),
            ("e", e, t0),
        ]
    )
    assert [(r.key, r.rank, r.tied) for r in ranked] == [
        ("d", 1, False),
        ("b", 2, True),
        ("c", 2, True),
        ("a", 2, True),
        ("e", None, False),
    ]
