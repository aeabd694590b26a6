"""Celery tasks of the search app."""

import logging

from celery import shared_task

from .engines.base import EngineUnavailable
from .outbox import drain

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
