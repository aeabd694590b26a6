"""The Celery application.

Without ``REDIS_URL`` the settings make Celery run tasks eagerly in the calling process;
services still enqueue them with ``transaction.on_commit``, so a task never sees
uncommitted data in either mode.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("zjtx")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Periodic work. Production runs `celery beat`; the embedded setup runs the same schedule
# with `manage.py run_periodic` (started by `make run`).
app.conf.beat_schedule = {
    "close-due-calls": {"task": "challenges.tasks.close_due_calls", "schedule": 60.0},
    "finalize-due-calls": {"task": "challenges.tasks.finalize_due_calls", "schedule": 300.0},
    "screen-due-campaigns": {"task": "campaigns.tasks.screen_due_campaigns", "schedule": 300.0},
    "drain-search-outbox": {"task": "search.tasks.drain_outbox", "schedule": 60.0},
    "check-saved-searches": {"task": "search.tasks.check_saved_searches", "schedule": 300.0},
    "refresh-expired-qualifications": {
        "task": "accounts.tasks.refresh_expired_qualifications",
        "schedule": 24 * 3600.0,
    },
}
