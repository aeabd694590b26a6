"""Asking to join an organization, and its administrators deciding on members."""

import pytest
from django.urls import reverse

from accounts.models import Membership, MembershipRole, MembershipStatus, VerificationStatus
from tests.accounts.forms_posted.helpers import errors_shown, url
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db


# --- memberships ---------------------------------------------------------------------------


def test_a_user_asks_to_join_a_verified_organization(client):
    organization = OrganizationFactory()
    user = UserFactory()
    client.force_login(user)

    response = client.post(url("membership_request", organization.pk))

    assert response["Location"] == reverse("portal:dashboard")
    membership = Membership.objects.get(user=user)
    assert (membership.organization, membership.status, membership.role) == (
        organization,
        MembershipStatus.PENDING,
        MembershipRole.MEMBER,
    )


def test_a_member_cannot_ask_to_join_another_organization(client):
    user = member_of(OrganizationFactory())
    other = OrganizationFactory()
    client.force_login(user)

    response = client.post(url("membership_request", other.pk), follow=True)

    assert errors_shown(response)
    assert not Membership.objects.filter(organization=other).exists()


def test_a_pending_organization_cannot_be_joined_by_outsiders(client):
    organization = OrganizationFactory(verification_status=VerificationStatus.PENDING)
    client.force_login(UserFactory())

    response = client.post(url("membership_request", organization.pk))

    assert response.status_code == 404
    assert not Membership.objects.filter(organization=organization).exists()


def pending_request(organization=None) -> Membership:
    return MembershipFactory(
        organization=organization or OrganizationFactory(),
        role=MembershipRole.MEMBER,
        status=MembershipStatus.PENDING,
    )


def test_an_administrator_approves_a_request(client):
    membership = pending_request()
    client.force_login(member_of(membership.organization))

    client.post(url("membership_decide", membership.pk, "approve"))

    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE


def test_an_administrator_declines_a_request(client):
    membership = pending_request()
    client.force_login(member_of(membership.organization))

    client.post(url("membership_decide", membership.pk, "decline"))

    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_a_decided_request_is_not_decided_again(client):
    membership = pending_request()
    client.force_login(member_of(membership.organization))
    client.post(url("membership_decide", membership.pk, "approve"))

    response = client.post(url("membership_decide", membership.pk, "decline"), follow=True)

    assert errors_shown(response)
    assert Membership.objects.get(pk=membership.pk).status == MembershipStatus.ACTIVE


def test_an_administrator_appoints_and_demotes_administrators(client):
    organization = OrganizationFactory()
    colleague = MembershipFactory(organization=organization, role=MembershipRole.MEMBER)
    client.force_login(member_of(organization))

    client.post(url("membership_decide", colleague.pk, "make-admin"))
    colleague.refresh_from_db()
    assert colleague.role == MembershipRole.ADMIN

    client.post(url("membership_decide", colleague.pk, "make-member"))
    colleague.refresh_from_db()
    assert colleague.role == MembershipRole.MEMBER


def test_the_last_administrator_is_not_demoted(client):
    organization = OrganizationFactory()
    admin = member_of(organization)
    membership = Membership.objects.get(user=admin)
    client.force_login(admin)

    response = client.post(url("membership_decide", membership.pk, "make-member"), follow=True)

    assert errors_shown(response)
    membership.refresh_from_db()
    assert membership.role == MembershipRole.ADMIN


def test_an_administrator_removes_a_member_and_a_member_leaves(client):
    organization = OrganizationFactory()
    removed = MembershipFactory(organization=organization, role=MembershipRole.MEMBER)
    leaving = MembershipFactory(organization=organization, role=MembershipRole.MEMBER)

    client.force_login(member_of(organization))
    client.post(url("membership_decide", removed.pk, "end"))
    client.force_login(leaving.user)
    client.post(url("membership_decide", leaving.pk, "end"))

    assert not Membership.objects.filter(pk__in=[removed.pk, leaving.pk]).exists()


def test_a_plain_member_cannot_decide_on_requests(client):
    membership = pending_request()
    client.force_login(member_of(membership.organization, role=MembershipRole.MEMBER))

    response = client.post(url("membership_decide", membership.pk, "approve"), follow=True)

    assert errors_shown(response)
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PENDING


def test_a_requester_cannot_approve_itself(client):
    membership = pending_request()
    client.force_login(membership.user)

    response = client.post(url("membership_decide", membership.pk, "approve"), follow=True)

    assert errors_shown(response)
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PENDING


@pytest.mark.parametrize(("who", "decision"), [("outsider", "approve"), ("admin", "promote")])
def test_outsiders_and_unknown_decisions_are_not_found(client, who, decision):
    membership = pending_request()
    actor = {
        "outsider": lambda: member_of(OrganizationFactory()),
        "admin": lambda: member_of(membership.organization),
    }[who]()
    client.force_login(actor)

    response = client.post(url("membership_decide", membership.pk, decision))

    assert response.status_code == 404
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PENDING
