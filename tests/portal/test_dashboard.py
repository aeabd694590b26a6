"""The workspace (工作台) shows each person a section for every role they hold, and runs the
same number of queries however much data there is."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import (
    MembershipRole,
    MembershipStatus,
    OrganizationKind,
    QualificationLevel,
    VerificationStatus,
)
from catalog.models import ListingStatus
from challenges.models import (
    ApplicationStatus,
    AssignmentStatus,
    CallStatus,
    ConsortiumPartner,
    MilestoneStatus,
    Objection,
    PartnerStatus,
    Question,
)
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    AssignmentFactory,
    CallFactory,
    ExpertFactory,
    MembershipFactory,
    MilestoneFactory,
    OrganizationFactory,
    ProductFactory,
    PublishedProductFactory,
    QualificationFactory,
    UserFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("portal:dashboard")
REGISTER = reverse("accounts:organization_create")
REVIEW_QUEUE = reverse("portal:review_queue")


@pytest.fixture
def english(settings):
    """Wording is asserted in English, the language of the message ids."""
    settings.LANGUAGE_CODE = "en"


def text_of(html: str) -> str:
    """The page's text with tags removed and white space collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def queue_count(html: str, queue: str) -> int:
    match = re.search(rf'data-queue="{queue}"><td>[^<]*</td><td class="nowrap"><b>(\d+)</b>', html)
    assert match, f"no {queue} queue on the page"
    return int(match.group(1))


def dashboard(client, user):
    client.force_login(user)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return response.text


# --- administrators and government departments ----------------------------------------------


def test_administrator_sees_the_review_queues_and_key_figures_not_registration(client, english):
    # given work waiting in every queue, and some activity on the platform
    OrganizationFactory(verification_status=VerificationStatus.PENDING)
    QualificationFactory()
    ProductFactory(status=ListingStatus.PENDING_REVIEW)
    CallFactory(status=CallStatus.PENDING_REVIEW)
    objected = CallFactory(status=CallStatus.PUBLICITY)
    Objection.objects.create(call=objected, text="评审过程不透明。")
    OrganizationFactory(qualification_level=QualificationLevel.NATIONAL)
    OrganizationFactory(qualification_level=QualificationLevel.PROVINCIAL)
    PublishedProductFactory()
    ApplicationFactory(call=CallFactory(deadline=timezone.now() + timedelta(days=9)))
    CallFactory(status=CallStatus.AWARDED)

    # when an administrator without an organization opens the workspace
    html = dashboard(client, AdminUserFactory())

    # then the queues are counted and lead to the review queue, and registration is not offered
    assert REGISTER not in html
    for queue in ("organizations", "qualifications", "listings", "calls", "objections"):
        assert queue_count(html, queue) == 1
    assert f'href="{REVIEW_QUEUE}"' in html
    page = text_of(html)
    assert "Key figures" in page
    assert "Applications submitted this month" in page
    figures = dict(
        (label, int(value))
        for value, label in re.findall(r'<div class="stat"><b>(\d+)</b><span>([^<]+)</span>', html)
    )
    assert figures["Little giants"] == 1
    assert figures["Provincial SRDI SMEs"] == 1
    assert figures["Published products"] == 1
    assert figures["Applications submitted this month"] == 1
    assert figures["Calls awarded"] == 1
    assert figures["Calls open now"] == 1  # the one applied to; the others are past that stage


def test_government_member_sees_the_queues_but_no_review_actions_nor_registration(client, english):
    # given a government department with a closed call of its own, and a call awaiting review
    department = OrganizationFactory(kind=OrganizationKind.GOVERNMENT)
    closed = CallFactory(
        issuer=department,
        status=CallStatus.CLOSED,
        title="一条龙示范应用征集",
        kind="demonstration",
    )
    CallFactory(status=CallStatus.PENDING_REVIEW)
    OrganizationFactory(verification_status=VerificationStatus.PENDING)

    html = dashboard(client, member_of(department))

    page = text_of(html)
    assert REGISTER not in html
    assert queue_count(html, "organizations") == 1
    assert 'data-queue="calls"' not in html  # only administrators review calls
    assert f'href="{REVIEW_QUEUE}"' not in html
    assert "Key figures" in page
    # the department's own call that needs action, with the way to the issuer workspace
    assert closed.title in page
    assert "Applications are closed: start the evaluation" in page
    assert reverse("challenges:call_manage", args=[closed.pk]) in html
    # a department does not apply to calls
    assert "Calls for you" not in page


def test_an_unverified_department_oversees_nothing(client, english):
    # anyone may register a "government department"; it oversees once verified
    department = OrganizationFactory(
        kind=OrganizationKind.GOVERNMENT, verification_status=VerificationStatus.PENDING
    )
    html = dashboard(client, member_of(department))
    assert "data-queues" not in html
    assert "Key figures" not in text_of(html)


