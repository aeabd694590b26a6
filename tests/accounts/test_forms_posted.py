"""Every accounts form posted through its page: organizations, memberships, verification,
qualifications, the expert profile and the password change.

Valid input by the right role changes the record; invalid input changes nothing and says
why; anyone else changes nothing (404 for what they may not see, a refusal otherwise).
"""

import pytest
from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import (
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    OrganizationKind,
    Qualification,
    QualificationLevel,
    QualificationStatus,
    VerificationStatus,
)
from tests.factories import (
    AdminUserFactory,
    ExpertFactory,
    MembershipFactory,
    OrganizationFactory,
    QualificationFactory,
    UserFactory,
    make_credit_code,
    member_of,
    png_bytes,
)

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def errors_shown(response) -> list[str]:
    return [str(m) for m in response.context["messages"] if m.level == messages.ERROR]


def url(name: str, *args) -> str:
    return reverse(f"accounts:{name}", args=args)


def organization_data(**overrides) -> dict:
    return {
        "kind": "sme",
        "name": "宁波甬晶光电材料有限公司",
        "credit_code": make_credit_code(),
        "province": "33",
        "city": "宁波市",
        "description": "光学晶体材料。",
        "website": "www.yongjing.example.cn",
        "contact_email": "contact@yongjing.example.cn",
        "industry_division": "39",
        **overrides,
    }


def certificate(name: str = "cert.png", data: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes() if data is None else data)


# --- registering and editing an organization -----------------------------------------------


def test_a_user_registers_an_organization_and_becomes_its_administrator(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(url("organization_create"), organization_data())

    assert response["Location"] == reverse("portal:dashboard")
    organization = Organization.objects.get()
    assert organization.verification_status == VerificationStatus.PENDING
    assert organization.website == "https://www.yongjing.example.cn"
    membership = Membership.objects.get(user=user)
    assert (membership.organization, membership.role, membership.status) == (
        organization,
        MembershipRole.ADMIN,
        MembershipStatus.ACTIVE,
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", ""),
        ("name", "公" * 121),
        ("kind", "club"),
        ("province", "99"),
        ("credit_code", "914403001922038217"),
        ("contact_email", "不是邮箱"),
        ("website", "javascript:alert(1)"),
        ("description", "述" * 5001),
        ("industry_division", "AA"),
    ],
)
def test_bad_organization_input_shows_the_field_error_and_saves_nothing(client, field, value):
    client.force_login(UserFactory())

    response = client.post(url("organization_create"), organization_data(**{field: value}))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Organization.objects.exists()


def test_a_taken_name_or_credit_code_is_explained(client):
    existing = OrganizationFactory()
    client.force_login(UserFactory())

    response = client.post(
        url("organization_create"),
        organization_data(name=existing.name, credit_code=existing.credit_code),
    )

    assert response.status_code == 200
    assert {"name", "credit_code"} & set(response.context["form"].errors)
    assert Organization.objects.count() == 1


def test_a_member_cannot_register_a_second_organization(client):
    client.force_login(member_of(OrganizationFactory()))

    response = client.post(url("organization_create"), organization_data(), follow=True)

    assert response.redirect_chain[0][0] == reverse("portal:dashboard")
    assert Organization.objects.count() == 1


def test_an_administrator_edits_the_profile(client):
    organization = OrganizationFactory()
    client.force_login(member_of(organization))

    response = client.post(
        url("organization_edit", organization.pk),
        organization_data(
            name=organization.name,
            credit_code=organization.credit_code,
            kind=organization.kind,
            description="新的简介",
        ),
    )

    assert response["Location"] == reverse("portal:organization_detail", args=[organization.pk])
    organization.refresh_from_db()
    assert organization.description == "新的简介"
    assert organization.verification_status == VerificationStatus.VERIFIED


def test_renaming_a_verified_organization_reopens_verification(client):
    organization = OrganizationFactory()
    client.force_login(member_of(organization))

    client.post(
        url("organization_edit", organization.pk),
        organization_data(credit_code=organization.credit_code, name="改名后的有限公司"),
    )

    organization.refresh_from_db()
    assert organization.name == "改名后的有限公司"
    assert organization.verification_status == VerificationStatus.PENDING


