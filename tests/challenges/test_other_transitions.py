"""The life cycles of applications, expert reviews and milestones: each table against an
independent spec, then each move through its service (who may make it, from where, what it
records)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import MembershipRole
from challenges import services
from challenges.models import (
    ApplicationEvent,
    ApplicationStatus,
    AssignmentStatus,
    Award,
    CallStatus,
    MilestoneStatus,
)
from challenges.transitions import (
    APPLICATION_TRANSITIONS,
    MILESTONE_TRANSITIONS,
    REVIEW_TRANSITIONS,
)
from core.exceptions import InvalidState, NotAllowed
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

# The specifications, written independently of challenges/transitions.py:
# action → (from statuses, to status, roles allowed, needs a reason).
APPLICATION_SPEC = {
    "submit": ({"draft"}, "submitted", {"applicant"}, False),
    "submit_to_unit": ({"draft"}, "nomination", {"applicant"}, False),
    "nominated": ({"nomination"}, "submitted", {"system"}, False),
    "returned": ({"nomination"}, "draft", {"system"}, False),
    "not_nominated": ({"nomination"}, "not_awarded", {"system"}, False),
    "withdraw": (
        {"draft", "nomination", "submitted", "eligible", "shortlisted"},
        "withdrawn",
        {"applicant"},
        False,
    ),
    "mark_eligible": ({"submitted"}, "eligible", {"issuer", "admin"}, False),
    "mark_ineligible": ({"submitted", "eligible"}, "ineligible", {"issuer", "admin"}, True),
    "shortlist": ({"eligible"}, "shortlisted", {"issuer"}, False),
    "unshortlist": ({"shortlisted"}, "eligible", {"issuer"}, False),
    "award": ({"shortlisted"}, "awarded", {"system"}, False),
    "not_award": ({"submitted", "eligible", "shortlisted"}, "not_awarded", {"system"}, False),
}
REVIEW_SPEC = {
    "submit": ({"assigned"}, "submitted", {"expert"}, False),
    "recuse": ({"assigned"}, "recused", {"expert"}, True),
    "reopen": ({"submitted"}, "assigned", {"issuer", "admin"}, True),
}
MILESTONE_SPEC = {
    "agree": ({"proposed"}, "agreed", {"winner"}, False),
    "report": ({"agreed", "returned"}, "submitted", {"winner"}, False),
    "accept": ({"submitted"}, "accepted", {"issuer"}, False),
    "return": ({"submitted"}, "returned", {"issuer"}, True),
}


def as_spec(table):
    return {
        row.action: (set(row.sources), str(row.target), set(row.roles), bool(row.needs_note))
        for row in table
    }


@pytest.mark.parametrize(
    ("table", "spec"),
    [
        (APPLICATION_TRANSITIONS, APPLICATION_SPEC),
        (REVIEW_TRANSITIONS, REVIEW_SPEC),
        (MILESTONE_TRANSITIONS, MILESTONE_SPEC),
    ],
    ids=["application", "review", "milestone"],
)
def test_the_table_is_the_spec(table, spec):
    assert as_spec(table) == spec


def allowed(spec, *, only=None):
    """(action, role) for every role the spec allows each action (of ``only``)."""
    return [
        (action, role)
        for action, (_sources, _target, roles, _note) in spec.items()
        if only is None or action in only
        for role in sorted(roles)
    ]


# --- applications ------------------------------------------------------------------------------

# The call's stage, and the application's status, in which each action's other conditions hold.
APPLICATION_SETUP = {
    "submit": ("published", "draft"),
    "withdraw": ("evaluating", "submitted"),
    "mark_eligible": ("closed", "submitted"),
    "mark_ineligible": ("closed", "eligible"),
    "shortlist": ("evaluating", "eligible"),
    "unshortlist": ("evaluating", "shortlisted"),
}
REASON = "材料不全"
APPLICATION_MOVES = {
    "submit": lambda a, x: services.application_submit(actor=a, application=x),
    "withdraw": lambda a, x: services.application_withdraw(actor=a, application=x),
    "mark_eligible": lambda a, x: services.application_mark_eligible(actor=a, application=x),
    "mark_ineligible": lambda a, x: services.application_mark_ineligible(
        actor=a, application=x, reason=REASON
    ),
    "shortlist": lambda a, x: services.application_shortlist(actor=a, application=x),
    "unshortlist": lambda a, x: services.application_unshortlist(actor=a, application=x),
}


def application_ready_for(action):
    stage, status = APPLICATION_SETUP[action]
    call = CallFactory(status=stage)
    indicator = IndicatorFactory(call=call)
    application = ApplicationFactory(call=call, status=status)
    application.indicator_responses.create(indicator=indicator, response="满足，实测12万次")
    return application


def application_actor(role, application):
    if role == "applicant":
        return member_of(application.applicant, role=MembershipRole.MEMBER)
    if role == "issuer":
        return handler_of(application.call)
    return AdminUserFactory()


@pytest.mark.parametrize(("action", "role"), allowed(APPLICATION_SPEC, only=APPLICATION_MOVES))
def test_each_application_move_succeeds_for_each_role_allowed(action, role):
    application = application_ready_for(action)
    source = application.status
    target = APPLICATION_SPEC[action][1]
    actor = application_actor(role, application)

    APPLICATION_MOVES[action](actor, application)

    application.refresh_from_db()
    assert application.status == target
    event = ApplicationEvent.objects.get(application=application, action=action)
    assert (event.from_status, event.to_status, event.actor) == (source, target, actor)


def test_the_final_award_settles_every_live_application_as_the_system():
    # given a call in publicity with one proposed winner among three live applications
    call = CallFactory(
        status=CallStatus.PUBLICITY, publicity_ends_at=timezone.now() - timedelta(days=1)
    )
    winner = ApplicationFactory(call=call, status="shortlisted")
    Award.objects.create(call=call, application=winner)
    others = [ApplicationFactory(call=call, status=s) for s in ("shortlisted", "eligible")]
    withdrawn = ApplicationFactory(call=call, status="withdrawn")
    # when the scheduler finalizes it
    services.call_finalize(actor=None, call=call)
    # then the winner is awarded, the others are not, each recorded without a person
    for application, action, target in [
        (winner, "award", "awarded"),
        *[(other, "not_award", "not_awarded") for other in others],
    ]:
        application.refresh_from_db()
        assert application.status == target
        assert ApplicationEvent.objects.get(application=application, action=action).actor is None
    withdrawn.refresh_from_db()
    assert withdrawn.status == ApplicationStatus.WITHDRAWN


def test_an_application_move_from_a_wrong_status_is_refused_and_changes_nothing():
    # a submitted application is not shortlisted before its eligibility is checked
    application = ApplicationFactory(call=CallFactory(status="evaluating"), status="submitted")
    events = ApplicationEvent.objects.filter(application=application).count()
    with pytest.raises(InvalidState):
        services.application_shortlist(actor=handler_of(application.call), application=application)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert ApplicationEvent.objects.filter(application=application).count() == events


@pytest.mark.parametrize(
    ("action", "who"),
    [("mark_eligible", "the applicant"), ("withdraw", "an outsider"), ("shortlist", "an admin")],
)
def test_an_application_move_by_a_wrong_role_is_refused_and_changes_nothing(action, who):
    application = application_ready_for(action)
    source = application.status
    actor = {
        "the applicant": lambda: member_of(application.applicant),
        "an outsider": lambda: member_of(OrganizationFactory()),
        "an admin": AdminUserFactory,
    }[who]()
    with pytest.raises(NotAllowed):
        APPLICATION_MOVES[action](actor, application)
    application.refresh_from_db()
    assert application.status == source
    assert not ApplicationEvent.objects.filter(application=application, action=action).exists()


@pytest.mark.parametrize("stage", ["publicity", "awarded", "accepted"])
def test_no_withdrawal_once_results_are_out(stage):
    application = ApplicationFactory(call=CallFactory(status=stage), status="shortlisted")
    with pytest.raises(InvalidState):
        services.application_withdraw(
            actor=member_of(application.applicant), application=application
        )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SHORTLISTED


# --- expert reviews ----------------------------------------------------------------------------

REVIEW_MOVES = {
    "submit": lambda a, x: services.review_submit(actor=a, assignment=x),
    "recuse": lambda a, x: services.review_recuse(actor=a, assignment=x, reason="曾任该企业顾问"),
    "reopen": lambda a, x: services.review_reopen(actor=a, assignment=x, reason="评分与意见不符"),
}


def review_ready_for(action):
    """A fully scored sheet on an open panel, in the first source status of ``action``."""
    call = CallFactory(status=CallStatus.EVALUATING)
    criterion = CriterionFactory(call=call)
    assignment = AssignmentFactory(
        application=ApplicationFactory(call=call, status="eligible"),
        status=sorted(REVIEW_SPEC[action][0])[0],
    )
    assignment.scores.create(criterion=criterion, value=80)
    return assignment


def review_actor(role, assignment):
    if role == "expert":
        return assignment.expert.user
    if role == "issuer":
        return handler_of(assignment.application.call)
    return AdminUserFactory()


def application_events(assignment):
    return list(ApplicationEvent.objects.filter(application=assignment.application))


@pytest.mark.parametrize(("action", "role"), allowed(REVIEW_SPEC))
def test_each_review_move_succeeds_for_each_role_allowed(action, role):
    assignment = review_ready_for(action)
    actor = review_actor(role, assignment)
    before = application_events(assignment)

    REVIEW_MOVES[action](actor, assignment)

    assignment.refresh_from_db()
    assert assignment.status == REVIEW_SPEC[action][1]
    # the step is on the application's timeline, by the actor
    new = [event for event in application_events(assignment) if event not in before]
    assert [event.actor for event in new] == [actor]


def test_a_review_move_from_a_wrong_status_is_refused_and_changes_nothing():
    assignment = review_ready_for("submit")  # still assigned: nothing to send back
    before = application_events(assignment)
    with pytest.raises(InvalidState):
        services.review_reopen(
            actor=handler_of(assignment.application.call), assignment=assignment, reason="重评"
        )
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.ASSIGNED
    assert application_events(assignment) == before


@pytest.mark.parametrize(
    ("action", "who"), [("submit", "another expert"), ("reopen", "the applicant")]
)
def test_a_review_move_by_a_wrong_role_is_refused_and_changes_nothing(action, who):
    assignment = review_ready_for(action)
    source = assignment.status
    before = application_events(assignment)
    actor = {
        "another expert": lambda: ExpertFactory().user,
        "the applicant": lambda: member_of(assignment.application.applicant),
    }[who]()
    with pytest.raises(NotAllowed):
        REVIEW_MOVES[action](actor, assignment)
    assignment.refresh_from_db()
    assert assignment.status == source
    assert application_events(assignment) == before


# --- milestones --------------------------------------------------------------------------------

MILESTONE_MOVES = {
    "agree": lambda a, m: services.milestone_agree(actor=a, milestone=m),
    "report": lambda a, m: services.milestone_report(actor=a, milestone=m, report="完成样品试制"),
    "accept": lambda a, m: services.milestone_accept(actor=a, milestone=m),
    "return": lambda a, m: services.milestone_return(actor=a, milestone=m, note="缺少测试报告"),
}


def milestone_ready_for(action):
    call = CallFactory(status=CallStatus.IN_PROGRESS)
    return MilestoneFactory(application__call=call, status=sorted(MILESTONE_SPEC[action][0])[0])


def milestone_actor(role, milestone):
    if role == "winner":
        return member_of(milestone.application.applicant, role=MembershipRole.MEMBER)
    return handler_of(milestone.application.call)


@pytest.mark.parametrize(("action", "role"), allowed(MILESTONE_SPEC))
def test_each_milestone_move_succeeds_for_each_role_allowed(action, role):
    milestone = milestone_ready_for(action)
    source = milestone.status
    target = MILESTONE_SPEC[action][1]
    actor = milestone_actor(role, milestone)

    MILESTONE_MOVES[action](actor, milestone)

    milestone.refresh_from_db()
    assert milestone.status == target
    event = milestone.events.get(action=action)
    assert (event.from_status, event.to_status, event.actor) == (source, target, actor)


def test_a_milestone_move_from_a_wrong_status_is_refused_and_changes_nothing():
    milestone = milestone_ready_for("agree")  # proposed, not yet reported
    with pytest.raises(InvalidState):
        services.milestone_accept(actor=handler_of(milestone.application.call), milestone=milestone)
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.PROPOSED
    assert not milestone.events.exists()


@pytest.mark.parametrize(
    ("action", "who"),
    [("agree", "the issuer's handler"), ("accept", "an admin"), ("report", "a losing applicant")],
)
def test_a_milestone_move_by_a_wrong_role_is_refused_and_changes_nothing(action, who):
    milestone = milestone_ready_for(action)
    source = milestone.status
    actor = {
        "the issuer's handler": lambda: handler_of(milestone.application.call),
        "an admin": AdminUserFactory,
        "a losing applicant": lambda: member_of(
            ApplicationFactory(call=milestone.application.call, status="not_awarded").applicant
        ),
    }[who]()
    with pytest.raises(NotAllowed):
        MILESTONE_MOVES[action](actor, milestone)
    milestone.refresh_from_db()
    assert milestone.status == source
    assert not milestone.events.exists()
