"""Drafting and editing a call through its form."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import MembershipRole, OrganizationKind
from challenges.models import Call, CallKind, CallStatus
from tests.challenges.forms_posted.helpers import draft_call, in_days, login, url
from tests.factories import CallFactory, OrganizationFactory, handler_of, member_of

pytestmark = pytest.mark.django_db


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
