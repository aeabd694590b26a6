"""A call goes from a lead enterprise's draft to an SME's submitted application, in a browser."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import OrganizationKind
from challenges.models import Application, ApplicationStatus, Call, CallStatus
from tests.factories import AdminUserFactory, OrganizationFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, user) -> None:
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "secret-pass-1")
    page.click("form button[type=submit]")
    page.wait_for_url("**/dashboard/")


def test_issue_publish_and_take_up_a_call(page):
    lead = OrganizationFactory(kind=OrganizationKind.LEAD, name="上海华准集成电路制造有限公司")
    issuer = member_of(lead)
    admin = AdminUserFactory()
    sme = member_of(OrganizationFactory(name="无锡砺芯功率半导体有限公司"))

    # the lead enterprise drafts a technical challenge
    log_in(page, issuer)
    page.goto("/calls/new/")
    page.click("text=技术攻关榜")
    page.fill("#id_title", "车规级SiC MOSFET栅氧可靠性提升工艺攻关")
    page.fill("#id_summary", "征集栅氧界面态控制方案")
    page.fill("#id_details", "HTGB漂移需降至0.2V以下")
    deadline = (timezone.localtime() + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M")
    page.fill("#id_deadline", deadline)
    page.fill("#id_amount", "3000000")
    page.click("button:has-text('保存草稿')")
    page.wait_for_selector("text=技术指标")

    # adds an indicator and a criterion, then submits for review
    page.fill("#id_name", "HTGB阈值漂移")
    page.fill("#id_target", "≤0.2")
    page.fill("#id_unit", "V")
    page.click("button:has-text('添加指标')")
    page.wait_for_selector("td:has-text('HTGB阈值漂移')")
    criterion_form = page.locator("form", has=page.locator("button:has-text('添加评分项')"))
    criterion_form.locator("input[name=name]").fill("技术方案")
    criterion_form.locator("input[name=weight]").fill("100")
    criterion_form.locator("button").click()
    page.wait_for_selector("td:has-text('技术方案')")
    page.click("button:has-text('提交审核')")
    page.wait_for_selector(".alert-success")
    call = Call.objects.get(title="车规级SiC MOSFET栅氧可靠性提升工艺攻关")
    assert call.status == CallStatus.PENDING_REVIEW

    # an administrator publishes it
    log_in(page, admin)
    page.goto("/review/")
    page.locator("div.row-between", has_text=call.title).locator("button:has-text('发布')").click()
    page.wait_for_selector(".alert-success")
    call.refresh_from_db()
    assert call.status == CallStatus.PUBLISHED

    # an SME finds it, takes it up and submits an application
    log_in(page, sme)
    page.goto("/calls/?open=1")
    page.click(f"text={call.title}")
    page.click("button:has-text('揭榜')")
    page.wait_for_selector("#id_technical_approach")
    page.fill("#id_technical_approach", "高温氮化与磷钝化复合退火")
    indicator = call.indicators.get()
    page.fill(f"#id_indicator_{indicator.pk}", "实测0.15V")
    page.click("button:has-text('保存')")
    page.click("button:has-text('提交揭榜申请')")
    page.wait_for_selector(".alert-success")
    application = Application.objects.get(call=call)
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.indicator_responses.get().response == "实测0.15V"
