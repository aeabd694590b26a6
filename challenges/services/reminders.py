"""Reminders the scheduler sends (celery beat, or ``run_periodic``): a milestone falling due
to the winner, an open score sheet to its expert. Each reminder is recorded, so running the
task again (a retry, a redelivered message, the next tick) tells nobody twice."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop

from ..models import Assignment, AssignmentStatus, CallStatus, Milestone, MilestoneStatus
from ..selectors import members_of
from ._common import notify_users, record_milestone

__all__ = [
    "MILESTONE_REMINDER_DAYS",
    "REVIEW_REMINDER_DAYS",
    "milestones_remind_due",
    "reviews_remind_pending",
]

# A winner hears of a milestone once, this many days before it falls due.
MILESTONE_REMINDER_DAYS = 7
# An expert hears of an open score sheet once it has waited this long, then as often again.
REVIEW_REMINDER_DAYS = 3


def milestones_remind_due(today=None) -> int:
    """Tell each winner of its agreed milestones due within ``MILESTONE_REMINDER_DAYS``
    (or overdue) that are not reported yet, once per milestone; return how many."""
    today = today or timezone.localdate()
    due = Milestone.objects.filter(
        status__in=[MilestoneStatus.AGREED, MilestoneStatus.RETURNED],
        application__call__status=CallStatus.IN_PROGRESS,
        due_date__lte=today + timedelta(days=MILESTONE_REMINDER_DAYS),
    ).exclude(events__action="reminded")
    sent = 0
    for milestone in due.select_related("application__call", "application__applicant"):
        with transaction.atomic():
            milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
            if milestone.events.filter(action="reminded").exists():
                continue
            record_milestone(milestone, None, "reminded", note=str(milestone.due_date))
            notify_users(
                members_of(milestone.application.applicant),
                "milestone.due_soon",
                gettext_noop("The milestone %(milestone)s of %(call)s is due on %(date)s"),
                milestone.application.call,
                url=milestone.application.get_absolute_url(),
                milestone=milestone.title,
                date=milestone.due_date.isoformat(),
            )
        sent += 1
    return sent


def reviews_remind_pending(now=None) -> int:
    """Remind each expert of score sheets still open ``REVIEW_REMINDER_DAYS`` after they
    were assigned (or last reminded), on calls under evaluation; return how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=REVIEW_REMINDER_DAYS)
    waiting = Assignment.objects.filter(
        status=AssignmentStatus.ASSIGNED,
        application__call__status=CallStatus.EVALUATING,
        assigned_at__lte=cutoff,
    ).exclude(reminded_at__gt=cutoff)
    sent = 0
    for assignment in waiting.select_related("expert__user", "application__call"):
        with transaction.atomic():
            assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
            if assignment.reminded_at is not None and assignment.reminded_at > cutoff:
                continue
            assignment.reminded_at = now
            assignment.save(update_fields=["reminded_at"])
            notify_users(
                [assignment.expert.user],
                "review.reminder",
                gettext_noop("A score sheet of %(call)s is waiting for you"),
                assignment.application.call,
                url=reverse("challenges:expert_workspace"),
            )
        sent += 1
    return sent
