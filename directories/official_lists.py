"""Reading an official list of qualified firms (csv or xlsx) one row at a time.

A list comes from a province or the ministry with these columns (Chinese or English
headers, in any order): name, unified social credit code, province, qualification level
(专精特新 / 小巨人), batch, year, and optionally the expiry or review date. Rows are read
lazily: csv through the csv module, xlsx through openpyxl in read-only mode, so a list of
any length is read in bounded memory. ``read_rows`` yields each non-empty row with its
number in the file (the header is row 1), its cells parsed into a ``ListedRow`` whose
``problems`` say in user words what is wrong with it on its own (the database and the
other rows are the importer's concern).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import QualificationLevel
from accounts.validators import normalise_code, validate_credit_code
from reference.regions import Province

EXTENSIONS = (".csv", ".xlsx")

# Canonical column → the headers accepted for it (compared after folding, see _fold).
COLUMNS = {
    "name": ("企业名称", "名称", "单位名称", "name", "companyname", "enterprise"),
    "credit_code": (
        "统一社会信用代码",
        "信用代码",
        "社会信用代码",
        "creditcode",
        "unifiedsocialcreditcode",
        "uscc",
    ),
    "province": ("省份", "所在省份", "省份地区", "地区", "所在地区", "province", "region"),
    "level": ("资质等级", "等级", "级别", "类别", "资质类别", "level", "qualificationlevel"),
    "batch": ("批次", "batch"),
    "year": ("年度", "年份", "认定年度", "公布年度", "year"),
    "review_date": (
        "有效期至",
        "有效期",
        "复核日期",
        "复核时间",
        "到期日期",
        "expiry",
        "expirydate",
        "reviewdate",
        "expiryorreviewdate",
    ),
}
REQUIRED_COLUMNS = ("name", "credit_code", "province", "level", "batch", "year")
COLUMN_LABELS = {
    "name": gettext_lazy("name"),
    "credit_code": gettext_lazy("unified social credit code"),
    "province": gettext_lazy("province"),
    "level": gettext_lazy("qualification level"),
    "batch": gettext_lazy("batch"),
    "year": gettext_lazy("year"),
    "review_date": gettext_lazy("expiry or review date"),
}

# Short Chinese names of the provincial-level divisions (GB/T 2260), by code.
PROVINCE_NAMES_ZH = {
    "11": "北京", "12": "天津", "13": "河北", "14": "山西", "15": "内蒙古",
    "21": "辽宁", "22": "吉林", "23": "黑龙江", "31": "上海", "32": "江苏",
    "33": "浙江", "34": "安徽", "35": "福建", "36": "江西", "37": "山东",
    "41": "河南", "42": "湖北", "43": "湖南", "44": "广东", "45": "广西",
    "46": "海南", "50": "重庆", "51": "四川", "52": "贵州", "53": "云南",
    "54": "西藏", "61": "陕西", "62": "甘肃", "63": "青海", "64": "宁夏",
    "65": "新疆", "71": "台湾", "81": "香港", "82": "澳门",
}  # fmt: skip
_PROVINCE_SUFFIX = re.compile(r"(壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$")
_PROVINCES: dict[str, str] = {}
for _code, _short in PROVINCE_NAMES_ZH.items():
    _PROVINCES[_code] = _code
    _PROVINCES[_short] = _code
for _choice in Province:
    _PROVINCES[_choice.name.replace("_", "").lower()] = _choice.value

_LEVELS = {
    "小巨人": QualificationLevel.NATIONAL,
    "专精特新小巨人": QualificationLevel.NATIONAL,
    "国家级专精特新小巨人": QualificationLevel.NATIONAL,
    "专精特新小巨人企业": QualificationLevel.NATIONAL,
    "小巨人企业": QualificationLevel.NATIONAL,
    "national": QualificationLevel.NATIONAL,
    "littlegiant": QualificationLevel.NATIONAL,
    "专精特新": QualificationLevel.PROVINCIAL,
    "省级专精特新": QualificationLevel.PROVINCIAL,
    "专精特新中小企业": QualificationLevel.PROVINCIAL,
    "省级专精特新中小企业": QualificationLevel.PROVINCIAL,
    "provincial": QualificationLevel.PROVINCIAL,
    "srdi": QualificationLevel.PROVINCIAL,
}

NAME_MAX = 120
BATCH_MAX = 30
YEAR_MIN, YEAR_MAX = 2011, 2100


class ListFileError(Exception):
    """The file as a whole cannot be read as a list; ``message`` says why, in user words."""

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass
class ListedRow:
    """One row of a list, parsed. Fields are None when missing or unreadable."""

    number: int
    name: str = ""
    credit_code: str = ""
    province: str | None = None
    level: str | None = None
    batch: str = ""
    year: int | None = None
    review_date: date | None = None
    problems: list[str] = field(default_factory=list)


def _fold(text) -> str:
    """Fold a header or a keyword: full-width forms, case, spaces, punctuation."""
    text = unicodedata.normalize("NFKC", str(text or "")).lower()
    return re.sub(r"[\s_\-·/()（）:：*]+", "", text)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", str(value))).strip()


def parse_province(value) -> str | None:
    key = _fold(value)
    if not key:
        return None
    return _PROVINCES.get(key) or _PROVINCES.get(_PROVINCE_SUFFIX.sub("", key))


def parse_level(value) -> str | None:
    return _LEVELS.get(_fold(value).replace("“", "").replace("”", "").replace('"', ""))


def parse_year(value) -> int | None:
    if isinstance(value, datetime | date):
        return value.year
    text = _text(value).removesuffix("年")
    if isinstance(value, int | float) or text.isdigit():
        try:
            year = int(float(text))
        except ValueError:
            return None
        return year if YEAR_MIN <= year <= YEAR_MAX else None
    return None


def parse_date(value) -> date | None:
    """A date cell, or text as 2026-12-31, 2026/12/31, 2026.12.31 or 2026年12月31日."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", _text(value))
    if not match:
        raise ValueError(value)
    return date(*(int(part) for part in match.groups()))


