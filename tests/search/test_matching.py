"""Matching on a small fixture corpus: expected orderings and explanations."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import translation

from search.engines.base import Change
from search.engines.tantivy_engine import TantivyEngine
from search.matching import MatchSource, find_matches, key_terms
from tests.search.contract import doc

NOW = datetime(2026, 4, 1, tzinfo=UTC)  # a month after the corpus was published


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def engine():
    engine = TantivyEngine(None)
    documents = [
        doc(
            "product",
            1,
            "车规级碳化硅MOSFET芯片",
            "1200V碳化硅MOSFET，栅氧可靠性高，用于电驱逆变器",
            nodes=[7],
            qualification="national",
        ),
        doc(
            "product",
            2,
            "碳化硅MOSFET分立器件",
            "1200V碳化硅MOSFET，栅氧可靠性高，用于电驱逆变器",
            nodes=[9],
        ),
        doc(
            "result",
            3,
            "碳化硅栅氧界面态控制工艺",
            "高温氮化退火，降低界面态密度，提升栅氧可靠性",
            trl=6,
            nodes=[7],
        ),
        doc("product", 4, "动力电池液冷板", "电池包热管理，液冷均温", nodes=[12]),
        doc("product", 5, "五轴数控系统", "五轴联动插补，热误差补偿", nodes=[20]),
        doc("result", 6, "栅氧可靠性评价方法", "可靠性加速寿命试验", trl=3),
    ]
    engine.apply([Change(d.id, 1, d) for d in documents])
    return engine


def source(**overrides):
    values = {
        "text": "车规级碳化硅MOSFET栅氧可靠性提升攻关 降低界面态密度 HTGB阈值漂移",
        "types": ["product", "result"],
        "chain_nodes": ["7"],
        "trl_required": 5,
    }
    values.update(overrides)
    return MatchSource(**values)


def test_the_closest_solvers_come_first(engine):
    matches = find_matches(source(), engine=engine, now=NOW)
    ids = [m.hit.id for m in matches]
    assert set(ids[:2]) == {"product:1", "result:3"}
    assert "product:4" not in ids and "product:5" not in ids


def test_business_boosts_break_a_text_tie(engine):
    # products 1 and 2 share their text; 1 is a little giant on the call's chain node
    matches = {m.hit.id: m for m in find_matches(source(), engine=engine, now=NOW)}
    assert matches["product:1"].score > matches["product:2"].score
    labels = {str(label) for label, _value in matches["product:1"].boosts}
    assert {"National little giant", "Same industrial chain node"} <= labels


def test_explanations_name_the_matched_terms_and_facets(engine):
    match = next(
        m for m in find_matches(source(), engine=engine, now=NOW) if m.hit.id == "result:3"
    )
    terms = {term for term, _weight in match.matched_terms}
    assert {"碳化硅", "栅氧", "界面"} <= terms
    assert ("TRL", "6") in [(str(label), value) for label, value in match.matched_facets]
    assert 0 < match.coverage <= 1


def test_candidates_sharing_too_little_key_term_weight_are_dropped(engine, monkeypatch):
    everything = {m.hit.id: m for m in find_matches(source(), engine=engine, now=NOW)}
    assert everything["result:6"].coverage < 0.5  # shares only "栅氧" and "可靠性"
    monkeypatch.setattr("search.matching.MIN_COVERAGE", 0.5)
    strict = find_matches(source(), engine=engine, now=NOW)
    assert "result:6" not in {m.hit.id for m in strict}
    assert strict and all(m.coverage >= 0.5 for m in strict)


def test_filters_that_must_hold_are_applied_by_the_engine(engine):
    matches = find_matches(source(types=["result"]), engine=engine, now=NOW)
    assert {m.hit.type for m in matches} == {"result"}


def test_key_terms_prefer_rare_words(engine):
    weights = dict(key_terms(["碳化硅", "碳化硅", "热管理", "不存在"], engine))
    assert "不存在" not in weights  # in no document: nothing to match
    assert weights["热管理"] > weights["碳化硅"]  # one document against four, despite tf 1 < 2


def test_the_source_itself_does_not_count(engine):
    own = source(indexed_as="product:4", text="动力电池液冷板 电池包热管理 液冷均温")
    ids = [m.hit.id for m in find_matches(own, engine=engine, now=NOW)]
    assert "product:4" not in ids


def test_nothing_to_match_returns_nothing(engine):
    assert find_matches(source(text="的 了 和"), engine=engine, now=NOW) == []


def test_fresh_listings_get_a_small_boost(engine):
    recent = find_matches(source(), engine=engine, now=NOW)
    later = find_matches(source(), engine=engine, now=NOW + timedelta(days=3650))
    assert recent[0].score > later[0].score
