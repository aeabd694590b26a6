"""Journey in Chromium: a lead enterprise issues a challenge and a little giant takes it up."""

from decimal import Decimal

import pytest

from accounts.models import OrganizationKind, QualificationLevel
from challenges.models import (
    Application,
    ApplicationStatus,
    Call,
    CallStatus,
    ConsortiumPartner,
    PartnerStatus,
    Question,
    TermsAcceptance,
)
from tests.e2e.conftest import log_in
from tests.e2e.journeys import PDF, expect_success, in_days
from tests.factories import AdminUserFactory, OrganizationFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_lead_enterprise_issues_a_challenge_and_a_little_giant_takes_it_up(
    page, screenshots, indexing, tmp_path
):
    # given a lead enterprise, an administrator, a little giant and a university
    lead = OrganizationFactory(kind=OrganizationKind.LEAD, name="上海华准集成电路制造有限公司")
    issuer = member_of(lead)
    admin = AdminUserFactory()
    little_giant = OrganizationFactory(
        name="无锡砺芯功率半导体有限公司", qualification_level=QualificationLevel.NATIONAL
    )
    sme_user = member_of(little_giant)
    university = OrganizationFactory(kind=OrganizationKind.UNIVERSITY, name="江南理工大学")
    university_admin = member_of(university)
    attachment = tmp_path / "栅氧可靠性测试规范.pdf"
    attachment.write_bytes(PDF)

    # 1. the lead enterprise drafts a technical challenge with an indicator and an attachment
    log_in(page, issuer)
    page.goto("/calls/new/")
    page.click("text=技术攻关榜")
    page.fill("#id_title", "车规级SiC功率芯片栅氧可靠性提升工艺攻关")
    page.fill("#id_summary", "征集碳化硅功率芯片栅氧界面态控制与可靠性提升方案")
    page.fill("#id_details", "HTGB阈值漂移需降至0.2V以下，详见测试规范。")
    page.fill("#id_terms", "揭榜方须对详细需求与附件保密。")
    page.fill("#id_deadline", in_days(30))
    page.fill("#id_amount", "3000000")
    page.click("button:has-text('保存草稿')")
    page.wait_for_selector("text=技术指标")
    # indicators, rubric rows and attachments are added in place, without reloading the page
    page.evaluate("window.notReloaded = true")
    page.fill("#id_name", "HTGB阈值漂移")
    page.fill("#id_target", "≤0.2")
    page.fill("#id_unit", "V")
    page.click("button:has-text('添加指标')")
    page.wait_for_selector("td:has-text('HTGB阈值漂移')")
    rubric = page.locator("form", has=page.locator("button:has-text('添加评分项')"))
    rubric.locator("input[name=name]").fill("技术方案")
    rubric.locator("input[name=weight]").fill("60")
    rubric.locator("button").click()
    page.wait_for_selector("td:has-text('技术方案')")
    rubric = page.locator("form", has=page.locator("button:has-text('添加评分项')"))
    rubric.locator("input[name=name]").fill("团队与基础")
    rubric.locator("input[name=weight]").fill("40")
    rubric.locator("button").click()
    page.wait_for_selector("td:has-text('团队与基础')")
    upload = page.locator("form", has=page.locator("button:has-text('上传')"))
    upload.locator("input[type=file]").set_input_files(str(attachment))
    upload.locator("input[name=confidential]").check()
    upload.locator("button").click()
    page.wait_for_selector("a:has-text('栅氧可靠性测试规范.pdf')")
    assert page.evaluate("window.notReloaded === true")
    screenshots(page, "issuer-workspace-draft")
    assert page.locator("text=60%").count() >= 1  # weights read as shares of the rubric
    page.click("button:has-text('提交审核')")
    expect_success(page)
    call = Call.objects.get(title="车规级SiC功率芯片栅氧可靠性提升工艺攻关")
    assert call.status == CallStatus.PENDING_REVIEW
    assert call.attachments.get().confidential

    # 2. an administrator publishes it from the review queue
    log_in(page, admin)
    page.goto("/review/")
    screenshots(page, "review-queue")
    page.locator("div.row-between", has_text=call.title).locator("button:has-text('发布')").click()
    expect_success(page)
    call.refresh_from_db()
    assert call.status == CallStatus.PUBLISHED

    # 3. the little giant finds it by a Chinese search with a synonym (集成电路 = 芯片)
    log_in(page, sme_user)
    page.goto("/search/?q=集成电路 栅氧")
    page.wait_for_selector(f"a:has-text('{call.title[:8]}')")
    screenshots(page, "search-with-synonym")
    page.locator("#results a", has_text="栅氧可靠性").first.click()
    page.wait_for_selector("h1:has-text('栅氧可靠性')")
    assert page.locator("text=300万元").count() >= 1
    screenshots(page, "call-page-before-terms")

    # 4. accepts the terms, then reads the confidential details
    page.click("text=接受保密条款后揭榜")
    page.click("button:has-text('代表本机构接受')")
    expect_success(page)
    assert TermsAcceptance.objects.filter(call=call, organization=little_giant).exists()
    page.wait_for_selector("text=HTGB阈值漂移需降至0.2V以下")

    # 5. asks a clarification question
    page.click("summary:has-text('提问')")
    page.fill("form[action$='/questions/'] textarea", "HTGB测试温度是175℃还是150℃？")
    page.click("form[action$='/questions/'] button")
    expect_success(page)
    assert Question.objects.filter(call=call, organization=little_giant).exists()

    # 6. starts an application, invites the university to a consortium and saves a draft
    page.click("button:has-text('揭榜')")
    page.wait_for_selector("#id_technical_approach")
    page.fill("#id_technical_approach", "高温氮化与磷钝化复合退火，降低界面态密度。")
    indicator = call.indicators.get()
    page.fill(f"#id_indicator_{indicator.pk}", "实测0.15V（175℃，1000h）")
    page.click("button:has-text('保存')")
    expect_success(page)
    application = Application.objects.get(call=call, applicant=little_giant)
    assert application.status == ApplicationStatus.DRAFT
    partner_form = page.locator("form[action$='/partners/']")
    partner_form.locator("input[name=organization]").fill(university.credit_code)
    partner_form.locator("input[name=role]").fill("界面表征与可靠性测试")
    partner_form.locator("button").click()
    expect_success(page)
    screenshots(page, "application-draft-with-partner")

    # 7. the university's administrator confirms the consortium
    log_in(page, university_admin)
    page.goto(application.get_absolute_url())
    page.click("button:has-text('确认')")
    expect_success(page)
    assert ConsortiumPartner.objects.get(application=application).status == (
        PartnerStatus.CONFIRMED
    )

    # 8. the little giant submits
    log_in(page, sme_user)
    page.goto(application.get_absolute_url())
    page.click("button:has-text('提交揭榜申请')")
    expect_success(page)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.lead_qualification_level == QualificationLevel.NATIONAL
    screenshots(page, "application-submitted")
    assert Decimal(call.amount) == Decimal("3000000")
