"""Who is told what after each action of the open-call engine, and nobody else.

Each test builds a cast of people around a call (its handlers, a member of the issuer who does
not handle it, applicants at several stages, a follower, a platform administrator, an
outsider), makes one move through its service and compares every notification it created,
as (who, verb) pairs, with the list written out in the test.

Checked elsewhere: ``call.invited`` and ``call.matched`` (tests/search/test_pages.py,
tests/challenges/test_recommendations.py), ``search.new_matches``
(tests/search/test_saved_searches.py), followers once each (tests/challenges/test_follow.py),
and that ``call.answer`` does not name the asker (tests/challenges/test_flow.py).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db.models import Max
from django.utils import timezone

from accounts.models import Membership, MembershipRole
from challenges import services
from challenges.models import (
    Award,
    CallFollow,
    CallKind,
    CallStatus,
    ConsortiumPartner,
    Objection,
    Question,
    Round,
)
from notifications.models import Notification
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    AssignmentFactory,
    CallFactory,
    CriterionFactory,
    ExpertFactory,
    MilestoneFactory,
    OrganizationFactory,
    UserFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db

PAST = timedelta(days=-1)
REASON = "理由说明"

HANDLERS = ("handler", "issuer_admin")
WINNERS = ("lead", "lead_member")
APPLICANTS = (*WINNERS, "rival", "drafter")


def now_plus(delta):
    return timezone.now() + delta


class Cast:
    """The people around one call, by label, and what they were told."""

    def __init__(self, call):
        self.call = call
        self.people = {}

    def add(self, label, user):
        self.people[label] = user
        return user

    def __getitem__(self, label):
        return self.people[label]

    def told(self, move, capture):
        """Make the move; return the (label, verb) of every notification it created, sorted.
        Recipients outside the cast show as their username."""
        last = Notification.objects.aggregate(last=Max("pk"))["last"] or 0
        with capture(execute=True):  # side effects scheduled on commit happen too
            move()
        labels = {user.pk: label for label, user in self.people.items()}
        return sorted(
            (labels.get(n.recipient_id, n.recipient.username), n.verb)
            for n in Notification.objects.filter(pk__gt=last).select_related("recipient")
        )


@pytest.fixture
def told(django_capture_on_commit_callbacks):
    """``told(cast, move)``: make the move, return who was told what (see ``Cast.told``)."""

    def run(cast, move):
        return cast.told(move, django_capture_on_commit_callbacks)

    return run


def to(verb, *labels):
    return sorted((label, verb) for label in labels)


def cast_around(call, *, applications=None):
    """The usual cast; ``applications`` = (lead's status, rival's status) once the call is
    public, when a drafter and an organization that withdrew come along too."""
    cast = Cast(call)
    cast.add("handler", handler_of(call))
    cast.add("issuer_admin", member_of(call.issuer))  # handles every call of the issuer
    cast.add("idle_member", member_of(call.issuer, role=MembershipRole.MEMBER))
    former = cast.add("former_handler", handler_of(call))
    Membership.objects.filter(user=former).delete()  # left the issuer, still named
    cast.add("platform_admin", AdminUserFactory())
    cast.add("outsider", member_of(OrganizationFactory()))
    if applications is not None:
        lead_status, rival_status = applications
        lead = ApplicationFactory(call=call, status=lead_status)
        cast.add("lead", member_of(lead.applicant))
        cast.add("lead_member", member_of(lead.applicant, role=MembershipRole.MEMBER))
        cast.add("rival", member_of(ApplicationFactory(call=call, status=rival_status).applicant))
        cast.add("drafter", member_of(ApplicationFactory(call=call, status="draft").applicant))
        cast.add("quitter", member_of(ApplicationFactory(call=call, status="withdrawn").applicant))
        cast.lead = lead
        follower = cast.add("follower", UserFactory())
        CallFollow.objects.create(user=follower, call=call)
    return cast


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


# --- applications ------------------------------------------------------------------------------


def test_a_submitted_application_is_told_to_the_handlers_only(told):
    cast = cast_around(CallFactory(), applications=("draft", "submitted"))
    application = cast.lead

    news = told(
        cast,
        lambda: services.application_submit(actor=cast["lead_member"], application=application),
    )

    assert news == to("application.submitted", *HANDLERS)
    assert Notification.objects.get(recipient=cast["handler"]).url == (
        application.get_absolute_url()
    )


@pytest.mark.parametrize(("status", "recipients"), [("submitted", HANDLERS), ("draft", ())])
def test_a_withdrawal_is_told_to_the_handlers_once_the_application_was_submitted(
    status, recipients, told
):
    cast = cast_around(CallFactory(), applications=(status, "submitted"))

    news = told(
        cast, lambda: services.application_withdraw(actor=cast["lead"], application=cast.lead)
    )

    assert news == to("application.withdrawn", *recipients)


@pytest.mark.parametrize(
    ("call_status", "status", "verb", "decide"),
    [
        (
            "closed",
            "submitted",
            "application.eligible",
            lambda actor, x: services.application_mark_eligible(actor=actor, application=x),
        ),
        (
            "closed",
            "submitted",
            "application.ineligible",
            lambda actor, x: services.application_mark_ineligible(
                actor=actor, application=x, reason="营业执照已过期"
            ),
        ),
        (
            "evaluating",
            "eligible",
            "application.shortlisted",
            lambda actor, x: services.application_shortlist(actor=actor, application=x),
        ),
    ],
    ids=["eligible", "ineligible", "shortlisted"],
)
def test_the_issuers_decision_is_told_to_every_member_of_the_applicant_only(
    call_status, status, verb, decide, told
):
    cast = cast_around(CallFactory(status=call_status), applications=(status, status))
    partner = OrganizationFactory()
    ConsortiumPartner.objects.create(
        application=cast.lead, organization=partner, status="confirmed"
    )
    cast.add("partner", member_of(partner))

    news = told(cast, lambda: decide(cast["handler"], cast.lead))

    assert news == to(verb, *WINNERS)


def test_advancing_a_round_is_told_to_the_applicants_who_advance(told):
    # given a competition whose first round's panel has closed
    call = CallFactory(
        kind=CallKind.COMPETITION, status=CallStatus.EVALUATING, panel_closed_at=now_plus(PAST)
    )
    first = Round.objects.create(call=call, position=1, name="初赛", deadline=now_plus(PAST))
    Round.objects.create(call=call, position=2, name="决赛", deadline=now_plus(timedelta(days=9)))
    call.current_round = first
    call.save()
    cast = cast_around(call, applications=("eligible", "eligible"))
    call.applications.update(current_round=first)
    # when the handler advances the lead only
    news = told(
        cast,
        lambda: services.round_advance(actor=cast["handler"], call=call, applications=[cast.lead]),
    )
    # then only the lead's members hear of it
    assert news == to("application.advanced", *WINNERS)


def test_a_consortium_invitation_goes_to_the_partners_administrators_and_the_answer_back(told):
    cast = cast_around(CallFactory(), applications=("draft", "submitted"))
    partner = OrganizationFactory()
    partner_admin = cast.add("partner_admin", member_of(partner))
    cast.add("partner_member", member_of(partner, role=MembershipRole.MEMBER))

    invited = told(
        cast,
        lambda: services.partner_invite(
            actor=cast["lead"], application=cast.lead, organization=partner, role="封装测试"
        ),
    )
    assert invited == to("application.partner_invited", "partner_admin")

    answered = told(
        cast,
        lambda: services.partner_respond(
            actor=partner_admin, partner=ConsortiumPartner.objects.get(), accept=True
        ),
    )
    assert answered == to("application.partner_answered", *WINNERS)


# --- expert reviews ----------------------------------------------------------------------------


def review_cast(status="assigned"):
    call = CallFactory(status=CallStatus.EVALUATING)
    cast = cast_around(call, applications=("eligible", "eligible"))
    criterion = CriterionFactory(call=call)
    expert = ExpertFactory()
    cast.add("expert", expert.user)
    cast.add("other_expert", ExpertFactory().user)
    assignment = AssignmentFactory(application=cast.lead, expert=expert, status=status)
    assignment.scores.create(criterion=criterion, value=80)
    return cast, assignment


def test_an_assignment_is_told_to_the_expert_only(told):
    cast, _ = review_cast()
    news = told(
        cast,
        lambda: services.expert_assign(
            actor=cast["handler"], application=cast.lead, expert=cast["other_expert"].expert
        ),
    )
    assert news == to("review.assigned", "other_expert")


@pytest.mark.parametrize(
    ("status", "verb", "move", "recipients"),
    [
        (
            "assigned",
            "review.submitted",
            lambda cast, a: services.review_submit(actor=cast["expert"], assignment=a),
            HANDLERS,
        ),
        (
            "assigned",
            "review.recused",
            lambda cast, a: services.review_recuse(
                actor=cast["expert"], assignment=a, reason="曾任该企业顾问"
            ),
            HANDLERS,
        ),
        (
            "assigned",
            "review.recused",
            lambda cast, a: services.conflict_declare(
                actor=cast["expert"], organization=a.application.applicant, reason="持有股份"
            ),
            HANDLERS,
        ),
        (
            "submitted",
            "review.reopened",
            lambda cast, a: services.review_reopen(
                actor=cast["platform_admin"], assignment=a, reason="评分与意见不符"
            ),
            ("expert",),
        ),
    ],
    ids=["submit", "recuse", "conflict declared", "reopen"],
)
def test_each_step_of_a_review_is_told_to_the_other_side_only(status, verb, move, recipients, told):
    cast, assignment = review_cast(status)
    news = told(cast, lambda: move(cast, assignment))
    assert news == to(verb, *recipients)


# --- milestones --------------------------------------------------------------------------------


def milestone_cast(call_status, milestone_status):
    cast = cast_around(CallFactory(status=call_status), applications=("awarded", "not_awarded"))
    return cast, MilestoneFactory(application=cast.lead, status=milestone_status)


def test_a_proposed_milestone_is_told_to_the_winner_only(told):
    cast, _ = milestone_cast(CallStatus.AWARDED, "agreed")
    news = told(
        cast,
        lambda: services.milestone_propose(
            actor=cast["handler"],
            application=cast.lead,
            title="小批量试产",
            due_date=timezone.localdate() + timedelta(days=90),
            deliverables="500只模块及可靠性报告",
        ),
    )
    assert news == to("milestone.proposed", *WINNERS)


@pytest.mark.parametrize(
    ("call_status", "status", "mover", "verb", "move", "recipients"),
    [
        (
            "awarded",
            "proposed",
            "lead_member",
            "milestone.agreed",
            lambda actor, m: services.milestone_agree(actor=actor, milestone=m),
            HANDLERS,
        ),
        (
            "in_progress",
            "agreed",
            "lead",
            "milestone.reported",
            lambda actor, m: services.milestone_report(actor=actor, milestone=m, report="已交付"),
            HANDLERS,
        ),
        (
            "in_progress",
            "submitted",
            "handler",
            "milestone.accepted",
            lambda actor, m: services.milestone_accept(actor=actor, milestone=m),
            WINNERS,
        ),
        (
            "in_progress",
            "submitted",
            "issuer_admin",
            "milestone.returned",
            lambda actor, m: services.milestone_return(actor=actor, milestone=m, note="缺报告"),
            WINNERS,
        ),
    ],
    ids=["agree", "report", "accept", "return"],
)
def test_each_step_of_a_milestone_is_told_to_the_other_side_only(
    call_status, status, mover, verb, move, recipients, told
):
    cast, milestone = milestone_cast(call_status, status)
    news = told(cast, lambda: move(cast[mover], milestone))
    assert news == to(verb, *recipients)
