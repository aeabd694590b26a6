"""What the pages say: quotas, stages, amounts, weights, what happened, and confirmations.

The UI is Chinese first. New wording is checked in English (its translation follows); in
Chinese, the pages must no longer say what was misleading.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import OrganizationKind
from challenges import services
from challenges.models import ApplicationStatus, CallKind, CallStatus
from reference.templatetags.numbers import percent, share, yuan
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    AssignmentFactory,
    CallFactory,
    CriterionFactory,
    OrganizationFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# --- amounts and shares ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "chinese", "english_text"),
    [
        (Decimal("3000000.00"), "300万元", "¥3,000,000"),
        (Decimal("125000"), "12.5万元", "¥125,000"),
        (Decimal("1234500"), "123.45万元", "¥1,234,500"),
        (Decimal("9800"), "9,800元", "¥9,800"),
        (Decimal("9800.5"), "9,800.50元", "¥9,800.50"),
        (Decimal("1234567"), "1,234,567元", "¥1,234,567"),
        (Decimal("0"), "0元", "¥0"),
        (None, "", ""),
    ],
)
def test_yuan_reads_like_an_amount(amount, chinese, english_text):
    with translation.override("zh-hans"):
        assert yuan(amount) == chinese
    with translation.override("en"):
        assert yuan(amount) == english_text


@pytest.mark.parametrize(
    ("value", "total", "expected"),
    [
        (Decimal("40.00"), Decimal("100"), "40%"),
        (Decimal("1"), Decimal("3"), "33.3%"),
        (Decimal("70"), Decimal("70"), "100%"),
        (Decimal("5"), Decimal("0"), ""),
        (None, Decimal("10"), ""),
    ],
)
def test_share_is_a_percentage_of_the_total(value, total, expected):
    assert share(value, total) == expected


def test_percent_of_a_ratio():
    assert (percent(Decimal("0.4")), percent("0.125"), percent("x")) == ("40%", "12.5%", "")


def test_every_amount_on_the_call_pages_reads_in_wan(client):
    call = CallFactory(amount=Decimal("3000000.00"))
    application = ApplicationFactory(call=call, budget=Decimal("125000"))
    client.force_login(member_of(application.applicant))

    for url in (
        reverse("challenges:call_list"),
        call.get_absolute_url(),
        application.get_absolute_url(),
    ):
        text = page(client, url)
        assert "3000000" not in text and "3,000,000.00" not in text, url
        assert "125000" not in text, url
    assert "300万元" in page(client, reverse("challenges:call_list"))
    assert "300万元" in page(client, call.get_absolute_url())
    assert "12.5万元" in page(client, application.get_absolute_url())


def test_the_expert_reads_the_budget_in_wan_and_weights_as_shares(client):
    call = CallFactory(status=CallStatus.EVALUATING)
    CriterionFactory(call=call, name="技术方案", weight=Decimal("60"))
    CriterionFactory(call=call, name="团队", weight=Decimal("40"))
    assignment = AssignmentFactory(
        application=ApplicationFactory(call=call, status="eligible", budget=Decimal("9800"))
    )
    client.force_login(assignment.expert.user)

    text = page(english(client), reverse("challenges:review_sheet", args=[assignment.pk]))

    assert "¥9,800" in text
    assert "weight 60%" in text and "weight 40%" in text
    assert "40.00" not in text


def test_rubric_weights_read_as_shares_of_the_rubric(client):
    call = CallFactory()
    CriterionFactory(call=call, name="技术方案", weight=Decimal("60.00"))
    CriterionFactory(call=call, name="团队", weight=Decimal("20.00"))
    client.force_login(handler_of(call))

    for url in (
        call.get_absolute_url(),
        reverse("challenges:call_manage", args=[call.pk]),
    ):
        text = page(client, url)
        assert "75%" in text and "25%" in text, url
        assert "<td>60.00</td>" not in text, url


# --- quotas and stages ----------------------------------------------------------------------


def test_an_open_call_states_a_quota_not_winners(client):
    call = CallFactory(winner_cap=3)

    for url in (reverse("challenges:call_list"), call.get_absolute_url()):
        assert "3 家揭榜成功单位" not in page(client, url)
        assert "揭榜成功单位</dt>" not in page(client, url)
        assert "Up to 3 supported (horse race)" in page(english(client), url)
        client.cookies.clear()


@pytest.mark.parametrize(
    ("status", "says"),
    [
        (CallStatus.DRAFT, "Not published yet"),
        (CallStatus.REJECTED, "Not published yet"),
        (CallStatus.PENDING_REVIEW, "Awaiting review by the platform"),
    ],
)
def test_an_unpublished_call_does_not_say_applications_are_closed(client, status, says):
    call = CallFactory(status=status, published_at=None)
    client.force_login(member_of(call.issuer))

    assert "揭榜已截止" not in page(client, call.get_absolute_url())
    text = page(english(client), call.get_absolute_url())
    assert says in text
    assert "Applications are closed." not in text


def test_a_closed_call_still_says_applications_are_closed(client):
    call = CallFactory(status=CallStatus.CLOSED, deadline=timezone.now() - timedelta(days=1))
    assert "揭榜已截止" in page(client, call.get_absolute_url())


# --- what happened, what happens next -------------------------------------------------------


def test_submitting_an_application_says_what_happens_next(client):
    call = CallFactory()
    user = member_of(OrganizationFactory())
    application = services.application_create(
        actor=user, call=call, data={"technical_approach": "方案"}
    )
    client.force_login(user)
    url = reverse("challenges:application_transition", args=[application.pk, "submit"])

    response = english(client).post(url, follow=True)

    assert (
        "Submitted; you can still change it until the deadline, then the issuer checks "
        "eligibility." in response.content.decode()
    )
    assert "Done." not in response.content.decode()


@pytest.mark.parametrize(
    ("status", "action", "says"),
    [
        (CallStatus.PENDING_REVIEW, "publish", "Published; the call takes applications"),
        (CallStatus.PENDING_REVIEW, "reject", "Sent back with your reason"),
        (CallStatus.PUBLISHED, "withdraw", "The call is withdrawn; its applicants are told."),
    ],
)
def test_call_moves_say_what_happened(client, status, action, says):
    call = CallFactory(status=status)
    client.force_login(AdminUserFactory())

    response = english(client).post(
        reverse("challenges:call_transition", args=[call.pk, action]),
        {"reason": "材料不全"},
        follow=True,
    )

    text = response.content.decode()
    assert says in text
    assert "Done:" not in text


def test_no_success_message_in_chinese_just_says_done(client):
    call = CallFactory(status=CallStatus.PENDING_REVIEW)
    client.force_login(AdminUserFactory())

    response = client.post(
        reverse("challenges:call_transition", args=[call.pk, "publish"]), follow=True
    )

    assert "操作成功" not in response.content.decode()


# --- labels ---------------------------------------------------------------------------------


def test_chinese_labels_on_the_review_pages_end_without_ascii_colons(client):
    call = CallFactory(status=CallStatus.EVALUATING)
    criterion = CriterionFactory(call=call, name="技术方案")
    application = ApplicationFactory(call=call, status="eligible")
    assignment = services.expert_assign(
        actor=handler_of(call), application=application, expert=AssignmentFactory().expert
    )
    services.review_save(
        actor=assignment.expert.user,
        assignment=assignment,
        scores={criterion.pk: (80, "")},
        comment="",
    )
    services.review_submit(actor=assignment.expert.user, assignment=assignment)
    client.force_login(assignment.expert.user)

    sheet = page(client, reverse("challenges:review_sheet", args=[assignment.pk]))
    detail = page(client, application.get_absolute_url())

    assert "评分表:" not in sheet
    assert "技术方案</b>:" not in sheet
    assert "技术方案:" not in detail


# --- confirmations ---------------------------------------------------------------------------


def forms_with_confirm(text: str) -> list[str]:
    return [
        chunk.split(">", 1)[0]
        for chunk in text.split("<form")[1:]
        if "data-confirm=" in chunk.split(">", 1)[0]
    ]


def test_publishing_asks_first_and_only_moves_with_a_reason_have_a_reason_box(client):
    call = CallFactory(status=CallStatus.PENDING_REVIEW)
    client.force_login(AdminUserFactory())

    text = page(english(client), call.get_absolute_url())

    publish = reverse("challenges:call_transition", args=[call.pk, "publish"])
    confirmed = forms_with_confirm(text)
    assert any(publish in form for form in confirmed)
    assert any("withdraw" in form for form in confirmed)
    # each form holds at most its own reason box: publish none, reject and withdraw one each
    forms = text.split("<form")[1:]
    boxes = {
        action: next(f for f in forms if f'/do/{action}/"' in f.split(">", 1)[0])
        .split("</form>")[0]
        .count('name="reason"')
        for action in ("publish", "reject", "withdraw")
    }
    assert boxes == {"publish": 0, "reject": 1, "withdraw": 1}
    assert text.count('id="reason-reject"') == 1
    assert text.count('id="reason-withdraw"') == 1


def test_terminating_asks_first(client):
    call = CallFactory(status=CallStatus.AWARDED)
    client.force_login(handler_of(call))

    text = page(client, reverse("challenges:call_manage", args=[call.pk]))

    terminate = reverse("challenges:call_transition", args=[call.pk, "terminate"])
    assert any(terminate in form for form in forms_with_confirm(text))


def test_proposing_a_winner_asks_first(client):
    call = CallFactory(status=CallStatus.EVALUATING)
    application = ApplicationFactory(call=call, status=ApplicationStatus.SHORTLISTED)
    client.force_login(handler_of(call))

    text = page(client, reverse("challenges:call_manage", args=[call.pk]) + "?tab=applications")

    propose = reverse("challenges:award_propose", args=[application.pk])
    assert any(propose in form for form in forms_with_confirm(text))


def test_publicizing_asks_first(client):
    call = CallFactory(status=CallStatus.EVALUATING, panel_closed_at=timezone.now())
    application = ApplicationFactory(call=call, status=ApplicationStatus.SHORTLISTED)
    issuer = handler_of(call)
    services.award_propose(actor=issuer, application=application)
    client.force_login(issuer)

    text = page(client, reverse("challenges:call_manage", args=[call.pk]))

    publicize = reverse("challenges:call_transition", args=[call.pk, "publicize"])
    assert any(publicize in form for form in forms_with_confirm(text))


def test_withdrawing_an_application_asks_first(client):
    application = ApplicationFactory(call=CallFactory())
    client.force_login(member_of(application.applicant))

    text = page(client, application.get_absolute_url())

    withdraw = reverse("challenges:application_transition", args=[application.pk, "withdraw"])
    assert any(withdraw in form for form in forms_with_confirm(text))


def test_submitting_final_scores_asks_first_but_saving_a_draft_does_not(client):
    call = CallFactory(status=CallStatus.EVALUATING)
    CriterionFactory(call=call)
    assignment = AssignmentFactory(application=ApplicationFactory(call=call, status="eligible"))
    client.force_login(assignment.expert.user)

    text = page(client, reverse("challenges:review_sheet", args=[assignment.pk]))

    buttons = [b.split(">", 1)[0] for b in text.split("<button")[1:]]
    final = next(b for b in buttons if 'name="submit" value="1"' in b)
    draft = next(b for b in buttons if 'name="submit" value="0"' in b)
    assert "data-confirm=" in final
    assert "data-confirm=" not in draft


def test_a_verification_issuer_that_is_not_an_enterprise_is_no_user_firm(client):
    government = OrganizationFactory(kind=OrganizationKind.GOVERNMENT)
    call = CallFactory(kind=CallKind.VERIFICATION, issuer=government)
    assert services.default_user_firm(call) is None
