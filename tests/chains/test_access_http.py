"""Access requests through the pages: the resource page's panel offers the right action to
each persona, the form sends a request or says what is wrong, the request page shows the
history and the moves offered, the moves work through HTTP, and only the requester, the
owner and administrators see a request or an organization's lists (404 for anyone else)."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext

from accounts.models import OrganizationKind
from catalog.models import ListingStatus, ResourceKind
from chains import services
from chains.models import AccessRequest, AccessStatus
from notifications.models import Notification
from tests.factories import OrganizationFactory, UserFactory, member_of

from .test_access import days, snapshot, world

pytestmark = pytest.mark.django_db

__all__ = ["world"]


def panel_url(resource) -> str:
    return reverse("chains:resource_actions", args=[resource.pk])


def create_url(resource) -> str:
    return reverse("chains:access_request_create", args=[resource.pk])


def detail_url(access_request) -> str:
    return reverse("chains:access_request_detail", args=[access_request.pk])


def move_url(access_request, action: str) -> str:
    return reverse("chains:access_request_move", args=[access_request.pk, action])


def list_url(organization, **query) -> str:
    url = reverse("chains:access_requests_of", args=[organization.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def form(start=7, end=14, purpose="验证车规芯片HTOL寿命") -> dict:
    return {
        "purpose": purpose,
        "start_date": f"{days(start):%Y-%m-%d}",
        "end_date": f"{days(end):%Y-%m-%d}",
    }


# --- the resource page -------------------------------------------------------------------------


def test_the_resource_page_loads_the_panel_only_for_resources(client, world):
    page = client.get(world.resource.get_absolute_url())
    assert page.status_code == 200
    assert panel_url(world.resource) in page.text


def test_a_product_page_has_no_access_panel(client, world):
    from tests.factories import PublishedProductFactory

    product = PublishedProductFactory(organization=world.sme)
    page = client.get(product.get_absolute_url())
    assert page.status_code == 200
    assert "/access/panel/" not in page.text


def test_the_panel_asks_an_anonymous_visitor_to_log_in(client, world):
    html = client.get(panel_url(world.resource)).text
    assert "data-login" in html
    assert 'data-action="request"' not in html


def test_the_panel_offers_an_eligible_member_to_request_access(client, world):
    client.force_login(world.requester)
    html = client.get(panel_url(world.resource)).text
    assert 'data-action="request"' in html
    assert create_url(world.resource) in html


def test_the_panel_shows_the_request_already_waiting(client, world):
    access_request = world.request()
    client.force_login(world.colleague)
    html = client.get(panel_url(world.resource)).text
    assert f'data-existing="{access_request.pk}"' in html
    assert 'data-action="request"' not in html


def test_the_panel_says_why_a_university_cannot_request(client, world):
    client.force_login(member_of(OrganizationFactory(kind=OrganizationKind.UNIVERSITY)))
    html = client.get(panel_url(world.resource)).text
    assert "data-problem" in html
    assert gettext("Only enterprises request access to open resources.") in html
    assert 'data-action="request"' not in html


@pytest.mark.parametrize("who", ["owner_member", "admin"])
def test_the_panel_shows_the_owner_how_many_wait_with_a_link(client, world, who):
    world.request()
    declined = world.request(actor=world.outsider)
    services.access_request_decline(actor=world.owner, access_request=declined, note="满")
    world.request(actor=world.outsider)
    client.force_login(getattr(world, who))
    html = client.get(panel_url(world.resource)).text
    assert 'data-open-count="2"' in html
    assert f"{list_url(world.lead)}?side=received&amp;resource={world.resource.pk}" in html


@pytest.mark.parametrize("kind", [ResourceKind.SUPPLIER, ResourceKind.PROJECT])
def test_the_panel_offers_an_sme_to_apply_to_a_pool_or_project(client, world, kind):
    resource = world.resource_of(kind)
    client.force_login(world.requester)
    html = client.get(panel_url(resource)).text
    assert 'data-action="apply"' in html
    assert 'data-action="request"' not in html


def test_the_panel_of_an_unpublished_resource_is_hidden_from_others(client, world):
    draft = world.resource_of(ResourceKind.LAB, status=ListingStatus.DRAFT)
    assert client.get(panel_url(draft)).status_code == 404
    client.force_login(world.requester)
    assert client.get(panel_url(draft)).status_code == 404
    client.force_login(world.owner)
    assert client.get(panel_url(draft)).status_code == 200


# --- the request form --------------------------------------------------------------------------


def test_a_member_requests_access_through_the_form(client, world):
    client.force_login(world.requester)
    assert client.get(create_url(world.resource)).status_code == 200

    response = client.post(create_url(world.resource), form())

    access_request = AccessRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail_url(access_request)
    assert (access_request.requester, access_request.purpose) == (world.sme, "验证车规芯片HTOL寿命")
    assert Notification.objects.filter(recipient=world.owner, verb="access.requested").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (form(start=-1), "The first day cannot be in the past."),
        (form(start=9, end=8), "The last day cannot be before the first day."),
    ],
)
def test_wrong_dates_are_shown_on_the_form_and_nothing_is_sent(client, world, data, message):
    client.force_login(world.requester)
    response = client.post(create_url(world.resource), data)
    assert response.status_code == 200
    assert gettext(message) in response.text
    assert "验证车规芯片HTOL寿命" in response.text  # what was typed stays
    assert not AccessRequest.objects.exists()


def test_a_second_pending_request_is_refused_with_a_message(client, world):
    world.request()
    client.force_login(world.colleague)
    response = client.post(create_url(world.resource), form(), follow=True)
    assert AccessRequest.objects.count() == 1
    message = gettext(
        "Your organization already has a pending request for this resource (sent on "
        "%(date)s); wait for the answer or withdraw it before asking again."
    ) % {"date": f"{timezone.localdate():%Y-%m-%d}"}
    assert escape(message) in response.text
    assert "data-existing" in client.get(panel_url(world.resource)).text


@pytest.mark.parametrize("kind", [ResourceKind.SUPPLIER, ResourceKind.PROJECT])
def test_a_pool_or_project_takes_no_access_request_through_the_form(client, world, kind):
    resource = world.resource_of(kind)
    client.force_login(world.requester)
    assert client.get(create_url(resource))["Location"] == resource.get_absolute_url()
    response = client.post(create_url(resource), form())
    assert response.status_code == 302
    assert not AccessRequest.objects.exists()


def test_the_owner_is_sent_back_from_its_own_resource_form(client, world):
    client.force_login(world.owner)
    response = client.get(create_url(world.resource), follow=True)
    assert escape(gettext("This resource is your organization's own.")) in response.text
    client.post(create_url(world.resource), form())
    assert not AccessRequest.objects.exists()


def test_the_form_of_an_unpublished_resource_is_404(client, world):
    draft = world.resource_of(ResourceKind.LAB, status=ListingStatus.DRAFT)
    client.force_login(world.requester)
    assert client.get(create_url(draft)).status_code == 404
    assert client.post(create_url(draft), form()).status_code == 404
    assert not AccessRequest.objects.exists()


def test_an_anonymous_visitor_is_sent_to_log_in(client, world):
    response = client.get(create_url(world.resource))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


# --- the request page --------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["requester", "colleague", "owner", "owner_member", "admin"])
def test_the_requester_the_owner_and_administrators_see_the_request(client, world, who):
    access_request = world.request()
    client.force_login(getattr(world, who))
    page = client.get(detail_url(access_request))
    assert page.status_code == 200
    assert "验证车规芯片HTOL寿命" in page.text
    assert 'data-status="requested"' in page.text


def test_nobody_else_sees_a_request(client, world):
    access_request = world.request()
    other_lead_member = member_of(OrganizationFactory(kind=OrganizationKind.LEAD))
    for user in (world.outsider, other_lead_member, UserFactory()):
        client.force_login(user)
        assert client.get(detail_url(access_request)).status_code == 404
        assert client.post(move_url(access_request, "accept")).status_code == 404
        assert client.post(move_url(access_request, "withdraw")).status_code == 404
    client.logout()
    assert client.get(detail_url(access_request)).status_code == 302
    assert client.get(reverse("chains:access_request_detail", args=[10**9])).status_code == 302
    client.force_login(world.admin)
    assert client.get(reverse("chains:access_request_detail", args=[10**9])).status_code == 404
    access_request.refresh_from_db()
    assert access_request.status == AccessStatus.REQUESTED


def test_the_owner_is_offered_its_answers_and_the_requester_its_own(client, world):
    access_request = world.request()
    client.force_login(world.owner)
    html = client.get(detail_url(access_request)).text
    for action in ("accept", "propose_dates", "decline"):
        assert f'data-move="{action}"' in html
    assert 'data-move="withdraw"' not in html
    client.force_login(world.requester)
    html = client.get(detail_url(access_request)).text
    assert 'data-move="withdraw"' in html
    assert 'data-move="accept"' not in html
    client.force_login(world.admin)
    assert "data-move=" not in client.get(detail_url(access_request)).text


def test_a_request_whose_dates_are_over_shows_why_it_cannot_be_accepted(client, world):
    access_request = world.request()
    AccessRequest.objects.filter(pk=access_request.pk).update(
        start_date=days(-5), end_date=days(-1)
    )
    client.force_login(world.owner)
    html = client.get(detail_url(access_request)).text
    assert 'data-blocked="accept"' in html
    assert gettext("The requested dates are over; propose other dates or decline.") in html


def test_the_owner_accepts_through_the_page(client, world):
    access_request = world.request()
    client.force_login(world.owner)
    response = client.post(move_url(access_request, "accept"), {"note": "带好样品"})
    assert response["Location"] == detail_url(access_request)
    access_request.refresh_from_db()
    assert (access_request.status, access_request.decision_note) == ("accepted", "带好样品")
    html = client.get(detail_url(access_request)).text
    assert "带好样品" in html


def test_the_owner_proposes_dates_and_the_requester_takes_them_through_the_pages(client, world):
    access_request = world.request()
    client.force_login(world.owner)
    response = client.post(
        move_url(access_request, "propose_dates"),
        {
            "proposed_start": f"{days(30):%Y-%m-%d}",
            "proposed_end": f"{days(32):%Y-%m-%d}",
            "note": "七月满",
        },
    )
    assert response.status_code == 302
    access_request.refresh_from_db()
    assert access_request.status == AccessStatus.DATES_PROPOSED
    client.force_login(world.requester)
    html = client.get(detail_url(access_request)).text
    assert f'data-proposed="{days(30):%Y-%m-%d}/{days(32):%Y-%m-%d}"' in html
    assert 'data-move="accept_dates"' in html

    client.post(move_url(access_request, "accept_dates"))

    access_request.refresh_from_db()
    assert access_request.status == AccessStatus.ACCEPTED
    assert (access_request.start_date, access_request.end_date) == (days(30), days(32))


def test_wrong_proposed_dates_are_shown_on_the_page_and_change_nothing(client, world):
    access_request = world.request()
    before = snapshot(access_request)
    client.force_login(world.owner)
    response = client.post(
        move_url(access_request, "propose_dates"),
        {"proposed_start": f"{days(9):%Y-%m-%d}", "proposed_end": f"{days(8):%Y-%m-%d}"},
    )
    assert response.status_code == 200
    assert gettext("The last day cannot be before the first day.") in response.text
    response = client.post(move_url(access_request, "propose_dates"), {"proposed_start": "x"})
    assert response.status_code == 200
    assert snapshot(access_request) == before


def test_the_requester_cannot_propose_dates_through_the_page(client, world):
    access_request = world.request()
    before = snapshot(access_request)
    client.force_login(world.requester)
    for data in (
        {},
        {"proposed_start": f"{days(20):%Y-%m-%d}", "proposed_end": f"{days(21):%Y-%m-%d}"},
    ):
        response = client.post(move_url(access_request, "propose_dates"), data, follow=True)
        assert (
            escape(gettext("Only the resource's owner decides; only the requester withdraws."))
            in response.text
        )
    assert snapshot(access_request) == before


def test_declining_without_a_reason_changes_nothing(client, world):
    access_request = world.request()
    before = snapshot(access_request)
    client.force_login(world.owner)
    response = client.post(move_url(access_request, "decline"), {"note": ""}, follow=True)
    assert gettext("Give the reason so the requester knows.") in response.text
    assert snapshot(access_request) == before
    client.post(move_url(access_request, "decline"), {"note": "设备检修"})
    access_request.refresh_from_db()
    assert (access_request.status, access_request.decision_note) == ("declined", "设备检修")


def test_the_requester_withdraws_through_the_page_and_cannot_accept(client, world):
    access_request = world.request()
    before = snapshot(access_request)
    client.force_login(world.requester)
    client.post(move_url(access_request, "accept"))
    assert snapshot(access_request) == before
    client.post(move_url(access_request, "withdraw"))
    access_request.refresh_from_db()
    assert access_request.status == AccessStatus.WITHDRAWN


def test_an_unknown_move_is_404_and_a_get_is_refused(client, world):
    access_request = world.request()
    client.force_login(world.owner)
    assert client.post(move_url(access_request, "fly")).status_code == 404
    assert client.get(move_url(access_request, "accept")).status_code == 405


def test_the_page_shows_the_history(client, world):
    access_request = world.request()
    services.access_request_decline(
        actor=world.owner, access_request=access_request, note="没有机时"
    )
    client.force_login(world.requester)
    html = client.get(detail_url(access_request)).text
    assert "没有机时" in html
    assert world.owner.name in html and world.requester.name in html


# --- the lists ---------------------------------------------------------------------------------


def test_the_owner_lists_the_requests_to_it_and_the_requester_its_own(client, world):
    mine = world.request()
    theirs = world.request(actor=world.outsider)
    client.force_login(world.owner_member)
    html = client.get(list_url(world.lead)).text  # "to us" by default for an owner
    assert f'data-access-request="{mine.pk}"' in html
    assert f'data-access-request="{theirs.pk}"' in html

    client.force_login(world.colleague)
    html = client.get(list_url(world.sme)).text  # "ours" when nothing was asked of it
    assert f'data-access-request="{mine.pk}"' in html
    assert f'data-access-request="{theirs.pk}"' not in html
    html = client.get(list_url(world.sme, side="received")).text
    assert f'data-access-request="{mine.pk}"' not in html


def test_the_lists_filter_by_status_and_resource(client, world):
    mine = world.request()
    theirs = world.request(actor=world.outsider)
    services.access_request_accept(actor=world.owner, access_request=theirs)
    other = world.request(resource=world.resource_of(ResourceKind.DATA))
    client.force_login(world.owner)
    html = client.get(list_url(world.lead, side="received", status="accepted")).text
    assert f'data-access-request="{theirs.pk}"' in html
    assert f'data-access-request="{mine.pk}"' not in html
    html = client.get(list_url(world.lead, side="received", resource=world.resource.pk)).text
    assert f'data-resource-filter="{world.resource.pk}"' in html
    assert f'data-access-request="{other.pk}"' not in html
    assert f'data-access-request="{mine.pk}"' in html
    # nonsense filters are ignored
    html = client.get(list_url(world.lead, side="x", status="x", resource="x")).text
    assert f'data-access-request="{other.pk}"' in html


def test_only_members_and_administrators_see_an_organizations_lists(client, world):
    world.request()
    client.force_login(world.outsider)
    assert client.get(list_url(world.lead)).status_code == 404
    assert client.get(list_url(world.sme)).status_code == 404
    client.force_login(world.admin)
    assert client.get(list_url(world.lead)).status_code == 200
    assert client.get(reverse("chains:access_requests_of", args=[10**9])).status_code == 404
    client.logout()
    assert client.get(list_url(world.lead)).status_code == 302


# --- the workspace -----------------------------------------------------------------------------


def test_the_workspace_loads_the_panel_of_requests(client, world):
    client.force_login(world.requester)
    html = client.get(reverse("portal:dashboard")).text
    assert reverse("chains:access_dashboard") in html


def test_the_workspace_panel_lists_what_waits_both_ways(client, world):
    mine = world.request()
    client.force_login(world.owner)
    html = client.get(reverse("chains:access_dashboard")).text
    assert 'data-side="received"' in html
    assert f'data-access-request="{mine.pk}"' in html
    assert f"{list_url(world.lead)}?side=received" in html
    client.force_login(world.requester)
    html = client.get(reverse("chains:access_dashboard")).text
    assert 'data-side="sent"' in html and 'data-side="received"' not in html
    assert f'data-access-request="{mine.pk}"' in html


def test_the_workspace_panel_is_empty_without_requests_or_organization(client, world):
    client.force_login(world.outsider)
    assert client.get(reverse("chains:access_dashboard")).content == b""
    client.force_login(UserFactory())
    assert client.get(reverse("chains:access_dashboard")).content == b""
    client.logout()
    assert client.get(reverse("chains:access_dashboard")).status_code == 302


def test_the_lists_and_the_workspace_panel_run_a_constant_number_of_queries(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(url) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    world.request()
    client.force_login(world.owner)
    urls = [
        list_url(world.lead, side="received"),
        reverse("chains:supplier_applications_of", args=[world.lead.pk]) + "?side=received",
        reverse("chains:access_dashboard"),
    ]
    before = [queries(url) for url in urls]
    for _ in range(3):
        world.request(actor=member_of(OrganizationFactory(kind=OrganizationKind.SME)))
    assert [queries(url) for url in urls] == before
