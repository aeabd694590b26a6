"""Run the Celery beat schedule in-process, for the embedded setup that has no broker.

Production runs ``celery -A config beat`` with workers instead; both run the same tasks
from ``config.celery``'s ``beat_schedule``.
"""

import logging
import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from config.celery import app

logger = logging.getLogger(__name__)


def _seconds_to_next_run(schedule) -> float:
    """Return how long after a run the entry runs again: its period in seconds, or for a
    Celery schedule (``crontab``) the time until its next due moment."""
    if isinstance(schedule, int | float):
        return float(schedule)
    return max(1.0, schedule.remaining_estimate(timezone.now()).total_seconds())


class Command(BaseCommand):
    help = "Run the periodic tasks of the beat schedule in this process (embedded setup)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every task once and exit.")

    def handle(self, *args, once: bool, **options):
        app.loader.import_default_modules()
        schedule = app.conf.beat_schedule
        next_run = {name: 0.0 for name in schedule}
        while True:
            now = time.monotonic()
            for name, entry in schedule.items():
                if now < next_run[name]:
                    continue
                task = app.tasks[entry["task"]]
                try:
                    result = task.apply().get(propagate=True)
                    if result:
                        logger.info("%s: %s", name, result)
                except Exception:  # a failing task must not stop the others
                    logger.exception("periodic task %s failed", name)
                next_run[name] = now + _seconds_to_next_run(entry["schedule"])
            if once:
                return
            time.sleep(5)
