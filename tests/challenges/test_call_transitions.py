"""The call's life cycle: the table against an independent spec, then each move through its
service (who may make it, from where, what it records)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import MembershipRole
from challenges import services
from challenges.models import Award, CallEvent, CallStatus
from challenges.transitions import CALL_TRANSITIONS
from core.exceptions import InvalidState, NotAllowed
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    CallFactory,
    CriterionFactory,
    IndicatorFactory,
    OrganizationFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db

# The specification, written independently of challenges/transitions.py:
# action → (from statuses, to status, roles allowed, needs a reason).
SPEC = {
    "submit": ({"draft", "rejected"}, "pending_review", {"issuer"}, False),
    "publish": ({"pending_review"}, "published", {"admin"}, False),
    "reject": ({"pending_review"}, "rejected", {"admin"}, True),
    "withdraw": ({"draft", "pending_review", "published"}, "withdrawn", {"issuer", "admin"}, True),
    "close": ({"published"}, "closed", {"system", "issuer", "admin"}, False),
    "evaluate": ({"closed"}, "evaluating", {"issuer", "admin"}, False),
    "publicize": ({"evaluating"}, "publicity", {"issuer"}, False),
    "no_award": ({"evaluating"}, "no_award", {"issuer", "admin"}, True),
    "finalize": ({"publicity"}, "awarded", {"system", "admin"}, False),
    "reevaluate": ({"publicity"}, "evaluating", {"admin"}, True),
    "start_work": ({"awarded"}, "in_progress", {"issuer"}, False),
    "accept": ({"in_progress"}, "accepted", {"issuer"}, False),
    "terminate": ({"awarded", "in_progress"}, "terminated", {"issuer", "admin"}, True),
}

REASON = "理由说明"
MOVES = {
    "submit": lambda actor, call: services.call_submit(actor=actor, call=call),
    "publish": lambda actor, call: services.call_publish(actor=actor, call=call),
    "reject": lambda actor, call: services.call_reject(actor=actor, call=call, reason=REASON),
    "withdraw": lambda actor, call: services.call_withdraw(actor=actor, call=call, reason=REASON),
    "close": lambda actor, call: services.call_close(actor=actor, call=call),
    "evaluate": lambda actor, call: services.call_start_evaluation(actor=actor, call=call),
    "publicize": lambda actor, call: services.call_publicize(actor=actor, call=call),
    "no_award": lambda actor, call: services.call_close_without_award(
        actor=actor, call=call, reason=REASON
    ),
    "finalize": lambda actor, call: services.call_finalize(actor=actor, call=call),
    "reevaluate": lambda actor, call: services.call_reevaluate(
        actor=actor, call=call, reason=REASON
    ),
    "start_work": lambda actor, call: services.call_start_work(actor=actor, call=call),
    "accept": lambda actor, call: services.call_accept(actor=actor, call=call),
    "terminate": lambda actor, call: services.call_terminate(actor=actor, call=call, reason=REASON),
}


def as_spec(table):
    return {
        row.action: (set(row.sources), str(row.target), set(row.roles), bool(row.needs_note))
        for row in table
    }


@pytest.mark.parametrize("table", [CALL_TRANSITIONS], ids=["call"])
def test_the_call_table_is_the_spec(table):
    assert as_spec(table) == SPEC


# --- through the services ---------------------------------------------------------------------


def call_ready_for(action):
    """A call in the first source status of ``action``, with the move's other conditions met,
    so only who makes the move decides."""
    past = timezone.now() - timedelta(days=1)
    call = CallFactory(status=sorted(SPEC[action][0])[0])
    if action == "submit":
        IndicatorFactory(call=call)
        CriterionFactory(call=call)
    if action == "close":
        call.deadline = past
    if action == "publicize":
        shortlisted = ApplicationFactory(call=call, status="shortlisted")
        Award.objects.create(call=call, application=shortlisted)
        call.panel_closed_at = past
    if action == "finalize":
        call.publicity_ends_at = past
    call.save()
    return call


def actor_in_role(role, call):
    if role == "issuer":
        return handler_of(call)
    if role == "admin":
        return AdminUserFactory()
    return None  # the scheduler


@pytest.mark.parametrize(
    ("action", "role"),
    [(action, role) for action, (*_, roles, _) in SPEC.items() for role in sorted(roles)],
)
def test_each_move_succeeds_for_each_role_allowed_and_is_recorded(action, role):
    # given a call ready for the move and someone in an allowed role
    call = call_ready_for(action)
    source = call.status
    target = SPEC[action][1]
    actor = actor_in_role(role, call)
    # when they make it
    MOVES[action](actor, call)
    # then the call moved and the step is on its timeline, by them
    call.refresh_from_db()
    assert call.status == target
    event = CallEvent.objects.get(call=call, action=action)
    assert (event.from_status, event.to_status, event.actor) == (source, target, actor)


def test_a_move_from_a_wrong_status_is_refused_and_changes_nothing():
    # given a draft that would otherwise be ready to publish
    call = CallFactory(status=CallStatus.DRAFT, published_at=None)
    events = CallEvent.objects.filter(call=call).count()
    # when an administrator publishes it, then it is refused
    with pytest.raises(InvalidState):
        services.call_publish(actor=AdminUserFactory(), call=call)
    call.refresh_from_db()
    assert (call.status, call.published_at) == (CallStatus.DRAFT, None)
    assert CallEvent.objects.filter(call=call).count() == events


@pytest.mark.parametrize(
    ("action", "who"),
    [
        ("publish", "its own handler"),  # an admin's move
        ("withdraw", "an issuer member not handling it"),
        ("close", "an outsider"),
    ],
)
def test_a_move_by_a_wrong_role_is_refused_and_changes_nothing(action, who):
    call = call_ready_for(action)
    source = call.status
    actor = {
        "its own handler": lambda: handler_of(call),
        "an issuer member not handling it": lambda: member_of(
            call.issuer, role=MembershipRole.MEMBER
        ),
        "an outsider": lambda: member_of(OrganizationFactory()),
    }[who]()
    with pytest.raises(NotAllowed):
        MOVES[action](actor, call)
    call.refresh_from_db()
    assert call.status == source
    assert not CallEvent.objects.filter(call=call, action=action).exists()


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_move_that_needs_a_reason_is_refused_without_one(reason):
    call = CallFactory(status=CallStatus.PENDING_REVIEW)
    with pytest.raises(InvalidState):
        services.call_reject(actor=AdminUserFactory(), call=call, reason=reason)
    call.refresh_from_db()
    assert call.status == CallStatus.PENDING_REVIEW
    assert not CallEvent.objects.filter(call=call, action="reject").exists()


def test_the_reason_is_kept_on_the_call_and_its_event():
    call = CallFactory(status=CallStatus.PUBLISHED)
    services.call_withdraw(actor=handler_of(call), call=call, reason="  需求调整  ")
    call.refresh_from_db()
    assert call.status_note == "需求调整"
    assert CallEvent.objects.get(call=call, action="withdraw").note == "需求调整"