def test_editing_with_bad_input_shows_errors_and_keeps_the_profile(client):
    organization = OrganizationFactory()
    name = organization.name
    client.force_login(member_of(organization))

    response = client.post(
        url("organization_edit", organization.pk),
        organization_data(name="", credit_code="123", description="新"),
    )

    assert response.status_code == 200
    assert {"name", "credit_code"} <= set(response.context["form"].errors)
    organization.refresh_from_db()
    assert (organization.name, organization.description) != ("", "新")
    assert organization.name == name


@pytest.mark.parametrize("who", ["plain member", "outsider", "platform administrator"])
def test_only_the_organizations_administrators_edit_it(client, who):
    organization = OrganizationFactory()
    actor = {
        "plain member": lambda: member_of(organization, role=MembershipRole.MEMBER),
        "outsider": lambda: member_of(OrganizationFactory()),
        "platform administrator": AdminUserFactory,
    }[who]()
    client.force_login(actor)

    response = client.post(
        url("organization_edit", organization.pk),
        organization_data(credit_code=organization.credit_code, description="篡改"),
    )

    assert response.status_code == 404
    organization.refresh_from_db()
    assert organization.description != "篡改"


# --- verification --------------------------------------------------------------------------


def test_an_administrator_verifies_a_pending_organization(client):
    organization = OrganizationFactory(verification_status=VerificationStatus.PENDING)
    admin = AdminUserFactory()
    client.force_login(admin)

    response = client.post(url("organization_verify", organization.pk))

    assert response["Location"] == reverse("portal:review_queue")
    organization.refresh_from_db()
    assert (organization.verification_status, organization.verified_by) == (
        VerificationStatus.VERIFIED,
        admin,
    )


def test_verifying_twice_is_explained(client):
    organization = OrganizationFactory()
    client.force_login(AdminUserFactory())

    response = client.post(url("organization_verify", organization.pk), follow=True)

    assert errors_shown(response)


def test_an_organization_cannot_verify_itself(client):
    organization = OrganizationFactory(verification_status=VerificationStatus.PENDING)
    client.force_login(member_of(organization))

    response = client.post(url("organization_verify", organization.pk), follow=True)

    assert response.status_code == 404 or errors_shown(response)
    organization.refresh_from_db()
    assert organization.verification_status == VerificationStatus.PENDING


def test_an_outsider_cannot_find_a_pending_organization_to_verify(client):
    organization = OrganizationFactory(verification_status=VerificationStatus.PENDING)
    client.force_login(member_of(OrganizationFactory()))

    response = client.post(url("organization_verify", organization.pk))

    assert response.status_code == 404
    organization.refresh_from_db()
    assert organization.verification_status == VerificationStatus.PENDING


def test_an_administrator_rejects_with_a_reason(client):
    organization = OrganizationFactory(verification_status=VerificationStatus.PENDING)
    client.force_login(AdminUserFactory())

    response = client.post(
        url("organization_reject", organization.pk), {"reason": "营业执照与名称不符"}
    )

    assert response["Location"] == reverse("portal:review_queue")
    organization.refresh_from_db()
    assert (organization.verification_status, organization.rejection_reason) == (
        VerificationStatus.REJECTED,
        "营业执照与名称不符",
    )


@pytest.mark.parametrize("reason", ["", "理" * 2001])
def test_rejecting_without_a_usable_reason_is_explained(client, reason):
    organization = OrganizationFactory(verification_status=VerificationStatus.PENDING)
    client.force_login(AdminUserFactory())

    response = client.post(
        url("organization_reject", organization.pk), {"reason": reason}, follow=True
    )

    assert errors_shown(response)
    organization.refresh_from_db()
    assert organization.verification_status == VerificationStatus.PENDING


def test_a_verified_organization_is_not_rejected(client):
    organization = OrganizationFactory()
    client.force_login(AdminUserFactory())

    response = client.post(
        url("organization_reject", organization.pk), {"reason": "事后驳回"}, follow=True
    )

    assert errors_shown(response)
    organization.refresh_from_db()
    assert organization.verification_status == VerificationStatus.VERIFIED


@pytest.mark.parametrize("who", ["its own administrator", "outsider"])
def test_only_platform_administrators_reject(client, who):
    organization = OrganizationFactory(verification_status=VerificationStatus.PENDING)
    actor = {
        "its own administrator": lambda: member_of(organization),
        "outsider": lambda: member_of(OrganizationFactory()),
    }[who]()
    client.force_login(actor)

    response = client.post(url("organization_reject", organization.pk), {"reason": "驳回"})

    assert response.status_code in (302, 404)
    organization.refresh_from_db()
    assert organization.verification_status == VerificationStatus.PENDING


