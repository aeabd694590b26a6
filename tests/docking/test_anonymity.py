"""Docking around an anonymous call (measure 十三): an interest in an anonymous R&D demand and
the conversation about an application name the issuer by the call's label to the other side
(pages and notifications), until the issuer reveals itself; the issuer's side sees its name."""

import pytest
from django.urls import reverse

from accounts.models import OrganizationKind
from challenges import services as call_services
from challenges.models import CallKind, IssuerReveal
from docking import services
from docking.models import Conversation
from docking.selectors.events import offerable_demands
from notifications.models import Notification
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    OrganizationFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db

NAME = "CANARY-docking整车集团"
LABEL = "某新能源整车企业"


@pytest.fixture
def demand():
    issuer = OrganizationFactory(kind=OrganizationKind.LEAD, name=NAME)
    return CallFactory(
        kind=CallKind.RND_DEMAND, issuer=issuer, anonymous=True, anonymous_label=LABEL
    )


def texts_of(user) -> list[str]:
    return [n.text for n in Notification.objects.filter(recipient=user)]


def test_an_interest_in_an_anonymous_demand_names_the_owner_by_its_label_until_accepted(
    client, demand
):
    requester = OrganizationFactory(kind=OrganizationKind.SME)
    user = member_of(requester)
    owner_user = handler_of(demand)
    client.force_login(user)
    form = client.get(reverse("docking:interest_create", args=["call", demand.pk]))
    assert form.status_code == 200
    assert NAME not in form.text and LABEL in form.text

    interest = services.interest_create(actor=user, target=demand, wants="solve", note="可以承接。")
    pages = (
        reverse("docking:interest_detail", args=[interest.pk]),
        reverse("docking:interests_of", args=[requester.pk]),
        reverse("docking:interests_dashboard"),
    )
    for url in pages:
        page = client.get(url)
        assert page.status_code == 200, url
        assert NAME not in page.text, url
    assert texts_of(user) == [] or all(NAME not in text for text in texts_of(user))

    # accepting releases both sides' contacts, so it reveals the issuer's name as well (the
    # owner is told so before answering)
    client.force_login(owner_user)
    assert "data-accept-reveals" in client.get(pages[0]).text
    client.force_login(user)
    services.interest_accept(actor=owner_user, interest=interest, note="欢迎。")
    assert IssuerReveal.objects.filter(call=demand, organization=requester).exists()
    for url in (
        *pages,
        reverse("docking:conversation_detail", args=[Conversation.objects.get().pk]),
    ):
        assert NAME in client.get(url).text, url
    assert any(NAME in text for text in texts_of(user))
    outsider = member_of(OrganizationFactory(kind=OrganizationKind.SME))
    client.force_login(outsider)
    assert NAME not in client.get(demand.get_absolute_url()).text

    client.force_login(owner_user)
    page = client.get(reverse("docking:interest_detail", args=[interest.pk])).text
    assert NAME in page


def test_the_conversation_about_an_application_names_the_issuer_by_its_label(client, demand):
    call = CallFactory(issuer=demand.issuer, anonymous=True, anonymous_label=LABEL)
    application = ApplicationFactory(call=call)
    applicant = member_of(application.applicant)
    handler = handler_of(call)
    conversation = services.conversation_of_application(application)
    services.message_send(actor=handler, conversation=conversation, body="请补充测试报告。")

    client.force_login(applicant)
    page = client.get(reverse("docking:conversation_detail", args=[conversation.pk])).text
    assert NAME not in page and LABEL in page
    assert NAME not in client.get(reverse("docking:conversation_list")).text
    assert all(NAME not in text for text in texts_of(applicant))

    call_services.issuer_reveal(actor=handler, call=call, organization=application.applicant)
    page = client.get(reverse("docking:conversation_detail", args=[conversation.pk])).text
    assert NAME in page


def test_an_anonymous_demand_is_not_brought_to_an_event_under_its_issuers_name(demand):
    named = CallFactory(kind=CallKind.RND_DEMAND, issuer=demand.issuer)
    assert list(offerable_demands(demand.issuer)) == [named]
