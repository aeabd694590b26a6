"""Journey in Chromium: a university lists a result and takes up an SME's R&D demand."""

from decimal import Decimal

import pytest

from accounts.models import OrganizationKind
from challenges.models import Application, ApplicationStatus
from tests.e2e.conftest import log_in
from tests.e2e.journeys import expect_success
from tests.factories import AdminUserFactory, OrganizationFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_university_lists_a_result_and_takes_up_an_smes_rnd_demand(page, screenshots):
    from catalog.models import ListingStatus, ResearchResult
    from challenges.models import CallKind, Indicator
    from tests.factories import CallFactory

    # given a university, an administrator and an SME with a published R&D demand
    university = OrganizationFactory(kind=OrganizationKind.UNIVERSITY, name="江南理工大学")
    researcher = member_of(university)
    admin = AdminUserFactory()
    sme = OrganizationFactory(name="昆山精测光电有限公司")
    demand = CallFactory(
        kind=CallKind.RND_DEMAND,
        issuer=sme,
        title="晶圆表面缺陷在线检测算法研发需求",
        summary="需要深度学习缺陷分类算法，漏检率低于0.1%",
        eligible_kinds=["university", "institute"],
        amount=Decimal("800000"),
    )
    Indicator.objects.create(call=demand, name="漏检率", target="<0.1", unit="%")

    # 1. the university lists a transferable research result and submits it for review
    log_in(page, researcher)
    page.click("text=+ 科技成果")
    page.fill("#id_title", "基于深度学习的晶圆缺陷检测方法")
    page.fill("#id_summary", "小样本缺陷分类，漏检率0.05%")
    page.fill("#id_description", "迁移学习与主动学习结合的晶圆表面缺陷检测与分类方法。")
    page.fill("#id_keywords", "缺陷检测、深度学习、晶圆")
    page.fill("#id_field", "电子信息-集成电路")
    page.fill("#id_trl", "6")
    page.select_option("#id_maturity", "pilot")
    page.check("input[name=transfer_modes][value=license]")
    page.fill("#id_patents", "ZL202110234567.8, 发明专利")
    page.fill("#id_price", "1200000")
    page.click("button:has-text('保存草稿')")
    page.click("button:has-text('提交审核')")
    page.wait_for_selector("text=待审核")
    result = ResearchResult.objects.get(title="基于深度学习的晶圆缺陷检测方法")
    assert result.status == ListingStatus.PENDING_REVIEW

    # 2. an administrator publishes it
    log_in(page, admin)
    page.goto("/review/")
    page.locator("div.row-between", has_text=result.title).locator(
        "button:has-text('发布')"
    ).click()
    expect_success(page)
    result.refresh_from_db()
    assert result.status == ListingStatus.PUBLISHED
    page.goto(result.get_absolute_url())
    assert page.locator("text=120万元").count() >= 1
    screenshots(page, "published-result")

    # 3. the university finds the SME's R&D demand in the open calls and takes it up
    log_in(page, researcher)
    page.goto("/calls/?kind=rnd_demand&open=1")
    page.click(f"text={demand.title}")
    page.click("button:has-text('揭榜')")
    page.wait_for_selector("#id_technical_approach")
    page.fill("#id_technical_approach", "以本校晶圆缺陷检测成果为基础，联合开发在线检测算法。")
    indicator = demand.indicators.get()
    page.fill(f"#id_indicator_{indicator.pk}", "实验室数据集漏检率0.05%")
    page.fill("#id_budget", "800000")
    page.click("button:has-text('保存')")
    expect_success(page)
    page.click("button:has-text('提交揭榜申请')")
    expect_success(page)
    application = Application.objects.get(call=demand, applicant=university)
    assert application.status == ApplicationStatus.SUBMITTED
    screenshots(page, "rnd-demand-application")
