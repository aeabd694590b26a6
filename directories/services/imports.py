"""Importing official lists of 专精特新 / 小巨人 firms: check (a dry run), then apply.

Checking reads the stored file row by row, in chunks of ``CHUNK`` rows, and compares each
chunk with the database in a constant number of queries; nothing but the import's own row
is written. Applying checks again against the database as it is now and refuses when any
row is rejected; otherwise it writes every row in one transaction (all or nothing), each
organization and qualification through the accounts services and the workflow engine, so
the trail records who verified what, and when. Re-applying a list already imported finds
every row unchanged. Memory stays bounded by the chunk and by one small entry per row for
finding duplicates inside the file, never by a list of the rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts import services as account_services
from accounts.models import (
    Organization,
    OrganizationKind,
    QualificationLevel,
    QualificationStatus,
    User,
)
from core.exceptions import InvalidState, NotAllowed
from workflow import SYSTEM, apply

from .. import rules, selectors
from ..models import ImportStatus, QualificationImport, QualificationSource
from ..official_lists import (
    PROVINCE_NAMES_ZH,
    ListedRow,
    ListFileError,
    count_rows,
    file_kind,
    open_rows,
)
from ..transitions import IMPORT_TRANSITIONS

__all__ = [
    "MAX_FILE_SIZE",
    "qualification_import_apply",
    "qualification_import_check",
    "qualification_import_run_apply",
    "qualification_import_upload",
    "rows_done",
]

CHUNK = 500
REJECTIONS_KEPT = 100
PREVIEW_KEPT = 50
MAX_FILE_SIZE = 50 * 1024 * 1024
PROGRESS_KEY = "directories:import-progress:%d"
PROGRESS_TTL = 24 * 3600

CREATE, UPDATE, UNCHANGED, REJECT = "create", "update", "unchanged", "reject"
ENTERPRISE_KINDS = (OrganizationKind.SME, OrganizationKind.LEAD, OrganizationKind.LARGE)

Progress = Callable[[int], None]
RowReport = Callable[[ListedRow, str, list[str]], None]


def _issuer(level: str, province: str) -> str:
    if level == QualificationLevel.NATIONAL:
        return "工业和信息化部"
    return f"{PROVINCE_NAMES_ZH.get(province, '')}省级中小企业主管部门"


@dataclass
class _Report:
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    organizations_created: int = 0
    rejections: list[dict] = field(default_factory=list)
    preview: list[dict] = field(default_factory=list)

    def add(self, row: ListedRow, outcome: str, reasons: list[str]) -> None:
        self.total += 1
        name = {CREATE: "created", UPDATE: "updated", UNCHANGED: "unchanged"}.get(
            outcome, "rejected"
        )
        setattr(self, name, getattr(self, name) + 1)
        entry = {
            "row": row.number,
            "name": row.name[:120],
            "credit_code": row.credit_code[:40],
            "outcome": outcome,
            "reasons": [str(reason) for reason in reasons],
        }
        if outcome == REJECT and len(self.rejections) < REJECTIONS_KEPT:
            self.rejections.append(entry)
        if len(self.preview) < PREVIEW_KEPT:
            self.preview.append(entry)

    def store_on(self, qualification_import: QualificationImport) -> list[str]:
        qualification_import.rows_total = self.total
        qualification_import.rows_created = self.created
        qualification_import.rows_updated = self.updated
        qualification_import.rows_unchanged = self.unchanged
        qualification_import.rows_rejected = self.rejected
        qualification_import.organizations_created = self.organizations_created
        qualification_import.rejections = self.rejections
        qualification_import.preview = self.preview
        return [
            "rows_total",
            "rows_created",
            "rows_updated",
            "rows_unchanged",
            "rows_rejected",
            "organizations_created",
            "rejections",
            "preview",
        ]


class _FileMemory:
    """What earlier rows of the file said, to find duplicates and contradictions.

    One small entry per distinct key (hashes, not the texts) keeps memory bounded for a
    list of any realistic length.
    """

    def __init__(self) -> None:
        self.rows: dict[int, int] = {}  # qualification key → first row
        self.name_of_code: dict[int, tuple[int, int]] = {}  # code → (name, first row)
        self.code_of_name: dict[int, tuple[int, int]] = {}  # name → (code, first row)
        self.new_codes: set[int] = set()  # organizations this import creates

    def problems(self, row: ListedRow) -> list[str]:
        reasons = []
        code, name = hash(row.credit_code), hash(row.name)
        key = hash((row.credit_code, row.level, row.year, row.batch))
        first = self.rows.setdefault(key, row.number)
        if first != row.number:
            reasons.append(
                _("Duplicate in the file: row %(row)d lists the same qualification.")
                % {"row": first}
            )
        seen_name, first = self.name_of_code.setdefault(code, (name, row.number))
        if seen_name != name:
            reasons.append(
                _("Row %(row)d gives this credit code with another name.") % {"row": first}
            )
        seen_code, first = self.code_of_name.setdefault(name, (code, row.number))
        if seen_code != code:
            reasons.append(
                _("Row %(row)d gives this name with another credit code.") % {"row": first}
            )
        return reasons


class _Refused(Exception):
    """A row was rejected while writing: the transaction rolls back."""


def _plan(row: ListedRow, organization: Organization | None, by_name, qualifications, sources):
    """Decide what a row does: (outcome, reasons, existing qualification or None)."""
    if organization is None:
        other = by_name.get(row.name)
        if other is not None:
            return (
                REJECT,
                [
                    _("“%(name)s” is already registered with another credit code (%(code)s).")
                    % {"name": other.name, "code": other.credit_code}
                ],
                None,
            )
        return CREATE, [], None
    if organization.is_verified and organization.name != row.name:
        return (
            REJECT,
            [
                _("Conflict: this credit code belongs to the verified organization “%(name)s”.")
                % {"name": organization.name}
            ],
            None,
        )
    if organization.kind not in ENTERPRISE_KINDS:
        return (
            REJECT,
            [
                _("This credit code belongs to “%(name)s”, which is not an enterprise.")
                % {"name": organization.name}
            ],
            None,
        )
    existing = qualifications.get((organization.pk, row.level, row.year, row.batch), [])
    verified = [q for q in existing if q.status == QualificationStatus.VERIFIED]
    if verified:
        source = sources.get(verified[0].pk)
        # The date kept on the qualification (and on its source, when it came from a list).
        known = [verified[0].valid_until] + ([source.review_date] if source else [])
        if row.review_date and any(date != row.review_date for date in known):
            return UPDATE, [_("New expiry or review date.")], verified[0]
        return UNCHANGED, [], verified[0]
    pending = [q for q in existing if q.status == QualificationStatus.PENDING]
    if pending:
        return UPDATE, [_("Verifies the claim awaiting review.")], pending[0]
    return CREATE, [], None


def _write(actor, qualification_import, row, organization, qualification, created_here):
    """Make one row's change (the plan said create or update)."""
    note = _("Official list: %(file)s, row %(row)d") % {
        "file": qualification_import.file_name,
        "row": row.number,
    }
    if organization is None:
        organization = created_here.get(row.credit_code)
    if organization is None:
        organization = account_services.organization_create_listed(
            actor=actor,
            name=row.name,
            credit_code=row.credit_code,
            province=row.province,
            note=note,
        )
        created_here[row.credit_code] = organization
    if qualification is not None and qualification.status == QualificationStatus.VERIFIED:
        QualificationSource.objects.update_or_create(
            qualification=qualification,
            defaults={
                "qualification_import": qualification_import,
                "row_number": row.number,
                "batch": row.batch,
                "review_date": row.review_date,
            },
        )
        if row.review_date:
            account_services.qualification_set_valid_until(
                actor=actor, qualification=qualification, valid_until=row.review_date
            )
        return
    qualification = account_services.qualification_record_listed(
        actor=actor,
        organization=organization,
        level=row.level,
        batch=row.batch,
        year=row.year,
        issuer=_issuer(row.level, row.province),
        qualification=qualification,
        valid_until=row.review_date,
    )
    QualificationSource.objects.update_or_create(
        qualification=qualification,
        defaults={
            "qualification_import": qualification_import,
            "row_number": row.number,
            "batch": row.batch,
            "review_date": row.review_date,
        },
    )


