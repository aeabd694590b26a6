"""Questions and answers on a call, and objections during publicity."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import MembershipRole, VerificationStatus
from challenges.models import Call, CallStatus, Objection, ObjectionStatus, Question
from tests.challenges.forms_posted.helpers import errors_shown, login, url
from tests.factories import (
    AdminUserFactory,
    CallFactory,
    OrganizationFactory,
    UserFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db


# --- questions and answers -----------------------------------------------------------------


def test_a_member_of_a_verified_organization_asks_a_question(client):
    call = CallFactory()
    asker = login(client, member_of(OrganizationFactory()))

    response = client.post(url("question_ask", call.pk), {"text": "样品数量是否可协商？"})

    assert response.status_code == 302
    assert response["Location"] == call.get_absolute_url()
    question = Question.objects.get(call=call)
    assert (question.text, question.asked_by) == ("样品数量是否可协商？", asker)


@pytest.mark.parametrize("text", ["", "   ", "问" * 4001])
def test_an_empty_or_too_long_question_is_explained_and_not_sent(client, text):
    call = CallFactory()
    login(client, member_of(OrganizationFactory()))

    response = client.post(url("question_ask", call.pk), {"text": text}, follow=True)

    assert errors_shown(response)
    assert not Question.objects.exists()


def test_a_question_longer_than_a_question_may_be_is_refused(client):
    call = CallFactory()
    login(client, member_of(OrganizationFactory()))

    response = client.post(url("question_ask", call.pk), {"text": "问" * 2500}, follow=True)

    assert response.status_code == 200
    assert not Question.objects.exists()
    assert errors_shown(response)


@pytest.mark.parametrize("who", ["issuer member", "user without organization", "unverified"])
def test_who_may_not_ask_is_told_and_nothing_is_sent(client, who):
    call = CallFactory()
    actor = {
        "issuer member": lambda: member_of(call.issuer),
        "user without organization": UserFactory,
        "unverified": lambda: member_of(
            OrganizationFactory(verification_status=VerificationStatus.PENDING)
        ),
    }[who]()
    login(client, actor)

    response = client.post(url("question_ask", call.pk), {"text": "能否延期？"}, follow=True)

    assert errors_shown(response)
    assert not Question.objects.exists()


def test_questions_are_not_asked_on_a_closed_call(client):
    call = CallFactory(status=CallStatus.CLOSED)
    login(client, member_of(OrganizationFactory()))

    response = client.post(url("question_ask", call.pk), {"text": "能否延期？"}, follow=True)

    assert errors_shown(response)
    assert not Question.objects.exists()


def a_question(call=None) -> Question:
    call = call or CallFactory()
    organization = OrganizationFactory()
    return Question.objects.create(
        call=call, organization=organization, asked_by=member_of(organization), text="能否延期？"
    )


def test_a_handler_answers_a_question(client):
    question = a_question()
    handler = login(client, handler_of(question.call))

    response = client.post(url("question_answer", question.pk), {"text": "不延期。"})

    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.answer, question.answered_by) == ("不延期。", handler)


def test_an_empty_answer_is_explained_and_not_published(client):
    question = a_question()
    login(client, handler_of(question.call))

    response = client.post(url("question_answer", question.pk), {"text": ""}, follow=True)

    question.refresh_from_db()
    assert question.answer == ""
    assert errors_shown(response)


def test_an_empty_or_too_long_answer_is_not_published(client):
    question = a_question()
    login(client, handler_of(question.call))

    for text in ("", "答" * 4001):
        client.post(url("question_answer", question.pk), {"text": text})

    question.refresh_from_db()
    assert question.answer == ""


@pytest.mark.parametrize("who", ["asker", "outsider", "issuer member not handling"])
def test_only_handlers_answer_questions(client, who):
    question = a_question()
    actor = {
        "asker": lambda: question.asked_by,
        "outsider": lambda: member_of(OrganizationFactory()),
        "issuer member not handling": lambda: member_of(
            question.call.issuer, role=MembershipRole.MEMBER
        ),
    }[who]()
    login(client, actor)

    response = client.post(url("question_answer", question.pk), {"text": "自问自答"})

    assert response.status_code == 404
    question.refresh_from_db()
    assert question.answer == ""


# --- objections during publicity -----------------------------------------------------------


def call_in_publicity() -> Call:
    return CallFactory(
        status=CallStatus.PUBLICITY, publicity_ends_at=timezone.now() + timedelta(days=5)
    )


def test_a_logged_in_user_files_an_objection_during_publicity(client):
    call = call_in_publicity()
    filer = login(client, member_of(OrganizationFactory()))

    response = client.post(url("objection_file", call.pk), {"text": "中榜单位资质存疑。"})

    assert response.status_code == 302
    objection = Objection.objects.get(call=call)
    assert (objection.text, objection.filed_by, objection.status) == (
        "中榜单位资质存疑。",
        filer,
        ObjectionStatus.OPEN,
    )


@pytest.mark.parametrize("text", ["", "  ", "异" * 4001])
def test_an_empty_or_too_long_objection_is_explained_and_not_filed(client, text):
    call = call_in_publicity()
    login(client, member_of(OrganizationFactory()))

    response = client.post(url("objection_file", call.pk), {"text": text}, follow=True)

    assert errors_shown(response)
    assert not Objection.objects.exists()


def test_objections_are_filed_only_during_publicity(client):
    call = CallFactory(status=CallStatus.EVALUATING)
    login(client, member_of(OrganizationFactory()))

    response = client.post(url("objection_file", call.pk), {"text": "提前异议"}, follow=True)

    assert errors_shown(response)
    assert not Objection.objects.exists()


def test_anonymous_visitors_cannot_file_objections(client):
    call = call_in_publicity()

    response = client.post(url("objection_file", call.pk), {"text": "匿名异议"})

    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    assert not Objection.objects.exists()


def an_objection() -> Objection:
    call = call_in_publicity()
    return Objection.objects.create(call=call, filed_by=UserFactory(), text="资质存疑")


@pytest.mark.parametrize(
    ("decision", "status"), [("uphold", ObjectionStatus.UPHELD), ("dismiss", "dismissed")]
)
def test_an_administrator_resolves_an_objection(client, decision, status):
    objection = an_objection()
    login(client, AdminUserFactory())

    client.post(
        url("objection_resolve", objection.pk), {"decision": decision, "reason": "经核查属实"}
    )

    objection.refresh_from_db()
    assert (objection.status, objection.resolution) == (status, "经核查属实")


def test_resolving_an_objection_needs_a_reason(client):
    objection = an_objection()
    login(client, AdminUserFactory())

    response = client.post(
        url("objection_resolve", objection.pk), {"decision": "uphold", "reason": ""}, follow=True
    )

    assert errors_shown(response)
    objection.refresh_from_db()
    assert objection.status == ObjectionStatus.OPEN


def test_an_objection_is_resolved_only_once(client):
    objection = an_objection()
    login(client, AdminUserFactory())
    client.post(url("objection_resolve", objection.pk), {"decision": "dismiss", "reason": "不成立"})

    response = client.post(
        url("objection_resolve", objection.pk),
        {"decision": "uphold", "reason": "改判"},
        follow=True,
    )

    assert errors_shown(response)
    objection.refresh_from_db()
    assert objection.status == ObjectionStatus.DISMISSED


@pytest.mark.parametrize("who", ["handler", "filer", "outsider"])
def test_only_administrators_resolve_objections(client, who):
    objection = an_objection()
    actor = {
        "handler": lambda: handler_of(objection.call),
        "filer": lambda: objection.filed_by,
        "outsider": lambda: member_of(OrganizationFactory()),
    }[who]()
    login(client, actor)

    response = client.post(
        url("objection_resolve", objection.pk), {"decision": "dismiss", "reason": "驳回"}
    )

    assert response.status_code == 404
    objection.refresh_from_db()
    assert objection.status == ObjectionStatus.OPEN
