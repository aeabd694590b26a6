"""Load the reference data files shipped in ``reference/data``."""

import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_industry_rows() -> list[tuple[str, str, str | None]]:
    """Return ``(code, name, parent_code)`` for every GB/T 4754-2017 node, parents first."""
    document = json.loads((DATA_DIR / "gbt4754_2017.json").read_text(encoding="utf-8"))
    return [tuple(row) for row in document["rows"]]


def load_industries(industry_model) -> int:
    """Insert every GB/T 4754-2017 node missing from the table; return how many were added.

    Takes the model as an argument so data migrations can pass their historical model.
    """
    rows = read_industry_rows()
    existing = set(industry_model.objects.values_list("code", flat=True))
    section_of: dict[str, str] = {}
    new = []
    for code, name, parent in rows:
        section = code if parent is None else section_of[parent]
        section_of[code] = section
        if code in existing:
            continue
        level = 1 if code.isalpha() else len(code)
        new.append(
            industry_model(
                code=code,
                name=name,
                level=level,
                parent_id=parent,
                section_id=None if parent is None else section,
            )
        )
    industry_model.objects.bulk_create(new, batch_size=500)
    return len(new)
