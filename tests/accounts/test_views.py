import io
import re

import pytest
from django.urls import reverse
from PIL import Image

from accounts.models import Membership, Organization, Qualification, VerificationStatus
from tests.factories import (
    AdminUserFactory,
    OrganizationFactory,
    QualificationFactory,
    UserFactory,
    make_credit_code,
    member_of,
    png_bytes,
)

pytestmark = pytest.mark.django_db


def upload(name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def form_data(**overrides):
    data = {
        "kind": "sme",
        "name": "宁波甬晶光电材料有限公司",
        "credit_code": make_credit_code(),
        "province": "33",
        "city": "宁波市",
        "industry_division": "39",
        "industry_class": "3985",
    }
    data.update(overrides)
    return data


def test_register_an_organization_with_a_logo(client):
    client.force_login(UserFactory())
    logo = io.BytesIO()
    Image.new("RGB", (300, 300), (20, 90, 200)).save(logo, "JPEG")
    response = client.post(
        reverse("accounts:organization_create"),
        {**form_data(), "logo_upload": upload("logo.jpg", logo.getvalue())},
    )
    assert response.status_code == 302
    organization = Organization.objects.get()
    assert organization.verification_status == VerificationStatus.PENDING
    assert organization.industry_id == "3985"
    stored_name = organization.logo.name.rsplit("/", 1)[-1]
    assert stored_name.endswith(".jpg") and "logo" not in stored_name  # a generated name
    assert organization.logo_thumbnail.storage.exists(organization.logo_thumbnail.name)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("logo.jpg", b"<?php system($_GET['c']); ?>"),
        ("logo.png", png_bytes()[:60]),
    ],
)
def test_bad_logo_gets_a_form_error_and_nothing_is_stored(client, settings, name, data):
    client.force_login(UserFactory())
    response = client.post(
        reverse("accounts:organization_create"), {**form_data(), "logo_upload": upload(name, data)}
    )
    assert response.status_code == 200
    assert "logo_upload" in response.context["form"].errors
    assert not Organization.objects.exists()
    media = settings.MEDIA_ROOT
    assert not media.exists() or not any(path.is_file() for path in media.rglob("*"))


def test_wrong_credit_code_is_explained_on_the_form(client):
    client.force_login(UserFactory())
    response = client.post(
        reverse("accounts:organization_create"), form_data(credit_code="914403001922038217")
    )
    assert response.status_code == 200
    assert "credit_code" in response.context["form"].errors
    assert not Organization.objects.exists()


def test_ask_to_join_and_get_approved(client):
    organization = OrganizationFactory(name="合肥瑞感电子有限公司")
    admin_member = member_of(organization)
    applicant = UserFactory()
    client.force_login(applicant)
    response = client.get(reverse("accounts:organization_join"), {"query": "瑞感"})
    assert organization.name in response.text
    client.post(reverse("accounts:membership_request", args=[organization.pk]))
    membership = Membership.objects.get(user=applicant)
    client.force_login(admin_member)
    client.post(reverse("accounts:membership_decide", args=[membership.pk, "approve"]))
    membership.refresh_from_db()
    assert membership.status == "active"


def test_joining_search_lists_only_verified_organizations(client):
    verified = OrganizationFactory(name="合肥瑞感电子有限公司")
    pending = OrganizationFactory(
        name="合肥瑞感传感技术有限公司", verification_status=VerificationStatus.PENDING
    )
    rejected = OrganizationFactory(
        name="合肥瑞感光电有限公司", verification_status=VerificationStatus.REJECTED
    )
    client.force_login(UserFactory())

    by_name = client.get(reverse("accounts:organization_join"), {"query": "瑞感"})
    assert verified.name in by_name.text
    assert pending.name not in by_name.text
    assert rejected.name not in by_name.text
    by_code = client.get(reverse("accounts:organization_join"), {"query": pending.credit_code})
    assert pending.name not in by_code.text
    assert reverse("accounts:membership_request", args=[pending.pk]) not in by_code.text


def test_outsider_cannot_decide_on_a_membership_request(client):
    organization = OrganizationFactory()
    membership = Membership.objects.create(user=UserFactory(), organization=organization)
    client.force_login(member_of(OrganizationFactory()))
    response = client.post(reverse("accounts:membership_decide", args=[membership.pk, "approve"]))
    assert response.status_code == 404
    membership.refresh_from_db()
    assert membership.status == "pending"


def test_certificates_are_private(client):
    qualification = QualificationFactory()
    url = reverse("accounts:qualification_certificate", args=[qualification.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(member_of(OrganizationFactory()))
    assert client.get(url).status_code == 404
    client.force_login(member_of(qualification.organization))
    assert client.get(url).status_code == 200
    client.force_login(AdminUserFactory())
    assert client.get(url).status_code == 200


def test_claiming_a_qualification_through_the_form(client):
    organization = OrganizationFactory()
    client.force_login(member_of(organization))
    response = client.post(
        reverse("accounts:qualification_create"),
        {
            "level": "provincial",
            "batch": "第五批",
            "year": 2024,
            "issuer": "浙江省经济和信息化厅",
            "certificate_upload": upload("cert.png", png_bytes()),
        },
    )
    assert response.status_code == 302
    assert Qualification.objects.get().status == "pending"


def test_administrator_verifies_from_the_review_queue(client):
    organization = OrganizationFactory(verification_status=VerificationStatus.PENDING)
    client.force_login(AdminUserFactory())
    assert organization.name in client.get(reverse("portal:review_queue")).text
    client.post(reverse("accounts:organization_verify", args=[organization.pk]))
    organization.refresh_from_db()
    assert organization.is_verified


def test_next_parameter_cannot_redirect_off_site(client):
    organization = OrganizationFactory(verification_status=VerificationStatus.PENDING)
    client.force_login(AdminUserFactory())
    response = client.post(
        reverse("accounts:organization_verify", args=[organization.pk]),
        {"next": "https://evil.example.com/"},
    )
    assert response["Location"] == reverse("portal:review_queue")


def test_account_pages_carry_no_inline_script_or_style():
    """The Content-Security-Policy blocks inline script and style: they would silently fail."""
    from pathlib import Path

    import accounts

    templates = Path(accounts.__file__).parent / "templates"
    offenders = [
        path.name
        for path in templates.rglob("*.html")
        if re.search(r"<script(?![^>]*\bsrc=)|\sstyle=|\son[a-z]+=", path.read_text())
    ]
    assert offenders == []
