from search.analysis import DATA_DIR, Analyzer, get_analyzer, normalise
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


def test_a_model_number_is_indexed_whole_and_in_parts():
    analyzer = get_analyzer()
    terms = analyzer.terms("WLBI-300晶圆级老化测试系统")
    assert {"wlbi-300", "wlbi300", "wlbi", "晶圆"} <= set(terms)
    assert {"wlbi300", "wlbi"} <= set(analyzer.terms("STM32F103与WLBI300"))
    # a query spells it without separators, however it was typed
    for query in ("WLBI-300", "ＷＬＢＩ－３００", "wlbi300", "WLBI_300"):
        assert analyzer.query_terms(query) == ["wlbi300"], query
    assert analyzer.query_terms("WLBI") == ["wlbi"]


def test_the_parts_of_a_model_number_may_be_known_words():
    assert "绝缘栅双极型晶体管" in get_analyzer().terms("IGBT7模块")
    assert "碳化硅" in get_analyzer().terms("4H-SiC衬底")


def test_latin_words_are_never_cut_at_dictionary_words_inside_them():
    # "ic" (集成电路) hides in "devices", "electronics" and "microchip"
    analyzer = get_analyzer()
    assert analyzer.terms("electronics devices") == ["electronics", "devices"]
    assert "集成电路" not in analyzer.terms("basic icons")


def test_highlight_marks_a_model_number_found_by_its_part():
    html = highlight("WLBI-300晶圆级老化测试系统", {"wlbi"})
    assert html.startswith("<mark>WLBI")


def test_english_words_and_phrases_share_the_chinese_term():
    analyzer = get_analyzer()
    pairs = [
        ("battery", "电池"),
        ("batteries", "电池"),
        ("lithium battery", "锂电池"),
        ("Lithium-ion  batteries", "锂离子电池"),
        ("integrated circuits", "集成电路"),
        ("chips", "芯片"),
        ("semiconductor", "半导体"),
        ("power devices", "功率器件"),
        ("motors", "电机"),
        ("sensor", "传感器"),
        ("robots", "机器人"),
        ("machine tools", "机床"),
        ("laser", "激光"),
        ("new energy vehicles", "新能源汽车"),
        ("electric vehicle", "新能源车"),
        ("hydrogen", "氢能"),
        ("photovoltaics", "光伏"),
        ("3D printing", "3D打印"),
    ]
    for english, chinese in pairs:
        assert analyzer.query_terms(english) == analyzer.query_terms(chinese), english


def test_words_mixing_scripts_find_their_synonyms():
    analyzer = get_analyzer()
    assert analyzer.query_terms("3D打印") == ["增材制造"]
    assert analyzer.terms("3D打印服务") == ["增材制造", "服务"]
    assert analyzer.query_terms("CNC机床") == analyzer.query_terms("数控机床")


def test_an_english_phrase_is_highlighted_in_the_original():
    html = highlight("Machine tools for 集成电路", {"机床", "集成电路"})
    assert "<mark>Machine tools</mark>" in html and "<mark>集成电路</mark>" in html


def test_the_synonym_list_puts_each_term_in_one_group():
    seen: dict[str, str] = {}
    for line in (DATA_DIR / "synonyms.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        terms = [normalise(t.strip()) for t in line.split(",") if t.strip()]
        for term in terms:
            assert term not in seen, f"{term} is in the groups of {seen[term]} and {terms[0]}"
            seen[term] = terms[0]
    assert len(seen) > 200