# --- memberships ---------------------------------------------------------------------------


def test_a_user_asks_to_join_a_verified_organization(client):
    organization = OrganizationFactory()
    user = UserFactory()
    client.force_login(user)

    response = client.post(url("membership_request", organization.pk))

    assert response["Location"] == reverse("portal:dashboard")
    membership = Membership.objects.get(user=user)
    assert (membership.organization, membership.status, membership.role) == (
        organization,
        MembershipStatus.PENDING,
        MembershipRole.MEMBER,
    )


def test_a_member_cannot_ask_to_join_another_organization(client):
    user = member_of(OrganizationFactory())
    other = OrganizationFactory()
    client.force_login(user)

    response = client.post(url("membership_request", other.pk), follow=True)

    assert errors_shown(response)
    assert not Membership.objects.filter(organization=other).exists()


def test_a_pending_organization_cannot_be_joined_by_outsiders(client):
    organization = OrganizationFactory(verification_status=VerificationStatus.PENDING)
    client.force_login(UserFactory())

    response = client.post(url("membership_request", organization.pk))

    assert response.status_code == 404
    assert not Membership.objects.filter(organization=organization).exists()


def pending_request(organization=None) -> Membership:
    return MembershipFactory(
        organization=organization or OrganizationFactory(),
        role=MembershipRole.MEMBER,
        status=MembershipStatus.PENDING,
    )


def test_an_administrator_approves_a_request(client):
    membership = pending_request()
    client.force_login(member_of(membership.organization))

    client.post(url("membership_decide", membership.pk, "approve"))

    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE


def test_an_administrator_declines_a_request(client):
    membership = pending_request()
    client.force_login(member_of(membership.organization))

    client.post(url("membership_decide", membership.pk, "decline"))

    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_a_decided_request_is_not_decided_again(client):
    membership = pending_request()
    client.force_login(member_of(membership.organization))
    client.post(url("membership_decide", membership.pk, "approve"))

    response = client.post(url("membership_decide", membership.pk, "decline"), follow=True)

    assert errors_shown(response)
    assert Membership.objects.get(pk=membership.pk).status == MembershipStatus.ACTIVE


def test_an_administrator_appoints_and_demotes_administrators(client):
    organization = OrganizationFactory()
    colleague = MembershipFactory(organization=organization, role=MembershipRole.MEMBER)
    client.force_login(member_of(organization))

    client.post(url("membership_decide", colleague.pk, "make-admin"))
    colleague.refresh_from_db()
    assert colleague.role == MembershipRole.ADMIN

    client.post(url("membership_decide", colleague.pk, "make-member"))
    colleague.refresh_from_db()
    assert colleague.role == MembershipRole.MEMBER


def test_the_last_administrator_is_not_demoted(client):
    organization = OrganizationFactory()
    admin = member_of(organization)
    membership = Membership.objects.get(user=admin)
    client.force_login(admin)

    response = client.post(url("membership_decide", membership.pk, "make-member"), follow=True)

    assert errors_shown(response)
    membership.refresh_from_db()
    assert membership.role == MembershipRole.ADMIN


def test_an_administrator_removes_a_member_and_a_member_leaves(client):
    organization = OrganizationFactory()
    removed = MembershipFactory(organization=organization, role=MembershipRole.MEMBER)
    leaving = MembershipFactory(organization=organization, role=MembershipRole.MEMBER)

    client.force_login(member_of(organization))
    client.post(url("membership_decide", removed.pk, "end"))
    client.force_login(leaving.user)
    client.post(url("membership_decide", leaving.pk, "end"))

    assert not Membership.objects.filter(pk__in=[removed.pk, leaving.pk]).exists()


def test_a_plain_member_cannot_decide_on_requests(client):
    membership = pending_request()
    client.force_login(member_of(membership.organization, role=MembershipRole.MEMBER))

    response = client.post(url("membership_decide", membership.pk, "approve"), follow=True)

    assert errors_shown(response)
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PENDING


def test_a_requester_cannot_approve_itself(client):
    membership = pending_request()
    client.force_login(membership.user)

    response = client.post(url("membership_decide", membership.pk, "approve"), follow=True)

    assert errors_shown(response)
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PENDING


