"""Index updates through the transactional outbox.

Services call ``index_later`` inside their transaction; the drain runs after commit (a
Celery task: in-process without a broker, on a worker with Redis) and applies every
pending change in bulk: repeated rows are coalesced, the current record is re-read, what
is no longer public is deleted. If the engine fails the rows stay for the next drain.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor

from django.conf import settings
from django.db import connections, transaction

from .analysis import get_analyzer
from .documents import SearchDocument, document_type, document_types
from .engines import get_engine
from .engines.base import Change, EngineUnavailable
from .models import OutboxEntry

logger = logging.getLogger(__name__)
BATCH = 1000
CHUNK = 1000


def index_later(doc_type: str, *pks: int) -> None:
    """Queue records for (re)indexing, in the caller's transaction."""
    if doc_type not in document_types():
        raise KeyError(f"Unknown search document type: {doc_type}")
    OutboxEntry.objects.bulk_create(
        [OutboxEntry(doc_type=doc_type, object_id=pk) for pk in pks if pk is not None]
    )
    if settings.SEARCH_INDEX_ON_COMMIT:
        transaction.on_commit(_schedule_drain)


def _schedule_drain() -> None:
    from .tasks import drain_outbox

    drain_outbox.delay()


def analyzed(document: SearchDocument) -> SearchDocument:
    """Fill in the analyzed terms both engines index."""
    analyzer = get_analyzer()
    document.title_terms = analyzer.terms(document.title)
    document.body_terms = analyzer.terms(
        " ".join([document.summary, document.body, " ".join(document.keywords)])
    )
    return document


def build_changes(refs: dict[tuple[str, int], int]) -> list[Change]:
    """Turn ``{(type, pk): version}`` into changes, reading the current records."""
    by_type: dict[str, dict[int, int]] = {}
    for (name, pk), version in refs.items():
        by_type.setdefault(name, {})[pk] = version
    changes = []
    for name, versions in by_type.items():
        kind = document_type(name)
        instances = kind.load(versions)
        for pk, version in versions.items():
            instance = instances.get(pk)
            doc_id = f"{name}:{pk}"
            if instance is None or not kind.is_public(instance):
                changes.append(Change(doc_id, version, None))
            else:
                document = analyzed(kind.to_document(instance))
                document.version = version
                changes.append(Change(doc_id, version, document))
    return changes


def drain(engine=None, *, batch: int = BATCH) -> int:
    """Apply pending outbox rows to the engine; return how many rows were done.

    Raises ``EngineUnavailable`` (rows kept) when the engine is down or locked.
    """
    engine = engine or get_engine()
    done = 0
    while True:
        rows = list(OutboxEntry.objects.order_by("pk")[:batch])
        if not rows:
            return done
        refs: dict[tuple[str, int], int] = {}
        for row in rows:
            if row.doc_type not in document_types():
                continue  # a type that no longer exists: drop its rows below
            refs[(row.doc_type, row.object_id)] = row.pk  # the newest row wins
        for related, version in _related(refs).items():
            refs.setdefault(related, version)
        try:
            engine.apply(build_changes(refs))
        except EngineUnavailable:
            raise
        except Exception as exc:
            OutboxEntry.objects.filter(pk__in=[r.pk for r in rows]).update(
                last_error=str(exc)[:2000]
            )
            raise EngineUnavailable(str(exc)) from exc
        OutboxEntry.objects.filter(pk__in=[r.pk for r in rows]).delete()
        done += len(rows)


def _related(refs: dict[tuple[str, int], int]) -> dict[tuple[str, int], int]:
    """Documents that show data of the changed ones (one bulk load per type)."""
    by_type: dict[str, dict[int, int]] = {}
    for (name, pk), version in refs.items():
        by_type.setdefault(name, {})[pk] = version
    related: dict[tuple[str, int], int] = {}
    for name, versions in by_type.items():
        kind = document_type(name)
        for pk, instance in kind.load(versions).items():
            for ref in kind.related(instance):
                related.setdefault(ref, versions[pk])
    return related


def iter_documents(
    names: Iterable[str] | None = None, *, version: int = 0, workers: int | None = None
):
    """Every public document of the given types (all by default), analyzed, for rebuilds.

    Reading records and segmenting their text is the slow part, so chunks of records are
    prepared by ``workers`` processes (one per CPU by default) while this one writes.
    """
    workers = workers or os.cpu_count() or 1
    chunks = [
        (name, pks[start : start + CHUNK], version)
        for name, kind in document_types().items()
        if names is None or name in names
        for pks in [list(kind.get_queryset().order_by("pk").values_list("pk", flat=True))]
        for start in range(0, len(pks), CHUNK)
    ]
    if workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield from _build_chunk(chunk)
        return
    # Each process opens its own database connection; inherited ones must not be shared.
    connections.close_all()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for documents in pool.map(_build_chunk, chunks):
            yield from documents


def _build_chunk(chunk: tuple[str, list[int], int]) -> list[SearchDocument]:
    name, pks, version = chunk
    kind = document_type(name)
    documents = []
    for _pk, instance in sorted(kind.load(pks).items()):
        if kind.is_public(instance):
            document = analyzed(kind.to_document(instance))
            document.version = version
            documents.append(document)
    return documents
