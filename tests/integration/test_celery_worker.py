"""A real Celery worker on Redis, against the PostgreSQL test database: no work is lost and
none is done twice.

The worker is a separate process started by ``platform/run-local.sh worker`` (solo pool:
the task runs in the worker process itself, so killing it kills the task), pointed at the
test database, whose rows the tests commit (``transaction=True``). The work is a real one:
an official list of firms uploaded by an administrator is checked by one task and applied
by another (directories: ``check_qualification_import``, ``apply_qualification_import``),
both enqueued by the services after commit, both idempotent (they take the import's id and
re-read its status). Applying writes every row in one transaction, long enough on a few
thousand rows to kill the worker half-way through.

Needs ``DATABASE_URL`` (PostgreSQL) and ``REDIS_URL`` (a database number of its own, which it
empties: ``redis://127.0.0.1:6379/13``); .ci/run requires both.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction

from accounts.models import Organization, OrganizationEvent, Qualification
from directories import services
from directories.models import ImportStatus, QualificationImport
from directories.services.imports import CHUNK, PROGRESS_KEY, rows_done
from notifications.models import Notification
from notifications.services import notification_preferences_set, notify
from tests.directories.conftest import row, upload
from tests.factories import AdminUserFactory, UserFactory
from tests.services import need, need_redis, required_services

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]

ROOT = Path(settings.BASE_DIR)
QUEUE = "celery"  # Celery's default queue: a Redis list
CHECK = "directories.tasks.check_qualification_import"
APPLY = "directories.tasks.apply_qualification_import"
MAIL = "notifications.tasks.send_notification_email"
# Long enough that applying takes several seconds after its first chunk of rows is written.
LONG_LIST = 2 * CHUNK


def need_postgres() -> None:
    need("postgres", connection.vendor == "postgresql", "DATABASE_URL is not a PostgreSQL URL")


@pytest.fixture(autouse=True)
def _services():
    """Both services; a required one is checked first, so it fails even when the other
    one would skip."""
    checks = [need_postgres, need_redis]
    if "redis" in required_services() and "postgres" not in required_services():
        checks.reverse()
    for check in checks:
        check()


@pytest.fixture
def broker():
    """The Redis database of REDIS_URL, emptied before and after: the broker's queue, the
    messages taken but not acknowledged (``unacked``), and the cache."""
    client = redis.Redis.from_url(settings.REDIS_URL)
    client.flushdb()
    yield client
    client.flushdb()


class Worker:
    """One ``celery worker`` process (with the script that started it) and its log."""

    def __init__(self, env: dict[str, str], log_dir: Path):
        self.log_dir = log_dir
        log_dir.mkdir(parents=True)
        self.output = open(log_dir / "run-local.out", "wb")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [str(ROOT / "platform" / "run-local.sh"), "worker"],
            cwd=ROOT,
            env=env,
            stdout=self.output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: killed together
        )
        deadline = time.monotonic() + 60
        while "== ready" not in self.text("run-local.out"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"the worker did not start:\n{self.text('run-local.out')}")
            time.sleep(0.2)

    def text(self, name: str = "worker.log") -> str:
        path = self.log_dir / name
        return path.read_text(errors="replace") if path.exists() else ""

    def runs(self, task: str) -> tuple[int, int]:
        """How many times the worker received ``task``, and how many runs of it succeeded."""
        log = self.text()
        received = len(re.findall(rf"Task {re.escape(task)}\[[^\]]+\] received", log))
        succeeded = len(re.findall(rf"Task {re.escape(task)}\[[^\]]+\] succeeded", log))
        return received, succeeded

    def kill(self) -> None:
        """SIGKILL the worker (and its script) at once: no warm shutdown, no ack, no cleanup."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # the script stops the worker (a warm shutdown)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self.output.close()