def test_members_of_other_organizations_see_no_oversight(client, english):
    html = dashboard(client, member_of(OrganizationFactory()))
    assert "data-queues" not in html
    assert "Key figures" not in text_of(html)


# --- experts ----------------------------------------------------------------------------------


def test_expert_sees_the_score_sheets_due_with_the_panel_state_and_what_they_submitted(
    client, english
):
    # given an expert with a sheet due on an application another expert already scored
    expert = ExpertFactory()
    call = CallFactory(status=CallStatus.EVALUATING, title="车规级芯片攻关榜")
    application = ApplicationFactory(
        call=call, status=ApplicationStatus.ELIGIBLE, applicant__name="苏州芯测科技"
    )
    due = AssignmentFactory(application=application, expert=expert)
    AssignmentFactory(application=application, status=AssignmentStatus.SUBMITTED)
    AssignmentFactory(application=application, status=AssignmentStatus.RECUSED)
    # one sheet submitted earlier, and one left on a panel that has closed since
    AssignmentFactory(
        expert=expert,
        status=AssignmentStatus.SUBMITTED,
        application__call__status=CallStatus.EVALUATING,
    )
    AssignmentFactory(
        expert=expert,
        application__call__status=CallStatus.EVALUATING,
        application__call__panel_closed_at=timezone.now(),
        application__call__title="已结束评审的榜单",
    )

    html = dashboard(client, expert.user)

    page = text_of(html)
    assert "1 score sheet due · 1 sheet submitted" in page
    assert call.title in page
    assert "苏州芯测科技" in page
    assert "1 of 2 sheets submitted; the panel is open" in page
    assert reverse("challenges:review_sheet", args=[due.pk]) in html
    assert "已结束评审的榜单" not in page
    # an expert without an organization may still register or join one
    assert REGISTER in html


def test_an_expert_who_is_also_a_member_of_an_sme_sees_both_sections(client, english):
    sme = OrganizationFactory()
    user = member_of(sme)
    ExpertFactory(user=user)
    CallFactory(title="面向中小企业的开放榜单")

    page = text_of(dashboard(client, user))

    assert "score sheets due" in page
    assert "Calls for you" in page
    assert "面向中小企业的开放榜单" in page
    assert sme.name in page


# --- applicants -------------------------------------------------------------------------------


def test_sme_sees_the_open_calls_it_may_take_up_nearest_deadline_first(client, english):
    # given a verified provincial SRDI SME in Jiangsu
    sme = OrganizationFactory(qualification_level=QualificationLevel.PROVINCIAL, province="32")
    now = timezone.now()
    later = CallFactory(title="晚截止的榜单", deadline=now + timedelta(days=20))
    sooner = CallFactory(title="早截止的榜单", deadline=now + timedelta(days=3))
    today = CallFactory(title="今日截止的榜单", deadline=now + timedelta(minutes=5))
    # and calls it may not or need not take up
    CallFactory(title="需要小巨人的榜单", min_qualification=QualificationLevel.NATIONAL)
    CallFactory(title="限广东企业的榜单", eligible_provinces=["44"])
    CallFactory(title="只对高校开放的榜单", eligible_kinds=["university"])
    CallFactory(title="本企业发布的榜单", issuer=sme)
    CallFactory(title="已截止的榜单", status=CallStatus.CLOSED)
    ApplicationFactory(call=CallFactory(title="已申报的榜单"), applicant=sme)

    html = dashboard(client, member_of(sme))

    page = text_of(html)
    titles = re.findall(r"data-call-for-you.*?<b>([^<]+)</b>", html, re.S)
    assert titles == [today.title, sooner.title, later.title]
    days_left = re.findall(r"data-days-left>([^<]+)<", html)
    assert days_left == [
        "Closes today" if _days(today) == 0 else "1 day left",  # five minutes before midnight
        f"{_days(sooner)} days left",
        f"{_days(later)} days left",
    ]
    assert _days(later) == 20
    assert "All 3 open calls you may take up" in page


def _days(call) -> int:
    """Calendar days to the deadline's day, as a person reads the calendar."""
    return (timezone.localdate(call.deadline) - timezone.localdate()).days


def test_unverified_organization_is_told_why_no_call_is_offered(client, english):
    sme = OrganizationFactory(verification_status=VerificationStatus.PENDING)
    CallFactory()
    page = text_of(dashboard(client, member_of(sme)))
    assert "Once your organization is verified" in page
    assert "data-call-for-you" not in page


