"""Accepting the terms, applying, and editing and moving an application."""

from decimal import Decimal

import pytest

from accounts.models import VerificationStatus
from challenges.models import Application, ApplicationStatus, CallStatus, TermsAcceptance
from tests.challenges.forms_posted.helpers import (
    draft_application,
    errors_shown,
    login,
    successes_shown,
    url,
)
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    IndicatorFactory,
    OrganizationFactory,
    UserFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db


# --- terms and applying --------------------------------------------------------------------


def test_a_member_accepts_the_terms_of_a_call(client):
    call = CallFactory(terms="不得向第三方披露。")
    organization = OrganizationFactory()
    login(client, member_of(organization))

    response = client.post(url("call_terms", call.pk))

    assert response["Location"] == call.get_absolute_url()
    assert TermsAcceptance.objects.filter(call=call, organization=organization).exists()


def test_a_user_without_organization_cannot_accept_terms(client):
    call = CallFactory(terms="不得向第三方披露。")
    login(client, UserFactory())

    response = client.post(url("call_terms", call.pk), follow=True)

    assert errors_shown(response)
    assert not TermsAcceptance.objects.exists()


def test_a_member_of_an_eligible_organization_starts_an_application(client):
    call = CallFactory()
    organization = OrganizationFactory()
    login(client, member_of(organization))

    response = client.post(url("application_start", call.pk))

    application = Application.objects.get(call=call)
    assert response["Location"] == url("application_edit", application.pk)
    assert (application.applicant, application.status) == (organization, ApplicationStatus.DRAFT)


@pytest.mark.parametrize("who", ["issuer member", "user without organization", "unverified"])
def test_who_may_not_apply_is_told_and_nothing_is_created(client, who):
    call = CallFactory()
    actor = {
        "issuer member": lambda: member_of(call.issuer),
        "user without organization": UserFactory,
        "unverified": lambda: member_of(
            OrganizationFactory(verification_status=VerificationStatus.PENDING)
        ),
    }[who]()
    login(client, actor)

    response = client.post(url("application_start", call.pk), follow=True)

    assert errors_shown(response)
    assert not Application.objects.exists()


# --- editing and moving an application -----------------------------------------------------


def test_the_applicant_edits_its_draft(client):
    application = draft_application()
    indicator = IndicatorFactory(call=application.call)
    login(client, member_of(application.applicant))

    response = client.post(
        url("application_edit", application.pk),
        {
            "technical_approach": "双面散热银烧结封装",
            "budget": "1200000",
            f"indicator_{indicator.pk}": "实测12万次",
        },
    )

    assert response["Location"] == application.get_absolute_url()
    application.refresh_from_db()
    assert application.technical_approach == "双面散热银烧结封装"
    assert application.budget == Decimal("1200000")
    assert application.indicator_responses.get().response == "实测12万次"


@pytest.mark.parametrize("field", ["budget", "indicator"])
def test_bad_application_input_shows_form_errors_and_saves_nothing(client, field):
    application = draft_application()
    indicator = IndicatorFactory(call=application.call)
    login(client, member_of(application.applicant))
    posted = {"technical_approach": "新的方案", "budget": "一百万"}
    if field == "indicator":
        posted = {"technical_approach": "新的方案", f"indicator_{indicator.pk}": "答" * 2001}

    response = client.post(url("application_edit", application.pk), posted)

    assert response.status_code == 200
    assert response.context["form"].errors
    application.refresh_from_db()
    assert application.technical_approach != "新的方案"
    assert not application.indicator_responses.exists()


def test_an_outsider_cannot_edit_an_application(client):
    application = draft_application()
    login(client, member_of(OrganizationFactory()))

    response = client.post(url("application_edit", application.pk), {"technical_approach": "x"})

    assert response.status_code == 404
    application.refresh_from_db()
    assert application.technical_approach != "x"


def test_a_handler_cannot_edit_a_submitted_application(client):
    application = ApplicationFactory()
    login(client, handler_of(application.call))

    response = client.post(
        url("application_edit", application.pk), {"technical_approach": "x"}, follow=True
    )

    assert errors_shown(response)
    application.refresh_from_db()
    assert application.technical_approach != "x"


def test_the_applicant_submits_its_draft(client):
    application = draft_application()
    login(client, member_of(application.applicant))

    response = client.post(url("application_transition", application.pk, "submit"), follow=True)

    assert successes_shown(response)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_an_incomplete_draft_is_not_submitted_and_the_applicant_is_told(client):
    application = draft_application(technical_approach="")
    login(client, member_of(application.applicant))

    response = client.post(url("application_transition", application.pk, "submit"), follow=True)

    assert errors_shown(response)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT


def test_a_handler_marks_an_application_eligible_after_the_deadline(client):
    application = ApplicationFactory(call=CallFactory(status=CallStatus.CLOSED))
    login(client, handler_of(application.call))

    client.post(url("application_transition", application.pk, "mark_eligible"))

    application.refresh_from_db()
    assert application.status == ApplicationStatus.ELIGIBLE


def test_marking_an_application_ineligible_needs_a_reason(client):
    application = ApplicationFactory(call=CallFactory(status=CallStatus.CLOSED))
    login(client, handler_of(application.call))

    response = client.post(
        url("application_transition", application.pk, "mark_ineligible"),
        {"reason": ""},
        follow=True,
    )

    assert errors_shown(response)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_the_applicant_cannot_find_itself_eligible(client):
    application = ApplicationFactory(call=CallFactory(status=CallStatus.CLOSED))
    login(client, member_of(application.applicant))

    response = client.post(
        url("application_transition", application.pk, "mark_eligible"), follow=True
    )

    assert errors_shown(response)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_an_outsider_cannot_withdraw_an_application(client):
    application = ApplicationFactory()
    login(client, member_of(OrganizationFactory()))

    response = client.post(url("application_transition", application.pk, "withdraw"))

    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_an_unknown_application_action_is_not_found(client):
    application = ApplicationFactory()
    login(client, member_of(application.applicant))

    response = client.post(url("application_transition", application.pk, "award"))

    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
