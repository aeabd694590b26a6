import pytest
from django.core.exceptions import ValidationError

from accounts import services
from accounts.models import (
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    OrganizationKind,
    QualificationLevel,
    QualificationStatus,
    VerificationStatus,
)
from core.exceptions import InvalidState, NotAllowed
from tests.factories import (
    AdminUserFactory,
    MembershipFactory,
    OrganizationFactory,
    QualificationFactory,
    UserFactory,
    make_credit_code,
    member_of,
    png_bytes,
)
from uploads.images import process_image

pytestmark = pytest.mark.django_db


def organization_data(**overrides):
    data = {
        "kind": OrganizationKind.SME,
        "name": "苏州芯测微电子科技有限公司",
        "credit_code": make_credit_code().lower(),
        "province": "32",
        "city": "苏州市",
    }
    data.update(overrides)
    return data


def test_creating_an_organization_makes_the_actor_its_admin_and_awaits_verification():
    user = UserFactory()
    organization = services.organization_create(actor=user, data=organization_data())
    assert organization.verification_status == VerificationStatus.PENDING
    assert organization.credit_code == organization.credit_code.upper()
    membership = Membership.objects.get(user=user)
    assert membership.role == MembershipRole.ADMIN
    assert membership.status == MembershipStatus.ACTIVE
    assert organization.events.filter(action="created").exists()


def test_invalid_credit_code_creates_nothing():
    user = UserFactory()
    with pytest.raises(ValidationError) as caught:
        services.organization_create(
            actor=user, data=organization_data(credit_code="91320500MA1XXXXXX0")
        )
    assert "credit_code" in caught.value.message_dict
    assert not Organization.objects.exists()
    assert not Membership.objects.exists()


def test_a_user_cannot_register_a_second_organization():
    user = member_of(OrganizationFactory())
    with pytest.raises(InvalidState):
        services.organization_create(actor=user, data=organization_data())
    assert Organization.objects.count() == 1


def test_only_administrators_verify_organizations():
    organization = OrganizationFactory(verification_status=VerificationStatus.PENDING)
    with pytest.raises(NotAllowed):
        services.organization_verify(actor=member_of(organization), organization=organization)
    admin = AdminUserFactory()
    services.organization_verify(actor=admin, organization=organization)
    organization.refresh_from_db()
    assert organization.verification_status == VerificationStatus.VERIFIED
    assert organization.verified_by == admin


def test_rejecting_needs_a_reason_and_a_pending_organization():
    admin = AdminUserFactory()
    organization = OrganizationFactory(verification_status=VerificationStatus.PENDING)
    with pytest.raises(InvalidState):
        services.organization_reject(actor=admin, organization=organization, reason="  ")
    services.organization_reject(actor=admin, organization=organization, reason="营业执照不清晰")
    organization.refresh_from_db()
    assert organization.verification_status == VerificationStatus.REJECTED
    assert organization.rejection_reason == "营业执照不清晰"
    with pytest.raises(InvalidState):
        services.organization_reject(actor=admin, organization=organization, reason="again")


def test_changing_the_name_of_a_verified_organization_reopens_verification():
    organization = OrganizationFactory()
    admin_member = member_of(organization)
    data = organization_data(name="新名称科技有限公司", credit_code=organization.credit_code)
    services.organization_update(actor=admin_member, organization=organization, data=data)
    organization.refresh_from_db()
    assert organization.verification_status == VerificationStatus.PENDING


def test_editing_the_description_keeps_verification():
    organization = OrganizationFactory()
    data = {"description": "新的介绍"}
    services.organization_update(
        actor=member_of(organization), organization=organization, data=data
    )
    organization.refresh_from_db()
    assert organization.verification_status == VerificationStatus.VERIFIED
    assert organization.description == "新的介绍"


def test_plain_members_and_outsiders_cannot_edit_the_organization():
    organization = OrganizationFactory()
    for actor in (
        member_of(organization, role=MembershipRole.MEMBER),
        member_of(OrganizationFactory()),
    ):
        with pytest.raises(NotAllowed):
            services.organization_update(
                actor=actor, organization=organization, data={"description": "x"}
            )
    organization.refresh_from_db()
    assert organization.description != "x"


def test_joining_needs_approval_by_an_organization_admin():
    organization = OrganizationFactory()
    applicant = UserFactory()
    membership = services.membership_request(actor=applicant, organization=organization)
    assert membership.status == MembershipStatus.PENDING
    with pytest.raises(NotAllowed):
        services.membership_approve(actor=applicant, membership=membership)
    with pytest.raises(NotAllowed):
        services.membership_approve(
            actor=member_of(organization, role=MembershipRole.MEMBER), membership=membership
        )
    services.membership_approve(actor=member_of(organization), membership=membership)
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE


def test_the_last_admin_cannot_leave():
    membership = MembershipFactory()
    with pytest.raises(InvalidState):
        services.membership_end(actor=membership.user, membership=membership)
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_qualification_verification_sets_the_badge_and_revocation_removes_it():
    organization = OrganizationFactory()
    qualification = QualificationFactory(organization=organization)
    admin = AdminUserFactory()
    services.qualification_verify(actor=admin, qualification=qualification)
    organization.refresh_from_db()
    assert organization.qualification_level == QualificationLevel.NATIONAL
    services.qualification_revoke(actor=admin, qualification=qualification, reason="已过有效期")
    organization.refresh_from_db()
    assert organization.qualification_level == QualificationLevel.NONE


def test_the_highest_verified_qualification_wins():
    organization = OrganizationFactory()
    admin = AdminUserFactory()
    for level in (QualificationLevel.NATIONAL, QualificationLevel.PROVINCIAL):
        services.qualification_verify(
            actor=admin, qualification=QualificationFactory(organization=organization, level=level)
        )
    organization.refresh_from_db()
    assert organization.qualification_level == QualificationLevel.NATIONAL


def test_only_an_enterprise_admin_claims_a_qualification():
    university = OrganizationFactory(kind=OrganizationKind.UNIVERSITY, credit_code="4111010001")
    certificate = process_image(__import__("io").BytesIO(png_bytes()))
    with pytest.raises(NotAllowed):
        services.qualification_submit(
            actor=member_of(university),
            organization=university,
            level="national",
            batch="第三批",
            year=2021,
            issuer="工业和信息化部",
            certificate=certificate,
        )
    sme = OrganizationFactory()
    qualification = services.qualification_submit(
        actor=member_of(sme),
        organization=sme,
        level="national",
        batch="第三批",
        year=2021,
        issuer="工业和信息化部",
        certificate=certificate,
    )
    assert qualification.status == QualificationStatus.PENDING
    assert qualification.certificate.name.endswith(".png")
    assert qualification.certificate.storage.exists(qualification.certificate.name)


def test_a_rejected_qualification_cannot_be_verified_later():
    qualification = QualificationFactory()
    admin = AdminUserFactory()
    services.qualification_reject(actor=admin, qualification=qualification, reason="证书模糊")
    with pytest.raises(InvalidState):
        services.qualification_verify(actor=admin, qualification=qualification)
