"""Query-count guards: anonymous calls (measure 十三) cost a constant number of queries per
list, whoever looks, with reveals or without."""

import pytest
from django.urls import reverse

from challenges.models import CallFollow, IssuerReveal
from tests.factories import ApplicationFactory, CallFactory, OrganizationFactory, member_of

pytestmark = pytest.mark.django_db


def anonymous_call():
    return CallFactory(
        issuer=OrganizationFactory(kind="lead"), anonymous=True, anonymous_label="某整车企业"
    )


@pytest.mark.parametrize(
    "page", ["challenges:call_list", "challenges:followed_calls", "challenges:my_applications"]
)
def test_lists_of_anonymous_calls_some_revealed(client, holds_constant, page):
    organization = OrganizationFactory()
    user = member_of(organization)
    client.force_login(user)

    def grow(n):
        for number in range(n):
            call = anonymous_call()
            ApplicationFactory(call=call, applicant=organization)
            CallFollow.objects.create(user=user, call=call)
            if number % 2:
                IssuerReveal.objects.create(call=call, organization=organization)
            CallFactory()  # and one with its name

    response = holds_constant(reverse(page), grow)
    assert response.text.count("某整车企业") >= 1


def test_the_dashboard_with_anonymous_calls(client, holds_constant):
    organization = OrganizationFactory()
    client.force_login(member_of(organization))

    def grow(n):
        for _ in range(n):
            call = anonymous_call()
            ApplicationFactory(call=call, applicant=organization)

    response = holds_constant(reverse("portal:dashboard"), grow)
    assert "某整车企业" in response.text
