"""Who sees what: applications, confidential details, scores, lists. Outsiders get 404."""

import pytest
from django.urls import reverse

from accounts.models import MembershipRole
from challenges.models import AssignmentStatus, CallStatus, ConsortiumPartner
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    AssignmentFactory,
    CallFactory,
    CriterionFactory,
    ExpertFactory,
    OrganizationFactory,
    UserFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db


def viewers(application):
    """Every kind of viewer of an application, with whether they may read it."""
    call = application.call
    partner_org = OrganizationFactory()
    ConsortiumPartner.objects.create(application=application, organization=partner_org)
    assigned = AssignmentFactory(application=application).expert.user
    return {
        "applicant member": (member_of(application.applicant, role=MembershipRole.MEMBER), True),
        "partner member": (member_of(partner_org), True),
        "handler": (handler_of(call), True),
        "issuer admin": (member_of(call.issuer), True),
        "issuer member not handling": (member_of(call.issuer, role=MembershipRole.MEMBER), False),
        "assigned expert": (assigned, True),
        "other expert": (ExpertFactory().user, False),
        "administrator": (AdminUserFactory(), True),
        "outsider": (member_of(OrganizationFactory()), False),
        "user without organization": (UserFactory(), False),
    }


@pytest.mark.parametrize(
    "who",
    [
        "applicant member",
        "partner member",
        "handler",
        "issuer admin",
        "issuer member not handling",
        "assigned expert",
        "other expert",
        "administrator",
        "outsider",
        "user without organization",
    ],
)
def test_application_is_readable_only_by_the_parties(client, who):
    application = ApplicationFactory(call=CallFactory(status=CallStatus.EVALUATING))
    user, allowed = viewers(application)[who]
    client.force_login(user)
    response = client.get(application.get_absolute_url())
    assert response.status_code == (200 if allowed else 404)


def test_anonymous_visitors_are_sent_to_log_in(client):
    application = ApplicationFactory()
    response = client.get(application.get_absolute_url())
    assert response.status_code == 302


def test_issuer_does_not_see_drafts(client):
    application = ApplicationFactory(status="draft")
    client.force_login(handler_of(application.call))
    assert client.get(application.get_absolute_url()).status_code == 404


def test_attachments_follow_the_application(client):
    from django.core.files.base import ContentFile

    from challenges.models import ApplicationAttachment

    application = ApplicationFactory()
    attachment = ApplicationAttachment(application=application, original_name="方案.pdf")
    attachment.file.save("x.pdf", ContentFile(b"%PDF-1.4\n%%EOF"), save=True)
    url = reverse("challenges:application_attachment", args=[attachment.pk])
    client.force_login(member_of(OrganizationFactory()))
    assert client.get(url).status_code == 404
    client.force_login(member_of(application.applicant))
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("status", ["draft", "pending_review", "rejected"])
def test_unpublished_calls_are_hidden_from_outsiders(client, status):
    call = CallFactory(status=status, published_at=None)
    url = call.get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(member_of(OrganizationFactory()))
    assert client.get(url).status_code == 404
    assert call.title not in client.get(reverse("challenges:call_list")).text
    client.force_login(member_of(call.issuer, role=MembershipRole.MEMBER))
    assert client.get(url).status_code == 200
    client.force_login(AdminUserFactory())
    assert client.get(url).status_code == 200


def test_confidential_details_open_only_after_terms(client):
    call = CallFactory(terms="保密协议全文", details="界面态密度现状3×10¹¹")
    visitor = member_of(OrganizationFactory())
    client.force_login(visitor)
    assert "界面态密度现状" not in client.get(call.get_absolute_url()).text
    client.post(reverse("challenges:call_terms", args=[call.pk]))
    assert "界面态密度现状" in client.get(call.get_absolute_url()).text
    # a colleague of the same organization sees it too; another organization does not
    client.force_login(member_of(visitor.memberships.get().organization))
    assert "界面态密度现状" in client.get(call.get_absolute_url()).text
    client.force_login(member_of(OrganizationFactory()))
    assert "界面态密度现状" not in client.get(call.get_absolute_url()).text
    client.logout()
    assert "界面态密度现状" not in client.get(call.get_absolute_url()).text


def test_confidential_attachment_needs_the_terms(client):
    from django.core.files.base import ContentFile

    from challenges.models import CallAttachment

    call = CallFactory(terms="保密")
    attachment = CallAttachment(call=call, original_name="工艺参数.pdf", confidential=True)
    attachment.file.save("p.pdf", ContentFile(b"%PDF-1.4\n%%EOF"), save=True)
    url = reverse("challenges:call_attachment", args=[attachment.pk])
    visitor = member_of(OrganizationFactory())
    client.force_login(visitor)
    assert client.get(url).status_code == 404
    client.post(reverse("challenges:call_terms", args=[call.pk]))
    assert client.get(url).status_code == 200


