"""The final acceptance of a verification project records a first use on the product, and
only when every winner with a product has its trial agreement, verification plan and
third-party test report on file; refused, it records nothing."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext

from accounts.models import OrganizationKind
from catalog.models import ProductVerification
from challenges import services
from challenges.models import EVIDENCE_BEFORE_ACCEPTANCE, CallKind, CallStatus, EvidenceKind
from core.exceptions import InvalidState
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    MilestoneFactory,
    OrganizationFactory,
    handler_of,
)
from tests.verification.factories import evidence, verification_call, winner_of

pytestmark = pytest.mark.django_db


def project(issuer_kind=OrganizationKind.GOVERNMENT, user_firm=None):
    issuer = OrganizationFactory(kind=issuer_kind, name="某省工业和信息化厅")
    call = verification_call(issuer=issuer, title="探针卡量产线工程化应用验证")
    application = winner_of(call, user_firm=user_firm)
    MilestoneFactory(application=application, status="accepted")
    return call, application


def accept(client, call):
    client.force_login(handler_of(call))
    return client.post(reverse("challenges:call_transition", args=[call.pk, "accept"]), follow=True)


def test_without_evidence_the_acceptance_is_refused_naming_what_is_missing(client):
    firm = OrganizationFactory(kind=OrganizationKind.LARGE)
    call, application = project(user_firm=firm)
    evidence(application, EvidenceKind.AGREEMENT)
    evidence(application, EvidenceKind.PURCHASE)  # a purchase does not stand for the others

    response = accept(client, call)

    call.refresh_from_db()
    assert call.status == CallStatus.IN_PROGRESS
    assert not ProductVerification.objects.exists()
    page = response.content.decode()
    assert escape(application.applicant.name) in page
    for kind in (EvidenceKind.PLAN, EvidenceKind.TEST_REPORT):
        assert str(EvidenceKind(kind).label) in page
    with pytest.raises(InvalidState):
        services.call_accept(actor=handler_of(call), call=call)
    assert not ProductVerification.objects.exists()


def test_the_workspace_says_what_the_acceptance_waits_for(client):
    call, _application = project()
    client.force_login(handler_of(call))
    page = client.get(reverse("challenges:call_manage", args=[call.pk])).content.decode()
    assert str(EvidenceKind.TEST_REPORT.label) in page


def test_with_evidence_the_acceptance_records_the_user_firm():
    firm = OrganizationFactory(kind=OrganizationKind.LARGE, name="某汽车集团股份有限公司")
    call, application = project(user_firm=firm)
    for kind in EVIDENCE_BEFORE_ACCEPTANCE:
        evidence(application, kind)

    services.call_accept(actor=handler_of(call), call=call)

    call.refresh_from_db()
    assert call.status == CallStatus.ACCEPTED
    verification = ProductVerification.objects.get()
    assert (verification.product, verification.user_organization, verification.url) == (
        application.product,
        firm,
        call.get_absolute_url(),
    )


def test_an_enterprise_issuer_is_the_user_firm_by_default(client):
    call, application = project(issuer_kind=OrganizationKind.LEAD)
    for kind in EVIDENCE_BEFORE_ACCEPTANCE:
        evidence(application, kind)

    accept(client, call)

    call.refresh_from_db()
    assert call.status == CallStatus.ACCEPTED
    assert ProductVerification.objects.get().user_organization == call.issuer


def test_every_winner_needs_its_own_evidence():
    call, first = project(user_firm=OrganizationFactory(kind=OrganizationKind.LARGE))
    second = winner_of(call, title="第二个产品")
    MilestoneFactory(application=second, status="accepted")
    for kind in EVIDENCE_BEFORE_ACCEPTANCE:
        evidence(first, kind)

    with pytest.raises(InvalidState) as refused:
        services.call_accept(actor=handler_of(call), call=call)

    assert second.applicant.name in str(refused.value.message)
    assert first.applicant.name not in str(refused.value.message)
    assert not ProductVerification.objects.exists()


def test_other_kinds_of_call_need_no_first_use_evidence():
    call = CallFactory(kind=CallKind.CHALLENGE, status=CallStatus.IN_PROGRESS)
    application = ApplicationFactory(call=call, status="awarded")
    MilestoneFactory(application=application, status="accepted")

    services.call_accept(actor=handler_of(call), call=call)

    call.refresh_from_db()
    assert call.status == CallStatus.ACCEPTED


def test_the_refusal_message_is_the_one_users_read():
    call, application = project()
    with pytest.raises(InvalidState) as refused:
        services.call_accept(actor=handler_of(call), call=call)
    expected = gettext("%(name)s has no first-use evidence yet of: %(kinds)s.") % {
        "name": application.applicant.name,
        "kinds": ", ".join(str(EvidenceKind(k).label) for k in EVIDENCE_BEFORE_ACCEPTANCE),
    }
    assert str(refused.value.message) == expected
