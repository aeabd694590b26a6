#!/usr/bin/env python
"""Search and matching benchmarks of the embedded engine, all figures in one run.

    .venv/bin/python bench/run.py                 # real corpus and 100,000 documents
    .venv/bin/python bench/run.py --sizes 20000   # a quicker run

Prints, for each corpus size: index build throughput (split into segmentation and engine),
search-with-facets and match-with-explanations latencies (p50/p95) next to the bare engine
query they contain, where the match time goes, the rebuild throughput from the database;
then match quality against plain BM25 on titles. Nothing here asserts a target: the targets
are in bench/README.md, the figures are printed.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="zjtx-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["SEARCH_INDEX_ON_COMMIT"] = "0"
os.environ["ELASTICSEARCH_URL"] = ""

import django  # noqa: E402

django.setup()

from bench.corpus import Record, expand, load_records  # noqa: E402
from search.analysis import get_analyzer  # noqa: E402
from search.documents import SearchDocument  # noqa: E402
from search.engines.base import SearchQuery  # noqa: E402
from search.engines.tantivy_engine import TantivyEngine  # noqa: E402
from search.highlight import highlight  # noqa: E402
from search.matching import MatchSource, find_matches  # noqa: E402
from search.outbox import analyzed  # noqa: E402
from search.query import SearchParams, build_query  # noqa: E402

PROVINCES = ["11", "31", "32", "33", "34", "37", "42", "44", "51", "61"]
LEVELS = ["none", "none", "none", "provincial", "national"]
NOW = datetime(2023, 1, 1, tzinfo=UTC)


def to_document(record: Record) -> SearchDocument:
    """A record as the platform would index it (demands are R&D-demand calls)."""
    rng = random.Random(record.pk)
    is_result = record.kind == "result"
    return SearchDocument(
        type="result" if is_result else "call",
        pk=record.pk,
        title=record.title,
        summary=record.text[:120],
        body=record.text,
        url=f"/{record.kind}/{record.pk}/",
        organization=f"机构{record.pk % 5000}",
        organization_id=record.pk % 5000,
        published_at=record.posted,
        deadline=record.posted + timedelta(days=365) if not is_result else None,
        trl=rng.randint(2, 9) if is_result else None,
        facets={
            **({"maturity": ["pilot"]} if is_result else {"call_kind": ["rnd_demand"]}),
            "status": ["published"],
            "section": [record.section],
            "field": [record.area] if record.area else [],
            "province": [rng.choice(PROVINCES)],
            "org_kind": ["university" if is_result else "sme"],
            "qualification": [rng.choice(LEVELS)],
            "chain_node": [str(rng.randint(1, 90))],
        },
    )


def ms(seconds: list[float]) -> tuple[float, float]:
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def build(records: list[Record], directory: Path) -> tuple[TantivyEngine, dict]:
    engine = TantivyEngine(directory)
    started = time.perf_counter()
    documents = [to_document(r) for r in records]
    converted = time.perf_counter()
    documents = [analyzed(d) for d in documents]
    segmented = time.perf_counter()
    engine.rebuild(documents)
    written = time.perf_counter()
    return engine, {
        "convert": converted - started,
        "segment": segmented - converted,
        "engine": written - segmented,
        "total": written - started,
    }


def search_latency(engine, records, count: int):
    rng = random.Random(7)
    queries = [r.title for r in rng.sample([r for r in records if r.kind == "demand"], count)]
    full, bare = [], []
    for text in queries:
        params = SearchParams(text=text)
        query, terms = build_query(params)
        started = time.perf_counter()
        result = engine.search(query)
        for hit in result.hits:
            highlight(hit.title, set(terms))
            highlight(hit.summary, set(terms), limit=160)
        full.append(time.perf_counter() - started)
        plain = SearchQuery(
            terms=query.terms, minimum_should_match=query.minimum_should_match, limit=query.limit
        )
        started = time.perf_counter()
        engine.search(plain)
        bare.append(time.perf_counter() - started)
    return ms(full), ms(bare)


def match_latency(engine, records, count: int):
    rng = random.Random(11)
    sources = rng.sample([r for r in records if r.kind == "demand"], count)
    full, bare, phases = [], [], {}
    for record in sources:
        source = MatchSource(
            text=f"{record.title} {record.title} {record.text}",
            types=["result"],
            province="32",
            chain_nodes=["7"],
        )
        timings: dict[str, float] = {}
        started = time.perf_counter()
        find_matches(source, engine=engine, limit=20, now=NOW, timings=timings)
        full.append(time.perf_counter() - started)
        for phase, seconds in timings.items():
            phases.setdefault(phase, []).append(seconds)
        bare.append(timings.get("engine", 0.0))
    return ms(full), ms(bare), {k: statistics.mean(v) * 1000 for k, v in phases.items()}


def rebuild_from_database(records: list[Record], directory: Path) -> dict:
    """Load the results into the database as research results, then time rebuild_index's
    own path (iter_documents → engine.rebuild), and its parts."""
    from django.core.management import call_command
    from django.db import connection

    from accounts.models import Organization, OrganizationKind, VerificationStatus
    from catalog.models import ListingStatus, Maturity, ResearchResult
    from search.outbox import iter_documents

    call_command("migrate", verbosity=0)
    ResearchResult.objects.all().delete()
    organization, _ = Organization.objects.get_or_create(
        credit_code="BENCH-0001",
        defaults={
            "name": "基准测试大学",
            "kind": OrganizationKind.UNIVERSITY,
            "province": "33",
            "verification_status": VerificationStatus.VERIFIED,
        },
    )
    rng = random.Random(3)
    ResearchResult.objects.bulk_create(
        [
            ResearchResult(
                organization=organization,
                title=r.title[:120],
                summary=r.text[:300],
                description=r.text,
                keywords=[],
                field=r.area[:60] or "其他",
                trl=rng.randint(1, 9),
                maturity=Maturity.PILOT,
                transfer_modes=["license"],
                status=ListingStatus.PUBLISHED,
                published_at=r.posted,
            )
            for r in records
        ],
        batch_size=2000,
    )
    count = ResearchResult.objects.count()
    engine = TantivyEngine(directory)

    started = time.perf_counter()
    engine.rebuild(iter_documents(["result"]))
    total = time.perf_counter() - started

    from search.documents import document_type

    kind = document_type("result")
    started = time.perf_counter()
    plain = [kind.to_document(i) for i in kind.get_queryset().iterator(chunk_size=2000)]
    database = time.perf_counter() - started
    started = time.perf_counter()
    for document in plain:
        analyzed(document)
    segment = time.perf_counter() - started
    connection.close()
    return {"count": count, "total": total, "database": database, "segment": segment}


def precision_at_10(ranked: list[list[str]], relevant: list[str]) -> float:
    scores = [
        sum(1 for label in labels[:10] if label == want) / 10
        for labels, want in zip(ranked, relevant, strict=True)
    ]
    return statistics.mean(scores)


def quality(records: list[Record], directory: Path, sample: int) -> dict:
    engine, _ = build(records, directory)
    analyzer = get_analyzer()
    by_id = {f"{'result' if r.kind == 'result' else 'call'}:{r.pk}": r for r in records}
    demands = [r for r in records if r.kind == "demand" and r.section]
    matcher, bm25, wanted = [], [], []
    for demand in demands:
        source = MatchSource(text=f"{demand.title} {demand.title} {demand.text}", types=["result"])
        matches = find_matches(source, engine=engine, limit=10, now=NOW)
        matcher.append([by_id[m.hit.id].section for m in matches])
        title_query = SearchQuery(
            terms={t: 1.0 for t in analyzer.query_terms(demand.title)},
            filters={"type": ["result"]},
            limit=10,
        )
        bm25.append(
            [by_id[h.id].section for h in engine.search(title_query).hits]
            if title_query.terms
            else []
        )
        wanted.append(demand.section)
    rng = random.Random(5)
    results = rng.sample([r for r in records if r.kind == "result" and r.area], sample)
    similar_matcher, similar_bm25, areas = [], [], []
    for result in results:
        own = f"result:{result.pk}"
        source = MatchSource(
            text=f"{result.title} {result.title} {result.text}", types=["result"], indexed_as=own
        )
        matches = find_matches(source, engine=engine, limit=10, now=NOW)
        similar_matcher.append([by_id[m.hit.id].area for m in matches])
        title_query = SearchQuery(
            terms={t: 1.0 for t in analyzer.query_terms(result.title)},
            filters={"type": ["result"]},
            exclude_ids=[own],
            limit=10,
        )
        similar_bm25.append(
            [by_id[h.id].area for h in engine.search(title_query).hits] if title_query.terms else []
        )
        areas.append(result.area)
    return {
        "demands": len(demands),
        "section_matcher": precision_at_10(matcher, wanted),
        "section_bm25": precision_at_10(bm25, wanted),
        "results": len(results),
        "area_matcher": precision_at_10(similar_matcher, areas),
        "area_bm25": precision_at_10(similar_bm25, areas),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="real,100000",
        help="Comma-separated corpus sizes; 'real' is the shared data as is.",
    )
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--rebuild-size", type=int, default=100_000)
    parser.add_argument("--skip-rebuild", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()

    records = load_records()
    workdir = Path(tempfile.mkdtemp(prefix="zjtx-bench-index-"))
    get_analyzer()  # the dictionary loads once per process; not part of any figure
    print(
        f"Shared data: {len(records)} records "
        f"({sum(r.kind == 'result' for r in records)} results, "
        f"{sum(r.kind == 'demand' for r in records)} demands); CPU: {os.cpu_count()} cores"
    )
    for size in args.sizes.split(","):
        corpus = records if size == "real" else expand(records, int(size))
        engine, times = build(corpus, workdir / f"index-{size}")
        n = len(corpus)
        print(f"\n== {n:,} documents")
        print(
            f"index build     {n / times['total']:8,.0f} docs/s   (segmentation "
            f"{n / times['segment']:,.0f} docs/s, engine {n / times['engine']:,.0f} docs/s, "
            f"record conversion {times['convert']:.2f} s)"
        )
        (search_p50, search_p95), (bare_p50, bare_p95) = search_latency(
            engine, corpus, args.queries
        )
        print(
            f"search + facets p50/p95 {search_p50:6.2f} / {search_p95:6.2f} ms   "
            f"bare engine query {bare_p50:5.2f} / {bare_p95:5.2f} ms   "
            f"ratio {search_p50 / bare_p50:4.1f}× / {search_p95 / bare_p95:4.1f}×"
        )
        (match_p50, match_p95), (pool_p50, pool_p95), phases = match_latency(
            engine, corpus, args.queries
        )
        print(
            f"match top-20    p50/p95 {match_p50:6.2f} / {match_p95:6.2f} ms   "
            f"bare pool query  {pool_p50:5.2f} / {pool_p95:5.2f} ms   "
            f"ratio {match_p50 / pool_p50:4.1f}× / {match_p95 / pool_p95:4.1f}×"
        )
        print(
            "match time, mean per phase: "
            + ", ".join(f"{phase} {value:.2f} ms" for phase, value in phases.items())
        )
    if not args.skip_rebuild:
        corpus = [r for r in expand(records, args.rebuild_size * 2) if r.kind == "result"]
        corpus = corpus[: args.rebuild_size]
        figures = rebuild_from_database(corpus, workdir / "rebuild")
        count = figures["count"]
        print(f"\n== rebuild from the database ({count:,} research results)")
        print(
            f"rebuild_index   {count / figures['total']:8,.0f} docs/s   (of which database read "
            f"{count / figures['database']:,.0f} docs/s, segmentation "
            f"{count / figures['segment']:,.0f} docs/s)"
        )
    if not args.skip_quality:
        figures = quality(records, workdir / "quality", min(300, args.queries * 2))
        print("\n== match quality (real corpus)")
        print(
            f"demands → results, precision@10 same GB/T 4754 section: matcher "
            f"{figures['section_matcher']:.3f}, BM25 on titles {figures['section_bm25']:.3f} "
            f"({figures['demands']} demands)"
        )
        print(
            f"similar results, precision@10 same technology area:   matcher "
            f"{figures['area_matcher']:.3f}, BM25 on titles {figures['area_bm25']:.3f} "
            f"({figures['results']} results)"
        )


if __name__ == "__main__":
    main()
