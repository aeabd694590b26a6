"""Registering, editing, verifying and rejecting an organization."""

import pytest
from django.urls import reverse

from accounts.models import (
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    VerificationStatus,
)
from tests.accounts.forms_posted.helpers import errors_shown, organization_data, url
from tests.factories import AdminUserFactory, OrganizationFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db


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
