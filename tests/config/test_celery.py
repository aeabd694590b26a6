"""Celery is configured not to lose work: late acknowledgement, one task reserved at a time,
a killed pool process puts its task back, transient errors are retried with backoff and
jitter, and the broker hands a message out again only after longer than any retry waits.
(The real worker on Redis: tests/integration/test_celery_worker.py.)"""

from django.conf import settings

from config.celery import RETRY_BACKOFF_MAX, PlatformTask, app
from search.tasks import drain_outbox


def platform_tasks():
    app.loader.import_default_modules()
    return {name: task for name, task in app.tasks.items() if not name.startswith("celery.")}


def test_messages_are_acknowledged_after_the_task_and_one_at_a_time():
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.worker_prefetch_multiplier == 1
    assert app.conf.task_acks_on_failure_or_timeout is True
    assert app.conf.worker_cancel_long_running_tasks_on_connection_loss is True


def test_the_visibility_timeout_is_longer_than_any_wait_before_a_retry():
    visibility = app.conf.broker_transport_options["visibility_timeout"]
    assert visibility == settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert visibility == 3600  # CELERY_VISIBILITY_TIMEOUT, unset here
    longest = {name: task.retry_backoff_max for name, task in platform_tasks().items()}
    longest["search drain while the engine is down"] = 600  # its own countdown's cap
    assert max(longest.values()) == RETRY_BACKOFF_MAX < visibility


def test_every_task_retries_transient_errors_with_backoff_and_jitter():
    tasks = platform_tasks()
    assert "directories.tasks.apply_qualification_import" in tasks
    for name, task in tasks.items():
        assert isinstance(task, PlatformTask), name
        assert task.acks_late, name
        assert task.retry_jitter and task.retry_backoff, name
        assert issubclass(ConnectionError, task.autoretry_for), name
        assert task.max_retries is None or task.max_retries >= 3, name
    assert drain_outbox.max_retries is None  # the engine may stay down for long
