"""Assigning experts, and the experts' score sheets."""

from decimal import Decimal

import pytest

from challenges.models import AssignmentStatus, ConflictOfInterest, Score
from tests.challenges.forms_posted.helpers import (
    eligible_application,
    errors_shown,
    login,
    successes_shown,
    url,
)
from tests.factories import (
    AssignmentFactory,
    CriterionFactory,
    ExpertFactory,
    OrganizationFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db


# --- experts and score sheets --------------------------------------------------------------


def test_a_handler_assigns_an_expert(client):
    application = eligible_application()
    expert = ExpertFactory()
    login(client, handler_of(application.call))

    response = client.post(url("expert_assign", application.pk), {"expert": expert.pk}, follow=True)

    assert successes_shown(response)
    assert application.assignments.get().expert == expert


def test_an_expert_with_a_conflict_is_not_assigned(client):
    application = eligible_application()
    expert = ExpertFactory()
    ConflictOfInterest.objects.create(
        expert=expert, organization=application.applicant, reason="曾任顾问"
    )
    login(client, handler_of(application.call))

    response = client.post(url("expert_assign", application.pk), {"expert": expert.pk}, follow=True)

    assert errors_shown(response)
    assert not application.assignments.exists()


def test_an_unknown_expert_is_explained(client):
    application = eligible_application()
    login(client, handler_of(application.call))

    response = client.post(url("expert_assign", application.pk), {"expert": "999999"}, follow=True)

    assert errors_shown(response)
    assert not application.assignments.exists()


@pytest.mark.parametrize("who", ["applicant", "assigned expert"])
def test_only_handlers_assign_experts(client, who):
    application = eligible_application()
    actor = {
        "applicant": lambda: member_of(application.applicant),
        "assigned expert": lambda: AssignmentFactory(application=application).expert.user,
    }[who]()
    assigned = application.assignments.count()
    login(client, actor)

    response = client.post(url("expert_assign", application.pk), {"expert": ExpertFactory().pk})

    assert response.status_code == 404
    assert application.assignments.count() == assigned


def a_sheet():
    application = eligible_application()
    criterion = CriterionFactory(call=application.call, max_score=100)
    assignment = AssignmentFactory(application=application)
    return assignment, criterion


def test_an_expert_saves_and_submits_scores_on_the_sheet(client):
    assignment, criterion = a_sheet()
    login(client, assignment.expert.user)
    sheet = url("review_sheet", assignment.pk)

    response = client.post(sheet, {f"score_{criterion.pk}": "85", f"note_{criterion.pk}": "好"})
    assert response["Location"] == sheet
    assert Score.objects.get(assignment=assignment).value == Decimal("85")
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.ASSIGNED

    client.post(sheet, {f"score_{criterion.pk}": "88", "submit": "1"})
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.SUBMITTED
    assert Score.objects.get(assignment=assignment).value == Decimal("88")


@pytest.mark.parametrize("value", ["101", "-1", "八十", "85.555"])
def test_a_score_out_of_range_shows_a_form_error_and_saves_nothing(client, value):
    assignment, criterion = a_sheet()
    login(client, assignment.expert.user)

    response = client.post(
        url("review_sheet", assignment.pk), {f"score_{criterion.pk}": value, "submit": "1"}
    )

    assert response.status_code == 200
    assert f"score_{criterion.pk}" in response.context["form"].errors
    assert not Score.objects.exists()
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.ASSIGNED


def test_submitting_an_incomplete_sheet_is_explained(client):
    assignment, _criterion = a_sheet()
    login(client, assignment.expert.user)

    response = client.post(url("review_sheet", assignment.pk), {"submit": "1"}, follow=True)

    assert errors_shown(response)
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.ASSIGNED


@pytest.mark.parametrize("who", ["other expert", "applicant"])
def test_nobody_else_fills_in_the_sheet(client, who):
    assignment, criterion = a_sheet()
    actor = {
        "other expert": lambda: ExpertFactory().user,
        "applicant": lambda: member_of(assignment.application.applicant),
    }[who]()
    login(client, actor)

    response = client.post(url("review_sheet", assignment.pk), {f"score_{criterion.pk}": "1"})

    assert response.status_code == 404
    assert not Score.objects.exists()


def test_a_handler_posting_on_the_sheet_is_sent_to_the_application(client):
    assignment, criterion = a_sheet()
    login(client, handler_of(assignment.application.call))

    response = client.post(url("review_sheet", assignment.pk), {f"score_{criterion.pk}": "1"})

    assert response["Location"] == assignment.application.get_absolute_url()
    assert not Score.objects.exists()


def test_an_expert_recuses_with_a_reason(client):
    assignment, _criterion = a_sheet()
    login(client, assignment.expert.user)

    client.post(url("review_transition", assignment.pk, "recuse"), {"reason": "曾任该企业顾问"})

    assignment.refresh_from_db()
    assert (assignment.status, assignment.recusal_reason) == (
        AssignmentStatus.RECUSED,
        "曾任该企业顾问",
    )


def test_recusing_needs_a_reason(client):
    assignment, _criterion = a_sheet()
    login(client, assignment.expert.user)

    response = client.post(
        url("review_transition", assignment.pk, "recuse"), {"reason": ""}, follow=True
    )

    assert errors_shown(response)
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.ASSIGNED


def test_the_expert_submits_from_the_button(client):
    assignment, criterion = a_sheet()
    Score.objects.create(assignment=assignment, criterion=criterion, value=Decimal("70"))
    login(client, assignment.expert.user)

    client.post(url("review_transition", assignment.pk, "submit"))

    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.SUBMITTED


def test_a_handler_sends_a_sheet_back_with_a_reason(client):
    assignment, _criterion = a_sheet()
    assignment.status = AssignmentStatus.SUBMITTED
    assignment.save()
    login(client, handler_of(assignment.application.call))

    response = client.post(
        url("review_transition", assignment.pk, "reopen"), {"reason": ""}, follow=True
    )
    assert errors_shown(response)
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.SUBMITTED

    client.post(url("review_transition", assignment.pk, "reopen"), {"reason": "请补充评语"})
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.ASSIGNED


def test_an_expert_cannot_reopen_its_own_sheet(client):
    assignment, _criterion = a_sheet()
    assignment.status = AssignmentStatus.SUBMITTED
    assignment.save()
    login(client, assignment.expert.user)

    response = client.post(
        url("review_transition", assignment.pk, "reopen"), {"reason": "想改分"}, follow=True
    )

    assert errors_shown(response)
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.SUBMITTED


@pytest.mark.parametrize(
    ("who", "action"),
    [("other expert", "recuse"), ("applicant", "recuse"), ("expert", "approve")],
)
def test_others_and_unknown_review_actions_are_not_found(client, who, action):
    assignment, _criterion = a_sheet()
    actor = {
        "other expert": lambda: ExpertFactory().user,
        "applicant": lambda: member_of(assignment.application.applicant),
        "expert": lambda: assignment.expert.user,
    }[who]()
    login(client, actor)

    response = client.post(url("review_transition", assignment.pk, action), {"reason": "利益冲突"})

    assert response.status_code == 404
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.ASSIGNED


def test_a_non_expert_cannot_declare_conflicts(client):
    organization = OrganizationFactory()
    login(client, member_of(OrganizationFactory()))

    response = client.post(
        url("conflict_declare"),
        {"organization": organization.credit_code, "reason": "持股"},
        follow=True,
    )

    assert response.status_code == 404 or errors_shown(response)
    assert not ConflictOfInterest.objects.exists()


def test_a_conflict_needs_its_nature(client):
    expert = ExpertFactory()
    login(client, expert.user)

    response = client.post(
        url("conflict_declare"),
        {"organization": OrganizationFactory().credit_code, "reason": ""},
        follow=True,
    )

    assert errors_shown(response)
    assert not ConflictOfInterest.objects.exists()
