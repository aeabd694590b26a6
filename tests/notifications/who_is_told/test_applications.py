"""Who is told of each move of an application and of a consortium invitation."""

from __future__ import annotations

from datetime import timedelta

import pytest

from accounts.models import MembershipRole
from challenges import services
from challenges.models import CallKind, CallStatus, ConsortiumPartner, Round
from notifications.models import Notification
from tests.factories import CallFactory, OrganizationFactory, member_of
from tests.notifications.who_is_told.helpers import (
    HANDLERS,
    PAST,
    WINNERS,
    cast_around,
    now_plus,
    to,
)

pytestmark = pytest.mark.django_db


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
