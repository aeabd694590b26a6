"""Rebuild the search index from the database.

Readers keep using the old index until the new one is complete (tantivy commits once;
Elasticsearch swaps an alias). Outbox rows written meanwhile are drained afterwards. A
tantivy index that cannot be opened (corrupted files) is removed and built afresh.
"""

import sys
import time

from django.core.management.base import BaseCommand
from django.db.models import Max

from search.documents import document_types
from search.engines import get_engine
from search.models import OutboxEntry
from search.outbox import drain, iter_documents


class ProgressBar:
    def __init__(self, total: int, stream) -> None:
        self.total = max(total, 1)
        self.stream = stream
        self.started = time.monotonic()

    def __call__(self, done: int) -> None:
        if done % 200 and done != self.total:
            return
        width = 30
        filled = int(width * min(done, self.total) / self.total)
        rate = done / max(time.monotonic() - self.started, 1e-6)
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} ({rate:,.0f} docs/s)"
        )
        self.stream.flush()


class Command(BaseCommand):
    help = "Rebuild the search index from the database (all public documents)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true")
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="Processes preparing documents (default: one per CPU; 1 reads in this "
            "process, which also sees data of a transaction not yet committed).",
        )

    def handle(self, *args, quiet: bool, workers: int | None, **options):
        engine = get_engine()
        # Changes already in the outbox are covered by the rebuild; later ones are not.
        covered = OutboxEntry.objects.aggregate(last=Max("pk"))["last"] or 0
        total = sum(kind.get_queryset().count() for kind in document_types().values())
        progress = None if quiet else ProgressBar(total, sys.stderr)
        started = time.monotonic()
        count = engine.rebuild(
            iter_documents(version=covered, workers=workers), on_progress=progress
        )
        elapsed = time.monotonic() - started
        OutboxEntry.objects.filter(pk__lte=covered).delete()
        drained = drain(engine)
        if not quiet:
            sys.stderr.write("\n")
        self.stdout.write(
            f"Indexed {count} documents with {engine.name} in {elapsed:.1f}s "
            f"({count / max(elapsed, 1e-6):,.0f} docs/s); {drained} later changes applied."
        )