def _run_chunk(chunk, memory, report, *, actor, qualification_import, write, on_row):
    checked = [r for r in chunk if not r.problems]
    by_code = selectors.organizations_by_credit_code(r.credit_code for r in checked)
    by_name = selectors.organizations_by_name(r.name for r in checked)
    qualifications = selectors.qualifications_by_key(o.pk for o in by_code.values())
    sources = selectors.sources_of(q.pk for found in qualifications.values() for q in found)
    created_here: dict[str, Organization] = {}
    for row in chunk:
        reasons = list(row.problems)
        if not reasons:
            reasons = memory.problems(row)
        if reasons:
            outcome, existing = REJECT, None
        else:
            organization = by_code.get(row.credit_code)
            outcome, reasons, existing = _plan(row, organization, by_name, qualifications, sources)
            if outcome == CREATE and organization is None:
                code = hash(row.credit_code)
                if code not in memory.new_codes:
                    memory.new_codes.add(code)
                    report.organizations_created += 1
                    reasons = [_("New verified organization (SME) from the list.")]
        report.add(row, outcome, reasons)
        if on_row is not None:
            on_row(row, outcome, reasons)
        if write and outcome == REJECT:
            raise _Refused
        if write and outcome in (CREATE, UPDATE):
            _write(
                actor,
                qualification_import,
                row,
                by_code.get(row.credit_code),
                existing,
                created_here,
            )


