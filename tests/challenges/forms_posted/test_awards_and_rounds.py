"""Proposing and withdrawing awards, and the rounds of a competition."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from challenges.models import (
    Application,
    ApplicationStatus,
    Award,
    AwardStatus,
    Call,
    CallKind,
    CallStatus,
    Round,
    RoundEntry,
)
from tests.challenges.forms_posted.helpers import (
    eligible_application,
    errors_shown,
    login,
    successes_shown,
    url,
)
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    OrganizationFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db


# --- awards --------------------------------------------------------------------------------


def shortlisted_application() -> Application:
    call = CallFactory(status=CallStatus.EVALUATING, winner_cap=1)
    return ApplicationFactory(call=call, status=ApplicationStatus.SHORTLISTED)


def test_a_handler_proposes_a_winner_with_an_amount(client):
    application = shortlisted_application()
    login(client, handler_of(application.call))

    response = client.post(url("award_propose", application.pk), {"amount": "1500000"}, follow=True)

    assert successes_shown(response)
    award = Award.objects.get(application=application)
    assert (award.amount, award.status) == (Decimal("1500000"), AwardStatus.PROPOSED)


@pytest.mark.parametrize("amount", ["一百万", "-5"])
def test_a_bad_award_amount_is_explained_and_nothing_is_proposed(client, amount):
    application = shortlisted_application()
    login(client, handler_of(application.call))

    response = client.post(url("award_propose", application.pk), {"amount": amount}, follow=True)

    assert not Award.objects.exists()
    assert errors_shown(response)


def test_a_winner_beyond_the_cap_is_refused(client):
    application = shortlisted_application()
    Award.objects.create(
        call=application.call,
        application=ApplicationFactory(call=application.call, status="shortlisted"),
    )
    login(client, handler_of(application.call))

    response = client.post(url("award_propose", application.pk), {"amount": ""}, follow=True)

    assert errors_shown(response)
    assert not Award.objects.filter(application=application).exists()


def test_an_application_not_shortlisted_cannot_win(client):
    application = eligible_application()
    login(client, handler_of(application.call))

    response = client.post(url("award_propose", application.pk), {"amount": ""}, follow=True)

    assert errors_shown(response)
    assert not Award.objects.exists()


def test_the_applicant_cannot_propose_itself(client):
    application = shortlisted_application()
    login(client, member_of(application.applicant))

    response = client.post(url("award_propose", application.pk), {"amount": "1"}, follow=True)

    assert errors_shown(response)
    assert not Award.objects.exists()


def test_an_outsider_cannot_propose_a_winner(client):
    application = shortlisted_application()
    login(client, member_of(OrganizationFactory()))

    response = client.post(url("award_propose", application.pk), {"amount": "1"})

    assert response.status_code == 404
    assert not Award.objects.exists()


def a_proposed_award() -> Award:
    application = shortlisted_application()
    return Award.objects.create(call=application.call, application=application)


def test_a_handler_withdraws_a_proposed_award(client):
    award = a_proposed_award()
    login(client, handler_of(award.call))

    response = client.post(url("award_withdraw", award.pk), follow=True)

    assert successes_shown(response)
    assert not Award.objects.filter(pk=award.pk).exists()


def test_an_award_is_not_withdrawn_after_evaluation(client):
    award = a_proposed_award()
    Call.objects.filter(pk=award.call_id).update(status=CallStatus.PUBLICITY)
    login(client, handler_of(award.call))

    response = client.post(url("award_withdraw", award.pk), follow=True)

    assert errors_shown(response)
    assert Award.objects.filter(pk=award.pk).exists()


def test_the_winner_cannot_withdraw_the_award_proposal(client):
    award = a_proposed_award()
    login(client, member_of(award.application.applicant))

    response = client.post(url("award_withdraw", award.pk), follow=True)

    assert errors_shown(response)
    assert Award.objects.filter(pk=award.pk).exists()


def test_an_outsider_cannot_withdraw_an_award(client):
    award = a_proposed_award()
    login(client, member_of(OrganizationFactory()))

    response = client.post(url("award_withdraw", award.pk))

    assert response.status_code == 404
    assert Award.objects.filter(pk=award.pk).exists()


# --- competition rounds --------------------------------------------------------------------


def competition(*, current: int, panel_closed: bool):
    call = CallFactory(kind=CallKind.COMPETITION, status=CallStatus.EVALUATING)
    first = Round.objects.create(
        call=call, position=1, name="初赛", deadline=timezone.now() - timedelta(days=1)
    )
    final = Round.objects.create(
        call=call, position=2, name="决赛", deadline=timezone.now() + timedelta(days=20)
    )
    call.current_round = first if current == 1 else final
    call.panel_closed_at = timezone.now() if panel_closed else None
    call.save()
    application = ApplicationFactory(
        call=call, status=ApplicationStatus.ELIGIBLE, current_round=call.current_round
    )
    return call, application, first, final


def test_a_handler_advances_applications_to_the_next_round(client):
    call, application, _first, final = competition(current=1, panel_closed=True)
    login(client, handler_of(call))

    response = client.post(
        url("round_advance", call.pk), {"applications": [application.pk]}, follow=True
    )

    assert successes_shown(response)
    call.refresh_from_db()
    application.refresh_from_db()
    assert call.current_round == final
    assert application.current_round == final


def test_advancing_nobody_is_explained(client):
    call, _application, first, _final = competition(current=1, panel_closed=True)
    login(client, handler_of(call))

    response = client.post(url("round_advance", call.pk), {}, follow=True)

    assert errors_shown(response)
    call.refresh_from_db()
    assert call.current_round == first


def test_rounds_advance_only_after_the_panel_closed(client):
    call, application, first, _final = competition(current=1, panel_closed=False)
    login(client, handler_of(call))

    response = client.post(
        url("round_advance", call.pk), {"applications": [application.pk]}, follow=True
    )

    assert errors_shown(response)
    call.refresh_from_db()
    assert call.current_round == first


@pytest.mark.parametrize("who", ["applicant", "outsider"])
def test_only_handlers_advance_rounds(client, who):
    call, application, first, _final = competition(current=1, panel_closed=True)
    actor = {
        "applicant": lambda: member_of(application.applicant),
        "outsider": lambda: member_of(OrganizationFactory()),
    }[who]()
    login(client, actor)

    response = client.post(url("round_advance", call.pk), {"applications": [application.pk]})

    assert response.status_code in (302, 404)
    call.refresh_from_db()
    application.refresh_from_db()
    assert (call.current_round, application.current_round) == (first, first)


def test_an_advancing_applicant_updates_its_application_for_the_round(client):
    _call, application, _first, final = competition(current=2, panel_closed=False)
    login(client, member_of(application.applicant))

    response = client.post(url("round_statement", application.pk), {"text": "样品良率提升至98%"})

    assert response["Location"] == application.get_absolute_url()
    entry = RoundEntry.objects.get(application=application, round=final)
    assert entry.statement == "样品良率提升至98%"


def test_an_empty_or_too_long_round_statement_is_not_saved(client):
    _call, application, _first, _final = competition(current=2, panel_closed=False)
    login(client, member_of(application.applicant))

    for text in ("", "新" * 4001):
        client.post(url("round_statement", application.pk), {"text": text})

    assert not RoundEntry.objects.filter(statement__gt="").exists()


def test_an_empty_round_statement_is_explained(client):
    _call, application, _first, _final = competition(current=2, panel_closed=False)
    login(client, member_of(application.applicant))

    response = client.post(url("round_statement", application.pk), {"text": ""}, follow=True)

    assert errors_shown(response)


def test_no_statement_in_the_first_round(client):
    _call, application, _first, _final = competition(current=1, panel_closed=False)
    login(client, member_of(application.applicant))

    response = client.post(url("round_statement", application.pk), {"text": "补充"}, follow=True)

    assert errors_shown(response)
    assert not RoundEntry.objects.exists()


def test_a_handler_cannot_write_the_applicants_round_statement(client):
    call, application, _first, _final = competition(current=2, panel_closed=False)
    login(client, handler_of(call))

    response = client.post(url("round_statement", application.pk), {"text": "代写"}, follow=True)

    assert errors_shown(response)
    assert not RoundEntry.objects.exists()


def test_an_outsider_cannot_write_a_round_statement(client):
    _call, application, _first, _final = competition(current=2, panel_closed=False)
    login(client, member_of(OrganizationFactory()))

    response = client.post(url("round_statement", application.pk), {"text": "冒充"})

    assert response.status_code == 404
    assert not RoundEntry.objects.exists()
