"""Pages offer a move of a call only when it can succeed, and every offered move succeeds."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from challenges import conditions, rules, services
from challenges.models import ApplicationStatus, CallKind, CallStatus, Round
from core.exceptions import InvalidState
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    CriterionFactory,
    ExpertFactory,
    handler_of,
)

pytestmark = pytest.mark.django_db


def competition_in_evaluation():
    call = CallFactory(
        kind=CallKind.COMPETITION,
        status=CallStatus.EVALUATING,
        deadline=timezone.now() - timedelta(days=1),
    )
    first = Round.objects.create(call=call, position=1, name="初赛", deadline=call.deadline)
    final = Round.objects.create(
        call=call, position=2, name="决赛", deadline=timezone.now() + timedelta(days=30)
    )
    for round_ in (first, final):
        CriterionFactory(call=call, round=round_)
    call.current_round = first
    call.save(update_fields=["current_round"])
    applications = ApplicationFactory.create_batch(
        2, call=call, status=ApplicationStatus.ELIGIBLE, current_round=first
    )
    return call, applications, handler_of(call)


def urls(call):
    return {
        "publicize": reverse("challenges:call_transition", args=[call.pk, "publicize"]),
        "close panel": reverse("challenges:call_panel_close", args=[call.pk]),
        "advance": reverse("challenges:round_advance", args=[call.pk]),
    }


def pages(client, call) -> str:
    """Everything a handler sees of the call: its page and each workspace tab."""
    manage = reverse("challenges:call_manage", args=[call.pk])
    return "".join(
        client.get(url).content.decode()
        for url in (
            call.get_absolute_url(),
            manage,
            manage + "?tab=applications",
            manage + "?tab=scores",
        )
    )


def score_current_round(call, applications, issuer, value=80):
    for application in applications:
        for expert in ExpertFactory.create_batch(3):
            assignment = services.expert_assign(
                actor=issuer, application=application, expert=expert
            )
            criterion = services.rubric_for(assignment)[0]
            services.review_save(
                actor=expert.user,
                assignment=assignment,
                scores={criterion.pk: (value, "")},
                comment="",
            )
            services.review_submit(actor=expert.user, assignment=assignment)


def test_with_no_expert_assigned_no_page_offers_publicize_advance_or_closing_the_panel(client):
    call, _applications, issuer = competition_in_evaluation()
    client.force_login(issuer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    page = pages(client, call)

    for move, url in urls(call).items():
        assert f'action="{url}"' not in page, move
    # the workspace says what is missing instead
    assert "has 0 submitted reviews; at least 3 are needed." in page
    assert "Close the expert panel of this round first." in page


@pytest.mark.parametrize("move", ["publicize", "close panel", "advance"])
def test_the_services_refuse_what_the_pages_do_not_offer(move):
    call, applications, issuer = competition_in_evaluation()
    service = {
        "publicize": lambda: services.call_publicize(actor=issuer, call=call),
        "close panel": lambda: services.call_panel_close(actor=issuer, call=call),
        "advance": lambda: services.round_advance(
            actor=issuer, call=call, applications=applications[:1]
        ),
    }[move]
    with pytest.raises(InvalidState):
        service()
    call.refresh_from_db()
    assert (call.status, call.current_round.position, call.panel_closed_at) == (
        CallStatus.EVALUATING,
        1,
        None,
    )


def test_each_move_is_offered_once_it_can_succeed_and_succeeds(client):
    call, applications, issuer = competition_in_evaluation()
    client.force_login(issuer)
    links = urls(call)

    # the first round's panel completes: closing it is offered, and works
    score_current_round(call, applications, issuer)
    page = pages(client, call)
    assert f'action="{links["close panel"]}"' in page
    assert f'action="{links["advance"]}"' not in page
    client.post(links["close panel"])
    call.refresh_from_db()
    assert call.panel_closed_at is not None

    # now advancing is offered, and works
    page = pages(client, call)
    assert f'action="{links["advance"]}"' in page
    assert f'action="{links["publicize"]}"' not in page  # not the final round
    client.post(links["advance"], {"applications": [applications[0].pk]})
    call.refresh_from_db()
    assert call.current_round.position == 2
    assert call.panel_closed_at is None

    # the final round: nothing to advance to, and nothing to publicize before its panel
    page = pages(client, call)
    for move in ("advance", "publicize", "close panel"):
        assert f'action="{links[move]}"' not in page, move
    finalist = applications[0]
    score_current_round(call, [finalist], issuer, value=90)
    client.post(links["close panel"])
    services.application_shortlist(actor=issuer, application=finalist)
    page = pages(client, call)
    assert f'action="{links["publicize"]}"' not in page  # no winner proposed yet
    services.award_propose(actor=issuer, application=finalist)

    page = pages(client, call)
    assert f'action="{links["publicize"]}"' in page
    client.post(links["publicize"])
    call.refresh_from_db()
    assert call.status == CallStatus.PUBLICITY


def test_the_offered_moves_are_exactly_those_without_problems():
    call, _applications, issuer = competition_in_evaluation()
    offered = {move.action for move in rules.call_actions(issuer, call)}
    blocked = {
        move.action: problems for move, problems in rules.call_moves(issuer, call) if problems
    }
    assert "publicize" in blocked and "publicize" not in offered
    assert offered == {"no_award"}
    assert not rules.can_close_panel(issuer, call)
    assert not rules.can_advance_round(issuer, call)
    assert conditions.call_move_problems(call, "publicize") == blocked["publicize"]


def test_closing_applications_is_offered_only_after_the_deadline(client):
    call = CallFactory(status=CallStatus.PUBLISHED, deadline=timezone.now() + timedelta(days=2))
    issuer = handler_of(call)
    close = reverse("challenges:call_transition", args=[call.pk, "close"])
    client.force_login(issuer)
    manage = reverse("challenges:call_manage", args=[call.pk])

    assert f'action="{close}"' not in client.get(manage).content.decode()
    call.deadline = timezone.now() - timedelta(minutes=1)
    call.save(update_fields=["deadline"])
    assert f'action="{close}"' in client.get(manage).content.decode()
    client.post(close)
    call.refresh_from_db()
    assert call.status == CallStatus.CLOSED
