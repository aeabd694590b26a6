"""Benchmark corpora: the real research results and R&D demands of the shared data, and a
larger corpus expanded from them. Read from ../shared/data at run time, never copied."""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
VARIANTS = ["改进型", "二代", "集成方案", "应用", "产业化"]
SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")


@dataclass
class Record:
    kind: str  # "result" or "demand"
    pk: int
    title: str
    text: str
    section: str  # GB/T 4754 门类 name
    area: str  # technology area (results only)
    posted: datetime


def _date(value: str) -> datetime:
    try:
        return datetime.strptime(value[:10], "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        return datetime(2020, 1, 1, tzinfo=UTC)


def load_records(data_dir: Path = DATA) -> list[Record]:
    """Return the results (both parts) and demands, with duplicates of a name dropped."""
    records: list[Record] = []
    seen: set[tuple[str, str]] = set()
    results = []
    for part in ("part1", "part2"):
        part = f"zj51jishu_tech_achievements_{part}.json"
        results += json.loads((data_dir / part).read_text(encoding="utf-8"))
    for row in results:
        key = ("result", row["name"].strip())
        if key in seen or not row["name"].strip():
            continue
        seen.add(key)
        records.append(
            Record(
                kind="result",
                pk=len(records) + 1,
                title=row["name"].strip(),
                text=" ".join(row.get(f) or "" for f in ("context", "scope", "earlyApplication")),
                section=(row.get("classification") or "").split("——")[0].strip(),
                area=(row.get("industry") or "").strip(),
                posted=_date(row.get("postTime") or ""),
            )
        )
    demands = json.loads(
        (data_dir / "zj51jishu_tech_requirements_dev.json").read_text(encoding="utf-8")
    )
    for row in demands:
        key = ("demand", row["name"].strip())
        if key in seen or not row["name"].strip():
            continue
        seen.add(key)
        records.append(
            Record(
                kind="demand",
                pk=len(records) + 1,
                title=row["name"].strip(),
                text=(row.get("context") or "").strip(),
                section=(row.get("classification") or "").split("——")[0].strip(),
                area="",
                posted=_date(row.get("postTime") or ""),
            )
        )
    return records


def expand(records: list[Record], size: int, seed: int = 20261129) -> list[Record]:
    """Return ``size`` records: the originals, then recombinations of their sentences (a
    record's own title and first sentence with sentences of two others of the same kind)."""
    rng = random.Random(seed)
    pools = {kind: [r for r in records if r.kind == kind] for kind in ("result", "demand")}
    sentences = {r.pk: SENTENCE.findall(r.text) or [r.text] for r in records}
    expanded = list(records)
    while len(expanded) < size:
        base = rng.choice(records)
        others = rng.sample(pools[base.kind], 2)
        body = sentences[base.pk][:1] + [
            s
            for other in others
            for s in rng.sample(sentences[other.pk], min(2, len(sentences[other.pk])))
        ]
        expanded.append(
            Record(
                kind=base.kind,
                pk=len(expanded) + 1,
                title=f"{base.title}（{rng.choice(VARIANTS)}）",
                text="".join(body),
                section=base.section,
                area=base.area,
                posted=base.posted + timedelta(days=rng.randint(0, 900)),
            )
        )
    return expanded[:size]
