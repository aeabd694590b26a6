"""Scheduled work of the open-call engine. Tasks take ids and call services; they are
idempotent (a retry or a redelivered message changes nothing more) and the periodic ones
run again at the next tick; a transient error is retried with backoff (the platform's task
class, config/celery.py)."""

from celery import shared_task

from . import services


@shared_task
def close_due_calls() -> int:
    """Close published calls whose deadline has passed."""
    return services.calls_close_due()


@shared_task
def finalize_due_calls() -> int:
    """Make awards final once the publicity period ended without open objections."""
    return services.calls_finalize_due()


@shared_task
def notify_matches(call_pk: int) -> int:
    """Tell the organizations that best match a newly published call (if they opted in)."""
    return services.call_notify_matches(call_pk=call_pk)


@shared_task
def remind_due_milestones() -> int:
    """Tell winners of milestones falling due within a week (once per milestone)."""
    return services.milestones_remind_due()


@shared_task
def remind_pending_reviews() -> int:
    """Remind experts of score sheets open for three days (then every three days)."""
    return services.reviews_remind_pending()
