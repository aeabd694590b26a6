"""Every transition of applications, expert reviews and milestones, by every actor."""

import itertools

import pytest

from accounts.models import MembershipRole
from challenges import services
from challenges.models import (
    ApplicationEvent,
    ApplicationStatus,
    AssignmentStatus,
    CallStatus,
    MilestoneStatus,
)
from core.exceptions import DomainError
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    AssignmentFactory,
    CallFactory,
    CriterionFactory,
    ExpertFactory,
    IndicatorFactory,
    MilestoneFactory,
    OrganizationFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db

# --- applications ------------------------------------------------------------------------------

APPLICATION_SPEC = {
    ("submit", "draft"): ("submitted", {"applicant"}),
    ("withdraw", "draft"): ("withdrawn", {"applicant"}),
    ("withdraw", "submitted"): ("withdrawn", {"applicant"}),
    ("withdraw", "eligible"): ("withdrawn", {"applicant"}),
    ("withdraw", "shortlisted"): ("withdrawn", {"applicant"}),
    ("mark_eligible", "submitted"): ("eligible", {"handler", "admin"}),
    ("mark_ineligible", "submitted"): ("ineligible", {"handler", "admin"}),
    ("mark_ineligible", "eligible"): ("ineligible", {"handler", "admin"}),
    ("shortlist", "eligible"): ("shortlisted", {"handler"}),
    ("unshortlist", "shortlisted"): ("eligible", {"handler"}),
}
APPLICATION_ACTIONS = sorted({a for a, _ in APPLICATION_SPEC})
# The call's stage in which each action's other conditions hold.
CALL_STAGE = {
    "submit": "published",
    "withdraw": "evaluating",
    "mark_eligible": "closed",
    "mark_ineligible": "closed",
    "shortlist": "evaluating",
    "unshortlist": "evaluating",
}
SERVICES = {
    "submit": lambda a, x, n: services.application_submit(actor=a, application=x),
    "withdraw": lambda a, x, n: services.application_withdraw(actor=a, application=x),
    "mark_eligible": lambda a, x, n: services.application_mark_eligible(actor=a, application=x),
    "mark_ineligible": lambda a, x, n: services.application_mark_ineligible(
        actor=a, application=x, reason=n
    ),
    "shortlist": lambda a, x, n: services.application_shortlist(actor=a, application=x),
    "unshortlist": lambda a, x, n: services.application_unshortlist(actor=a, application=x),
}


def application_actor(role, application):
    if role == "applicant":
        return member_of(application.applicant, role=MembershipRole.MEMBER)
    if role == "handler":
        return handler_of(application.call)
    if role == "outsider":
        return member_of(OrganizationFactory())
    return AdminUserFactory()


@pytest.mark.parametrize(
    ("action", "status", "role"),
    list(
        itertools.product(
            APPLICATION_ACTIONS,
            ApplicationStatus.values,
            ["applicant", "handler", "outsider", "admin"],
        )
    ),
)
def test_application_transition_matrix(action, status, role):
    call = CallFactory(status=CALL_STAGE[action])
    indicator = IndicatorFactory(call=call)
    application = ApplicationFactory(call=call, status=status)
    application.indicator_responses.create(indicator=indicator, response="满足，实测12万次")
    actor = application_actor(role, application)
    target, allowed = APPLICATION_SPEC.get((action, status), (None, set()))
    before = ApplicationEvent.objects.filter(application=application).count()

    if role in allowed:
        SERVICES[action](actor, application, "材料不全")
        application.refresh_from_db()
        assert application.status == target
        assert ApplicationEvent.objects.get(application=application, action=action).actor == actor
    else:
        with pytest.raises(DomainError):
            SERVICES[action](actor, application, "材料不全")
        application.refresh_from_db()
        assert application.status == status
        assert ApplicationEvent.objects.filter(application=application).count() == before


@pytest.mark.parametrize("stage", ["publicity", "awarded", "accepted"])
def test_no_withdrawal_once_results_are_out(stage):
    application = ApplicationFactory(call=CallFactory(status=stage), status="shortlisted")
    with pytest.raises(DomainError):
        services.application_withdraw(
            actor=member_of(application.applicant), application=application
        )


