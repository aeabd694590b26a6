"""Typed and posted input on the open-call pages: found, not found, too long, out of range.

Every case goes through the real URL; bad input gets a message and changes nothing.
"""

import pytest
from django.conf import settings
from django.urls import reverse

from accounts.models import MembershipRole, OrganizationKind, VerificationStatus
from challenges.models import (
    ApplicationStatus,
    CallKind,
    CallStatus,
    ConflictOfInterest,
    ConsortiumPartner,
    Round,
)
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    ChainNodeFactory,
    ExpertFactory,
    OrganizationFactory,
    UserFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db

NOT_FOUND = "没有已认证机构使用该统一社会信用代码或完整名称。"
TOO_LONG = "120"


def draft_with_applicant(client):
    application = ApplicationFactory(status=ApplicationStatus.DRAFT, submitted_at=None)
    client.force_login(member_of(application.applicant))
    return application


def in_english(client) -> None:
    """Read the page in English (the language switcher's cookie)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


# --- consortium partner, by credit code or exact name ----------------------------------------


@pytest.mark.parametrize("typed", ["code", "name", "code with spaces"])
def test_inviting_a_partner_found_by_code_or_name_sends_the_invitation(client, typed):
    application = draft_with_applicant(client)
    institute = OrganizationFactory(kind=OrganizationKind.INSTITUTE)
    text = {
        "code": institute.credit_code,
        "name": institute.name,
        "code with spaces": f"  {institute.credit_code[:6]} {institute.credit_code[6:]} ",
    }[typed]

    response = client.post(
        reverse("challenges:partner_invite", args=[application.pk]),
        {"organization": text, "role": "可靠性测试"},
        follow=True,
    )

    assert response.status_code == 200
    assert "邀请已发送，待联合体成员确认。" in messages_of(response)
    partner = ConsortiumPartner.objects.get(application=application)
    assert (partner.organization, partner.role) == (institute, "可靠性测试")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("91320500XXXXXXXXXX", NOT_FOUND),
        ("不存在的研究院", NOT_FOUND),
        ("研" * 121, TOO_LONG),
        ("", "必填"),
    ],
)
def test_inviting_an_unknown_or_too_long_partner_explains_and_changes_nothing(
    client, text, expected
):
    application = draft_with_applicant(client)

    response = client.post(
        reverse("challenges:partner_invite", args=[application.pk]),
        {"organization": text},
        follow=True,
    )

    assert response.status_code == 200
    assert expected in messages_of(response)
    assert not ConsortiumPartner.objects.filter(application=application).exists()


def test_an_unverified_organization_is_not_found_as_a_partner(client):
    application = draft_with_applicant(client)
    pending = OrganizationFactory(verification_status=VerificationStatus.PENDING)

    response = client.post(
        reverse("challenges:partner_invite", args=[application.pk]),
        {"organization": pending.credit_code},
        follow=True,
    )

    assert NOT_FOUND in messages_of(response)
    assert not ConsortiumPartner.objects.exists()


# --- expert conflicts of interest ------------------------------------------------------------


@pytest.mark.parametrize("typed", ["code", "name"])
def test_declaring_a_conflict_with_an_organization_found_records_it(client, typed):
    expert = ExpertFactory()
    organization = OrganizationFactory()
    client.force_login(expert.user)

    response = client.post(
        reverse("challenges:conflict_declare"),
        {
            "organization": organization.credit_code if typed == "code" else organization.name,
            "reason": "曾任该企业技术顾问",
        },
        follow=True,
    )

    assert "您的申报已记录。" in messages_of(response)
    assert organization.name in response.content.decode()
    assert ConflictOfInterest.objects.get(expert=expert).organization == organization


@pytest.mark.parametrize(("text", "expected"), [("无此企业", NOT_FOUND), ("企" * 121, TOO_LONG)])
def test_declaring_a_conflict_with_an_unknown_or_too_long_name_explains(client, text, expected):
    expert = ExpertFactory()
    client.force_login(expert.user)

    response = client.post(
        reverse("challenges:conflict_declare"),
        {"organization": text, "reason": "持股"},
        follow=True,
    )

    assert expected in messages_of(response)
    assert not ConflictOfInterest.objects.exists()


# --- ids in query strings and forms -----------------------------------------------------------

OUT_OF_RANGE = ["9223372036854775808", "99999999999999999999999", "-3", "0", "abc", "1.5", "１"]


@pytest.mark.parametrize("node", OUT_OF_RANGE)
def test_the_call_list_ignores_a_chain_node_that_cannot_be_an_id(client, node):
    call = CallFactory(title="碳化硅模块封装攻关")

    response = client.get(reverse("challenges:call_list"), {"node": node})

    assert response.status_code == 200
    assert call.title in response.content.decode()


def test_the_call_list_still_filters_by_a_real_chain_node(client):
    node = ChainNodeFactory()
    on_chain = CallFactory(title="链上榜单")
    on_chain.chain_nodes.add(node)
    CallFactory(title="其他榜单")

    page = client.get(reverse("challenges:call_list"), {"node": str(node.pk)}).content.decode()

    assert "链上榜单" in page
    assert "其他榜单" not in page


@pytest.mark.parametrize("round_id", OUT_OF_RANGE)
def test_the_ranking_ignores_a_round_that_cannot_be_an_id(client, round_id):
    call = CallFactory(kind=CallKind.COMPETITION, status=CallStatus.AWARDED)
    Round.objects.create(call=call, position=1, name="初赛", deadline=call.deadline)

    response = client.get(reverse("challenges:call_ranking", args=[call.pk]), {"round": round_id})

    assert response.status_code == 200


@pytest.mark.parametrize("user_id", ["abc", "", "9223372036854775808", "-1"])
def test_adding_a_handler_with_bad_input_explains_and_changes_nothing(client, user_id):
    call = CallFactory()
    issuer_admin = member_of(call.issuer)
    client.force_login(issuer_admin)
    in_english(client)

    response = client.post(
        reverse("challenges:handler_add", args=[call.pk]), {"user": user_id}, follow=True
    )

    assert response.status_code == 200
    assert "Choose an active member of your organization." in messages_of(response)
    assert not call.handlers.exists()


def test_adding_someone_outside_the_issuer_as_handler_is_refused(client):
    call = CallFactory()
    client.force_login(member_of(call.issuer))
    in_english(client)
    outsider = member_of(OrganizationFactory())

    response = client.post(
        reverse("challenges:handler_add", args=[call.pk]), {"user": outsider.pk}, follow=True
    )

    assert "Choose an active member of your organization." in messages_of(response)
    assert not call.handlers.exists()


def test_adding_a_member_as_handler_works(client):
    call = CallFactory()
    client.force_login(member_of(call.issuer))
    colleague = member_of(call.issuer, role=MembershipRole.MEMBER)

    response = client.post(
        reverse("challenges:handler_add", args=[call.pk]), {"user": colleague.pk}, follow=True
    )

    assert colleague.name in messages_of(response)
    assert list(call.handlers.all()) == [colleague]


@pytest.mark.parametrize(
    "who", ["outsider", "user without organization", "handler who is not an admin"]
)
@pytest.mark.parametrize("user_id", ["abc", "9223372036854775808"])
def test_only_issuer_admins_reach_the_handler_form_whatever_they_post(client, who, user_id):
    call = CallFactory()
    actor = {
        "outsider": lambda: member_of(OrganizationFactory()),
        "user without organization": UserFactory,
        "handler who is not an admin": lambda: handler_of(call),
    }[who]()
    handlers_before = set(call.handlers.values_list("pk", flat=True))
    client.force_login(actor)

    response = client.post(reverse("challenges:handler_add", args=[call.pk]), {"user": user_id})

    assert response.status_code == 404
    assert set(call.handlers.values_list("pk", flat=True)) == handlers_before


@pytest.mark.parametrize("expert_id", ["abc", "9223372036854775808", ""])
def test_assigning_an_expert_with_bad_input_explains(client, expert_id):
    call = CallFactory(status=CallStatus.EVALUATING)
    application = ApplicationFactory(call=call, status=ApplicationStatus.ELIGIBLE)
    client.force_login(handler_of(call))

    response = client.post(
        reverse("challenges:expert_assign", args=[application.pk]),
        {"expert": expert_id},
        follow=True,
    )

    assert response.status_code == 200
    assert not application.assignments.exists()


@pytest.mark.parametrize("posted", [["abc"], ["9223372036854775808"], ["-1"]])
def test_advancing_with_ids_that_cannot_exist_explains(client, posted):
    call = CallFactory(kind=CallKind.COMPETITION, status=CallStatus.EVALUATING)
    client.force_login(handler_of(call))

    response = client.post(
        reverse("challenges:round_advance", args=[call.pk]), {"applications": posted}, follow=True
    )

    assert response.status_code == 200
    assert "请至少选择一份晋级的揭榜申请。" in messages_of(response)