def _database_url() -> str:
    """The test database (pytest-django's), as a URL for the worker."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = db["HOST"] or "127.0.0.1"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{credentials}@{host}{port}/{db['NAME']}"


@pytest.fixture
def start_worker(transactional_db, broker, tmp_path):
    """Start a worker on the test database (as many as asked, one after the other); every
    one still running is stopped at the end, before the test database is emptied."""
    started: list[Worker] = []

    def start(*, visibility_timeout: int = 3600) -> Worker:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": _database_url(),
            "REDIS_URL": settings.REDIS_URL,
            "SECRET_KEY": settings.SECRET_KEY,
            "CELERY_VISIBILITY_TIMEOUT": str(visibility_timeout),
            # The uploaded lists are where this test's services stored them.
            "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "VAR_DIR": str(tmp_path / "var"),
            # Index updates stay in the outbox (as in the test process): only the import's
            # own tasks reach this worker.
            "SEARCH_INDEX_ON_COMMIT": "0",
            "SEARCH_INDEX_DIR": str(tmp_path / "search-index"),
            "ELASTICSEARCH_URL": "",
            # Mail is printed, into the worker's log.
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
            "WORKER_POOL": "solo",
            "WORKER_CONCURRENCY": "1",
            "WORKER_NAME": f"test{len(started)}",
            "LOG_DIR": str(tmp_path / f"worker-{len(started)}"),
        }
        worker = Worker(env, tmp_path / f"worker-{len(started)}")
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


def eventually(check, what: str, timeout: float = 90):
    """Wait for ``check()`` to be true (the worker runs in its own time)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}")


def status_of(pk: int) -> str:
    return QualificationImport.objects.values_list("status", flat=True).get(pk=pk)


def reached(pk: int, status: str):
    return lambda: status_of(pk) == status


def waiting(broker) -> tuple[int, int]:
    """Messages in the queue, and messages a worker took but has not acknowledged."""
    return broker.llen(QUEUE), broker.hlen("unacked")


def listed(rows) -> set[str]:
    return {values[1] for values in rows}


def test_a_task_enqueued_after_commit_runs_once_on_the_worker(start_worker, broker):
    # given
    worker = start_worker()
    admin = AdminUserFactory()
    rows = [row() for _ in range(3)]
    # when: the administrator uploads a list, in a transaction as a request would
    with transaction.atomic():
        made = services.qualification_import_upload(
            actor=admin, file=upload(rows), file_name="list.csv"
        )
        # then: nothing reaches the broker before the commit
        assert waiting(broker) == (0, 0)
    # then: the worker checks the list once, and the message is acknowledged
    eventually(reached(made.pk, ImportStatus.DRY_RUN), "the check")
    checked = QualificationImport.objects.get(pk=made.pk)
    assert (checked.rows_total, checked.rows_created, checked.rows_rejected) == (3, 3, 0)
    eventually(lambda: worker.runs(CHECK) == (1, 1), "the check's success in the log")
    # when: it applies the list
    services.qualification_import_apply(actor=admin, qualification_import=checked)
    # then: the worker writes every row once
    eventually(reached(made.pk, ImportStatus.APPLIED), "the apply")
    eventually(lambda: worker.runs(APPLY) == (1, 1), "the apply's success in the log")
    firms = Organization.objects.filter(credit_code__in=listed(rows))
    assert firms.count() == 3
    assert Qualification.objects.filter(organization__in=firms).count() == 3
    assert waiting(broker) == (0, 0)
    assert worker.runs(CHECK) == (1, 1)


class Refused(Exception):
    """What makes the caller's transaction roll back."""


def test_a_notification_chosen_at_once_is_mailed_once_by_the_worker(start_worker, broker):
    # given: a user who wants mail at once about applications
    worker = start_worker()
    user = UserFactory(email="zhang.wei@example.cn")
    notification_preferences_set(actor=user, modes={"applications": "immediate"})

    def applied(applicant):
        notify(
            recipients=[user],
            verb="application.submitted",
            message="%(applicant)s applied to %(call)s",
            params={"applicant": applicant, "call": "车规级芯片攻关榜"},
            url="/calls/7/applications/3/",
        )

    # when: one notifying transaction rolls back, another commits
    with pytest.raises(Refused), transaction.atomic():
        applied("回滚的申请单位")
        raise Refused
    with transaction.atomic():
        applied("苏州纳芯微电子")
        assert waiting(broker) == (0, 0)  # nothing leaves before the commit
    # then: the committed one is mailed, once; the other was never stored nor mailed
    mailed = Notification.objects.filter(recipient=user, emailed_at__isnull=False)
    eventually(mailed.exists, "the mail")
    eventually(lambda: worker.runs(MAIL) == (1, 1), "the mail task's success in the log")
    assert Notification.objects.filter(recipient=user).count() == 1
    assert worker.text().count("To: zhang.wei@example.cn") == 1
    assert waiting(broker) == (0, 0)


