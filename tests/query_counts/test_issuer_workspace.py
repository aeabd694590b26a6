"""Query-count guards on the issuer's workspace of a call."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import MembershipRole
from challenges.models import (
    ApplicationStatus,
    AssignmentStatus,
    Award,
    CallStatus,
    ConsortiumPartner,
    Question,
    Score,
)
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    CallFactory,
    MilestoneFactory,
    OrganizationFactory,
    handler_of,
    member_of,
)
from tests.query_counts.helpers import grow_call

pytestmark = pytest.mark.django_db


# --- the issuer's workspace ----------------------------------------------------------------


def grow_workspace(call):
    grow_parts = grow_call(call)

    def grow(n):
        grow_parts(n)
        for _ in range(n):
            handler_of(call)
            member_of(call.issuer, role=MembershipRole.MEMBER)
            application = ApplicationFactory(call=call, status=ApplicationStatus.SHORTLISTED)
            ConsortiumPartner.objects.create(
                application=application, organization=OrganizationFactory()
            )
            criterion = call.criteria.first()
            assignment = AssignmentFactory(
                application=application, status=AssignmentStatus.SUBMITTED
            )
            Score.objects.create(assignment=assignment, criterion=criterion, value=70)
            Award.objects.create(call=call, application=application)
            winner = ApplicationFactory(call=call, status=ApplicationStatus.AWARDED)
            MilestoneFactory(application=winner)
            Question.objects.create(
                call=call,
                organization=application.applicant,
                asked_by=member_of(application.applicant),
                text="可否分期交付？",
            )

    return grow


@pytest.mark.parametrize(
    "tab",
    [
        "overview",
        "applications",
        "scores",
        "milestones",
        "questions",
        "timeline",
    ],
)
def test_the_issuer_workspace_tabs(client, holds_constant, tab):
    call = CallFactory(status=CallStatus.EVALUATING, winner_cap=10)
    client.force_login(member_of(call.issuer))

    holds_constant(
        reverse("challenges:call_manage", args=[call.pk]) + f"?tab={tab}", grow_workspace(call)
    )


def test_the_workspace_of_a_draft_call(client, holds_constant):
    call = CallFactory(
        status=CallStatus.DRAFT,
        published_at=None,
        deadline=timezone.now() + timedelta(days=30),
    )
    client.force_login(handler_of(call))

    holds_constant(reverse("challenges:call_manage", args=[call.pk]), grow_call(call))
