"""xlsx exports (core/spreadsheets.py): text that a spreadsheet would compute is written so
it shows as typed; numbers and dates stay numbers and dates; the download is safe."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from core.spreadsheets import (
    SHEET_NAME_LIMIT,
    XLSX_CONTENT_TYPE,
    Sheet,
    neutralise,
    workbook_bytes,
    xlsx_response,
)


@pytest.mark.parametrize(
    "text",
    [
        "=SUM(A1:A9)",
        "+86 512 6666",
        "-2+3",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1+1",
        '=HYPERLINK("http://evil.example","点我")',
    ],
)
def test_text_starting_like_a_formula_gets_an_apostrophe(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["苏州芯材科技", "a=b", "1+1", "", "'already quoted", "x@y.cn"])
def test_other_text_is_written_as_it_is(text):
    assert neutralise(text) == text


@pytest.mark.parametrize("number", [0, 7, -3, 2.5, -0.5, Decimal("-12.30")])
def test_numbers_stay_numbers_even_when_negative(number):
    assert neutralise(number) == number


def test_none_is_empty_and_booleans_are_words():
    assert neutralise(None) == ""
    assert neutralise(True) == "True"
    assert neutralise(False) == "False"


def test_aware_datetimes_are_written_in_local_time_without_a_zone(settings):
    settings.TIME_ZONE = "Asia/Shanghai"
    moment = datetime(2024, 3, 1, 16, 30, tzinfo=UTC)
    written = neutralise(moment)
    assert written == datetime(2024, 3, 2, 0, 30)
    assert written.tzinfo is None
    assert neutralise(date(2024, 3, 1)) == date(2024, 3, 1)


def test_lazy_and_other_objects_are_written_as_text():
    class Named:
        def __str__(self):
            return "=cmd|' /C calc'!A0"

    assert neutralise(Named()) == "'=cmd|' /C calc'!A0"


def read(data: bytes):
    return load_workbook(io.BytesIO(data))


def test_a_workbook_reads_back_with_text_numbers_and_dates(settings):
    settings.TIME_ZONE = "Asia/Shanghai"
    rows = [
        ["=1+1", 42, Decimal("3.50"), date(2024, 1, 15), None],
        ["-5", -5, 1.25, timezone.make_aware(datetime(2024, 1, 15, 9, 0)), "普通文本"],
    ]
    book = read(workbook_bytes([Sheet("数据", ["名称", "=数量", "金额", "日期", "备注"], rows)]))
    sheet = book["数据"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("名称", "'=数量", "金额", "日期", "备注")
    assert values[1][:4] == ("'=1+1", 42, 3.5, datetime(2024, 1, 15))
    assert values[1][4] is None
    assert values[2] == ("'-5", -5, 1.25, datetime(2024, 1, 15, 9, 0), "普通文本")
    # Text cells are text: nothing in the file is a formula.
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert sheet["A1"].font.bold


def test_sheet_titles_are_cut_to_excels_limit_and_cleaned():
    sheets = [Sheet("a/b:c*d?e[f]g\\h", ["x"]), Sheet("x" * 40, ["x"]), Sheet("", ["x"])]
    titles = read(workbook_bytes(sheets)).sheetnames
    assert titles[0] == "a b c d e f g h"
    assert titles[1] == "x" * SHEET_NAME_LIMIT
    assert titles[2] == "Sheet"


def test_rows_may_be_any_iterable_read_once():
    rows = ([number, f"行{number}"] for number in range(1000))
    sheet = read(workbook_bytes([Sheet("many", ["n", "text"], rows)])).active
    assert sheet.max_row == 1001


def test_the_download_is_an_attachment_with_a_safe_file_name():
    response = xlsx_response([Sheet("s", ["h"], [["v"]])], 'report "2024"/../进展')
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    disposition = response["Content-Disposition"]
    assert disposition == 'attachment; filename="report--2024--...xlsx"'
    name = disposition.split('filename="')[1][:-1]
    assert "/" not in name and '"' not in name and name.isascii()
    assert response["X-Content-Type-Options"] == "nosniff"
    assert read(response.content).active["A2"].value == "v"


def test_a_file_name_of_nothing_safe_becomes_export():
    response = xlsx_response([Sheet("s", ["h"])], "进展报告")
    assert response["Content-Disposition"] == 'attachment; filename="export.xlsx"'
