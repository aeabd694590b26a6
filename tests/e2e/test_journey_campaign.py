"""Journey in Chromium, measures 十三 and 十四: a provincial department collects problems in a
campaign, screens them and publishes the accepted one as a 榜单 batch; SMEs apply through a
recommending unit, which nominates within its quota; the issuer awards, and the award's money
is released tranche by tranche as milestones are accepted."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from accounts.models import OrganizationKind, QualificationLevel
from campaigns.models import Campaign, CampaignStatus, Submission, SubmissionStatus
from challenges.models import (
    Application,
    ApplicationStatus,
    Award,
    AwardStatus,
    Call,
    CallStatus,
    Milestone,
    MilestoneStatus,
    Nomination,
    NominationStatus,
    Tranche,
    TrancheStatus,
)
from tests.e2e.conftest import log_in
from tests.e2e.journeys import PDF, expect_success, in_days, score_every_sheet
from tests.factories import AdminUserFactory, ExpertFactory, OrganizationFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_campaign_becomes_a_batch_of_calls_nominated_within_quota_awarded_and_paid_by_milestone(
    page, screenshots, tmp_path
):
    # given a provincial department, a lead enterprise, a recommending unit, two SMEs,
    # an administrator and three experts
    department = OrganizationFactory(kind=OrganizationKind.GOVERNMENT, name="浙江省经济和信息化厅")
    official = member_of(department)
    lead = OrganizationFactory(kind=OrganizationKind.LEAD, name="杭州钱塘新能源汽车集团有限公司")
    engineer = member_of(lead)
    unit = OrganizationFactory(kind=OrganizationKind.GOVERNMENT, name="宁波市经济和信息化局")
    unit_officer = member_of(unit)
    first_org = OrganizationFactory(
        name="宁波甬芯功率半导体有限公司", qualification_level=QualificationLevel.NATIONAL
    )
    second_org = OrganizationFactory(name="余姚精工热管理科技有限公司")
    first, second = member_of(first_org), member_of(second_org)
    admin = AdminUserFactory()
    experts = [ExpertFactory(user__name=name) for name in ("周明", "吴芳", "郑强")]

    # 1. the department opens a campaign whose calls go through a recommending unit
    log_in(page, official)
    page.goto("/campaigns/new/")
    page.select_option("#id_kind", "problems")
    page.fill("#id_title", "2026年浙江省新能源汽车关键技术难题征集")
    page.fill("#id_theme", "电驱与热管理")
    page.fill(
        "#id_description", "面向省内整车与零部件龙头企业征集关键技术难题，择优形成揭榜挂帅榜单。"
    )
    page.fill("#id_deadline", in_days(10))
    page.fill("#id_call_deadline", in_days(40))
    page.check("#id_requires_nomination")
    page.click("main form button[type=submit]")
    expect_success(page)
    campaign = Campaign.objects.get()
    page.select_option("#id_units-unit_0", str(unit.pk))
    page.fill("#id_units-quota_0", "1")
    page.click("[data-units-form] button[type=submit]")
    expect_success(page)
    page.click("form[data-move=open] button")
    expect_success(page)
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.OPEN

    # 2. the lead enterprise submits its problem into the campaign
    log_in(page, engineer)
    page.goto(campaign.get_absolute_url())
    page.click("a[data-submit]")
    page.fill("#id_title", "800V电驱碳化硅模块热失效机理与寿命提升")
    page.fill("#id_summary", "征集碳化硅功率模块在800V电驱工况下的热失效分析与寿命提升方案")
    page.fill("#id_details", "功率循环寿命需达到现有水平的3倍，详见测试规范。")
    page.fill("#id_indicators", "功率循环寿命, ≥300万次")
    page.fill("#id_amount", "2000000")
    page.click("main form button[type=submit]")
    expect_success(page)
    submission = Submission.objects.get()

    # 3. the department screens it, closes the campaign and publishes the batch
    log_in(page, official)
    page.goto(campaign.get_absolute_url())
    page.click(f"tr[data-submission='{submission.pk}'] form[data-screen=accept] button")
    expect_success(page)
    page.click("form[data-move=screen] button")
    expect_success(page)
    page.click("form[data-move=publish] button")
    expect_success(page)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PUBLISHED
    call = submission.call
    assert call.status == CallStatus.PUBLISHED and call.issuer == lead
    assert call.requires_nomination
    screenshots(page, "campaign-published")

    # 4. both SMEs find the call on the batch page and apply through the recommending unit
    for user in (first, second):
        log_in(page, user)
        page.goto(submission.batch.get_absolute_url())
        page.click(f"a[href='{call.get_absolute_url()}']")
        page.click("button:has-text('揭榜')")
        page.wait_for_selector("#id_technical_approach")
        page.fill("#id_technical_approach", "双面银烧结与铜线键合，结温波动下降30%。")
        page.fill(f"#id_indicator_{call.indicators.get().pk}", "实测320万次")
        page.click("button:has-text('保存')")
        expect_success(page)
        page.select_option("#nomination-unit", str(unit.pk))
        page.click("form[data-submit-to-unit] button")
        expect_success(page)
    applications = {a.applicant_id: a for a in Application.objects.filter(call=call)}
    assert {a.status for a in applications.values()} == {ApplicationStatus.NOMINATION}
    winner_application = applications[first_org.pk]

    # the issuer does not see them while they wait for the unit
    log_in(page, engineer)
    page.goto(f"/calls/{call.pk}/manage/?tab=applications")
    assert page.locator("tr", has_text=first_org.name).count() == 0

    # 5. the unit nominates the first within its quota of one; the second is refused
    log_in(page, unit_officer)
    page.goto("/nominations/")
    screenshots(page, "nomination-workspace")
    page.goto(winner_application.get_absolute_url())
    page.fill("#nomination-review", "企业研发基础扎实，同意推荐。")
    page.click("form[data-nomination-nominate] button")
    expect_success(page)
    page.goto(applications[second_org.pk].get_absolute_url())
    page.fill("#nomination-review", "同意推荐。")
    page.click("form[data-nomination-nominate] button")
    page.wait_for_selector(".alert-error, .alert-danger, .alert-warning")
    statuses = dict(Nomination.objects.values_list("application__applicant", "status"))
    assert statuses == {
        first_org.pk: NominationStatus.NOMINATED,
        second_org.pk: NominationStatus.PENDING,
    }
    page.fill("#nomination-reason", "本单位推荐名额已用完，请选择其他推荐单位。")
    page.click("form[data-nomination-return] button")
    expect_success(page)
    assert (
        Application.objects.get(pk=applications[second_org.pk].pk).status == ApplicationStatus.DRAFT
    )

    # 6. applications close; the issuer evaluates with three experts and proposes the winner
    Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - timedelta(minutes=5))
    log_in(page, engineer)
    page.goto(f"/calls/{call.pk}/manage/")
    page.click("button:has-text('截止揭榜')")
    expect_success(page)
    page.click("button:has-text('开始评审')")
    expect_success(page)
    page.goto(f"/calls/{call.pk}/manage/?tab=applications")
    row = page.locator("tr", has_text=first_org.name)
    assert row.locator(f"[data-recommended-by='{unit.pk}']").count() == 1
    row.get_by_role("button", name="合格", exact=True).click()
    page.wait_for_selector(f"tr:has-text('{first_org.name}') .status-eligible")
    page.goto(winner_application.get_absolute_url())
    assert page.locator("[data-nomination-review]").count() == 1  # the unit's opinion
    for expert in experts:
        page.select_option("select[name=expert]", str(expert.pk))
        page.click("button:has-text('指派专家')")
        expect_success(page)
    criterion = call.criteria.get().name
    for expert in experts:
        score_every_sheet(page, expert, {criterion: "90"})
    log_in(page, engineer)
    page.goto(f"/calls/{call.pk}/manage/?tab=scores")
    page.click("button:has-text('结束专家评审')")
    expect_success(page)
    page.goto(f"/calls/{call.pk}/manage/?tab=applications")
    row = page.locator("tr", has_text=first_org.name)
    row.locator("button:has-text('入围')").click()
    expect_success(page)
    row = page.locator("tr", has_text=first_org.name)
    row.locator("input[name=amount]").fill("2000000")
    row.locator("button:has-text('列为拟中榜单位')").click()
    expect_success(page)
    page.click("button:has-text('公示评审结果')")
    expect_success(page)

    # 7. publicity ends; the administrator makes the award final
    Call.objects.filter(pk=call.pk).update(publicity_ends_at=timezone.now() - timedelta(minutes=1))
    log_in(page, admin)
    page.goto(call.get_absolute_url())
    page.click("button:has-text('确定揭榜结果')")
    expect_success(page)
    award = Award.objects.get(call=call)
    assert award.status == AwardStatus.FINAL and award.amount == Decimal("2000000")

    # 8. a milestone with a tranche of the award; the work starts
    log_in(page, engineer)
    page.goto(f"/calls/{call.pk}/manage/?tab=milestones")
    page.fill("#id_title", "样品功率循环验证")
    page.fill("#id_due_date", (timezone.localdate() + timedelta(days=120)).isoformat())
    page.fill("#id_deliverables", "样品20只及功率循环测试报告")
    page.click("button:has-text('提出里程碑')")
    expect_success(page)
    milestone = Milestone.objects.get(application=winner_application)
    log_in(page, first)
    page.goto(winner_application.get_absolute_url())
    page.locator("#milestones button:has-text('确认')").click()
    expect_success(page)
    log_in(page, engineer)
    page.goto(winner_application.get_absolute_url())
    page.fill(f"[data-tranche-of='{milestone.pk}'] input[name=amount]", "800000")
    page.click(f"[data-tranche-of='{milestone.pk}'] form button")
    expect_success(page)
    assert Tranche.objects.get(milestone=milestone).status == TrancheStatus.PENDING
    page.goto(f"/calls/{call.pk}/manage/")
    page.click("button:has-text('启动实施')")
    expect_success(page)

    # 9. the winner reports; the issuer accepts the milestone and the tranche is released
    report = tmp_path / "功率循环测试报告.pdf"
    report.write_bytes(PDF)
    log_in(page, first)
    page.goto(winner_application.get_absolute_url())
    page.fill("#id_report", "20只样品均通过300万次功率循环。")
    page.set_input_files("#id_file", str(report))
    page.click("button:has-text('报告进展')")
    expect_success(page)
    log_in(page, engineer)
    page.goto(winner_application.get_absolute_url())
    page.locator("#milestones button:has-text('通过')").click()
    expect_success(page)
    assert Milestone.objects.get(pk=milestone.pk).status == MilestoneStatus.ACCEPTED
    tranche = Tranche.objects.get(milestone=milestone)
    assert tranche.status == TrancheStatus.RELEASED and tranche.released_by == engineer
    assert page.locator(f"[data-tranche='{tranche.pk}'][data-tranche-status=released]").count() == 1
    screenshots(page, "tranche-released")

    # the issuer's workspace shows what is committed, released and remaining
    page.goto("/dashboard/")
    funds = page.locator(f"[data-call-funds='{call.pk}']")
    assert (
        funds.locator("[data-funds-released]").get_attribute("data-funds-released") == "800000.00"
    )
    assert funds.locator("[data-funds-remaining]").get_attribute("data-funds-remaining") == (
        "1200000.00"
    )