# --- expert reviews ----------------------------------------------------------------------------

REVIEW_SPEC = {
    ("submit", "assigned"): ("submitted", {"expert"}),
    ("recuse", "assigned"): ("recused", {"expert"}),
    ("reopen", "submitted"): ("assigned", {"handler", "admin"}),
}
REVIEW_SERVICES = {
    "submit": lambda a, x: services.review_submit(actor=a, assignment=x),
    "recuse": lambda a, x: services.review_recuse(actor=a, assignment=x, reason="曾任该企业顾问"),
    "reopen": lambda a, x: services.review_reopen(actor=a, assignment=x, reason="评分与意见不符"),
}


def review_actor(role, assignment):
    if role == "expert":
        return assignment.expert.user
    if role == "other_expert":
        return ExpertFactory().user
    if role == "handler":
        return handler_of(assignment.application.call)
    if role == "applicant":
        return member_of(assignment.application.applicant)
    return AdminUserFactory()


@pytest.mark.parametrize(
    ("action", "status", "role"),
    list(
        itertools.product(
            sorted({a for a, _ in REVIEW_SPEC}),
            AssignmentStatus.values,
            ["expert", "other_expert", "handler", "applicant", "admin"],
        )
    ),
)
def test_review_transition_matrix(action, status, role):
    call = CallFactory(status=CallStatus.EVALUATING)
    criterion = CriterionFactory(call=call)
    assignment = AssignmentFactory(
        application=ApplicationFactory(call=call, status="eligible"), status=status
    )
    assignment.scores.create(criterion=criterion, value=80)
    actor = review_actor(role, assignment)
    target, allowed = REVIEW_SPEC.get((action, status), (None, set()))
    if role in allowed:
        REVIEW_SERVICES[action](actor, assignment)
        assignment.refresh_from_db()
        assert assignment.status == target
    else:
        with pytest.raises(DomainError):
            REVIEW_SERVICES[action](actor, assignment)
        assignment.refresh_from_db()
        assert assignment.status == status


# --- milestones --------------------------------------------------------------------------------

MILESTONE_SPEC = {
    ("agree", "proposed"): ("agreed", {"winner"}),
    ("report", "agreed"): ("submitted", {"winner"}),
    ("report", "returned"): ("submitted", {"winner"}),
    ("accept", "submitted"): ("accepted", {"handler"}),
    ("return", "submitted"): ("returned", {"handler"}),
}
MILESTONE_SERVICES = {
    "agree": lambda a, m: services.milestone_agree(actor=a, milestone=m),
    "report": lambda a, m: services.milestone_report(actor=a, milestone=m, report="完成样品试制"),
    "accept": lambda a, m: services.milestone_accept(actor=a, milestone=m),
    "return": lambda a, m: services.milestone_return(actor=a, milestone=m, note="缺少测试报告"),
}


def milestone_actor(role, milestone):
    if role == "winner":
        return member_of(milestone.application.applicant)
    if role == "handler":
        return handler_of(milestone.application.call)
    if role == "outsider":
        return member_of(OrganizationFactory())
    return AdminUserFactory()


@pytest.mark.parametrize(
    ("action", "status", "role"),
    list(
        itertools.product(
            sorted({a for a, _ in MILESTONE_SPEC}),
            MilestoneStatus.values,
            ["winner", "handler", "outsider", "admin"],
        )
    ),
)
def test_milestone_transition_matrix(action, status, role):
    call = CallFactory(status=CallStatus.IN_PROGRESS)
    milestone = MilestoneFactory(application__call=call, status=status)
    actor = milestone_actor(role, milestone)
    target, allowed = MILESTONE_SPEC.get((action, status), (None, set()))
    if role in allowed:
        MILESTONE_SERVICES[action](actor, milestone)
        milestone.refresh_from_db()
        assert milestone.status == target
        assert milestone.events.get(action=action).actor == actor
    else:
        with pytest.raises(DomainError):
            MILESTONE_SERVICES[action](actor, milestone)
        milestone.refresh_from_db()
        assert milestone.status == status
