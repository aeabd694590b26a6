"""Read database ids from user input (query strings, form values).

An id a visitor typed may be anything: empty, negative, a word, or larger than any integer
column (2**63 - 1 and above: an OverflowError on SQLite, a DataError on PostgreSQL). These
helpers return ``None`` (or leave the value out) for anything that is not a possible id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MAX_ID = 2**63 - 1
_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_id(value) -> int | None:
    """Return ``value`` as a positive id that fits a 64-bit column, or ``None``."""
    text = str(value if value is not None else "").strip()
    if not _DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if 1 <= number <= MAX_ID else None


def parse_ids(values: Iterable) -> list[int]:
    """Return the possible ids among ``values``, in order, without the others."""
    return [number for number in map(parse_id, values) if number is not None]
