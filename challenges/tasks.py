"""Scheduled work of the open-call engine. Tasks call services; they are idempotent and
run again at the next tick, so a failed run needs no retry of its own."""

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
