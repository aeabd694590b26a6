"""Every form of the open-call engine posted through its page, as a person would.

For each route: valid input by the right role changes the record; invalid input changes
nothing and tells the user why (a form error or an error message); a role without the
right changes nothing (404 for what it may not see, a refusal message otherwise).
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import MembershipRole, OrganizationKind, VerificationStatus
from challenges.models import (
    Application,
    ApplicationAttachment,
    ApplicationStatus,
    AssignmentStatus,
    Award,
    AwardStatus,
    BonusRule,
    Call,
    CallAttachment,
    CallKind,
    CallStatus,
    ConflictOfInterest,
    ConsortiumPartner,
    Criterion,
    Indicator,
    Milestone,
    MilestoneStatus,
    Objection,
    ObjectionStatus,
    PartnerStatus,
    Question,
    Round,
    RoundEntry,
    Score,
    TermsAcceptance,
)
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    AssignmentFactory,
    CallFactory,
    CriterionFactory,
    ExpertFactory,
    IndicatorFactory,
    MilestoneFactory,
    OrganizationFactory,
    UserFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DATETIME = "%Y-%m-%dT%H:%M"


def pdf(name: str = "技术说明.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def not_a_pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("报告.pdf", b"MZ\x90\x00 this is a program", "application/pdf")


def in_days(days: int) -> str:
    return (timezone.localtime() + timedelta(days=days)).strftime(DATETIME)


def errors_shown(response) -> list[str]:
    """The error messages the page (after the redirect) shows."""
    return [str(m) for m in response.context["messages"] if m.level == messages.ERROR]


def successes_shown(response) -> list[str]:
    return [str(m) for m in response.context["messages"] if m.level == messages.SUCCESS]


def login(client, user):
    client.force_login(user)
    return user


def draft_call(**kwargs) -> Call:
    return CallFactory(status=CallStatus.DRAFT, published_at=None, **kwargs)


def url(name: str, *args) -> str:
    return reverse(f"challenges:{name}", args=args)


# --- drafting a call -----------------------------------------------------------------------


def call_form_data(**overrides) -> dict:
    return {
        "title": "高压碳化硅模块封装可靠性攻关",
        "summary": "面向800V平台征集封装方案。",
        "details": "功率循环寿命≥10万次。",
        "deadline": in_days(30),
        "winner_cap": "2",
        "shortlist_cap": "5",
        "min_qualification": "none",
        "max_partners": "2",
        "publicity_days": "7",
        **overrides,
    }


def test_a_lead_enterprise_drafts_a_call_through_the_form(client):
    user = login(client, member_of(OrganizationFactory(kind=OrganizationKind.LEAD)))

    response = client.post(url("call_create", CallKind.CHALLENGE), call_form_data())

    call = Call.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("call_manage", call.pk)
    assert (call.title, call.status, call.winner_cap) == (
        "高压碳化硅模块封装可靠性攻关",
        CallStatus.DRAFT,
        2,
    )
    assert user in call.handlers.all()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", ""),
        ("title", "榜" * 151),
        ("deadline", "明天"),
        ("winner_cap", "11"),
        ("winner_cap", "两个"),
        ("min_trl", "12"),
    ],
)
def test_a_call_draft_with_bad_input_shows_form_errors_and_saves_nothing(client, field, value):
    login(client, member_of(OrganizationFactory(kind=OrganizationKind.LEAD)))

    response = client.post(url("call_create", CallKind.CHALLENGE), call_form_data(**{field: value}))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Call.objects.exists()


def test_a_deadline_in_the_past_is_refused_on_the_form(client):
    login(client, member_of(OrganizationFactory(kind=OrganizationKind.LEAD)))

    response = client.post(
        url("call_create", CallKind.CHALLENGE), call_form_data(deadline=in_days(-1))
    )

    assert response.status_code == 200
    assert "deadline" in response.context["form"].errors
    assert not Call.objects.exists()


def test_work_ending_before_it_starts_is_refused_on_the_form(client):
    login(client, member_of(OrganizationFactory(kind=OrganizationKind.LEAD)))
    start = timezone.localdate() + timedelta(days=60)

    response = client.post(
        url("call_create", CallKind.CHALLENGE),
        call_form_data(work_start=start.isoformat(), work_end=(start - timedelta(1)).isoformat()),
    )

    assert "work_end" in response.context["form"].errors
    assert not Call.objects.exists()


def test_an_sme_cannot_issue_a_technical_challenge(client):
    login(client, member_of(OrganizationFactory(kind=OrganizationKind.SME)))

    response = client.post(url("call_create", CallKind.CHALLENGE), call_form_data(), follow=True)

    assert response.redirect_chain[0][0] == url("call_choose_kind")
    assert not Call.objects.exists()


def test_an_unknown_kind_of_call_is_not_found(client):
    login(client, member_of(OrganizationFactory(kind=OrganizationKind.LEAD)))

    response = client.post(url("call_create", "lottery"), call_form_data())

    assert response.status_code == 404
    assert not Call.objects.exists()


def test_a_handler_edits_a_draft_call(client):
    call = draft_call()
    login(client, handler_of(call))

    response = client.post(url("call_edit", call.pk), call_form_data(title="修改后的榜单标题"))

    assert response.status_code == 302
    assert response["Location"] == url("call_manage", call.pk)
    call.refresh_from_db()
    assert call.title == "修改后的榜单标题"


def test_editing_a_call_with_bad_input_shows_errors_and_keeps_it(client):
    call = draft_call()
    title = call.title
    login(client, handler_of(call))

    response = client.post(url("call_edit", call.pk), call_form_data(title="", winner_cap="0"))

    assert response.status_code == 200
    assert {"title", "winner_cap"} <= set(response.context["form"].errors)
    call.refresh_from_db()
    assert call.title == title


@pytest.mark.parametrize("who", ["outsider", "issuer member not handling"])
def test_only_handlers_reach_the_call_edit_form(client, who):
    call = draft_call()
    title = call.title
    actor = {
        "outsider": lambda: member_of(OrganizationFactory()),
        "issuer member not handling": lambda: member_of(call.issuer, role=MembershipRole.MEMBER),
    }[who]()
    login(client, actor)

    response = client.post(url("call_edit", call.pk), call_form_data(title="被篡改的标题"))

    assert response.status_code == 404
    call.refresh_from_db()
    assert call.title == title


def test_a_published_call_can_no_longer_be_edited(client):
    call = CallFactory()
    title = call.title
    login(client, handler_of(call))

    response = client.post(url("call_edit", call.pk), call_form_data(title="发布后改标题"))

    assert response.status_code == 404
    call.refresh_from_db()
    assert call.title == title


# --- the parts of a call: indicators, criteria, rounds, bonus, attachments -----------------


def test_a_handler_adds_an_indicator(client):
    call = draft_call()
    login(client, handler_of(call))

    response = client.post(
        url("call_part_add", call.pk, "indicator"),
        {"name": "导通电阻", "target": "≤16", "unit": "mΩ"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == url("call_manage", call.pk)
    assert errors_shown(response) == []
    indicator = Indicator.objects.get(call=call)
    assert (indicator.name, indicator.target, indicator.unit) == ("导通电阻", "≤16", "mΩ")


@pytest.mark.parametrize(
    "posted",
    [
        {"name": "", "target": "≤16"},
        {"name": "导通电阻"},
        {"name": "指" * 121, "target": "≤16"},
        {"name": "导通电阻", "target": "≤16", "unit": "单" * 31},
    ],
)
def test_a_bad_indicator_is_explained_and_not_added(client, posted):
    call = draft_call()
    login(client, handler_of(call))

    response = client.post(url("call_part_add", call.pk, "indicator"), posted, follow=True)

    assert errors_shown(response)
    assert not Indicator.objects.exists()


def test_a_handler_adds_a_criterion(client):
    call = draft_call()
    login(client, handler_of(call))

    response = client.post(
        url("call_part_add", call.pk, "criterion"),
        {"name": "技术方案", "weight": "60", "max_score": "100", "description": "先进性"},
        follow=True,
    )

    assert errors_shown(response) == []
    criterion = Criterion.objects.get(call=call)
    assert (criterion.name, criterion.weight, criterion.max_score) == (
        "技术方案",
        Decimal("60"),
        100,
    )


@pytest.mark.parametrize(
    "posted",
    [
        {"name": "技术方案", "weight": "六十", "max_score": "100"},
        {"name": "技术方案", "weight": "0", "max_score": "100"},
        {"name": "技术方案", "weight": "60", "max_score": "1001"},
        {"name": "", "weight": "60", "max_score": "100"},
        {"name": "评" * 81, "weight": "60", "max_score": "100"},
    ],
)
def test_a_bad_criterion_is_explained_and_not_added(client, posted):
    call = draft_call()
    login(client, handler_of(call))

    response = client.post(url("call_part_add", call.pk, "criterion"), posted, follow=True)

    assert errors_shown(response)
    assert not Criterion.objects.exists()


def test_a_competition_criterion_needs_its_round(client):
    call = draft_call(kind=CallKind.COMPETITION)
    Round.objects.create(call=call, position=1, name="初赛", deadline=call.deadline)
    login(client, handler_of(call))

    response = client.post(
        url("call_part_add", call.pk, "criterion"),
        {"name": "技术方案", "weight": "60", "max_score": "100"},
        follow=True,
    )

    assert errors_shown(response)
    assert not Criterion.objects.exists()


def test_a_handler_adds_a_later_round_to_a_competition(client):
    call = draft_call(kind=CallKind.COMPETITION)
    Round.objects.create(call=call, position=1, name="初赛", deadline=call.deadline)
    login(client, handler_of(call))

    response = client.post(
        url("call_part_add", call.pk, "round"),
        {"name": "决赛", "deadline": in_days(60), "advance_count": "3"},
        follow=True,
    )

    assert errors_shown(response) == []
    final = Round.objects.get(call=call, position=2)
    assert (final.name, final.advance_count) == ("决赛", 3)


@pytest.mark.parametrize(
    "posted",
    [
        {"name": "决赛", "deadline": "下个月"},
        {"name": "", "deadline": in_days(60)},
        {"name": "决赛", "deadline": in_days(60), "advance_count": "0"},
        {"name": "决" * 41, "deadline": in_days(60)},
    ],
)
def test_a_bad_round_is_explained_and_not_added(client, posted):
    call = draft_call(kind=CallKind.COMPETITION)
    Round.objects.create(call=call, position=1, name="初赛", deadline=call.deadline)
    login(client, handler_of(call))

    response = client.post(url("call_part_add", call.pk, "round"), posted, follow=True)

    assert errors_shown(response)
    assert Round.objects.filter(call=call).count() == 1


def test_a_round_ending_before_the_previous_one_is_refused(client):
    call = draft_call(kind=CallKind.COMPETITION)
    Round.objects.create(call=call, position=1, name="初赛", deadline=call.deadline)
    login(client, handler_of(call))

    response = client.post(
        url("call_part_add", call.pk, "round"),
        {"name": "复赛", "deadline": in_days(2)},
        follow=True,
    )

    assert errors_shown(response)
    assert Round.objects.filter(call=call).count() == 1


def test_a_challenge_has_no_rounds(client):
    call = draft_call()
    login(client, handler_of(call))

    response = client.post(
        url("call_part_add", call.pk, "round"),
        {"name": "决赛", "deadline": in_days(60)},
        follow=True,
    )

    assert errors_shown(response)
    assert not Round.objects.exists()


def test_a_handler_sets_and_removes_a_bonus(client):
    call = draft_call()
    login(client, handler_of(call))
    add = url("call_part_add", call.pk, "bonus")

    client.post(add, {"condition": "with_institution", "points": "5"})
    assert BonusRule.objects.get(call=call).points == Decimal("5")

    client.post(add, {"condition": "with_institution", "points": ""})
    assert not BonusRule.objects.filter(call=call).exists()


@pytest.mark.parametrize(
    "posted",
    [
        {"condition": "with_institution", "points": "51"},
        {"condition": "with_institution", "points": "五"},
        {"condition": "lucky_number", "points": "5"},
    ],
)
def test_a_bad_bonus_is_explained_and_not_set(client, posted):
    call = draft_call()
    login(client, handler_of(call))

    response = client.post(url("call_part_add", call.pk, "bonus"), posted, follow=True)

    assert errors_shown(response)
    assert not BonusRule.objects.exists()


def test_a_handler_attaches_a_confidential_file(client):
    call = draft_call()
    login(client, handler_of(call))

    client.post(url("call_part_add", call.pk, "attachment"), {"file": pdf(), "confidential": "on"})

    attachment = CallAttachment.objects.get(call=call)
    assert attachment.confidential
    assert attachment.original_name == "技术说明.pdf"


@pytest.mark.parametrize("upload", ["disguised program", "no file"])
def test_a_bad_call_attachment_is_explained_and_not_stored(client, upload):
    call = draft_call()
    login(client, handler_of(call))
    posted = {"file": not_a_pdf()} if upload == "disguised program" else {}

    response = client.post(url("call_part_add", call.pk, "attachment"), posted, follow=True)

    assert errors_shown(response)
    assert not CallAttachment.objects.exists()


def test_an_unknown_part_is_not_found(client):
    call = draft_call()
    login(client, handler_of(call))

    response = client.post(url("call_part_add", call.pk, "prize"), {"name": "x"})

    assert response.status_code == 404


def test_an_issuer_member_not_handling_the_call_cannot_add_parts(client):
    call = draft_call()
    login(client, member_of(call.issuer, role=MembershipRole.MEMBER))

    response = client.post(
        url("call_part_add", call.pk, "indicator"),
        {"name": "导通电阻", "target": "≤16"},
        follow=True,
    )

    assert errors_shown(response)
    assert not Indicator.objects.exists()


def test_an_outsider_cannot_add_parts_to_a_draft(client):
    call = draft_call()
    login(client, member_of(OrganizationFactory()))

    response = client.post(
        url("call_part_add", call.pk, "indicator"), {"name": "导通电阻", "target": "≤16"}
    )

    assert response.status_code == 404
    assert not Indicator.objects.exists()


def test_parts_of_a_published_call_cannot_be_added(client):
    call = CallFactory()
    login(client, handler_of(call))

    response = client.post(
        url("call_part_add", call.pk, "indicator"),
        {"name": "导通电阻", "target": "≤16"},
        follow=True,
    )

    assert errors_shown(response)
    assert not Indicator.objects.exists()


@pytest.mark.parametrize("part", ["indicator", "criterion", "attachment"])
def test_a_handler_removes_a_part_of_a_draft(client, part):
    call = draft_call()
    item = {
        "indicator": lambda: IndicatorFactory(call=call),
        "criterion": lambda: CriterionFactory(call=call),
        "attachment": lambda: CallAttachment.objects.create(
            call=call, original_name="说明.pdf", file=ContentFile(PDF, name="a.pdf")
        ),
    }[part]()
    login(client, handler_of(call))

    response = client.post(url("call_part_remove", call.pk, part, item.pk), follow=True)

    assert response.redirect_chain[-1][0] == url("call_manage", call.pk)
    assert errors_shown(response) == []
    assert not type(item).objects.filter(pk=item.pk).exists()


def test_the_first_round_of_a_competition_cannot_be_removed(client):
    call = draft_call(kind=CallKind.COMPETITION)
    first = Round.objects.create(call=call, position=1, name="初赛", deadline=call.deadline)
    login(client, handler_of(call))

    response = client.post(url("call_part_remove", call.pk, "round", first.pk), follow=True)

    assert errors_shown(response)
    assert Round.objects.filter(pk=first.pk).exists()


def test_removing_a_part_twice_explains(client):
    call = draft_call()
    indicator = IndicatorFactory(call=call)
    login(client, handler_of(call))
    client.post(url("call_part_remove", call.pk, "indicator", indicator.pk))

    response = client.post(url("call_part_remove", call.pk, "indicator", indicator.pk), follow=True)

    assert errors_shown(response)


def test_a_part_of_another_call_is_not_removed(client):
    call = draft_call()
    other = IndicatorFactory(call=draft_call())
    login(client, handler_of(call))

    response = client.post(url("call_part_remove", call.pk, "indicator", other.pk), follow=True)

    assert errors_shown(response)
    assert Indicator.objects.filter(pk=other.pk).exists()


def test_removing_an_unknown_kind_of_part_is_not_found(client):
    call = draft_call()
    indicator = IndicatorFactory(call=call)
    login(client, handler_of(call))

    response = client.post(url("call_part_remove", call.pk, "bonus", indicator.pk))

    assert response.status_code == 404
    assert Indicator.objects.filter(pk=indicator.pk).exists()


def test_parts_of_a_published_call_are_not_removed(client):
    call = CallFactory()
    indicator = IndicatorFactory(call=call)
    login(client, handler_of(call))

    response = client.post(url("call_part_remove", call.pk, "indicator", indicator.pk), follow=True)

    assert errors_shown(response)
    assert Indicator.objects.filter(pk=indicator.pk).exists()


@pytest.mark.parametrize("who", ["outsider", "issuer member not handling"])
def test_only_handlers_remove_parts(client, who):
    call = draft_call()
    indicator = IndicatorFactory(call=call)
    actor = {
        "outsider": lambda: member_of(OrganizationFactory()),
        "issuer member not handling": lambda: member_of(call.issuer, role=MembershipRole.MEMBER),
    }[who]()
    login(client, actor)

    response = client.post(url("call_part_remove", call.pk, "indicator", indicator.pk))

    assert response.status_code in (302, 404)
    assert Indicator.objects.filter(pk=indicator.pk).exists()


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


def draft_application(**kwargs) -> Application:
    return ApplicationFactory(status=ApplicationStatus.DRAFT, submitted_at=None, **kwargs)


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


# --- consortium partners -------------------------------------------------------------------


def test_the_applicant_invites_a_partner(client):
    application = draft_application()
    institute = OrganizationFactory(kind=OrganizationKind.INSTITUTE)
    login(client, member_of(application.applicant))

    client.post(
        url("partner_invite", application.pk),
        {"organization": institute.credit_code, "role": "测试"},
    )

    partner = ConsortiumPartner.objects.get(application=application)
    assert (partner.organization, partner.status) == (institute, PartnerStatus.INVITED)


def test_a_partner_cannot_be_invited_to_a_submitted_application(client):
    application = ApplicationFactory()
    login(client, member_of(application.applicant))

    response = client.post(
        url("partner_invite", application.pk),
        {"organization": OrganizationFactory().credit_code},
        follow=True,
    )

    assert errors_shown(response)
    assert not ConsortiumPartner.objects.exists()


@pytest.mark.parametrize("who", ["outsider", "handler"])
def test_only_the_applicant_invites_partners(client, who):
    application = ApplicationFactory(status=ApplicationStatus.DRAFT)
    actor = {
        "outsider": lambda: member_of(OrganizationFactory()),
        "handler": lambda: handler_of(application.call),
    }[who]()
    login(client, actor)

    response = client.post(
        url("partner_invite", application.pk), {"organization": OrganizationFactory().credit_code}
    )

    assert response.status_code == 404
    assert not ConsortiumPartner.objects.exists()


def invited_partner() -> ConsortiumPartner:
    return ConsortiumPartner.objects.create(
        application=draft_application(), organization=OrganizationFactory()
    )


@pytest.mark.parametrize(
    ("answer", "status"),
    [("confirm", PartnerStatus.CONFIRMED), ("decline", PartnerStatus.DECLINED)],
)
def test_the_invited_organization_answers(client, answer, status):
    partner = invited_partner()
    responder = login(client, member_of(partner.organization))

    response = client.post(url("partner_respond", partner.pk, answer))

    assert response["Location"] == partner.application.get_absolute_url()
    partner.refresh_from_db()
    assert (partner.status, partner.responded_by) == (status, responder)


def test_an_invitation_is_answered_only_once(client):
    partner = invited_partner()
    login(client, member_of(partner.organization))
    client.post(url("partner_respond", partner.pk, "decline"))

    response = client.post(url("partner_respond", partner.pk, "confirm"), follow=True)

    assert errors_shown(response)
    partner.refresh_from_db()
    assert partner.status == PartnerStatus.DECLINED


def test_a_plain_member_of_the_invited_organization_cannot_answer(client):
    partner = invited_partner()
    login(client, member_of(partner.organization, role=MembershipRole.MEMBER))

    response = client.post(url("partner_respond", partner.pk, "confirm"), follow=True)

    assert errors_shown(response)
    partner.refresh_from_db()
    assert partner.status == PartnerStatus.INVITED


@pytest.mark.parametrize(
    ("who", "answer"),
    [("outsider", "confirm"), ("lead applicant", "confirm"), ("invited admin", "maybe")],
)
def test_others_and_other_answers_are_not_found(client, who, answer):
    partner = invited_partner()
    actor = {
        "outsider": lambda: member_of(OrganizationFactory()),
        "lead applicant": lambda: member_of(partner.application.applicant),
        "invited admin": lambda: member_of(partner.organization),
    }[who]()
    login(client, actor)

    response = client.post(url("partner_respond", partner.pk, answer))

    assert response.status_code == 404
    partner.refresh_from_db()
    assert partner.status == PartnerStatus.INVITED


def test_the_applicant_removes_a_partner(client):
    partner = invited_partner()
    login(client, member_of(partner.application.applicant))

    response = client.post(url("partner_remove", partner.pk))

    assert response["Location"] == partner.application.get_absolute_url()
    assert not ConsortiumPartner.objects.filter(pk=partner.pk).exists()


def test_the_invited_partner_cannot_remove_itself_through_the_lead_button(client):
    partner = invited_partner()
    login(client, member_of(partner.organization))

    response = client.post(url("partner_remove", partner.pk), follow=True)

    assert errors_shown(response)
    assert ConsortiumPartner.objects.filter(pk=partner.pk).exists()


def test_partners_of_a_submitted_application_stay(client):
    partner = invited_partner()
    Application.objects.filter(pk=partner.application_id).update(status=ApplicationStatus.SUBMITTED)
    login(client, member_of(partner.application.applicant))

    response = client.post(url("partner_remove", partner.pk), follow=True)

    assert errors_shown(response)
    assert ConsortiumPartner.objects.filter(pk=partner.pk).exists()


def test_an_outsider_cannot_remove_a_partner(client):
    partner = invited_partner()
    login(client, member_of(OrganizationFactory()))

    response = client.post(url("partner_remove", partner.pk))

    assert response.status_code == 404
    assert ConsortiumPartner.objects.filter(pk=partner.pk).exists()


# --- application attachments ---------------------------------------------------------------


def test_the_applicant_attaches_a_file(client):
    application = draft_application()
    login(client, member_of(application.applicant))

    response = client.post(url("application_attachment_add", application.pk), {"file": pdf()})

    assert response["Location"] == application.get_absolute_url()
    attachment = ApplicationAttachment.objects.get(application=application)
    assert attachment.original_name == "技术说明.pdf"
    assert attachment.file.storage.exists(attachment.file.name)


@pytest.mark.parametrize("upload", ["disguised program", "no file", "empty file"])
def test_a_bad_application_attachment_is_explained_and_not_stored(client, upload):
    application = draft_application()
    login(client, member_of(application.applicant))
    posted = {
        "disguised program": lambda: {"file": not_a_pdf()},
        "no file": dict,
        "empty file": lambda: {"file": SimpleUploadedFile("空.pdf", b"")},
    }[upload]()

    response = client.post(url("application_attachment_add", application.pk), posted, follow=True)

    assert errors_shown(response)
    assert not ApplicationAttachment.objects.exists()


def test_an_application_holds_at_most_ten_attachments(client):
    application = draft_application()
    for number in range(10):
        ApplicationAttachment.objects.create(
            application=application,
            original_name=f"附件{number}.pdf",
            file=ContentFile(PDF, name=f"a{number}.pdf"),
        )
    login(client, member_of(application.applicant))

    response = client.post(
        url("application_attachment_add", application.pk), {"file": pdf()}, follow=True
    )

    assert errors_shown(response)
    assert application.attachments.count() == 10


def test_a_handler_cannot_attach_files_to_an_application(client):
    application = ApplicationFactory()
    login(client, handler_of(application.call))

    response = client.post(
        url("application_attachment_add", application.pk), {"file": pdf()}, follow=True
    )

    assert errors_shown(response)
    assert not ApplicationAttachment.objects.exists()


def test_an_outsider_cannot_attach_files(client):
    application = draft_application()
    login(client, member_of(OrganizationFactory()))

    response = client.post(url("application_attachment_add", application.pk), {"file": pdf()})

    assert response.status_code == 404
    assert not ApplicationAttachment.objects.exists()


def an_attachment(application=None) -> ApplicationAttachment:
    return ApplicationAttachment.objects.create(
        application=application or draft_application(),
        original_name="方案.pdf",
        file=ContentFile(PDF, name="stored.pdf"),
    )


def test_parties_download_an_attachment_and_outsiders_do_not_find_it(client):
    attachment = an_attachment(ApplicationFactory())
    download = url("application_attachment", attachment.pk)

    login(client, handler_of(attachment.application.call))
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]

    login(client, member_of(OrganizationFactory()))
    assert client.get(download).status_code == 404


def test_the_applicant_removes_an_attachment(client):
    attachment = an_attachment()
    login(client, member_of(attachment.application.applicant))

    response = client.post(url("application_attachment_remove", attachment.pk))

    assert response["Location"] == attachment.application.get_absolute_url()
    assert not ApplicationAttachment.objects.filter(pk=attachment.pk).exists()


def test_a_handler_cannot_remove_an_applicants_attachment(client):
    attachment = an_attachment(ApplicationFactory())
    login(client, handler_of(attachment.application.call))

    response = client.post(url("application_attachment_remove", attachment.pk), follow=True)

    assert errors_shown(response)
    assert ApplicationAttachment.objects.filter(pk=attachment.pk).exists()


def test_attachments_stay_once_the_application_is_past_submission(client):
    attachment = an_attachment(ApplicationFactory(status=ApplicationStatus.ELIGIBLE))
    login(client, member_of(attachment.application.applicant))

    response = client.post(url("application_attachment_remove", attachment.pk), follow=True)

    assert errors_shown(response)
    assert ApplicationAttachment.objects.filter(pk=attachment.pk).exists()


def test_an_outsider_cannot_remove_an_attachment(client):
    attachment = an_attachment()
    login(client, member_of(OrganizationFactory()))

    response = client.post(url("application_attachment_remove", attachment.pk))

    assert response.status_code == 404
    assert ApplicationAttachment.objects.filter(pk=attachment.pk).exists()


# --- experts and score sheets --------------------------------------------------------------


def eligible_application() -> Application:
    call = CallFactory(status=CallStatus.EVALUATING)
    return ApplicationFactory(call=call, status=ApplicationStatus.ELIGIBLE)


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


# --- milestones ----------------------------------------------------------------------------


def a_winner(call_status=CallStatus.AWARDED) -> Application:
    call = CallFactory(status=call_status)
    return ApplicationFactory(call=call, status=ApplicationStatus.AWARDED)


def milestone_data(**overrides) -> dict:
    return {
        "title": "样品交付",
        "due_date": (timezone.localdate() + timedelta(days=90)).isoformat(),
        "deliverables": "10套样品及测试报告",
        **overrides,
    }


def test_a_handler_proposes_a_milestone_to_a_winner(client):
    application = a_winner()
    login(client, handler_of(application.call))

    response = client.post(url("milestone_propose", application.pk), milestone_data(), follow=True)

    assert successes_shown(response)
    milestone = Milestone.objects.get(application=application)
    assert (milestone.title, milestone.status) == ("样品交付", MilestoneStatus.PROPOSED)


@pytest.mark.parametrize(
    "overrides",
    [
        {"title": ""},
        {"title": "里" * 121},
        {"due_date": "下个季度"},
        {"due_date": (timezone.localdate() - timedelta(days=1)).isoformat()},
        {"deliverables": ""},
    ],
)
def test_a_bad_milestone_is_explained_and_not_proposed(client, overrides):
    application = a_winner()
    login(client, handler_of(application.call))

    response = client.post(
        url("milestone_propose", application.pk), milestone_data(**overrides), follow=True
    )

    assert errors_shown(response)
    assert not Milestone.objects.exists()


def test_the_winner_cannot_propose_its_own_milestones(client):
    application = a_winner()
    login(client, member_of(application.applicant))

    response = client.post(url("milestone_propose", application.pk), milestone_data(), follow=True)

    assert errors_shown(response)
    assert not Milestone.objects.exists()


def test_an_outsider_cannot_propose_milestones(client):
    application = a_winner()
    login(client, member_of(OrganizationFactory()))

    response = client.post(url("milestone_propose", application.pk), milestone_data())

    assert response.status_code == 404
    assert not Milestone.objects.exists()


def test_the_winner_agrees_a_proposed_milestone(client):
    milestone = MilestoneFactory(application=a_winner())
    login(client, member_of(milestone.application.applicant))

    client.post(url("milestone_transition", milestone.pk, "agree"))

    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.AGREED


def test_a_handler_cannot_agree_in_the_winners_place(client):
    milestone = MilestoneFactory(application=a_winner())
    login(client, handler_of(milestone.application.call))

    response = client.post(url("milestone_transition", milestone.pk, "agree"), follow=True)

    assert errors_shown(response)
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.PROPOSED


def test_a_handler_removes_a_milestone_not_yet_agreed(client):
    milestone = MilestoneFactory(application=a_winner())
    login(client, handler_of(milestone.application.call))

    client.post(url("milestone_transition", milestone.pk, "remove"))

    assert not Milestone.objects.filter(pk=milestone.pk).exists()


def test_an_agreed_milestone_is_not_removed(client):
    milestone = MilestoneFactory(application=a_winner(), status=MilestoneStatus.AGREED)
    login(client, handler_of(milestone.application.call))

    response = client.post(url("milestone_transition", milestone.pk, "remove"), follow=True)

    assert errors_shown(response)
    assert Milestone.objects.filter(pk=milestone.pk).exists()


def test_the_winner_reports_progress_with_a_file(client):
    milestone = MilestoneFactory(
        application=a_winner(CallStatus.IN_PROGRESS), status=MilestoneStatus.AGREED
    )
    login(client, member_of(milestone.application.applicant))

    client.post(
        url("milestone_transition", milestone.pk, "report"),
        {"report": "已交付10套样品", "file": pdf("测试报告.pdf")},
    )

    milestone.refresh_from_db()
    assert (milestone.status, milestone.report) == (MilestoneStatus.SUBMITTED, "已交付10套样品")
    assert milestone.report_file_name == "测试报告.pdf"


@pytest.mark.parametrize("posted", ["no report", "disguised file"])
def test_a_bad_progress_report_is_explained_and_not_recorded(client, posted):
    milestone = MilestoneFactory(
        application=a_winner(CallStatus.IN_PROGRESS), status=MilestoneStatus.AGREED
    )
    login(client, member_of(milestone.application.applicant))
    data = {"report": ""} if posted == "no report" else {"report": "进展", "file": not_a_pdf()}

    response = client.post(url("milestone_transition", milestone.pk, "report"), data, follow=True)

    assert errors_shown(response)
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.AGREED
    assert not milestone.report_file


def test_progress_is_not_reported_before_work_starts(client):
    milestone = MilestoneFactory(application=a_winner(), status=MilestoneStatus.AGREED)
    login(client, member_of(milestone.application.applicant))

    response = client.post(
        url("milestone_transition", milestone.pk, "report"), {"report": "提前汇报"}, follow=True
    )

    assert errors_shown(response)
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.AGREED


def reported_milestone() -> Milestone:
    return MilestoneFactory(
        application=a_winner(CallStatus.IN_PROGRESS),
        status=MilestoneStatus.SUBMITTED,
        report="已交付",
    )


def test_a_handler_accepts_a_reported_milestone(client):
    milestone = reported_milestone()
    login(client, handler_of(milestone.application.call))

    client.post(url("milestone_transition", milestone.pk, "accept"), {"reason": "合格"})

    milestone.refresh_from_db()
    assert (milestone.status, milestone.review_note) == (MilestoneStatus.ACCEPTED, "合格")


def test_returning_a_milestone_needs_a_reason(client):
    milestone = reported_milestone()
    login(client, handler_of(milestone.application.call))

    response = client.post(
        url("milestone_transition", milestone.pk, "return"), {"reason": ""}, follow=True
    )
    assert errors_shown(response)
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.SUBMITTED

    client.post(url("milestone_transition", milestone.pk, "return"), {"reason": "缺测试报告"})
    milestone.refresh_from_db()
    assert (milestone.status, milestone.review_note) == (MilestoneStatus.RETURNED, "缺测试报告")


def test_the_winner_cannot_accept_its_own_milestone(client):
    milestone = reported_milestone()
    login(client, member_of(milestone.application.applicant))

    response = client.post(url("milestone_transition", milestone.pk, "accept"), follow=True)

    assert errors_shown(response)
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.SUBMITTED


@pytest.mark.parametrize(("who", "action"), [("outsider", "accept"), ("handler", "approve")])
def test_outsiders_and_unknown_milestone_actions_are_not_found(client, who, action):
    milestone = reported_milestone()
    actor = {
        "outsider": lambda: member_of(OrganizationFactory()),
        "handler": lambda: handler_of(milestone.application.call),
    }[who]()
    login(client, actor)

    response = client.post(url("milestone_transition", milestone.pk, action))

    assert response.status_code == 404
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.SUBMITTED


def test_the_report_file_is_downloaded_by_the_parties_only(client):
    milestone = reported_milestone()
    milestone.report_file.save("stored.pdf", ContentFile(PDF))
    milestone.report_file_name = "测试报告.pdf"
    milestone.save()
    download = url("milestone_file", milestone.pk)

    login(client, handler_of(milestone.application.call))
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF

    login(client, member_of(milestone.application.applicant))
    assert client.get(download).status_code == 200

    login(client, member_of(OrganizationFactory()))
    assert client.get(download).status_code == 404


def test_a_milestone_without_a_file_has_nothing_to_download(client):
    milestone = reported_milestone()
    login(client, handler_of(milestone.application.call))

    assert client.get(url("milestone_file", milestone.pk)).status_code == 404


# --- handlers ------------------------------------------------------------------------------


def test_an_issuer_administrator_adds_a_handler(client):
    call = CallFactory()
    colleague = member_of(call.issuer, role=MembershipRole.MEMBER)
    login(client, member_of(call.issuer))

    response = client.post(url("handler_add", call.pk), {"user": colleague.pk})

    assert response["Location"] == url("call_manage", call.pk)
    assert colleague in call.handlers.all()


# --- call attachments ----------------------------------------------------------------------


def test_a_confidential_call_file_is_downloaded_only_after_the_terms(client):
    call = CallFactory(terms="不得向第三方披露。")
    public = CallAttachment.objects.create(
        call=call, original_name="公开.pdf", file=ContentFile(PDF, name="p.pdf")
    )
    secret = CallAttachment.objects.create(
        call=call, original_name="保密.pdf", file=ContentFile(PDF, name="s.pdf"), confidential=True
    )
    organization = OrganizationFactory()
    login(client, member_of(organization))

    assert client.get(url("call_attachment", public.pk)).status_code == 200
    assert client.get(url("call_attachment", secret.pk)).status_code == 404

    TermsAcceptance.objects.create(call=call, organization=organization)
    response = client.get(url("call_attachment", secret.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_the_files_of_a_draft_call_are_hidden_from_outsiders(client):
    attachment = CallAttachment.objects.create(
        call=draft_call(), original_name="草稿.pdf", file=ContentFile(PDF, name="d.pdf")
    )
    login(client, member_of(OrganizationFactory()))

    assert client.get(url("call_attachment", attachment.pk)).status_code == 404
