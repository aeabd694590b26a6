"""Who is told of each move of a call, of its questions and of its objections."""

from __future__ import annotations

from datetime import timedelta

import pytest

from challenges import services
from challenges.models import Award, CallStatus, Objection, Question
from notifications.models import Notification
from tests.factories import (
    CallFactory,
    CriterionFactory,
    MilestoneFactory,
    OrganizationFactory,
    member_of,
)
from tests.notifications.who_is_told.helpers import (
    APPLICANTS,
    HANDLERS,
    PAST,
    REASON,
    WINNERS,
    cast_around,
    now_plus,
    to,
)

pytestmark = pytest.mark.django_db


# --- the call's life cycle ---------------------------------------------------------------------


# action: (call status, (lead, rival) application statuses or None, who moves, verb, recipients)
CALL_NEWS = {
    "submit": ("draft", None, "handler", "call.submitted", ("platform_admin",)),
    "publish": ("pending_review", None, "platform_admin", "call.published", HANDLERS),
    "reject": ("pending_review", None, "platform_admin", "call.rejected", HANDLERS),
    "withdraw": (
        "published",
        ("submitted", "submitted"),
        "handler",
        "call.withdrawn",
        (*HANDLERS, *APPLICANTS, "follower"),
    ),
    "close": (
        "published",
        ("submitted", "submitted"),
        None,
        "call.closed",
        (*HANDLERS, *APPLICANTS, "follower"),
    ),
    # only applications actually submitted are evaluated; the drafter is not told
    "evaluate": (
        "closed",
        ("submitted", "submitted"),
        "handler",
        "call.evaluating",
        (*WINNERS, "rival"),
    ),
    "publicize": (
        "evaluating",
        ("shortlisted", "eligible"),
        "handler",
        "call.publicity",
        (*HANDLERS, *APPLICANTS, "follower"),
    ),
    "no_award": (
        "evaluating",
        ("eligible", "eligible"),
        "handler",
        "call.no_award",
        (*HANDLERS, *APPLICANTS, "follower"),
    ),
    "finalize": (
        "publicity",
        ("shortlisted", "eligible"),
        None,
        "call.awarded",
        (*WINNERS, *HANDLERS, "follower"),
    ),
    "reevaluate": (
        "publicity",
        ("shortlisted", "eligible"),
        "platform_admin",
        "call.reevaluate",
        (*HANDLERS, *APPLICANTS, "follower"),
    ),
    "start_work": ("awarded", ("awarded", "not_awarded"), "handler", "call.in_progress", WINNERS),
    "accept": ("in_progress", ("awarded", "not_awarded"), "handler", "call.accepted", WINNERS),
    "terminate": (
        "awarded",
        ("awarded", "not_awarded"),
        "platform_admin",
        "call.terminated",
        (*WINNERS, *HANDLERS, "follower"),
    ),
}


CALL_MOVES = {
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


def call_at(action):
    """A call where ``action`` can happen, with its cast; return (cast, actor)."""
    status, applications, mover, _verb, _recipients = CALL_NEWS[action]
    call = CallFactory(
        status=status,
        deadline=now_plus(PAST if action == "close" else timedelta(days=30)),
        panel_closed_at=now_plus(PAST) if action == "publicize" else None,
        publicity_ends_at=now_plus(PAST) if action == "finalize" else None,
    )
    if action == "submit":
        call.indicators.create(name="功率循环寿命", target="≥10万次")
        CriterionFactory(call=call)
    cast = cast_around(call, applications=applications)
    if applications and applications[0] == "shortlisted":
        Award.objects.create(call=call, application=cast.lead)
    if action == "start_work":
        MilestoneFactory(application=cast.lead, status="agreed")
    return cast, (cast[mover] if mover else None)


@pytest.mark.parametrize("action", list(CALL_NEWS))
def test_each_move_of_a_call_is_told_to_its_parties_and_nobody_else(action, told):
    cast, actor = call_at(action)
    *_, verb, recipients = CALL_NEWS[action]

    news = told(cast, lambda: CALL_MOVES[action](actor, cast.call))

    expected = to(verb, *recipients)
    if action == "finalize":  # the applicants not chosen hear of the outcome too
        expected = sorted(expected + to("call.not_awarded", "rival"))
    assert news == expected


def test_at_the_final_award_winners_handlers_and_followers_each_read_their_own_message(told):
    cast, _ = call_at("finalize")
    told(cast, lambda: services.call_finalize(actor=None, call=cast.call))
    messages = {
        label: Notification.objects.get(recipient=cast[label]).message
        for label in ("lead", "handler", "follower")
    }
    assert messages == {
        "lead": "Congratulations, you won: %(call)s",
        "handler": "The award is final; agree milestones with the winners: %(call)s",
        "follower": "The award of a call you follow is final: %(call)s",
    }
    assert {n.url for n in Notification.objects.all()} == {cast.call.get_absolute_url()}


def test_applicants_not_awarded_are_told_when_the_award_is_final(told):
    cast, _ = call_at("finalize")
    news = told(cast, lambda: services.call_finalize(actor=None, call=cast.call))
    assert "rival" in {label for label, _verb in news}


@pytest.mark.parametrize("action", ["withdraw", "no_award"])
def test_an_administrator_ending_a_call_is_told_to_its_handlers(action, told):
    cast, _ = call_at(action)
    news = told(cast, lambda: CALL_MOVES[action](cast["platform_admin"], cast.call))
    assert set(HANDLERS) <= {label for label, _verb in news}


# --- questions and objections ------------------------------------------------------------------


def test_a_question_is_told_to_the_handlers_and_its_answer_to_the_interested(told):
    cast = cast_around(CallFactory(), applications=("submitted", "submitted"))
    asker = cast.add("asker", member_of(OrganizationFactory()))
    cast.add("asker_colleague", member_of(asker.memberships.get().organization))

    asked = told(
        cast,
        lambda: services.question_ask(actor=asker, call=cast.call, text="是否接受第三方报告？"),
    )
    assert asked == to("call.question", *HANDLERS)

    question = Question.objects.get()
    answered = told(
        cast,
        lambda: services.question_answer(
            actor=cast["handler"], question=question, answer="接受CNAS认可实验室报告。"
        ),
    )
    assert answered == to("call.answer", *APPLICANTS, "follower", "asker", "asker_colleague")


def test_an_objection_is_told_to_administrators_and_handlers_and_its_decision_to_the_filer(told):
    call = CallFactory(status=CallStatus.PUBLICITY, publicity_ends_at=now_plus(timedelta(days=5)))
    cast = cast_around(call, applications=("shortlisted", "eligible"))
    filer = cast["outsider"]

    filed = told(
        cast, lambda: services.objection_file(actor=filer, call=call, text="中标单位不满足资质要求")
    )
    assert filed == to("call.objection", "platform_admin", *HANDLERS)

    decided = told(
        cast,
        lambda: services.objection_resolve(
            actor=cast["platform_admin"],
            objection=Objection.objects.get(),
            upheld=False,
            resolution="资质证书核验有效",
        ),
    )
    assert decided == to("call.objection_resolved", "outsider", *HANDLERS)