@pytest.mark.parametrize(("who", "decision"), [("outsider", "approve"), ("admin", "promote")])
def test_outsiders_and_unknown_decisions_are_not_found(client, who, decision):
    membership = pending_request()
    actor = {
        "outsider": lambda: member_of(OrganizationFactory()),
        "admin": lambda: member_of(membership.organization),
    }[who]()
    client.force_login(actor)

    response = client.post(url("membership_decide", membership.pk, decision))

    assert response.status_code == 404
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PENDING


# --- qualifications ------------------------------------------------------------------------


def qualification_data(**overrides) -> dict:
    return {
        "level": "provincial",
        "batch": "第五批",
        "year": "2024",
        "issuer": "浙江省经济和信息化厅",
        "certificate_upload": certificate(),
        **overrides,
    }


def test_an_enterprise_administrator_claims_a_qualification(client):
    organization = OrganizationFactory()
    client.force_login(member_of(organization))

    response = client.post(url("qualification_create"), qualification_data())

    assert response["Location"] == reverse("portal:dashboard")
    qualification = Qualification.objects.get()
    assert (qualification.organization, qualification.status, qualification.level) == (
        organization,
        QualificationStatus.PENDING,
        QualificationLevel.PROVINCIAL,
    )
    assert qualification.certificate_thumbnail


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("year", str(timezone.now().year + 1)),
        ("year", "二〇二四"),
        ("level", "galactic"),
        ("batch", ""),
        ("issuer", "厅" * 101),
        ("certificate_upload", None),
        ("certificate_upload", "not an image"),
    ],
)
def test_a_bad_qualification_claim_shows_the_field_error_and_saves_nothing(client, field, value):
    client.force_login(member_of(OrganizationFactory()))
    data = qualification_data()
    if field == "certificate_upload" and value is None:
        del data["certificate_upload"]
    elif field == "certificate_upload":
        data["certificate_upload"] = certificate("cert.png", b"<?php echo 1; ?>")
    else:
        data[field] = value

    response = client.post(url("qualification_create"), data)

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Qualification.objects.exists()


@pytest.mark.parametrize("who", ["plain member", "university administrator", "no organization"])
def test_only_enterprise_administrators_claim_qualifications(client, who):
    actor = {
        "plain member": lambda: member_of(OrganizationFactory(), role=MembershipRole.MEMBER),
        "university administrator": lambda: member_of(
            OrganizationFactory(kind=OrganizationKind.UNIVERSITY)
        ),
        "no organization": UserFactory,
    }[who]()
    client.force_login(actor)

    response = client.post(url("qualification_create"), qualification_data())

    assert response.status_code == 404
    assert not Qualification.objects.exists()


@pytest.mark.parametrize(
    ("decision", "source", "reason", "target"),
    [
        ("verify", QualificationStatus.PENDING, "", QualificationStatus.VERIFIED),
        ("reject", QualificationStatus.PENDING, "证书模糊", QualificationStatus.REJECTED),
        ("revoke", QualificationStatus.VERIFIED, "已被撤销", QualificationStatus.REVOKED),
    ],
)
def test_an_administrator_decides_on_a_qualification(client, decision, source, reason, target):
    qualification = QualificationFactory(status=source)
    client.force_login(AdminUserFactory())

    response = client.post(
        url("qualification_decide", qualification.pk, decision), {"reason": reason}
    )

    assert response["Location"] == reverse("portal:review_queue")
    qualification.refresh_from_db()
    assert qualification.status == target


def test_verifying_a_qualification_gives_the_organization_its_level(client):
    qualification = QualificationFactory(level=QualificationLevel.NATIONAL)
    client.force_login(AdminUserFactory())

    client.post(url("qualification_decide", qualification.pk, "verify"))

    qualification.organization.refresh_from_db()
    assert qualification.organization.qualification_level == QualificationLevel.NATIONAL


@pytest.mark.parametrize(
    ("decision", "source"),
    [
        ("reject", QualificationStatus.PENDING),
        ("revoke", QualificationStatus.VERIFIED),
    ],
)
def test_rejecting_or_revoking_needs_a_reason(client, decision, source):
    qualification = QualificationFactory(status=source)
    client.force_login(AdminUserFactory())

    response = client.post(
        url("qualification_decide", qualification.pk, decision), {"reason": " "}, follow=True
    )

    assert errors_shown(response)
    qualification.refresh_from_db()
    assert qualification.status == source


def test_a_rejected_qualification_is_not_verified_later(client):
    qualification = QualificationFactory(status=QualificationStatus.REJECTED)
    client.force_login(AdminUserFactory())

    response = client.post(url("qualification_decide", qualification.pk, "verify"), follow=True)

    assert errors_shown(response)
    qualification.refresh_from_db()
    assert qualification.status == QualificationStatus.REJECTED


