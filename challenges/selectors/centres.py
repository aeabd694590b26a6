"""Reads of innovation centres' participation calls (measure 十四): the calls of a centre
anyone may see, their counts, and which applications get the centre's priority.

They live here, not in ``centres``, because ``centres`` does not import the open-call engine.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import QualificationLevel

from ..models import PUBLIC_CALL_STATUSES, Application, Call, CallKind, CallStatus

__all__ = ["PRIORITY_LEVELS", "CentreCalls", "centre_call_counts", "centre_calls", "is_priority"]

# The lead's qualification (frozen at submission) that gives an application the priority of
# a centre's participation call: national little giants and provincial SRDI (专精特新) SMEs.
PRIORITY_LEVELS = frozenset({QualificationLevel.NATIONAL, QualificationLevel.PROVINCIAL})


def is_priority(application: Application) -> bool:
    """Whether ``application`` gets the priority of its centre's participation call."""
    return bool(application.call.centre_id) and (
        application.lead_qualification_level in PRIORITY_LEVELS
    )


def _public_centre_calls(centre) -> QuerySet[Call]:
    return Call.objects.filter(
        centre=centre, kind=CallKind.SELECTION, status__in=PUBLIC_CALL_STATUSES
    )


@dataclass(frozen=True)
class CentreCalls:
    open: list[Call]
    past: list[Call]


def centre_calls(centre) -> CentreCalls:
    """The participation calls of ``centre`` anyone may see: those open for applications
    (soonest deadline first), then the others (newest first), in one query."""
    now = timezone.now()
    calls = list(_public_centre_calls(centre).order_by("-published_at", "-pk"))
    open_calls = [c for c in calls if c.status == CallStatus.PUBLISHED and c.deadline > now]
    past = [c for c in calls if c not in open_calls]
    return CentreCalls(open=sorted(open_calls, key=lambda c: c.deadline), past=past)


def centre_call_counts(centre) -> dict[str, int]:
    """How many public participation calls ``centre`` has, the applications submitted to
    them, and of those the ones led by 专精特新 firms (two queries)."""
    calls = _public_centre_calls(centre)
    applications = Application.objects.filter(call__in=calls, submitted_at__isnull=False)
    return {
        "calls": calls.count(),
        "applications": applications.count(),
        "priority_applications": applications.filter(
            lead_qualification_level__in=PRIORITY_LEVELS
        ).count(),
    }
