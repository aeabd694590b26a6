"""Claiming qualifications and deciding on them, and their private certificates."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import (
    MembershipRole,
    OrganizationKind,
    Qualification,
    QualificationLevel,
    QualificationStatus,
)
from tests.accounts.forms_posted.helpers import certificate, errors_shown, url
from tests.factories import (
    AdminUserFactory,
    OrganizationFactory,
    QualificationFactory,
    UserFactory,
    member_of,
    png_bytes,
)

pytestmark = pytest.mark.django_db


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