def _run(
    qualification_import: QualificationImport,
    *,
    actor: User,
    write: bool,
    on_progress: Progress | None = None,
    on_row: RowReport | None = None,
) -> _Report:
    """Read the stored list and check (or write) every row; return what was found."""
    report, memory = _Report(), _FileMemory()
    with (
        qualification_import.file.open("rb") as binary,
        open_rows(binary, qualification_import.file_name) as rows,
    ):
        chunk: list[ListedRow] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) == CHUNK:
                _run_chunk(
                    chunk,
                    memory,
                    report,
                    actor=actor,
                    qualification_import=qualification_import,
                    write=write,
                    on_row=on_row,
                )
                chunk = []
                if on_progress is not None:
                    on_progress(report.total)
        _run_chunk(
            chunk,
            memory,
            report,
            actor=actor,
            qualification_import=qualification_import,
            write=write,
            on_row=on_row,
        )
    if on_progress is not None:
        on_progress(report.total)
    return report


def _reporting(pk: int, also: Progress | None) -> Progress:
    """A progress callback that also leaves the count where the page's progress bar reads
    it (the cache: written outside the transaction that applies the rows)."""

    def report(done: int) -> None:
        cache.set(PROGRESS_KEY % pk, done, PROGRESS_TTL)
        if also is not None:
            also(done)

    return report


def rows_done(qualification_import: QualificationImport) -> int:
    """How many rows the running check or apply has read so far."""
    return cache.get(PROGRESS_KEY % qualification_import.pk, 0)


def _lock(pk: int) -> QualificationImport:
    return QualificationImport.objects.select_for_update().get(pk=pk)


def _system_move(pk: int, action: str, *, expected: str, change=None) -> QualificationImport:
    """Make a task's move unless another run of the task made it first (then do nothing)."""
    with transaction.atomic():
        locked = _lock(pk)
        if locked.status != expected:
            return locked
        fields = change(locked) if change is not None else []
        return apply(
            IMPORT_TRANSITIONS, locked, action, actor=None, roles={SYSTEM}, fields=fields,
            record=None,
        )  # fmt: skip


def qualification_import_upload(
    *, actor: User, file, file_name: str, check: bool = True
) -> QualificationImport:
    """Keep an uploaded list in private storage and queue its check (a dry run: nothing
    else is written). The check runs as a task, at once when there is no broker; the page
    shows its progress. ``check=False`` leaves it to the caller
    (``qualification_import_check``), as the command does to show its own progress bar.
    """
    if not rules.can_import_qualifications(actor):
        raise NotAllowed(_("Only platform administrators can import official lists."))
    kind = file_kind(file_name)
    if kind is None:
        raise InvalidState(_("Upload a .csv or .xlsx file."))
    if getattr(file, "size", 0) and file.size > MAX_FILE_SIZE:
        raise InvalidState(_("The file is larger than 50 MB; split the list."))
    qualification_import = QualificationImport(
        uploaded_by=actor, file_name=file_name[-200:], status=ImportStatus.CHECKING
    )
    qualification_import.file.save(f"{uuid.uuid4().hex}.{kind}", File(file), save=False)
    try:
        with qualification_import.file.open("rb") as binary:
            qualification_import.rows_expected = count_rows(binary, kind)
            with open_rows(binary, file_name):
                pass  # a file that is no list, or lacks a column, is refused at once
    except ListFileError as error:
        qualification_import.file.delete(save=False)
        raise InvalidState(error.message) from None
    qualification_import.save()
    if check:
        pk = qualification_import.pk
        transaction.on_commit(lambda: _tasks().check_qualification_import.delay(pk))
    return qualification_import