def test_sme_sees_its_live_applications_and_the_invitations_awaiting_its_answer(client, english):
    sme = OrganizationFactory()
    draft = ApplicationFactory(
        applicant=sme, status=ApplicationStatus.DRAFT, call__title="草稿申报的榜单"
    )
    shortlisted = ApplicationFactory(
        applicant=sme, status=ApplicationStatus.SHORTLISTED, call__title="已入围的榜单"
    )
    ApplicationFactory(
        applicant=sme, status=ApplicationStatus.WITHDRAWN, call__title="已撤回的榜单"
    )
    ApplicationFactory(
        applicant=sme, status=ApplicationStatus.NOT_AWARDED, call__title="未中榜的榜单"
    )
    invited = ConsortiumPartner.objects.create(
        application=ApplicationFactory(
            status=ApplicationStatus.DRAFT, call__title="邀请联合申报的榜单"
        ),
        organization=sme,
    )
    ConsortiumPartner.objects.create(
        application=ApplicationFactory(call__title="已确认联合体的榜单"),
        organization=sme,
        status=PartnerStatus.CONFIRMED,
    )

    html = dashboard(client, member_of(sme))

    applications = text_of(" ".join(re.findall(r"data-live-application.*?</div>", html, re.S)))
    assert draft.get_absolute_url() in html
    assert shortlisted.get_absolute_url() in html
    assert "已入围的榜单" in applications
    assert "Shortlisted" in applications
    assert "已撤回的榜单" not in applications
    assert "未中榜的榜单" not in applications
    invitations = " ".join(re.findall(r"data-invitation.*?</div>", html, re.S))
    assert "邀请联合申报的榜单" in invitations
    assert invited.application.applicant.name in invitations
    assert "已确认联合体的榜单" not in invitations


# --- issuers ----------------------------------------------------------------------------------


def _evaluating_call_with_reviews(issuer, title: str, reviews: int):
    call = CallFactory(issuer=issuer, status=CallStatus.EVALUATING, title=title)
    application = ApplicationFactory(call=call, status=ApplicationStatus.ELIGIBLE)
    for _ in range(reviews):
        AssignmentFactory(application=application, status=AssignmentStatus.SUBMITTED)
    return call


def test_issuer_sees_each_call_needing_action_with_the_next_step(client, english):
    lead = OrganizationFactory(kind=OrganizationKind.LEAD)
    draft = CallFactory(issuer=lead, status=CallStatus.DRAFT, title="未完成的草稿榜单")
    rejected = CallFactory(
        issuer=lead,
        status=CallStatus.REJECTED,
        status_note="请补充指标。",
        title="被退回的榜单",
    )
    closed = CallFactory(issuer=lead, status=CallStatus.CLOSED, title="已截止待评审的榜单")
    ready = _evaluating_call_with_reviews(lead, "专家评分已齐的榜单", reviews=3)
    _evaluating_call_with_reviews(lead, "评分未齐的榜单", reviews=1)
    awarded = CallFactory(issuer=lead, status=CallStatus.AWARDED, title="已定榜的榜单")
    in_progress = CallFactory(issuer=lead, status=CallStatus.IN_PROGRESS, title="实施中的榜单")
    MilestoneFactory(application__call=in_progress, status=MilestoneStatus.SUBMITTED)
    MilestoneFactory(application__call=in_progress, status=MilestoneStatus.SUBMITTED)
    scored = CallFactory(
        issuer=lead,
        status=CallStatus.EVALUATING,
        panel_closed_at=timezone.now(),
        title="评审已结束的榜单",
    )
    done = CallFactory(issuer=lead, status=CallStatus.IN_PROGRESS, title="里程碑全部验收的榜单")
    MilestoneFactory(application__call=done, status=MilestoneStatus.ACCEPTED)
    working = CallFactory(issuer=lead, status=CallStatus.IN_PROGRESS, title="按计划实施的榜单")
    MilestoneFactory(application__call=working, status=MilestoneStatus.AGREED)
    asked = CallFactory(issuer=lead, title="有待答疑的榜单")
    Question.objects.create(call=asked, organization=OrganizationFactory(), text="是否接受联合体？")
    Question.objects.create(
        call=asked, organization=OrganizationFactory(), text="已答复的问题", answer="接受。"
    )
    CallFactory(issuer=lead, status=CallStatus.PENDING_REVIEW, title="待平台审核的榜单")
    CallFactory(issuer=lead, title="正在征集的榜单")

    html = dashboard(client, member_of(lead))

    tasks = {
        title: text_of(block)
        for block, title in (
            (m.group(0), m.group(1))
            for m in re.finditer(r"data-issuer-task.*?<b>([^<]+)</b>.*?</ul>", html, re.S)
        )
    }
    assert set(tasks) == {
        draft.title,
        rejected.title,
        closed.title,
        ready.title,
        awarded.title,
        in_progress.title,
        scored.title,
        done.title,
        asked.title,
    }
    assert "Finish the call and submit it for review" in tasks[draft.title]
    assert "请补充指标。" in tasks[rejected.title]
    assert "Applications are closed: start the evaluation" in tasks[closed.title]
    assert "close the expert panel" in tasks[ready.title]
    assert "Agree milestones with the winners" in tasks[awarded.title]
    assert "Review 2 reported milestones" in tasks[in_progress.title]
    assert "Propose the winners and announce the results" in tasks[scored.title]
    assert "give the final acceptance" in tasks[done.title]
    assert "Answer 1 clarification question" in tasks[asked.title]
    manage = reverse("challenges:call_manage", args=[asked.pk])
    assert f'href="{manage}?tab=questions"' in html