def parse_row(number: int, cells: dict) -> ListedRow:
    """Parse one row's cells (canonical column → raw value) and note what is wrong."""
    row = ListedRow(number=number)
    problems = row.problems
    row.name = _text(cells.get("name"))
    if not row.name:
        problems.append(_("The name is missing."))
    elif len(row.name) > NAME_MAX:
        problems.append(_("The name is longer than %(max)d characters.") % {"max": NAME_MAX})
    row.credit_code = normalise_code(_text(cells.get("credit_code")))[:40]
    try:
        validate_credit_code(row.credit_code)
    except ValidationError as error:
        problems.append(_("Bad credit code: %(reason)s") % {"reason": " ".join(error.messages)})
    raw_province = _text(cells.get("province"))
    row.province = parse_province(raw_province)
    if row.province is None:
        problems.append(_("Unknown province: “%(value)s”.") % {"value": raw_province[:40]})
    raw_level = _text(cells.get("level"))
    row.level = parse_level(raw_level)
    if row.level is None:
        problems.append(
            _("Unknown qualification level: “%(value)s” (use 专精特新 or 小巨人).")
            % {"value": raw_level[:40]}
        )
    row.batch = _text(cells.get("batch"))
    if not row.batch:
        problems.append(_("The batch is missing."))
    elif len(row.batch) > BATCH_MAX:
        problems.append(_("The batch is longer than %(max)d characters.") % {"max": BATCH_MAX})
    row.year = parse_year(cells.get("year"))
    if row.year is None:
        problems.append(
            _("The year must be a number from %(min)d to %(max)d.")
            % {"min": YEAR_MIN, "max": YEAR_MAX}
        )
    raw_date = cells.get("review_date")
    if _text(raw_date):
        try:
            row.review_date = parse_date(raw_date)
        except ValueError:
            problems.append(
                _("Unreadable expiry or review date: “%(value)s” (use 2026-12-31).")
                % {"value": _text(raw_date)[:40]}
            )
    return row


