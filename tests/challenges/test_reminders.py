"""Reminders the scheduler sends: a milestone falling due to the winner (once), an open score
sheet to its expert (after three days, then every three days), each recorded."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from challenges import services
from challenges.models import (
    Assignment,
    AssignmentStatus,
    CallStatus,
    MilestoneStatus,
)
from notifications.models import Notification
from tests.factories import AssignmentFactory, MilestoneFactory, member_of

pytestmark = pytest.mark.django_db


def test_a_winner_is_reminded_once_of_a_milestone_falling_due(client):
    today = timezone.localdate()
    soon = MilestoneFactory(
        application__call__status=CallStatus.IN_PROGRESS,
        status=MilestoneStatus.AGREED,
        due_date=today + timedelta(days=5),
    )
    later = MilestoneFactory(
        application=soon.application,
        status=MilestoneStatus.AGREED,
        due_date=today + timedelta(days=30),
    )
    reported = MilestoneFactory(
        application=soon.application, status=MilestoneStatus.SUBMITTED, due_date=today
    )
    winner = member_of(soon.application.applicant)

    assert services.milestones_remind_due() == 1
    assert services.milestones_remind_due() == 0  # the next tick tells nobody twice

    reminders = Notification.objects.filter(recipient=winner, verb="milestone.due_soon")
    assert reminders.count() == 1 and soon.title in reminders.get().text
    assert soon.events.filter(action="reminded").exists()
    assert not later.events.filter(action="reminded").exists()
    assert not reported.events.filter(action="reminded").exists()
    client.force_login(winner)
    page = client.get(reverse("notifications:list")).text
    assert soon.title in page


def test_an_expert_is_reminded_of_an_open_score_sheet_every_three_days():
    assignment = AssignmentFactory(application__call__status=CallStatus.EVALUATING)
    Assignment.objects.filter(pk=assignment.pk).update(
        assigned_at=timezone.now() - timedelta(days=4)
    )
    submitted = AssignmentFactory(
        application__call__status=CallStatus.EVALUATING, status=AssignmentStatus.SUBMITTED
    )
    Assignment.objects.filter(pk=submitted.pk).update(
        assigned_at=timezone.now() - timedelta(days=4)
    )
    fresh = AssignmentFactory(application__call__status=CallStatus.EVALUATING)

    assert services.reviews_remind_pending() == 1
    assert services.reviews_remind_pending() == 0
    user = assignment.expert.user
    assert Notification.objects.filter(recipient=user, verb="review.reminder").count() == 1
    assert not Notification.objects.filter(recipient=fresh.expert.user).exists()
    # three days later the sheet is still open: one more reminder (and the fresh one is due)
    later = timezone.now() + timedelta(days=3, minutes=1)
    assert services.reviews_remind_pending(now=later) == 2
    assert Notification.objects.filter(recipient=user, verb="review.reminder").count() == 2
    assert Notification.objects.filter(recipient=fresh.expert.user).count() == 1
