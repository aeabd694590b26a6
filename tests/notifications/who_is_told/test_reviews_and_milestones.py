"""Who is told of each step of an expert review and of a milestone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from challenges import services
from challenges.models import CallStatus
from tests.factories import (
    AssignmentFactory,
    CallFactory,
    CriterionFactory,
    ExpertFactory,
    MilestoneFactory,
)
from tests.notifications.who_is_told.helpers import HANDLERS, WINNERS, cast_around, to

pytestmark = pytest.mark.django_db


# --- expert reviews ----------------------------------------------------------------------------


def review_cast(status="assigned"):
    call = CallFactory(status=CallStatus.EVALUATING)
    cast = cast_around(call, applications=("eligible", "eligible"))
    criterion = CriterionFactory(call=call)
    expert = ExpertFactory()
    cast.add("expert", expert.user)
    cast.add("other_expert", ExpertFactory().user)
    assignment = AssignmentFactory(application=cast.lead, expert=expert, status=status)
    assignment.scores.create(criterion=criterion, value=80)
    return cast, assignment


def test_an_assignment_is_told_to_the_expert_only(told):
    cast, _ = review_cast()
    news = told(
        cast,
        lambda: services.expert_assign(
            actor=cast["handler"], application=cast.lead, expert=cast["other_expert"].expert
        ),
    )
    assert news == to("review.assigned", "other_expert")


@pytest.mark.parametrize(
    ("status", "verb", "move", "recipients"),
    [
        (
            "assigned",
            "review.submitted",
            lambda cast, a: services.review_submit(actor=cast["expert"], assignment=a),
            HANDLERS,
        ),
        (
            "assigned",
            "review.recused",
            lambda cast, a: services.review_recuse(
                actor=cast["expert"], assignment=a, reason="曾任该企业顾问"
            ),
            HANDLERS,
        ),
        (
            "assigned",
            "review.recused",
            lambda cast, a: services.conflict_declare(
                actor=cast["expert"], organization=a.application.applicant, reason="持有股份"
            ),
            HANDLERS,
        ),
        (
            "submitted",
            "review.reopened",
            lambda cast, a: services.review_reopen(
                actor=cast["platform_admin"], assignment=a, reason="评分与意见不符"
            ),
            ("expert",),
        ),
    ],
    ids=["submit", "recuse", "conflict declared", "reopen"],
)
def test_each_step_of_a_review_is_told_to_the_other_side_only(status, verb, move, recipients, told):
    cast, assignment = review_cast(status)
    news = told(cast, lambda: move(cast, assignment))
    assert news == to(verb, *recipients)


# --- milestones --------------------------------------------------------------------------------


def milestone_cast(call_status, milestone_status):
    cast = cast_around(CallFactory(status=call_status), applications=("awarded", "not_awarded"))
    return cast, MilestoneFactory(application=cast.lead, status=milestone_status)


def test_a_proposed_milestone_is_told_to_the_winner_only(told):
    cast, _ = milestone_cast(CallStatus.AWARDED, "agreed")
    news = told(
        cast,
        lambda: services.milestone_propose(
            actor=cast["handler"],
            application=cast.lead,
            title="小批量试产",
            due_date=timezone.localdate() + timedelta(days=90),
            deliverables="500只模块及可靠性报告",
        ),
    )
    assert news == to("milestone.proposed", *WINNERS)


@pytest.mark.parametrize(
    ("call_status", "status", "mover", "verb", "move", "recipients"),
    [
        (
            "awarded",
            "proposed",
            "lead_member",
            "milestone.agreed",
            lambda actor, m: services.milestone_agree(actor=actor, milestone=m),
            HANDLERS,
        ),
        (
            "in_progress",
            "agreed",
            "lead",
            "milestone.reported",
            lambda actor, m: services.milestone_report(actor=actor, milestone=m, report="已交付"),
            HANDLERS,
        ),
        (
            "in_progress",
            "submitted",
            "handler",
            "milestone.accepted",
            lambda actor, m: services.milestone_accept(actor=actor, milestone=m),
            WINNERS,
        ),
        (
            "in_progress",
            "submitted",
            "issuer_admin",
            "milestone.returned",
            lambda actor, m: services.milestone_return(actor=actor, milestone=m, note="缺报告"),
            WINNERS,
        ),
    ],
    ids=["agree", "report", "accept", "return"],
)
def test_each_step_of_a_milestone_is_told_to_the_other_side_only(
    call_status, status, mover, verb, move, recipients, told
):
    cast, milestone = milestone_cast(call_status, status)
    news = told(cast, lambda: move(cast[mover], milestone))
    assert news == to(verb, *recipients)
