from search.analysis import Analyzer, get_analyzer, normalise
from search.highlight import highlight


def test_full_width_and_case_fold_to_the_same_terms():
    analyzer = get_analyzer()
    assert analyzer.query_terms("ＳｉＣ　ＭＯＳＦＥＴ") == analyzer.query_terms("sic mosfet")
    assert normalise("ＡＢＣ１２３") == "abc123"


def test_chinese_is_segmented_into_words():
    terms = get_analyzer().query_terms("晶圆测试探针卡的国产化")
    assert "探针卡" in terms and "国产化" in terms
    assert any(term.startswith("晶圆") for term in terms)
    assert "的" not in terms  # a stop word


def test_synonyms_share_one_term():
    analyzer = get_analyzer()
    assert analyzer.query_terms("芯片") == analyzer.query_terms("集成电路")
    assert analyzer.query_terms("IC") == analyzer.query_terms("集成电路")
    assert analyzer.query_terms("新能源车") == analyzer.query_terms("新能源汽车")


def test_latin_words_are_not_split_into_false_synonyms():
    # "sic" must not also yield "ic" (集成电路)
    assert get_analyzer().query_terms("SiC") == ["碳化硅"]


def test_index_terms_include_the_words_inside_compounds_queries_do_not():
    analyzer = get_analyzer()
    assert {"碳化硅", "碳化"} <= set(analyzer.terms("碳化硅"))
    assert analyzer.query_terms("碳化硅") == ["碳化硅"]


def test_numbers_punctuation_and_single_characters_are_dropped():
    assert get_analyzer().query_terms("2026 年 ， 电") == []


def test_a_query_of_only_stop_words_still_searches():
    assert get_analyzer().query_terms("系统") == ["系统"]


def test_domain_dictionary_words_stay_whole():
    analyzer = Analyzer(["超结功率器件"], [], [])
    assert "超结功率器件" in analyzer.query_terms("新型超结功率器件")


def test_offsets_point_into_the_original_text():
    text = "全ＳｉＣ功率模块"
    tokens = get_analyzer().tokens(text)
    assert {text[t.start : t.end] for t in tokens} >= {"ＳｉＣ", "功率", "模块"}


def test_highlight_marks_matches_in_the_original_and_escapes_the_rest():
    html = highlight("<b>全ＳｉＣ</b>功率模块", {"碳化硅", "模块"})
    assert "<mark>ＳｉＣ</mark>" in html
    assert "<mark>模块</mark>" in html
    assert "&lt;b&gt;" in html and "<b>" not in html


def test_highlight_window_centres_on_the_first_match():
    text = "甲" * 300 + "碳化硅" + "乙" * 300
    html = highlight(text, {"碳化硅"}, limit=100)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>碳化硅</mark>" in html
    assert len(html) < 160


def test_words_in_two_scripts_are_split():
    assert get_analyzer().query_terms("碳化硅MOSFET") == ["碳化硅", "mosfet"]
