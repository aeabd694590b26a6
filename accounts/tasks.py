"""Scheduled work on accounts. Tasks call services; they are idempotent and run again at
the next tick; a transient error is retried with backoff (the platform's task class,
config/celery.py)."""

from celery import shared_task

from . import services


@shared_task
def refresh_expired_qualifications() -> int:
    """Lower the level of organizations whose qualification passed its expiry or review
    date (daily); return how many organizations changed."""
    return services.qualifications_refresh_expired()
