"""Moving a call through its life cycle and closing its expert panel."""

import pytest

from challenges.models import ApplicationStatus, AssignmentStatus, CallStatus
from tests.challenges.forms_posted.helpers import (
    draft_call,
    errors_shown,
    login,
    successes_shown,
    url,
)
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    AssignmentFactory,
    CallFactory,
    CriterionFactory,
    IndicatorFactory,
    OrganizationFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db


# --- the call's life cycle -----------------------------------------------------------------


def test_a_handler_submits_a_complete_draft_for_review(client):
    call = draft_call()
    IndicatorFactory(call=call)
    CriterionFactory(call=call)
    login(client, handler_of(call))

    response = client.post(url("call_transition", call.pk, "submit"), follow=True)

    assert successes_shown(response)
    call.refresh_from_db()
    assert call.status == CallStatus.PENDING_REVIEW


def test_an_incomplete_draft_is_not_submitted_and_the_handler_is_told_why(client):
    call = draft_call()
    login(client, handler_of(call))

    response = client.post(url("call_transition", call.pk, "submit"), follow=True)

    assert errors_shown(response)
    call.refresh_from_db()
    assert call.status == CallStatus.DRAFT


def test_an_administrator_publishes_a_call_under_review(client):
    call = CallFactory(status=CallStatus.PENDING_REVIEW, published_at=None)
    login(client, AdminUserFactory())

    client.post(url("call_transition", call.pk, "publish"))

    call.refresh_from_db()
    assert call.status == CallStatus.PUBLISHED
    assert call.published_at is not None


@pytest.mark.parametrize("reason", ["", "   "])
def test_withdrawing_a_call_needs_a_reason(client, reason):
    call = CallFactory()
    login(client, handler_of(call))

    response = client.post(
        url("call_transition", call.pk, "withdraw"), {"reason": reason}, follow=True
    )

    assert errors_shown(response)
    call.refresh_from_db()
    assert call.status == CallStatus.PUBLISHED


def test_a_handler_withdraws_a_call_with_a_reason(client):
    call = CallFactory()
    login(client, handler_of(call))

    client.post(url("call_transition", call.pk, "withdraw"), {"reason": "需求已由内部解决"})

    call.refresh_from_db()
    assert (call.status, call.status_note) == (CallStatus.WITHDRAWN, "需求已由内部解决")


def test_a_handler_cannot_publish_its_own_call(client):
    call = CallFactory(status=CallStatus.PENDING_REVIEW, published_at=None)
    login(client, handler_of(call))

    response = client.post(url("call_transition", call.pk, "publish"), follow=True)

    assert errors_shown(response)
    call.refresh_from_db()
    assert call.status == CallStatus.PENDING_REVIEW


def test_an_outsider_cannot_move_a_public_call(client):
    call = CallFactory()
    login(client, member_of(OrganizationFactory()))

    response = client.post(
        url("call_transition", call.pk, "withdraw"), {"reason": "恶意撤榜"}, follow=True
    )

    assert errors_shown(response)
    call.refresh_from_db()
    assert call.status == CallStatus.PUBLISHED


def test_an_outsider_cannot_even_find_a_draft_call(client):
    call = draft_call()
    IndicatorFactory(call=call)
    CriterionFactory(call=call)
    login(client, member_of(OrganizationFactory()))

    response = client.post(url("call_transition", call.pk, "submit"))

    assert response.status_code == 404
    call.refresh_from_db()
    assert call.status == CallStatus.DRAFT


def test_an_unknown_call_action_is_not_found(client):
    call = CallFactory()
    login(client, handler_of(call))

    assert client.post(url("call_transition", call.pk, "explode")).status_code == 404


# --- the expert panel ----------------------------------------------------------------------


def evaluated_call(reviews: int = 3):
    call = CallFactory(status=CallStatus.EVALUATING)
    application = ApplicationFactory(call=call, status=ApplicationStatus.ELIGIBLE)
    for _ in range(reviews):
        AssignmentFactory(application=application, status=AssignmentStatus.SUBMITTED)
    return call, application


def test_a_handler_closes_the_panel_once_every_application_is_reviewed(client):
    call, _application = evaluated_call()
    login(client, handler_of(call))

    response = client.post(url("call_panel_close", call.pk), follow=True)

    assert response.redirect_chain[-1][0] == url("call_manage", call.pk)
    assert successes_shown(response)
    call.refresh_from_db()
    assert call.panel_closed_at is not None


def test_the_panel_stays_open_while_reviews_are_missing(client):
    call, _application = evaluated_call(reviews=2)
    login(client, handler_of(call))

    response = client.post(url("call_panel_close", call.pk), follow=True)

    assert errors_shown(response)
    call.refresh_from_db()
    assert call.panel_closed_at is None


@pytest.mark.parametrize("who", ["applicant", "outsider", "expert"])
def test_only_handlers_close_the_panel(client, who):
    call, application = evaluated_call()
    actor = {
        "applicant": lambda: member_of(application.applicant),
        "outsider": lambda: member_of(OrganizationFactory()),
        "expert": lambda: application.assignments.first().expert.user,
    }[who]()
    login(client, actor)

    response = client.post(url("call_panel_close", call.pk))

    assert response.status_code in (302, 404)
    call.refresh_from_db()
    assert call.panel_closed_at is None
