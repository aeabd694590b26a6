"""Journey in Chromium: blind scoring, the award, an objection decided, the work accepted."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from accounts.models import OrganizationKind, QualificationLevel
from challenges.models import Call, CallStatus
from tests.e2e.conftest import log_in
from tests.e2e.journeys import PDF, expect_success, score_every_sheet
from tests.factories import AdminUserFactory, OrganizationFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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
