"""What the scheduler does to calls: close them at the deadline, finalize the award after
publicity (see ``challenges.tasks``)."""

from __future__ import annotations

from django.utils import timezone

from core.exceptions import InvalidState

from ..models import Call, CallStatus, ObjectionStatus
from .lifecycle import call_close, call_finalize

__all__ = [
    "calls_close_due",
    "calls_finalize_due",
]


def calls_close_due(now=None) -> int:
    """Close every published call whose deadline has passed; return how many."""
    now = now or timezone.now()
    closed = 0
    for call in Call.objects.filter(status=CallStatus.PUBLISHED, deadline__lte=now):
        try:
            call_close(actor=None, call=call)
            closed += 1
        except InvalidState:
            continue  # someone else moved it meanwhile
    return closed


def calls_finalize_due(now=None) -> int:
    """Finalize calls whose publicity period ended without open objections."""
    now = now or timezone.now()
    finalized = 0
    due = Call.objects.filter(status=CallStatus.PUBLICITY, publicity_ends_at__lte=now).exclude(
        objections__status=ObjectionStatus.OPEN
    )
    for call in due:
        try:
            call_finalize(actor=None, call=call)
            finalized += 1
        except InvalidState:
            continue
    return finalized
