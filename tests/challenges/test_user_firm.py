"""A verification project records the enterprise that used the product (应用单位), not the
department that organised the project."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from accounts.models import OrganizationKind, VerificationStatus
from catalog.models import ProductVerification
from challenges import services
from challenges.models import EVIDENCE_BEFORE_ACCEPTANCE, ApplicationStatus, CallKind, CallStatus
from tests.factories import (
    CallFactory,
    MilestoneFactory,
    OrganizationFactory,
    PublishedProductFactory,
    handler_of,
    member_of,
)
from tests.verification.factories import evidence

pytestmark = pytest.mark.django_db


def verification_call(issuer_kind=OrganizationKind.GOVERNMENT):
    issuer = OrganizationFactory(kind=issuer_kind, name="某省工业和信息化厅")
    return CallFactory(kind=CallKind.VERIFICATION, issuer=issuer, eligible_kinds=["sme"])


def start_in_english(client, call):
    """An SME with a published product opens a draft through the call page."""
    product = PublishedProductFactory(title="高精度MEMS压力传感器")
    user = member_of(product.organization)
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.post(reverse("challenges:application_start", args=[call.pk]))
    application = product.organization.applications.get(call=call)
    return application, product, user


def edit(client, application, product, user_firm):
    return client.post(
        reverse("challenges:application_edit", args=[application.pk]),
        {
            "product": product.pk,
            "technical_approach": "在整车厂产线开展装车验证",
            "user_firm": user_firm,
        },
        follow=True,
    )


def test_a_government_project_needs_the_user_firm_before_submission(client):
    call = verification_call()
    application, product, _user = start_in_english(client, call)
    assert application.user_firm is None

    edit(client, application, product, "")
    response = client.post(
        reverse("challenges:application_transition", args=[application.pk, "submit"]),
        follow=True,
    )

    assert "Name the user firm (应用单位) that will use the product first." in (
        response.content.decode()
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    assert "Not named yet" in client.get(application.get_absolute_url()).content.decode()


@pytest.mark.parametrize("typed", ["code", "name"])
def test_the_applicant_names_the_user_firm_and_the_page_shows_it(client, typed):
    call = verification_call()
    application, product, _user = start_in_english(client, call)
    carmaker = OrganizationFactory(kind=OrganizationKind.LARGE, name="某汽车集团股份有限公司")

    edit(client, application, product, carmaker.credit_code if typed == "code" else carmaker.name)
    response = client.post(
        reverse("challenges:application_transition", args=[application.pk, "submit"]),
        follow=True,
    )

    application.refresh_from_db()
    assert application.user_firm == carmaker
    assert application.status == ApplicationStatus.SUBMITTED
    page = response.content.decode()
    assert "User firm (应用单位)" in page
    assert "某汽车集团股份有限公司" in page


@pytest.mark.parametrize(
    ("who", "message"),
    [
        ("itself", "The user firm is another enterprise, not the applicant itself."),
        ("university", "The user firm must be an enterprise that will use the product."),
        ("government", "The user firm must be an enterprise that will use the product."),
        ("unverified", "No verified organization has this credit code or exact name."),
        ("unknown", "No verified organization has this credit code or exact name."),
    ],
)
def test_the_user_firm_must_be_another_verified_enterprise(client, who, message):
    call = verification_call()
    application, product, _user = start_in_english(client, call)
    firm = {
        "itself": lambda: application.applicant,
        "university": lambda: OrganizationFactory(kind=OrganizationKind.UNIVERSITY),
        "government": lambda: call.issuer,
        "unverified": lambda: OrganizationFactory(
            kind=OrganizationKind.LARGE, verification_status=VerificationStatus.PENDING
        ),
        "unknown": lambda: None,
    }[who]()

    response = edit(client, application, product, firm.credit_code if firm else "无此企业")

    assert message in response.content.decode()
    application.refresh_from_db()
    assert application.user_firm is None


def test_an_enterprise_issuer_is_the_user_firm_by_default(client):
    call = verification_call(issuer_kind=OrganizationKind.LEAD)
    application, _product, _user = start_in_english(client, call)

    assert application.user_firm == call.issuer
    page = client.get(application.get_absolute_url()).content.decode()
    assert "User firm (应用单位)" in page
    assert "某省工业和信息化厅" in page  # the factory's issuer name, here a lead enterprise


def test_final_acceptance_records_the_user_firm_on_the_product_page(client):
    # given a government project whose winner named a carmaker as user firm
    call = verification_call()
    application, product, user = start_in_english(client, call)
    carmaker = OrganizationFactory(kind=OrganizationKind.LARGE, name="某汽车集团股份有限公司")
    edit(client, application, product, carmaker.credit_code)
    services.application_submit(actor=user, application=application)
    type(application).objects.filter(pk=application.pk).update(status=ApplicationStatus.AWARDED)
    MilestoneFactory(application=application, status="accepted")
    for kind in EVIDENCE_BEFORE_ACCEPTANCE:  # the first-use evidence acceptance needs
        evidence(application, kind)
    call.status = CallStatus.IN_PROGRESS
    call.deadline = timezone.now() - timedelta(days=1)
    call.save(update_fields=["status", "deadline"])

    # when the issuer records the final acceptance through the call's page
    client.force_login(handler_of(call))
    client.post(reverse("challenges:call_transition", args=[call.pk, "accept"]))

    # then the product page names the carmaker as the firm that used it
    call.refresh_from_db()
    assert call.status == CallStatus.ACCEPTED
    assert ProductVerification.objects.get(product=product).user_organization == carmaker
    page = client.get(product.get_absolute_url()).content.decode()
    assert "Used first by 某汽车集团股份有限公司 (user firm)" in page
    assert "Used first by 某省工业和信息化厅" not in page
