"""The Celery application.

Without ``REDIS_URL`` the settings make Celery run tasks eagerly in the calling process;
services still enqueue them with ``transaction.on_commit``, so a task never sees
uncommitted data in either mode. Why the settings cannot lose work: config/settings.py.
"""

import os

from celery import Celery, Task
from celery.schedules import crontab
from django.db import InterfaceError, OperationalError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

# The longest wait between two tries of a task; the broker's visibility timeout
# (CELERY_BROKER_TRANSPORT_OPTIONS) must stay above it.
RETRY_BACKOFF_MAX = 600


# The database restarting or failing over, a serialization failure, a lost connection, a
# mail server that does not answer: worth another try in a moment.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)


class PlatformTask(Task):
    """The retry policy of every task of the platform (``@shared_task`` builds on it).

    A transient error is retried with exponential backoff (5 s, 10 s, 20 s, ... at most
    ``RETRY_BACKOFF_MAX``) and full jitter, so many tasks failing together do not come back
    together; after ``max_retries`` the task fails and is logged. Retrying is safe because
    tasks take ids and re-read the state they work on: a task run again finds the work done,
    or redoes what never committed. A task with its own retry (``bind=True`` and
    ``self.retry``) keeps it; options given to ``@shared_task`` override these.
    """

    autoretry_for = TRANSIENT_ERRORS
    retry_backoff = 5
    retry_backoff_max = RETRY_BACKOFF_MAX
    retry_jitter = True
    max_retries = 5
    acks_late = True


app = Celery("zjtx", task_cls=PlatformTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Periodic work. Production runs `celery beat`; the embedded setup runs the same schedule
# with `manage.py run_periodic` (started by `make run`).
app.conf.beat_schedule = {
    "close-due-calls": {"task": "challenges.tasks.close_due_calls", "schedule": 60.0},
    "finalize-due-calls": {"task": "challenges.tasks.finalize_due_calls", "schedule": 300.0},
    "screen-due-campaigns": {"task": "campaigns.tasks.screen_due_campaigns", "schedule": 300.0},
    "remind-due-milestones": {
        "task": "challenges.tasks.remind_due_milestones",
        "schedule": crontab(hour=9, minute=0),
    },
    "remind-pending-reviews": {
        "task": "challenges.tasks.remind_pending_reviews",
        "schedule": crontab(hour=9, minute=30),
    },
    "drain-search-outbox": {"task": "search.tasks.drain_outbox", "schedule": 60.0},
    "check-saved-searches": {"task": "search.tasks.check_saved_searches", "schedule": 300.0},
    "refresh-expired-qualifications": {
        "task": "accounts.tasks.refresh_expired_qualifications",
        "schedule": 24 * 3600.0,
    },
    # The previous day's notifications, each morning at 08:00 Beijing time (CELERY_TIMEZONE).
    "send-daily-digests": {
        "task": "notifications.tasks.send_daily_digests",
        "schedule": crontab(hour=8, minute=0),
    },
}
