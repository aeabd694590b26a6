"""Issuer anonymity (measure 十三): the one rule, revealing the name to an applicant (page and
service), the call form's label, and the places that name the issuer in passing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext

from accounts.models import MembershipRole, OrganizationKind
from challenges import rules, services
from challenges.models import ApplicationStatus, Call, CallEvent, CallKind, IssuerReveal
from challenges.search_documents import CallDocument
from core.exceptions import InvalidState, NotAllowed
from notifications.models import Notification
from tests.challenges.forms_posted.test_call_drafting import call_form_data
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    CallFactory,
    OrganizationFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db

NAME = "华东新能源整车集团"
LABEL = "某新能源整车企业"


@pytest.fixture
def call():
    issuer = OrganizationFactory(kind=OrganizationKind.LEAD, name=NAME)
    return CallFactory(issuer=issuer, anonymous=True, anonymous_label=LABEL)


@pytest.fixture
def application(call):
    return ApplicationFactory(call=call)


# --- the rule ------------------------------------------------------------------------------


def test_who_sees_the_issuer_of_an_anonymous_call(call, application):
    from django.contrib.auth.models import AnonymousUser

    outsider = member_of(OrganizationFactory())
    applicant = member_of(application.applicant)
    assert not rules.shows_issuer(AnonymousUser(), call)
    assert not rules.shows_issuer(outsider, call)
    assert not rules.shows_issuer(applicant, call)
    assert rules.shows_issuer(member_of(call.issuer, role=MembershipRole.MEMBER), call)
    assert rules.shows_issuer(AdminUserFactory(), call)
    assert rules.issuer_name_for(outsider, call) == LABEL

    services.issuer_reveal(actor=handler_of(call), call=call, organization=application.applicant)

    rules.forget_reveals(applicant)
    assert rules.shows_issuer(applicant, call)
    assert rules.issuer_name_for(applicant, call) == NAME
    assert not rules.shows_issuer(outsider, call)


def test_a_call_with_its_name_shows_it_to_everyone():
    call = CallFactory()
    assert rules.shows_issuer(member_of(OrganizationFactory()), call)
    assert rules.public_issuer_name(call) == call.issuer.name


def test_the_search_document_carries_the_label_and_nothing_identifying(call):
    document = CallDocument().to_document(call)
    assert document.organization == LABEL
    assert NAME not in str(document.facets)
    assert not {"province", "org_kind", "qualification"} & set(document.facets)
    # Not shown; lets matching leave out the issuer's own calls.
    assert document.organization_id == call.issuer_id


def test_a_list_of_anonymous_calls_reads_the_reveals_once(client):
    viewer = member_of(OrganizationFactory())
    calls = [CallFactory(anonymous=True, anonymous_label=f"某企业{n}") for n in range(4)]
    for call in calls[:2]:
        IssuerReveal.objects.create(
            call=call, organization=rules.account_rules.organization_of(viewer)
        )
    viewer = type(viewer).objects.get(pk=viewer.pk)
    rules.shows_issuer(viewer, calls[0])  # membership and reveals read once
    with CaptureQueriesContext(connection) as queries:
        shown = [rules.shows_issuer(viewer, call) for call in calls]
    assert shown == [True, True, False, False]
    assert len(queries) == 0


# --- revealing the name --------------------------------------------------------------------


def test_a_handler_reveals_the_name_to_an_applicant_from_its_application_page(
    client, call, application
):
    handler = handler_of(call)
    applicant = member_of(application.applicant)
    client.force_login(handler)
    page = client.get(application.get_absolute_url()).text
    assert "data-reveal-issuer" in page

    response = client.post(reverse("challenges:issuer_reveal", args=[application.pk]))

    assert response.status_code == 302
    reveal = IssuerReveal.objects.get(call=call)
    assert (reveal.organization, reveal.revealed_by) == (application.applicant, handler)
    assert CallEvent.objects.filter(call=call, action="issuer_revealed").count() == 1
    told = Notification.objects.get(recipient=applicant, verb="call.issuer_revealed")
    assert NAME in told.text
    page = client.get(application.get_absolute_url()).text
    assert "data-issuer-revealed" in page and "data-reveal-issuer" not in page
    manage = client.get(reverse("challenges:call_manage", args=[call.pk]) + "?tab=applications")
    assert f'data-revealed-to="{application.applicant_id}"' in manage.text

    client.force_login(applicant)
    assert NAME in client.get(call.get_absolute_url()).text


def test_revealing_again_changes_nothing_and_tells_nobody(call, application):
    handler = handler_of(call)
    member_of(application.applicant)
    first = services.issuer_reveal(actor=handler, call=call, organization=application.applicant)
    again = services.issuer_reveal(actor=handler, call=call, organization=application.applicant)
    assert first == again
    assert IssuerReveal.objects.count() == 1
    assert Notification.objects.filter(verb="call.issuer_revealed").count() == 1
    assert CallEvent.objects.filter(action="issuer_revealed").count() == 1


def test_only_handlers_reveal_the_name(client, call, application):
    applicant = member_of(application.applicant)
    url = reverse("challenges:issuer_reveal", args=[application.pk])
    for user in (
        applicant,
        member_of(OrganizationFactory()),
        member_of(call.issuer, role="member"),
    ):
        client.force_login(user)
        assert client.post(url).status_code == 404
        with pytest.raises(NotAllowed):
            services.issuer_reveal(actor=user, call=call, organization=application.applicant)
    client.force_login(applicant)
    assert "data-reveal-issuer" not in client.get(application.get_absolute_url()).text
    assert not IssuerReveal.objects.exists()


def test_the_name_is_revealed_only_to_applicants_and_invitees(call):
    handler = handler_of(call)
    stranger = OrganizationFactory()
    with pytest.raises(InvalidState):
        services.issuer_reveal(actor=handler, call=call, organization=stranger)
    drafting = ApplicationFactory(call=call, status=ApplicationStatus.DRAFT).applicant
    with pytest.raises(InvalidState):
        services.issuer_reveal(actor=handler, call=call, organization=drafting)
    invited = OrganizationFactory(kind=OrganizationKind.SME)
    services.call_invite(actor=handler, call=call, organization=invited)
    services.issuer_reveal(actor=handler, call=call, organization=invited)
    assert list(IssuerReveal.objects.values_list("organization", flat=True)) == [invited.pk]


def test_a_call_with_its_name_has_nothing_to_reveal(client):
    call = CallFactory()
    application = ApplicationFactory(call=call)
    handler = handler_of(call)
    with pytest.raises(InvalidState):
        services.issuer_reveal(actor=handler, call=call, organization=application.applicant)
    client.force_login(handler)
    assert "data-issuer-reveal" not in client.get(application.get_absolute_url()).text
    response = client.post(reverse("challenges:issuer_reveal", args=[application.pk]))
    assert response.status_code == 404


# --- the call form -------------------------------------------------------------------------


def test_the_call_form_refuses_anonymity_without_a_label(client):
    client.force_login(member_of(OrganizationFactory(kind=OrganizationKind.LEAD)))
    url = reverse("challenges:call_create", args=[CallKind.CHALLENGE])

    response = client.post(url, call_form_data(anonymous="on", anonymous_label="  "))

    assert response.status_code == 200
    assert not Call.objects.exists()
    assert gettext("Say how the issuer is described instead of its name.") in response.text

    response = client.post(url, call_form_data(anonymous="on", anonymous_label=LABEL))
    assert response.status_code == 302
    assert Call.objects.get().anonymous_label == LABEL


# --- in passing ----------------------------------------------------------------------------


def test_the_invitation_names_the_label_to_the_invitee(call):
    invited = OrganizationFactory(kind=OrganizationKind.SME)
    admin = member_of(invited)
    services.call_invite(actor=handler_of(call), call=call, organization=invited)
    text = Notification.objects.get(recipient=admin, verb="call.invited").text
    assert LABEL in text and NAME not in text


def test_the_call_list_does_not_find_an_anonymous_call_by_its_issuers_name(client, call):
    named = CallFactory(issuer=OrganizationFactory(kind=OrganizationKind.LEAD, name=NAME + "二"))
    page = client.get(reverse("challenges:call_list"), {"q": NAME}).text
    assert named.title in page and call.title not in page
    assert call.title in client.get(reverse("challenges:call_list"), {"q": LABEL}).text


def test_an_anonymous_call_does_not_default_the_user_firm_to_its_issuer():
    from challenges.services.applications import default_user_firm

    call = CallFactory(
        kind=CallKind.VERIFICATION,
        issuer=OrganizationFactory(kind=OrganizationKind.LEAD),
        anonymous=True,
        anonymous_label=LABEL,
    )
    assert default_user_firm(call) is None
