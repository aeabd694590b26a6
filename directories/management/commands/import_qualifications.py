"""Check an official list of 专精特新 / 小巨人 firms, and apply it with --apply.

The file is kept like an upload on the page (private storage) and goes through the same
services: a dry run first; with --apply, all rows in one transaction or none.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from core.exceptions import DomainError
from directories import services


class ProgressBar:
    """Rows read so far on one line of stderr, as a bar when the file's size is known."""

    WIDTH = 30

    def __init__(self, stream, label: str, total: int | None = None) -> None:
        self.stream = stream
        self.label = label
        self.total = total
        self.started = time.monotonic()

    def __call__(self, done: int) -> None:
        rate = done / max(time.monotonic() - self.started, 1e-6)
        line = f"{self.label}: {done:,} rows ({rate:,.0f} rows/s)"
        if self.total:
            share = min(done / self.total, 1.0)
            filled = round(share * self.WIDTH)
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            line = f"{self.label} [{bar}] {share:4.0%} {done:,}/{self.total:,} rows ({rate:,.0f}/s)"
        self.stream.write("\r" + line)
        self.stream.flush()

    def end(self) -> None:
        self.stream.write("\n")


class Command(BaseCommand):
    help = "Check an official list (csv or xlsx) of qualified firms; import it with --apply."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The list, a .csv or .xlsx file.")
        parser.add_argument(
            "--apply",
            action="store_true",
            help="Import it (all rows or, if any is rejected, none).",
        )
        parser.add_argument(
            "--user",
            help="Login name of the administrator importing (default: the first superuser).",
        )
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def _actor(self, username: str | None) -> User:
        users = User.objects.filter(is_active=True, is_staff=True)
        actor = (
            users.filter(username=username).first()
            if username
            else users.filter(is_superuser=True).order_by("pk").first()
        )
        if actor is None:
            raise CommandError("No such active administrator; pass --user with a staff login.")
        return actor

    def handle(self, *args, file: str, apply: bool, user: str | None, quiet: bool, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        actor = self._actor(user)
        verbose = options["verbosity"] >= 2

        def on_row(row, outcome, reasons):
            self.stdout.write(f"row {row.number}\t{outcome}\t{row.credit_code}\t{row.name}")
            for reason in reasons:
                self.stdout.write(f"\t{reason}")

        try:
            with path.open("rb") as handle:
                qualification_import = services.qualification_import_upload(
                    actor=actor, file=File(handle, name=path.name), file_name=path.name, check=False
                )
        except DomainError as error:
            raise CommandError(str(error.message)) from None
        total = qualification_import.rows_expected
        progress = None if quiet else ProgressBar(sys.stderr, "checking", total)
        try:
            qualification_import = services.qualification_import_check(
                pk=qualification_import.pk,
                on_progress=progress,
                on_row=on_row if verbose else None,
            )
        finally:
            if progress is not None:
                progress.end()
        if qualification_import.problem:
            raise CommandError(qualification_import.problem)
        self._report(qualification_import)
        if not apply:
            self.stdout.write("Dry run: nothing imported (add --apply to import).")
            return
        progress = None if quiet else ProgressBar(sys.stderr, "applying", total)
        try:
            services.qualification_import_apply(
                actor=actor, qualification_import=qualification_import, run=False
            )
            qualification_import = services.qualification_import_run_apply(
                pk=qualification_import.pk, actor_pk=actor.pk, on_progress=progress
            )
        except DomainError as error:
            raise CommandError(str(error.message)) from None
        finally:
            if progress is not None:
                progress.end()
        if qualification_import.problem:
            raise CommandError(qualification_import.problem)
        self.stdout.write(
            f"Applied import #{qualification_import.pk}: "
            f"{qualification_import.rows_created} created, "
            f"{qualification_import.rows_updated} updated, "
            f"{qualification_import.rows_unchanged} unchanged."
        )

    def _report(self, qualification_import) -> None:
        i = qualification_import
        self.stdout.write(
            f"Import #{i.pk} ({i.file_name}): {i.rows_total} rows; {i.rows_created} to create "
            f"({i.organizations_created} new organizations), {i.rows_updated} to update, "
            f"{i.rows_unchanged} unchanged, {i.rows_rejected} rejected."
        )
        for entry in i.rejections[:20]:
            reasons = " ".join(entry["reasons"])
            self.stdout.write(f"  row {entry['row']} {entry['credit_code']}: {reasons}")
