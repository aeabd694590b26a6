"""Every call transition, from every status, by every kind of actor, through the services."""

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone

from challenges import services
from challenges.models import CallEvent, CallStatus
from core.exceptions import DomainError
from tests.factories import (
    AdminUserFactory,
    CallFactory,
    CriterionFactory,
    IndicatorFactory,
    OrganizationFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db

# The specification, written independently of challenges/transitions.py:
# (action, from status) → (to status, roles allowed).
SPEC = {
    ("submit", "draft"): ("pending_review", {"handler"}),
    ("submit", "rejected"): ("pending_review", {"handler"}),
    ("publish", "pending_review"): ("published", {"admin"}),
    ("reject", "pending_review"): ("rejected", {"admin"}),
    ("withdraw", "draft"): ("withdrawn", {"handler", "admin"}),
    ("withdraw", "pending_review"): ("withdrawn", {"handler", "admin"}),
    ("withdraw", "published"): ("withdrawn", {"handler", "admin"}),
    ("close", "published"): ("closed", {"handler", "admin"}),
    ("evaluate", "closed"): ("evaluating", {"handler", "admin"}),
    ("publicize", "evaluating"): ("publicity", {"handler"}),
    ("no_award", "evaluating"): ("no_award", {"handler", "admin"}),
    ("finalize", "publicity"): ("awarded", {"admin"}),
    ("reevaluate", "publicity"): ("evaluating", {"admin"}),
    ("start_work", "awarded"): ("in_progress", {"handler"}),
    ("accept", "in_progress"): ("accepted", {"handler"}),
    ("terminate", "awarded"): ("terminated", {"handler", "admin"}),
    ("terminate", "in_progress"): ("terminated", {"handler", "admin"}),
}
ACTIONS = sorted({action for action, _ in SPEC})
ROLES = ["handler", "issuer_member", "outsider", "admin"]


def satisfy_guards(call, action):
    """Put the call where the action's other conditions hold, so only the table decides."""
    past = timezone.now() - timedelta(days=1)
    if action == "submit":
        IndicatorFactory(call=call)
        CriterionFactory(call=call)
    if action == "close":
        call.deadline = past
    if action == "publicize":
        from challenges.models import Award
        from tests.factories import ApplicationFactory

        Award.objects.create(
            call=call, application=ApplicationFactory(call=call, status="shortlisted")
        )
        call.panel_closed_at = past
    if action == "finalize":
        call.publicity_ends_at = past
    call.save()


def make_actor(role, call):
    if role == "handler":
        return handler_of(call)
    if role == "issuer_member":
        from accounts.models import MembershipRole

        return member_of(call.issuer, role=MembershipRole.MEMBER)
    if role == "outsider":
        return member_of(OrganizationFactory())
    return AdminUserFactory()


@pytest.mark.parametrize(
    ("action", "status", "role"), list(itertools.product(ACTIONS, CallStatus.values, ROLES))
)
def test_call_transition_matrix(action, status, role):
    call = CallFactory(status=status)
    satisfy_guards(call, action)
    actor = make_actor(role, call)
    target, allowed_roles = SPEC.get((action, status), (None, set()))
    events = CallEvent.objects.filter(call=call).count()

    if role in allowed_roles:
        services.CALL_TRANSITION_SERVICES[action](actor, call, "理由说明")
        call.refresh_from_db()
        assert call.status == target
        event = CallEvent.objects.filter(call=call, action=action).get()
        assert (event.from_status, event.to_status, event.actor) == (status, target, actor)
    else:
        with pytest.raises(DomainError):
            services.CALL_TRANSITION_SERVICES[action](actor, call, "理由说明")
        call.refresh_from_db()
        assert call.status == status
        assert CallEvent.objects.filter(call=call).count() == events


@pytest.mark.parametrize("action", ["close", "finalize"])
def test_the_scheduler_may_close_and_finalize(action):
    call = CallFactory(status="published" if action == "close" else "publicity")
    satisfy_guards(call, action)
    service = services.call_close if action == "close" else services.call_finalize
    service(actor=None, call=call)
    call.refresh_from_db()
    assert call.status == SPEC[(action, "published" if action == "close" else "publicity")][0]
    assert CallEvent.objects.get(call=call, action=action).actor is None


@pytest.mark.parametrize("action", ["reject", "withdraw", "no_award", "reevaluate", "terminate"])
def test_moves_that_need_a_reason_refuse_without_one(action):
    status = {
        "reject": "pending_review",
        "withdraw": "draft",
        "no_award": "evaluating",
        "reevaluate": "publicity",
        "terminate": "awarded",
    }[action]
    call = CallFactory(status=status)
    with pytest.raises(DomainError):
        services.CALL_TRANSITION_SERVICES[action](AdminUserFactory(), call, "  ")
    call.refresh_from_db()
    assert call.status == status