def test_experts_see_only_their_own_scores_until_the_panel_closes(client):
    call = CallFactory(status=CallStatus.EVALUATING)
    criterion = CriterionFactory(call=call, name="技术方案")
    application = ApplicationFactory(call=call, status="eligible")
    mine = AssignmentFactory(application=application, status=AssignmentStatus.SUBMITTED)
    theirs = AssignmentFactory(application=application, status=AssignmentStatus.SUBMITTED)
    mine.scores.create(criterion=criterion, value=71, comment="我的意见")
    theirs.scores.create(criterion=criterion, value="93.25", comment="他人的意见")

    client.force_login(mine.expert.user)
    page = client.get(application.get_absolute_url()).text
    assert "我的意见" in page
    assert "他人的意见" not in page and "93.25" not in page
    sheet = client.get(reverse("challenges:review_sheet", args=[theirs.pk]))
    assert sheet.status_code == 404

    call.panel_closed_at = call.updated_at
    call.save(update_fields=["panel_closed_at"])
    assert "他人的意见" in client.get(application.get_absolute_url()).text


def test_applicants_never_learn_who_the_experts_are(client):
    call = CallFactory(status=CallStatus.EVALUATING)
    application = ApplicationFactory(call=call, status="eligible")
    from challenges import services

    expert = ExpertFactory(user__name="评审专家甲")
    services.expert_assign(actor=handler_of(call), application=application, expert=expert)
    client.force_login(member_of(application.applicant))
    page = client.get(application.get_absolute_url()).text
    assert "评审专家甲" not in page


def test_the_public_call_page_names_no_applicant(client):
    call = CallFactory()
    applicant = OrganizationFactory(name="不应公开的揭榜单位")
    ApplicationFactory(call=call, applicant=applicant)
    client.force_login(member_of(OrganizationFactory()))
    assert "不应公开的揭榜单位" not in client.get(call.get_absolute_url()).text
    assert client.get(reverse("challenges:call_ranking", args=[call.pk])).status_code == 404


def test_issuer_workspace_is_for_handlers_and_admins_only(client):
    call = CallFactory()
    url = reverse("challenges:call_manage", args=[call.pk])
    for user, status in (
        (member_of(OrganizationFactory()), 404),
        (member_of(call.issuer, role=MembershipRole.MEMBER), 404),
        (handler_of(call), 200),
        (AdminUserFactory(), 200),
    ):
        client.force_login(user)
        assert client.get(url).status_code == status


def test_my_applications_lists_only_my_organization(client):
    mine = ApplicationFactory()
    other = ApplicationFactory()
    client.force_login(member_of(mine.applicant))
    page = client.get(reverse("challenges:my_applications")).text
    assert mine.call.title in page
    assert other.call.title not in page


def test_call_list_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    from tests.factories import ChainNodeFactory

    node = ChainNodeFactory()
    for call in CallFactory.create_batch(2):
        call.chain_nodes.add(node)
    with django_assert_max_num_queries(10) as few:
        client.get(reverse("challenges:call_list"))
    for call in CallFactory.create_batch(12):
        call.chain_nodes.add(node)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("challenges:call_list"))
    assert response.status_code == 200


def test_call_detail_deadline_is_shown_in_beijing_time(client):
    from datetime import UTC, datetime

    call = CallFactory(deadline=datetime(2030, 3, 1, 1, 30, tzinfo=UTC))
    assert "2030-03-01 09:30" in client.get(call.get_absolute_url()).text


def test_applicants_see_no_score_sheets_even_after_the_panel_closes(client):
    from django.utils import timezone

    call = CallFactory(status=CallStatus.EVALUATING, panel_closed_at=timezone.now())
    criterion = CriterionFactory(call=call)
    application = ApplicationFactory(call=call, status="eligible")
    sheet = AssignmentFactory(
        application=application,
        status=AssignmentStatus.SUBMITTED,
        expert__user__name="评审专家乙",
        comment="专家总体意见",
    )
    sheet.scores.create(criterion=criterion, value=77, comment="评分意见")
    for viewer in (member_of(application.applicant), ExpertFactory().user):
        client.force_login(viewer)
        response = client.get(application.get_absolute_url())
        if response.status_code == 404:
            continue  # an unassigned expert may not even open it
        page = response.text
        assert "评审专家乙" not in page
        assert "专家总体意见" not in page and "评分意见" not in page


def test_an_issuer_admin_adds_a_handler_who_then_sees_the_workspace(client):
    from accounts.models import MembershipRole

    call = CallFactory()
    colleague = member_of(call.issuer, role=MembershipRole.MEMBER)
    url = reverse("challenges:call_manage", args=[call.pk])
    client.force_login(colleague)
    assert client.get(url).status_code == 404
    client.force_login(member_of(call.issuer))  # an administrator of the issuer
    client.post(reverse("challenges:handler_add", args=[call.pk]), {"user": colleague.pk})
    client.force_login(colleague)
    assert client.get(url).status_code == 200


def test_a_plain_member_cannot_add_handlers(client):
    from accounts.models import MembershipRole

    call = CallFactory()
    member = member_of(call.issuer, role=MembershipRole.MEMBER)
    call.handlers.add(member)
    other = member_of(call.issuer, role=MembershipRole.MEMBER)
    client.force_login(member)
    client.post(reverse("challenges:handler_add", args=[call.pk]), {"user": other.pk})
    assert not call.handlers.filter(pk=other.pk).exists()
