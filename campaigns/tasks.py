"""Scheduled work of collection campaigns. Tasks call services; they are idempotent and run
again at the next tick."""

from celery import shared_task

from . import services


@shared_task
def screen_due_campaigns() -> int:
    """Close submissions of open campaigns whose deadline has passed, for screening."""
    return services.campaigns_screen_due()