def test_an_organization_cannot_verify_its_own_qualification(client):
    qualification = QualificationFactory()
    client.force_login(member_of(qualification.organization))

    response = client.post(url("qualification_decide", qualification.pk, "verify"), follow=True)

    assert errors_shown(response)
    qualification.refresh_from_db()
    assert qualification.status == QualificationStatus.PENDING


@pytest.mark.parametrize(("who", "decision"), [("outsider", "verify"), ("admin", "approve")])
def test_outsiders_and_unknown_qualification_decisions_are_not_found(client, who, decision):
    qualification = QualificationFactory()
    client.force_login(
        member_of(OrganizationFactory()) if who == "outsider" else AdminUserFactory()
    )

    response = client.post(url("qualification_decide", qualification.pk, decision))

    assert response.status_code == 404
    qualification.refresh_from_db()
    assert qualification.status == QualificationStatus.PENDING


def test_the_certificate_thumbnail_is_private(client):
    qualification = QualificationFactory()
    qualification.certificate_thumbnail.save("cert_t.png", ContentFile(png_bytes((8, 6))))
    thumb = url("qualification_certificate_thumb", qualification.pk)

    assert client.get(thumb).status_code == 302  # to the login page
    client.force_login(member_of(OrganizationFactory()))
    assert client.get(thumb).status_code == 404

    client.force_login(member_of(qualification.organization, role=MembershipRole.MEMBER))
    response = client.get(thumb)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == png_bytes((8, 6))
    assert "private" in response["Cache-Control"]

    client.force_login(AdminUserFactory())
    assert client.get(thumb).status_code == 200


def test_a_certificate_without_a_thumbnail_has_none_to_show(client):
    qualification = QualificationFactory()
    client.force_login(member_of(qualification.organization))

    assert client.get(url("qualification_certificate_thumb", qualification.pk)).status_code == 404


# --- the expert profile --------------------------------------------------------------------


def test_an_expert_updates_the_profile(client):
    expert = ExpertFactory()
    client.force_login(expert.user)

    response = client.post(
        url("expert_profile"),
        {"title": "研究员", "affiliation": "中科院微电子所", "expertise": "封装", "bio": "二十年"},
    )

    assert response["Location"] == reverse("portal:dashboard")
    expert.refresh_from_db()
    assert (expert.title, expert.affiliation) == ("研究员", "中科院微电子所")


def test_a_bad_expert_profile_shows_errors_and_keeps_the_old_one(client):
    expert = ExpertFactory()
    client.force_login(expert.user)

    response = client.post(
        url("expert_profile"), {"title": "职" * 500, "affiliation": "", "expertise": "封装"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    expert.refresh_from_db()
    assert expert.affiliation == "华东半导体研究院"


def test_a_user_who_is_not_an_expert_has_no_expert_profile(client):
    client.force_login(UserFactory())

    response = client.post(url("expert_profile"), {"title": "自封专家", "affiliation": "无"})

    assert response.status_code == 404


# --- the password --------------------------------------------------------------------------


def test_a_user_changes_the_password(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        url("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Hefei-Rui-2025!",
            "new_password2": "Hefei-Rui-2025!",
        },
    )

    assert response["Location"] == url("password_change_done")
    user.refresh_from_db()
    assert user.check_password("Hefei-Rui-2025!")


@pytest.mark.parametrize(
    ("old", "new1", "new2", "field"),
    [
        ("wrong-old-pass", "Hefei-Rui-2025!", "Hefei-Rui-2025!", "old_password"),
        (PASSWORD, "Hefei-Rui-2025!", "Hefei-Rui-2026!", "new_password2"),
        (PASSWORD, "12345678", "12345678", "new_password2"),
    ],
)
def test_a_bad_password_change_shows_the_error_and_keeps_the_old_password(
    client, old, new1, new2, field
):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        url("password_change"),
        {"old_password": old, "new_password1": new1, "new_password2": new2},
    )

    assert response.status_code == 200
    assert field in response.context["form"].errors
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_anonymous_visitors_cannot_change_a_password(client):
    response = client.post(
        url("password_change"),
        {"old_password": PASSWORD, "new_password1": "x-Y-z-123!", "new_password2": "x-Y-z-123!"},
    )

    assert response.status_code == 302
    assert url("login") in response["Location"]
