"""Journey in Chromium: a government department runs a two-round competition."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import OrganizationKind
from challenges.models import Call, CallStatus
from tests.e2e.conftest import log_in
from tests.e2e.journeys import expect_success, in_days, score_every_sheet
from tests.factories import AdminUserFactory, OrganizationFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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
