"""Bonus points follow the facts held at submission, not later changes to the organizations."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse

from accounts import services as account_services
from accounts.models import OrganizationKind, QualificationLevel, QualificationStatus
from challenges import selectors, services
from challenges.models import (
    ApplicationStatus,
    CallKind,
    CallStatus,
    ConsortiumPartner,
    PartnerStatus,
)
from tests.factories import (
    AdminUserFactory,
    CallFactory,
    CriterionFactory,
    ExpertFactory,
    OrganizationFactory,
    QualificationFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db

EVIDENCE = (
    "Lead applicant was a national little giant (小巨人) when it submitted "
    "(第三批, 2021, 工业和信息化部)"
)


def selection_call(**bonus):
    call = CallFactory(kind=CallKind.SELECTION, issuer=OrganizationFactory(kind="government"))
    criterion = CriterionFactory(call=call, weight=Decimal("100"))
    for condition, points in (bonus or {"lead_little_giant": "5"}).items():
        call.bonus_rules.create(condition=condition, points=Decimal(points))
    return call, criterion


def verified_little_giant(organization, admin):
    qualification = QualificationFactory(organization=organization)
    account_services.qualification_verify(actor=admin, qualification=qualification)
    organization.refresh_from_db()
    assert organization.qualification_level == QualificationLevel.NATIONAL
    return qualification


def submit_through_the_page(client, call, organization):
    user = member_of(organization)
    application = services.application_create(
        actor=user, call=call, data={"technical_approach": "面向产线的数字孪生方案"}
    )
    client.force_login(user)
    response = client.post(
        reverse("challenges:application_transition", args=[application.pk, "submit"])
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    return application


def score_and_close_the_panel(call, application, criterion, value=80):
    call.deadline = call.deadline.replace(year=2000)
    call.status = CallStatus.EVALUATING
    call.save(update_fields=["deadline", "status"])
    issuer = handler_of(call)
    services.application_mark_eligible(actor=issuer, application=application)
    for expert in ExpertFactory.create_batch(3):
        assignment = services.expert_assign(actor=issuer, application=application, expert=expert)
        services.review_save(
            actor=expert.user,
            assignment=assignment,
            scores={criterion.pk: (value, "")},
            comment="",
        )
        services.review_submit(actor=expert.user, assignment=assignment)
    services.call_panel_close(actor=issuer, call=call)
    return issuer


def read_in_english(client, user, url) -> str:
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client.get(url).content.decode()


def test_a_qualification_revoked_after_submission_keeps_the_bonus(client):
    # given a little giant that submits while its qualification is verified
    admin = AdminUserFactory()
    call, criterion = selection_call()
    giant = OrganizationFactory()
    qualification = verified_little_giant(giant, admin)
    application = submit_through_the_page(client, call, giant)

    # when the qualification is revoked afterwards
    account_services.qualification_revoke(
        actor=admin, qualification=qualification, reason="复核未通过"
    )
    giant.refresh_from_db()
    assert giant.qualification_level == QualificationLevel.NONE
    issuer = score_and_close_the_panel(call, application, criterion)

    # then the score keeps the bonus, and the pages say why
    ranked = selectors.call_ranking(call)[0]
    assert ranked.breakdown.total == Decimal("85.00")
    application.refresh_from_db()
    assert application.lead_qualification == qualification
    assert (
        application.lead_qualification_batch,
        application.lead_qualification_year,
        application.lead_qualification_issuer,
    ) == ("第三批", 2021, "工业和信息化部")
    for url in (
        application.get_absolute_url(),
        reverse("challenges:call_ranking", args=[call.pk]),
        reverse("challenges:call_manage", args=[call.pk]) + "?tab=scores",
    ):
        page = read_in_english(client, issuer, url)
        assert "85.00" in page, url
        assert EVIDENCE in page, url


def test_a_qualification_gained_after_submission_adds_no_bonus(client):
    admin = AdminUserFactory()
    call, criterion = selection_call()
    applicant = OrganizationFactory()
    application = submit_through_the_page(client, call, applicant)

    verified_little_giant(applicant, admin)
    issuer = score_and_close_the_panel(call, application, criterion)

    ranked = selectors.call_ranking(call)[0]
    assert ranked.breakdown.total == Decimal("80.00")
    assert ranked.breakdown.bonus_total == Decimal("0.00")
    page = read_in_english(client, issuer, application.get_absolute_url())
    assert "Score 80.00" in page
    assert "little giant (小巨人) when it submitted" not in page


def test_the_evidence_names_the_level_alone_when_no_certificate_proves_it(client):
    call, criterion = selection_call()
    # a level recorded without a verified certificate on the platform
    giant = OrganizationFactory(qualification_level=QualificationLevel.NATIONAL)
    QualificationFactory(organization=giant, status=QualificationStatus.PENDING)
    application = submit_through_the_page(client, call, giant)
    issuer = score_and_close_the_panel(call, application, criterion)

    page = read_in_english(client, issuer, application.get_absolute_url())
    assert "Lead applicant was a national little giant (小巨人) when it submitted" in page
    assert "第三批" not in page


def test_a_partner_that_stops_being_an_institute_keeps_the_institution_bonus(client):
    call, criterion = selection_call(with_institution="3")
    lead = OrganizationFactory()
    institute = OrganizationFactory(kind=OrganizationKind.INSTITUTE, name="华东功率器件研究院")
    user = member_of(lead)
    application = services.application_create(
        actor=user, call=call, data={"technical_approach": "联合攻关"}
    )
    partner = services.partner_invite(actor=user, application=application, organization=institute)
    services.partner_respond(actor=member_of(institute), partner=partner, accept=True)
    client.force_login(user)
    client.post(reverse("challenges:application_transition", args=[application.pk, "submit"]))

    # the institute is re-registered as a company after submission
    institute.kind = OrganizationKind.SME
    institute.save(update_fields=["kind"])
    issuer = score_and_close_the_panel(call, application, criterion)

    partner = ConsortiumPartner.objects.get(pk=partner.pk)
    assert (partner.status, partner.organization_kind) == (
        PartnerStatus.CONFIRMED,
        OrganizationKind.INSTITUTE,
    )
    assert selectors.call_ranking(call)[0].breakdown.total == Decimal("83.00")
    page = read_in_english(client, issuer, reverse("challenges:call_ranking", args=[call.pk]))
    assert "Consortium partner 华东功率器件研究院 was a university or research institute" in page


def test_a_partner_that_becomes_an_institute_after_submission_adds_no_bonus(client):
    call, criterion = selection_call(with_institution="3")
    lead = OrganizationFactory()
    company = OrganizationFactory(kind=OrganizationKind.SME)
    user = member_of(lead)
    application = services.application_create(
        actor=user, call=call, data={"technical_approach": "联合攻关"}
    )
    partner = services.partner_invite(actor=user, application=application, organization=company)
    services.partner_respond(actor=member_of(company), partner=partner, accept=True)
    services.application_submit(actor=user, application=application)

    company.kind = OrganizationKind.INSTITUTE
    company.save(update_fields=["kind"])
    score_and_close_the_panel(call, application, criterion)

    assert selectors.call_ranking(call)[0].breakdown.total == Decimal("80.00")
