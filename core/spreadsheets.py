"""Writing xlsx exports people open in Excel or WPS, safely.

A cell whose text starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) would
be read as a formula by a spreadsheet program, so text from users could run one (CSV/formula
injection). Every text cell is written as text, and such a cell gets a leading apostrophe
character so it shows what was typed and never computes. Numbers and dates stay numbers and
dates. The workbook is built in openpyxl's write-only mode: memory stays flat however many
rows an export has.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Excel's limit on sheet names, and the characters it refuses in them.
SHEET_NAME_LIMIT = 31
SHEET_NAME_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def neutralise(value):
    """Return ``value`` as it is safe to put in a cell (see the module's docstring)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return value
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


@dataclass
class Sheet:
    """One sheet: a title, the column headings, and the rows (any iterable, read once)."""

    title: str
    headings: Sequence[str]
    rows: Iterable[Sequence] = field(default_factory=list)


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    """Build the workbook and return its bytes."""
    book = Workbook(write_only=True)
    for sheet in sheets:
        title = str(sheet.title).translate(SHEET_NAME_FORBIDDEN)[:SHEET_NAME_LIMIT] or "Sheet"
        out = book.create_sheet(title=title)
        heading_cells = []
        for heading in sheet.headings:
            cell = WriteOnlyCell(out, value=neutralise(str(heading)))
            cell.font = Font(bold=True)
            heading_cells.append(cell)
        out.append(heading_cells)
        for row in sheet.rows:
            cells = []
            for value in row:
                cell = WriteOnlyCell(out, value=neutralise(value))
                if isinstance(cell.value, str):
                    cell.data_type = "s"
                cells.append(cell)
            out.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_response(sheets: Sequence[Sheet], file_name: str) -> HttpResponse:
    """An attachment download of the workbook; ``file_name`` without the extension."""
    response = HttpResponse(workbook_bytes(sheets), content_type=XLSX_CONTENT_TYPE)
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "-" for c in file_name)
    safe = safe.strip("-") or "export"
    response["Content-Disposition"] = f'attachment; filename="{safe}.xlsx"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