def _columns(header) -> dict[str, int]:
    """Map each canonical column to its position in the header, or raise ListFileError."""
    aliases = {_fold(alias): column for column, names in COLUMNS.items() for alias in names}
    positions: dict[str, int] = {}
    for position, title in enumerate(header or ()):
        column = aliases.get(_fold(title))
        if column is not None and column not in positions:
            positions[column] = position
    missing = [str(COLUMN_LABELS[c]) for c in REQUIRED_COLUMNS if c not in positions]
    if missing:
        raise ListFileError(
            _("The first row must name the columns; missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    return positions


def _csv_encoding(binary) -> str:
    """UTF-8 (with or without BOM) unless the start of the file is not UTF-8: then GB18030,
    what spreadsheets on Chinese systems save csv in."""
    sample = binary.read(64 * 1024)
    binary.seek(0)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8-sig"


def _csv_records(binary) -> Iterator[tuple]:
    text = io.TextIOWrapper(binary, encoding=_csv_encoding(binary), newline="")
    try:
        yield from csv.reader(text)
    except (UnicodeDecodeError, csv.Error) as error:
        message = _("The csv file cannot be read: %(error)s") % {"error": error}
        raise ListFileError(message) from None
    finally:
        text.detach()


def _xlsx_records(binary) -> Iterator[tuple]:
    from openpyxl import load_workbook  # only when an xlsx file is read

    try:
        workbook = load_workbook(binary, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ListFileError(_("The file is not a readable xlsx workbook.")) from None
    try:
        yield from workbook.worksheets[0].iter_rows(values_only=True)
    finally:
        workbook.close()


def count_rows(binary, kind: str) -> int | None:
    """How many rows below the header the file holds, as far as can be told cheaply (for a
    progress bar): the lines of a csv file, the dimension an xlsx sheet declares. None when
    unknown. Leaves the file at its start."""
    try:
        if kind == "csv":
            lines, last = 0, b"\n"
            while block := binary.read(1024 * 1024):
                lines += block.count(b"\n")
                last = block[-1:]
            return max(lines + (last != b"\n") - 1, 0)
        from openpyxl import load_workbook

        workbook = load_workbook(binary, read_only=True, data_only=True)
        try:
            rows = workbook.worksheets[0].max_row
        finally:
            workbook.close()
        return max(rows - 1, 0) if rows else None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, IndexError):
        return None
    finally:
        binary.seek(0)


def file_kind(file_name: str) -> str | None:
    """``csv`` or ``xlsx`` from the file's name, or None for anything else."""
    lowered = (file_name or "").lower()
    for extension in EXTENSIONS:
        if lowered.endswith(extension):
            return extension[1:]
    return None


@contextmanager
def open_rows(binary, file_name: str):
    """Open a list (a binary file object) and give an iterator of its ``ListedRow``s.

    Raise ``ListFileError`` when the file's kind is not supported or its header lacks a
    required column.
    """
    kind = file_kind(file_name)
    if kind is None:
        raise ListFileError(_("Upload a .csv or .xlsx file."))
    records = _xlsx_records(binary) if kind == "xlsx" else _csv_records(binary)
    try:
        header = next(records, None)
        if header is None:
            raise ListFileError(_("The file is empty."))
        positions = _columns(header)
        yield _rows(records, positions)
    finally:
        records.close()


def _rows(records, positions: dict[str, int]) -> Iterator[ListedRow]:
    for number, record in enumerate(records, start=2):
        if not any(_text(cell) for cell in record):
            continue
        cells = {
            column: record[position] if position < len(record) else None
            for column, position in positions.items()
        }
        yield parse_row(number, cells)
