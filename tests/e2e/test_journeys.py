"""Every role's journey, through the pages only, in a real browser (Chromium).

Each test plays real roles logging in through the login page; the database is only read to
check what the pages did, and to set up who exists (organizations, people, experts). Key
pages are saved as screenshots (see tests/e2e/conftest.py).
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

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
from tests.factories import AdminUserFactory, OrganizationFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def indexing(settings):
    """Index every change right after its commit, as the running platform does."""
    settings.SEARCH_INDEX_ON_COMMIT = True


def in_days(days: int) -> str:
    return (timezone.localtime() + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


def expect_success(page) -> None:
    page.wait_for_selector(".alert-success")


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


def score_every_sheet(page, expert, values: dict[str, str]) -> None:
    """Log in as the expert and submit each assigned score sheet with ``values`` by label."""
    log_in(page, expert.user)
    while True:
        page.goto("/expert/")
        due = page.locator("a.btn-primary:has-text('评分')")
        if due.count() == 0:
            return
        due.first.click()
        page.wait_for_selector("h1:has-text('评分表')")
        for label, value in values.items():
            page.get_by_label(label, exact=False).first.fill(value)
        page.click("button:has-text('提交评分')")
        expect_success(page)


def test_experts_score_blind_the_issuer_awards_an_objection_is_decided_and_work_is_accepted(
    page, screenshots, tmp_path
):
    from accounts.models import Expert
    from challenges.models import (
        Assignment,
        AssignmentStatus,
        Award,
        AwardStatus,
        Criterion,
        Indicator,
        Milestone,
        MilestoneStatus,
        Objection,
        ObjectionStatus,
    )
    from tests.factories import ApplicationFactory, CallFactory, ExpertFactory

    # given a challenge whose deadline has passed, with two applications and four experts
    lead = OrganizationFactory(kind=OrganizationKind.LEAD, name="常州精机装备集团有限公司")
    issuer = member_of(lead)
    admin = AdminUserFactory()
    call = CallFactory(
        issuer=lead,
        title="五轴联动数控系统高速高精插补算法攻关",
        status=CallStatus.CLOSED,
        deadline=timezone.now() - timedelta(hours=2),
        amount=Decimal("1500000"),
    )
    Indicator.objects.create(call=call, name="轮廓误差", target="≤5", unit="μm")
    Criterion.objects.create(call=call, name="技术先进性", weight=Decimal("60"))
    Criterion.objects.create(call=call, name="实施能力", weight=Decimal("40"))
    winner_org = OrganizationFactory(
        name="苏州锐驰数控科技有限公司", qualification_level=QualificationLevel.NATIONAL
    )
    other_org = OrganizationFactory(name="宁波启衡运动控制有限公司")
    winner = member_of(winner_org)
    other = member_of(other_org)
    first = ApplicationFactory(call=call, applicant=winner_org)
    second = ApplicationFactory(call=call, applicant=other_org)
    experts = [
        ExpertFactory(user__name=name, expertise="数控系统, 运动控制")
        for name in ("王建国", "李敏", "张立", "陈晓")
    ]
    conflicted = experts[3]

    # 1. an expert declares a conflict with one applicant, in the expert workspace
    log_in(page, conflicted.user)
    page.goto("/expert/")
    page.fill("#id_organization", winner_org.credit_code)
    page.fill("#id_reason", "曾任该公司技术顾问")
    page.click("button:has-text('申报')")
    expect_success(page)
    assert conflicted.conflicts.filter(organization=winner_org).exists()

    # 2. the issuer starts the evaluation, finds both eligible and assigns three experts
    log_in(page, issuer)
    page.goto(f"/calls/{call.pk}/manage/")
    page.click("button:has-text('开始评审')")
    expect_success(page)
    page.goto(f"/calls/{call.pk}/manage/?tab=applications")
    for applicant in (winner_org, other_org):
        row = page.locator("tr", has_text=applicant.name)
        row.get_by_role("button", name="合格", exact=True).click()
        page.wait_for_selector(f"tr:has-text('{applicant.name}') .status-eligible")
    for application in (first, second):
        page.goto(application.get_absolute_url())
        if application == first:  # the conflicted expert cannot be chosen for it
            option = page.locator(f"select[name=expert] option[value='{conflicted.pk}']")
            assert option.is_disabled()
        for expert in experts[:3]:
            page.select_option("select[name=expert]", str(expert.pk))
            page.click("button:has-text('指派专家')")
            expect_success(page)
    screenshots(page, "experts-assigned")
    assert Assignment.objects.filter(application__call=call).count() == 6

    # 3. each expert scores blind: no other expert's score is on the sheet
    for expert, (technical, delivery) in zip(
        experts[:3], (("92", "85"), ("88", "90"), ("95", "80")), strict=True
    ):
        log_in(page, expert.user)
        page.goto("/expert/")
        page.locator("a.btn-primary:has-text('评分')").first.click()
        page.wait_for_selector("h1:has-text('评分表')")
        assert "王建国" not in page.content() or expert.user.name == "王建国"
        screenshots(page, f"score-sheet-{expert.pk}") if expert == experts[0] else None
        score_every_sheet(page, expert, {"技术先进性": technical, "实施能力": delivery})
    assert (
        Assignment.objects.filter(application__call=call, status=AssignmentStatus.SUBMITTED).count()
        == 6
    )

    # 4. the issuer closes the panel, shortlists, proposes the winner and publicizes
    log_in(page, issuer)
    page.goto(f"/calls/{call.pk}/manage/?tab=scores")
    screenshots(page, "ranking-before-close")
    page.click("button:has-text('结束专家评审')")
    expect_success(page)
    page.goto(f"/calls/{call.pk}/manage/?tab=applications")
    row = page.locator("tr", has_text=winner_org.name)
    row.locator("button:has-text('入围')").click()
    expect_success(page)
    row = page.locator("tr", has_text=winner_org.name)
    row.locator("input[name=amount]").fill("1500000")
    row.locator("button:has-text('列为拟中榜单位')").click()
    expect_success(page)
    page.click("button:has-text('公示评审结果')")
    expect_success(page)
    call.refresh_from_db()
    assert call.status == CallStatus.PUBLICITY

    # 5. a competitor files an objection during publicity; an administrator dismisses it
    log_in(page, other)
    page.goto(call.get_absolute_url())
    page.click("summary:has-text('提出异议')")
    page.fill(
        "form[action$='/objections/'] textarea", "中榜单位的轮廓误差测试条件与榜单要求不一致。"
    )
    page.click("button:has-text('提交异议')")
    expect_success(page)
    log_in(page, admin)
    page.goto("/review/")
    decision = page.locator("form[action*='/objections/']")
    decision.locator("input[name=reason]").fill("经核查，测试条件符合榜单要求。")
    decision.locator("button:has-text('驳回异议')").click()
    expect_success(page)
    assert Objection.objects.get(call=call).status == ObjectionStatus.DISMISSED

    # 6. the publicity period ends (seven days pass); the administrator makes the award final
    Call.objects.filter(pk=call.pk).update(publicity_ends_at=timezone.now() - timedelta(minutes=1))
    page.goto(call.get_absolute_url())
    page.click("button:has-text('确定揭榜结果')")
    expect_success(page)
    assert Award.objects.get(call=call).status == AwardStatus.FINAL
    screenshots(page, "awarded-call")

    # 7. milestones: proposed by the issuer, agreed by the winner, work starts
    log_in(page, issuer)
    page.goto(f"/calls/{call.pk}/manage/?tab=milestones")
    due = (timezone.localdate() + timedelta(days=90)).isoformat()
    page.fill("#id_title", "样机联调")
    page.fill("#id_due_date", due)
    page.fill("#id_deliverables", "样机一台及联调测试报告")
    page.click("button:has-text('提出里程碑')")
    expect_success(page)
    log_in(page, winner)
    page.goto(first.get_absolute_url())
    page.locator("#milestones button:has-text('确认')").click()
    expect_success(page)
    log_in(page, issuer)
    page.goto(f"/calls/{call.pk}/manage/")
    page.click("button:has-text('启动实施')")
    expect_success(page)

    # 8. the winner reports progress with a file; the issuer accepts it and the whole call
    report = tmp_path / "联调测试报告.pdf"
    report.write_bytes(PDF)
    log_in(page, winner)
    page.goto(first.get_absolute_url())
    page.fill("#id_report", "样机完成联调，轮廓误差实测3.8μm。")
    page.set_input_files("#id_file", str(report))
    page.click("button:has-text('报告进展')")
    expect_success(page)
    log_in(page, issuer)
    page.goto(first.get_absolute_url())
    page.locator("#milestones button:has-text('通过')").click()
    expect_success(page)
    assert Milestone.objects.get(application=first).status == MilestoneStatus.ACCEPTED
    page.goto(f"/calls/{call.pk}/manage/")
    page.click("button:has-text('结题验收')")
    expect_success(page)
    call.refresh_from_db()
    assert call.status == CallStatus.ACCEPTED
    screenshots(page, "accepted-call")
    assert Expert.objects.count() == 4


def test_a_government_department_runs_a_two_round_competition(page, screenshots):
    from challenges.models import Application, Assignment, Round
    from tests.factories import ApplicationFactory, ExpertFactory

    # given a provincial department, an administrator, three experts
    department = OrganizationFactory(
        kind=OrganizationKind.GOVERNMENT, name="江苏省工业和信息化厅", province="32"
    )
    officer = member_of(department)
    admin = AdminUserFactory()
    experts = [ExpertFactory(user__name=name) for name in ("周工", "吴教授", "郑研究员")]

    # 1. the department drafts a competition with two rounds and a rubric for each
    log_in(page, officer)
    page.goto("/calls/new/")
    page.click("text=以赛促创")
    page.fill("#id_title", "2026年江苏省工业软件创新应用大赛")
    page.fill("#id_summary", "面向研发设计、生产控制类工业软件的创新应用比赛")
    page.fill("#id_deadline", in_days(10))
    page.fill("#id_amount", "500000")
    page.click("button:has-text('保存草稿')")
    page.wait_for_selector("text=技术指标")
    page.fill("#id_name", "软件成熟度")
    page.fill("#id_target", "已在企业部署")
    page.click("button:has-text('添加指标')")
    page.wait_for_selector("td:has-text('软件成熟度')")
    rounds = page.locator("form", has=page.locator("button:has-text('添加轮次')"))
    rounds.locator("input[name=name]").fill("决赛")
    rounds.locator("input[name=deadline]").fill(in_days(25))
    rounds.locator("button").click()
    page.wait_for_selector("td:has-text('决赛')")
    call = Call.objects.get(title="2026年江苏省工业软件创新应用大赛")
    for round_ in call.rounds.order_by("position"):
        rubric = page.locator("form", has=page.locator("button:has-text('添加评分项')"))
        rubric.locator("input[name=name]").fill(f"{round_.name}综合评价")
        rubric.locator("input[name=weight]").fill("100")
        rubric.locator("select[name=round]").select_option(str(round_.pk))
        rubric.locator("button").click()
        page.wait_for_selector(f"td:has-text('{round_.name}综合评价')")
    screenshots(page, "competition-draft")
    page.click("button:has-text('提交审核')")
    expect_success(page)

    # 2. an administrator publishes it; three firms take part
    log_in(page, admin)
    page.goto("/review/")
    page.locator("div.row-between", has_text=call.title).locator("button:has-text('发布')").click()
    expect_success(page)
    entrants = [
        ApplicationFactory(call=call, applicant=OrganizationFactory(name=name))
        for name in ("南京数研软件有限公司", "无锡智控工业软件有限公司", "常州工联信息技术有限公司")
    ]
    first_round = call.rounds.get(position=1)
    # the application period ends (ten days pass)
    past = timezone.now() - timedelta(hours=1)
    Call.objects.filter(pk=call.pk).update(deadline=past)
    Round.objects.filter(pk=first_round.pk).update(deadline=past)

    # 3. the department closes applications, checks eligibility and assigns the experts
    log_in(page, officer)
    page.goto(f"/calls/{call.pk}/manage/")
    page.click("button:has-text('截止揭榜')")
    expect_success(page)
    page.click("button:has-text('开始评审')")
    expect_success(page)
    page.goto(f"/calls/{call.pk}/manage/?tab=applications")
    for entrant in entrants:
        row = page.locator("tr", has_text=entrant.applicant.name)
        row.get_by_role("button", name="合格", exact=True).click()
        page.wait_for_selector(f"tr:has-text('{entrant.applicant.name}') .status-eligible")
    # nothing to announce or advance before the experts have scored
    assert page.locator("form button:has-text('公示评审结果')").count() == 0

    def assign_all():
        for entrant in entrants_in_round():
            page.goto(entrant.get_absolute_url())
            for expert in experts:
                page.select_option("select[name=expert]", str(expert.pk))
                page.click("button:has-text('指派专家')")
                expect_success(page)

    def entrants_in_round():
        call.refresh_from_db()
        return Application.objects.filter(call=call, current_round=call.current_round)

    assign_all()

    # 4. the experts score the first round; the department closes the panel and advances two
    for expert, scores in zip(experts, ("90", "85", "88"), strict=True):
        score_every_sheet(page, expert, {"初赛综合评价": scores})
    log_in(page, officer)
    page.goto(f"/calls/{call.pk}/manage/?tab=scores")
    page.click("button:has-text('结束专家评审')")
    expect_success(page)
    page.goto(f"/calls/{call.pk}/manage/?tab=applications")
    for entrant in entrants[:2]:
        page.check(f"input[name=applications][value='{entrant.pk}']")
    screenshots(page, "advance-to-the-final")
    page.click("button:has-text('所选申请晋级')")
    expect_success(page)
    call.refresh_from_db()
    assert call.current_round.position == 2
    assert entrants_in_round().count() == 2

    # 5. a finalist updates its entry for the final round
    log_in(page, member_of(entrants[0].applicant))
    page.goto(entrants[0].get_absolute_url())
    page.fill("form[action$='/round-statement/'] textarea", "决赛补充：新增三家企业部署案例。")
    page.click("button:has-text('保存本轮补充材料')")
    expect_success(page)

    # 6. the final round is scored; the department ranks, shortlists and announces the winner
    log_in(page, officer)
    assign_all()
    for expert, scores in zip(experts, ("93", "91", "95"), strict=True):
        score_every_sheet(page, expert, {"决赛综合评价": scores})
    log_in(page, officer)
    page.goto(f"/calls/{call.pk}/manage/?tab=scores")
    page.click("button:has-text('结束专家评审')")
    expect_success(page)
    page.goto(f"/calls/{call.pk}/ranking/")
    screenshots(page, "final-ranking")
    page.goto(f"/calls/{call.pk}/manage/?tab=applications")
    row = page.locator("tr", has_text=entrants[0].applicant.name)
    row.locator("button:has-text('入围')").click()
    expect_success(page)
    row = page.locator("tr", has_text=entrants[0].applicant.name)
    row.locator("button:has-text('列为拟中榜单位')").click()
    expect_success(page)
    page.click("button:has-text('公示评审结果')")
    expect_success(page)
    call.refresh_from_db()
    assert call.status == CallStatus.PUBLICITY
    assert Assignment.objects.filter(application__call=call).count() == 15


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


def test_a_new_user_works_in_english_from_sign_up_to_a_verified_organization(
    page, screenshots, indexing
):
    import re

    from django.core import mail

    from accounts.models import Organization, VerificationStatus
    from tests.factories import PublishedProductFactory, make_credit_code

    admin = AdminUserFactory()
    PublishedProductFactory(
        title="高能量密度磷酸铁锂电池模组", summary="储能电池模组，循环寿命6000次"
    )
    from search import outbox

    outbox.index_later("product", PublishedProductFactory._meta.model.objects.get().pk)
    outbox.drain()

    # 1. a visitor switches the platform to English and signs up
    page.goto("/")
    page.select_option("#language-select", "en")
    page.wait_for_selector("text=Open calls")
    page.click("text=Sign up")
    page.fill("#id_username", "li.wei")
    page.fill("#id_name", "Li Wei")
    page.fill("#id_email", "li.wei@example.cn")
    page.fill("#id_password1", "Strong-pass-2026")
    page.fill("#id_password2", "Strong-pass-2026")
    page.click("form button[type=submit]")
    page.wait_for_selector("text=Check your mail")
    screenshots(page, "check-your-mail")

    # 2. follows the activation link from the e-mail and confirms the password
    link = re.search(r"https?://\S+/accounts/activate/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.fill("input[type=password]", "Strong-pass-2026")
    page.click("form button[type=submit]")
    page.wait_for_url("**/dashboard/")

    # 3. registers an SME and finds, in English, a Chinese product about batteries
    page.click("text=Register an organization")
    page.select_option("#id_kind", "sme")
    page.fill("#id_name", "Suzhou Volta Storage Co., Ltd.")
    page.fill("#id_credit_code", make_credit_code())
    page.select_option("#id_province", "32")
    page.click("main form button[type=submit]")
    page.wait_for_selector(".alert-success")
    organization = Organization.objects.get(name="Suzhou Volta Storage Co., Ltd.")
    assert organization.verification_status == VerificationStatus.PENDING
    page.goto("/search/?q=battery")
    page.wait_for_selector("text=磷酸铁锂电池模组")
    screenshots(page, "english-search-finds-chinese")

    # 4. an administrator, also in English, verifies the organization
    log_in(page, admin)
    page.select_option("#language-select", "en")
    page.wait_for_selector("html[lang=en]")
    page.goto("/review/")
    assert page.locator("h1:has-text('Review queue')").count() == 1
    page.locator("div.row-between", has_text=organization.name).locator(
        "button:has-text('Verify')"
    ).click()
    page.wait_for_selector(".alert-success")
    organization.refresh_from_db()
    assert organization.verification_status == VerificationStatus.VERIFIED
    screenshots(page, "review-queue-in-english")
