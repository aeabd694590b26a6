"""What happens to stored notifications once their transaction commits: they are pushed to
the recipients' open pages (``live``) and e-mailed where the recipient asked (``mail``).

Notifications are stored first (``services.notify``); delivery only ever reads them, so a
recipient who is offline, or a push or mail that fails, loses nothing: the next page load
shows everything.
"""

from __future__ import annotations

import logging

from . import tasks

logger = logging.getLogger(__name__)


def deliver(ids: list[int]) -> None:
    """Push and e-mail the notifications ``ids`` (called after commit). A failure of either
    is logged, never raised into the action that notified."""
    for name, step in (("push", _push), ("mail", _mail)):
        try:
            step(ids)
        except Exception:  # delivery must never fail the user's action
            logger.exception("notification %s failed for %s", name, ids)


def _push(ids: list[int]) -> None:
    """Live delivery over websockets (``notifications.live``)."""
    from .live import push

    push(ids)


def _mail(ids: list[int]) -> None:
    """E-mail at once to the recipients who asked (``notifications.mail``); the daily
    digest collects the others on its own schedule."""
    tasks.dispatch(ids)
