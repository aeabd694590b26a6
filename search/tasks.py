"""Celery tasks of the search app."""

import logging

from celery import shared_task

from .engines.base import EngineUnavailable
from .outbox import drain
from .services import saved_searches_check

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=None)
def drain_outbox(self) -> int:
    """Bring the engine up to date with the outbox, retrying with backoff while it is down.

    Run in-process (no broker) it does not retry on the spot: the rows wait for the next
    drain, which ``run_periodic`` (or beat) starts every minute.
    """
    try:
        return drain()
    except EngineUnavailable as exc:
        if self.request.is_eager:
            logger.warning("search engine unavailable, outbox kept for later: %s", exc)
            return 0
        raise self.retry(exc=exc, countdown=min(600, 5 * 2**self.request.retries)) from exc


@shared_task
def check_saved_searches() -> int:
    """Notify the owners of saved searches that new records match; return how many were told.

    Beat (or ``run_periodic``) starts it every few minutes. While the engine is down it
    does nothing: the watermarks stay, and the next run counts what this one could not.
    """
    try:
        return saved_searches_check()
    except EngineUnavailable as exc:
        logger.warning("search engine unavailable, saved searches checked later: %s", exc)
        return 0