def test_a_rolled_back_transaction_enqueues_nothing(start_worker, broker):
    # given
    worker = start_worker()
    admin = AdminUserFactory()
    rows = [row() for _ in range(2)]
    # when: an upload's transaction rolls back
    with pytest.raises(Refused), transaction.atomic():
        services.qualification_import_upload(actor=admin, file=upload(rows), file_name="a.csv")
        raise Refused
    # then: no import, and no task on the broker
    assert not QualificationImport.objects.exists()
    assert waiting(broker) == (0, 0)
    # given: a list uploaded for real, checked by the worker (after anything enqueued
    # before it: the queue is first in, first out, and the worker takes one at a time)
    made = services.qualification_import_upload(actor=admin, file=upload(rows), file_name="b.csv")
    eventually(reached(made.pk, ImportStatus.DRY_RUN), "the check")
    eventually(lambda: worker.runs(CHECK) == (1, 1), "the check's success in the log")
    checked = QualificationImport.objects.get(pk=made.pk)
    # when: applying it rolls back
    with pytest.raises(Refused), transaction.atomic():
        services.qualification_import_apply(actor=admin, qualification_import=checked)
        assert status_of(made.pk) == ImportStatus.APPLYING  # inside the transaction
        raise Refused
    # then: the list stays checked, nothing is enqueued or written
    assert status_of(made.pk) == ImportStatus.DRY_RUN
    assert waiting(broker) == (0, 0)
    # when: it is applied for real
    services.qualification_import_apply(actor=admin, qualification_import=checked)
    eventually(reached(made.pk, ImportStatus.APPLIED), "the apply")
    # then: the worker received the committed tasks only, once each
    eventually(lambda: worker.runs(APPLY) == (1, 1), "the apply's success in the log")
    assert worker.runs(CHECK) == (1, 1)
    assert Organization.objects.filter(credit_code__in=listed(rows)).count() == 2


def test_a_worker_killed_mid_task_leaves_the_work_done_once_after_restart(start_worker, broker):
    # given: a long list, checked; a worker whose broker hands an unacknowledged message
    # out again after 5 seconds
    worker = start_worker(visibility_timeout=5)
    admin = AdminUserFactory()
    rows = [row() for _ in range(LONG_LIST)]
    made = services.qualification_import_upload(
        actor=admin, file=upload(rows), file_name="long.csv"
    )
    eventually(reached(made.pk, ImportStatus.DRY_RUN), "the check")
    checked = QualificationImport.objects.get(pk=made.pk)
    assert (checked.rows_created, checked.rows_rejected) == (LONG_LIST, 0)
    cache.delete(PROGRESS_KEY % made.pk)  # the check's progress; the apply counts anew
    # when: it is applied, and the worker is killed once the first rows are written
    services.qualification_import_apply(actor=admin, qualification_import=checked)
    eventually(lambda: rows_done(checked) >= CHUNK, "the first rows applied")
    worker.kill()
    written = rows_done(checked)
    # then: it was killed half-way, nothing of the list is written (one transaction), and
    # the message waits on the broker, taken but not acknowledged
    assert CHUNK <= written < LONG_LIST
    assert worker.runs(APPLY) == (1, 0)
    assert status_of(made.pk) == ImportStatus.APPLYING
    assert not Organization.objects.filter(credit_code__in=listed(rows)).exists()
    assert waiting(broker) == (0, 1)
    # when: a worker starts again
    restarted = start_worker(visibility_timeout=5)
    # then: it receives the task again and applies every row, once
    eventually(reached(made.pk, ImportStatus.APPLIED), "the apply after the restart", 180)
    eventually(lambda: restarted.runs(APPLY) == (1, 1), "the apply's success in the log")
    firms = Organization.objects.filter(credit_code__in=listed(rows))
    assert firms.count() == LONG_LIST
    assert Qualification.objects.filter(organization__in=firms).count() == LONG_LIST
    assert (
        OrganizationEvent.objects.filter(organization__in=firms, action="created").count()
        == LONG_LIST
    )
    applied = QualificationImport.objects.get(pk=made.pk)
    assert (applied.rows_created, applied.rows_rejected) == (LONG_LIST, 0)
    assert waiting(broker) == (0, 0)
    print(
        f"\nkilled worker: {written} of {LONG_LIST} rows written (rolled back); "
        f"restarted worker: all {LONG_LIST} applied once"
    )