def test_a_handler_sees_only_the_calls_they_handle(client, english):
    lead = OrganizationFactory(kind=OrganizationKind.LEAD)
    handled = CallFactory(issuer=lead, status=CallStatus.DRAFT, title="我经办的榜单")
    CallFactory(issuer=lead, status=CallStatus.DRAFT, title="同事经办的榜单")
    html = dashboard(client, handler_of(handled))
    page = text_of(html)
    assert "我经办的榜单" in page
    assert "同事经办的榜单" not in page


def test_a_member_handling_no_call_sees_no_issuer_section(client, english):
    lead = OrganizationFactory(kind=OrganizationKind.LEAD)
    CallFactory(issuer=lead, status=CallStatus.DRAFT)
    user = member_of(lead, role=MembershipRole.MEMBER)
    assert "Calls needing your action" not in text_of(dashboard(client, user))


# --- people without an organization ---------------------------------------------------------


def test_a_user_without_organization_is_offered_to_register_or_join(client, english):
    html = dashboard(client, UserFactory())
    assert REGISTER in html
    assert reverse("accounts:organization_join") in html
    assert "data-queues" not in html


def test_a_pending_membership_says_it_awaits_approval(client, english):
    organization = OrganizationFactory(name="待加入的企业")
    membership = MembershipFactory(organization=organization, status=MembershipStatus.PENDING)
    page = text_of(dashboard(client, membership.user))
    assert "Your request to join 待加入的企业 awaits approval" in page
    assert "Calls for you" not in page


def test_the_workspace_is_in_chinese_by_default(client):
    html = dashboard(client, AdminUserFactory())
    assert "工作台" in html or "我的工作台" in html


# --- a constant number of queries ---------------------------------------------------------------


def _add_everything(user, sme, expert, lead) -> None:
    """One more of every kind of thing the workspace shows."""
    OrganizationFactory(verification_status=VerificationStatus.PENDING)
    QualificationFactory()
    ProductFactory(status=ListingStatus.PENDING_REVIEW)
    CallFactory(status=CallStatus.PENDING_REVIEW)
    Objection.objects.create(call=CallFactory(status=CallStatus.PUBLICITY), text="异议")
    CallFactory()
    ApplicationFactory(applicant=sme, status=ApplicationStatus.DRAFT)
    ConsortiumPartner.objects.create(application=ApplicationFactory(), organization=sme)
    call = CallFactory(issuer=sme, status=CallStatus.EVALUATING)
    application = ApplicationFactory(call=call, status=ApplicationStatus.ELIGIBLE)
    AssignmentFactory(application=application, expert=expert)
    AssignmentFactory(application=application, status=AssignmentStatus.SUBMITTED)
    CallFactory(issuer=sme, status=CallStatus.DRAFT)
    asked = CallFactory(issuer=sme)
    Question.objects.create(call=asked, organization=lead, text="问题")
    in_progress = CallFactory(issuer=sme, status=CallStatus.IN_PROGRESS)
    MilestoneFactory(application__call=in_progress, status=MilestoneStatus.SUBMITTED)
    PublishedProductFactory(organization=sme)


@pytest.mark.parametrize("role", ["everything", "sme", "expert", "admin"])
def test_the_workspace_runs_the_same_queries_whatever_the_amount_of_data(
    client, django_assert_max_num_queries, role
):
    # given one person holding every role (staff, expert, administrator of an issuing SME)
    sme = OrganizationFactory()
    lead = OrganizationFactory(kind=OrganizationKind.LEAD)
    user = member_of(sme)
    expert = ExpertFactory(user=user)
    if role == "everything":
        user.is_staff = True
        user.save()
    viewer = {
        "everything": user,
        "sme": member_of(sme, role=MembershipRole.MEMBER),
        "expert": user,
        "admin": AdminUserFactory(),
    }[role]
    client.force_login(viewer)
    counts = []
    for _ in range(2):
        for _ in range(3):
            _add_everything(user, sme, expert, lead)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(DASHBOARD).status_code == 200
        counts.append(len(queries))
    # then a threefold amount of data costs no extra query
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(42):  # the page, its panels' counts, the header's
        client.get(DASHBOARD)