def qualification_import_check(
    *, pk: int, on_progress: Progress | None = None, on_row: RowReport | None = None
) -> QualificationImport:
    """Check a stored list row by row and keep the report (the task's work; idempotent).

    It runs outside a transaction so a long list does not hold the database's write lock;
    the import's row is written once the check is done.
    """
    qualification_import = QualificationImport.objects.get(pk=pk)
    if qualification_import.status != ImportStatus.CHECKING:
        return qualification_import
    try:
        report = _run(
            qualification_import,
            actor=qualification_import.uploaded_by,
            write=False,
            on_progress=_reporting(pk, on_progress),
            on_row=on_row,
        )
    except ListFileError as error:
        problem = str(error.message)

        def unreadable(locked):
            locked.problem = problem
            return ["problem"]

        return _system_move(pk, "unreadable", expected=ImportStatus.CHECKING, change=unreadable)
    return _system_move(pk, "checked", expected=ImportStatus.CHECKING, change=report.store_on)


@transaction.atomic
def qualification_import_apply(
    *, actor: User, qualification_import: QualificationImport, run: bool = True
) -> QualificationImport:
    """Queue applying a checked list: every row, in one transaction, or nothing. Refused
    at once while the check found rejected rows. ``run=False`` leaves the work to the
    caller (``qualification_import_run_apply``), as the command does."""
    if not rules.can_import_qualifications(actor):
        raise NotAllowed(_("Only platform administrators can import official lists."))
    locked = _lock(qualification_import.pk)
    if locked.status == ImportStatus.DRY_RUN and locked.rows_rejected:
        raise InvalidState(_rejected_message(locked.rows_rejected))
    locked.problem = ""
    apply(
        IMPORT_TRANSITIONS,
        locked,
        "apply",
        actor=actor,
        roles=rules.import_roles(actor),
        fields=["problem"],
        record=None,
    )
    if run:
        pk, actor_pk = locked.pk, actor.pk
        transaction.on_commit(lambda: _tasks().apply_qualification_import.delay(pk, actor_pk))
    return locked


def qualification_import_run_apply(
    *, pk: int, actor_pk: int, on_progress: Progress | None = None
) -> QualificationImport:
    """Apply a list queued by ``qualification_import_apply`` (the task's work; idempotent).

    The stored file is checked again first (the database may have changed since the dry
    run); any rejected row refuses the whole list, and the import goes back to "checked"
    with the reason and the new counts. Otherwise every row is written in one transaction.
    """
    qualification_import = QualificationImport.objects.get(pk=pk)
    if qualification_import.status != ImportStatus.APPLYING:
        return qualification_import
    actor = User.objects.get(pk=actor_pk)
    try:
        report = _run(qualification_import, actor=actor, write=False)
    except ListFileError as error:
        return _refuse_apply(pk, str(error.message))
    if report.rejected:
        return _refuse_apply(pk, _rejected_message(report.rejected), report)
    try:
        with transaction.atomic():
            locked = _lock(pk)
            if locked.status != ImportStatus.APPLYING:
                return locked
            report = _run(locked, actor=actor, write=True, on_progress=_reporting(pk, on_progress))
            fields = report.store_on(locked)
            locked.applied_by = actor
            locked.applied_at = timezone.now()
            return apply(
                IMPORT_TRANSITIONS,
                locked,
                "applied",
                actor=actor,
                roles={SYSTEM},
                fields=[*fields, "applied_by", "applied_at"],
                record=None,
            )
    except _Refused:
        return _refuse_apply(
            pk,
            _(
                "The database changed while applying and a row no longer fits; nothing was "
                "imported. Check the list again."
            ),
        )


def _refuse_apply(pk: int, message: str, report: _Report | None = None) -> QualificationImport:
    def refused(locked):
        locked.problem = message
        return ["problem", *(report.store_on(locked) if report is not None else [])]

    return _system_move(pk, "apply_refused", expected=ImportStatus.APPLYING, change=refused)


def _rejected_message(count: int) -> str:
    return ngettext(
        "%(count)d row is rejected, so nothing was imported; correct the list and upload it again.",
        "%(count)d rows are rejected, so nothing was imported; correct the list and "
        "upload it again.",
        count,
    ) % {"count": count}


def _tasks():
    from .. import tasks  # the tasks call these services

    return tasks
