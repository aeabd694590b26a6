"""Interests through the pages: the panel of a listing or an R&D demand offers the right
action to each persona, the form sends an interest, the interest page shows the moves
offered, contacts only once accepted, and the deal; only the two sides and administrators
see an interest (404 for anyone else, and nothing changes)."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from challenges.models import CallKind
from docking import services
from docking.models import Deal, DealKind, Interest, InterestStatus, Wants
from notifications.models import Notification
from tests.factories import CallFactory, PublishedProductFactory

from .test_interests import snapshot, world

pytestmark = pytest.mark.django_db

__all__ = ["world"]

CONTACTS = (
    "周成果",
    "0510-88886666",
    "tech-transfer@jnlg.edu.cn",
    "李采购",
    "0512-66669999",
    "bd@xinche.cn",
)


def panel_url(target_type, target) -> str:
    return reverse("docking:interest_panel", args=[target_type, target.pk])


def create_url(target_type, target) -> str:
    return reverse("docking:interest_create", args=[target_type, target.pk])


def detail_url(interest) -> str:
    return reverse("docking:interest_detail", args=[interest.pk])


def move_url(interest, action) -> str:
    return reverse("docking:interest_move", args=[interest.pk, action])


def deal_url(interest) -> str:
    return reverse("docking:deal_record", args=[interest.pk])


def confirm_url(interest) -> str:
    return reverse("docking:deal_confirm", args=[interest.pk])


def list_url(organization, **query) -> str:
    url = reverse("docking:interests_of", args=[organization.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def deal_form(**fields) -> dict:
    data = {
        "kind": DealKind.LICENCE,
        "amount": "120.5",
        "signed_on": f"{timezone.localdate():%Y-%m-%d}",
        "contract_number": "JS-2024-001",
        "note": "",
    }
    data.update(fields)
    return data


# --- the panels -------------------------------------------------------------------------------


def test_the_listing_page_loads_the_panel(client, world):
    page = client.get(world.result.get_absolute_url())
    assert page.status_code == 200
    assert panel_url("result", world.result) in page.text


def test_only_an_rnd_demand_page_loads_the_panel(client, world):
    demand = CallFactory(issuer=world.university, kind=CallKind.RND_DEMAND)
    challenge = CallFactory(issuer=world.university, kind=CallKind.CHALLENGE)
    assert panel_url("call", demand) in client.get(demand.get_absolute_url()).text
    assert "/docking/interests/panel/" not in client.get(challenge.get_absolute_url()).text
    assert client.get(panel_url("call", challenge)).status_code == 404


def test_the_panel_for_each_persona(client, world):
    url = panel_url("result", world.result)
    assert "data-login" in client.get(url).text
    client.force_login(world.requester)
    assert 'data-action="interest"' in client.get(url).text
    interest = world.interest()
    assert f'data-existing="{interest.pk}"' in client.get(url).text
    client.force_login(world.owner)
    html = client.get(url).text
    assert 'data-pending-count="1"' in html
    assert 'data-action="interest"' not in html


def test_the_panel_of_a_listing_not_published_is_404_or_empty(client, world):
    from tests.factories import ResearchResultFactory

    draft = ResearchResultFactory(organization=world.university)
    client.force_login(world.requester)
    assert client.get(panel_url("result", draft)).status_code == 404
    assert client.get(panel_url("thing", world.result)).status_code == 404


def test_the_dashboard_panel_both_ways(client, world):
    interest = world.interest()
    client.force_login(world.owner)
    assert "docking/interests/dashboard/" in client.get(reverse("portal:dashboard")).text
    html = client.get(reverse("docking:interests_dashboard")).text
    assert f'data-interest="{interest.pk}"' in html and 'data-side="received"' in html
    client.force_login(world.requester)
    html = client.get(reverse("docking:interests_dashboard")).text
    assert f'data-interest="{interest.pk}"' in html and 'data-side="sent"' in html
    client.force_login(world.outsider)
    assert client.get(reverse("docking:interests_dashboard")).content == b""


# --- expressing interest ----------------------------------------------------------------------


def test_expressing_interest_through_the_form(client, world):
    client.force_login(world.requester)
    url = create_url("result", world.result)
    page = client.get(url)
    assert page.status_code == 200
    assert 'value="licence"' in page.text and 'value="solve"' not in page.text
    response = client.post(url, {"wants": Wants.LICENCE, "note": "希望获得非独占许可"})
    interest = Interest.objects.get()
    assert response.status_code == 302 and response.url == detail_url(interest)
    assert interest.note == "希望获得非独占许可"
    assert Notification.objects.filter(recipient=world.owner).exists()
    # A second time: sent to the running one, nothing new.
    assert client.get(url).url == detail_url(interest)
    client.post(url, {"wants": Wants.JOINT, "note": "再来一次"})
    assert Interest.objects.count() == 1


def test_interest_in_a_product_and_a_demand(client, world):
    product = PublishedProductFactory(organization=world.university)
    demand = CallFactory(issuer=world.university, kind=CallKind.RND_DEMAND)
    client.force_login(world.requester)
    client.post(create_url("product", product), {"wants": Wants.PURCHASE, "note": "采购100套"})
    client.post(create_url("call", demand), {"wants": Wants.SOLVE, "note": "我们可以承接"})
    assert set(Interest.objects.values_list("wants", flat=True)) == {"purchase", "solve"}


def test_the_owner_cannot_express_interest_in_its_own(client, world):
    client.force_login(world.owner)
    response = client.get(create_url("result", world.result))
    assert response.status_code == 302
    client.post(create_url("result", world.result), {"wants": Wants.LICENCE, "note": "x"})
    assert not Interest.objects.exists()


def test_a_wrong_form_shows_the_errors(client, world):
    client.force_login(world.requester)
    response = client.post(create_url("result", world.result), {"wants": "solve", "note": ""})
    assert response.status_code == 200
    assert not Interest.objects.exists()


# --- contacts ---------------------------------------------------------------------------------


def _pages(client, interest, organization):
    return [
        client.get(detail_url(interest)),
        client.get(list_url(organization, side="sent")),
        client.get(list_url(organization, side="received")),
        client.get(reverse("docking:interests_dashboard")),
        client.get(panel_url("result", interest.result)),
        client.get(reverse("notifications:list")),
    ]


def _count_contacts(responses, strings) -> int:
    return sum(
        response.content.decode().count(text)
        for response in responses
        if response is not None
        for text in strings
    )


def test_contacts_never_before_acceptance_and_both_ways_after(client, world):
    interest = world.interest()
    university_contacts = CONTACTS[:3]
    sme_contacts = (*CONTACTS[3:], world.requester.email, world.requester.name)
    client.force_login(world.owner)
    assert _count_contacts(_pages(client, interest, world.university), sme_contacts) == 0
    client.force_login(world.requester)
    assert _count_contacts(_pages(client, interest, world.sme), university_contacts) == 0
    services.interest_accept(actor=world.owner, interest=interest)
    client.force_login(world.owner)
    html = client.get(detail_url(interest)).text
    for text in sme_contacts:
        assert text in html
    client.force_login(world.requester)
    html = client.get(detail_url(interest)).text
    for text in university_contacts:
        assert text in html


def test_contacts_hidden_again_when_declined(client, world):
    interest = world.interest()
    services.interest_decline(actor=world.owner, interest=interest, note="不合适")
    client.force_login(world.requester)
    html = client.get(detail_url(interest)).text
    assert _count_contacts([client.get(detail_url(interest))], CONTACTS[:3]) == 0
    assert "不合适" in html


# --- visibility -------------------------------------------------------------------------------


def test_only_the_two_sides_and_administrators_see_an_interest(client, world):
    interest = world.interest()
    for user in (world.owner, world.owner_member, world.requester, world.colleague, world.admin):
        client.force_login(user)
        assert client.get(detail_url(interest)).status_code == 200
    client.force_login(world.outsider)
    before = snapshot(interest)
    assert client.get(detail_url(interest)).status_code == 404
    assert client.post(move_url(interest, "accept")).status_code == 404
    assert client.post(move_url(interest, "withdraw"), {"note": "x"}).status_code == 404
    assert client.post(deal_url(interest), deal_form()).status_code == 404
    assert client.post(confirm_url(interest)).status_code == 404
    assert client.get(list_url(world.sme)).status_code == 404
    assert snapshot(interest) == before
    client.logout()
    assert client.get(detail_url(interest)).status_code == 302


def test_the_lists_both_ways_with_a_status_filter(client, world):
    interest = world.interest()
    client.force_login(world.owner)
    html = client.get(list_url(world.university)).text
    assert f'data-interest="{interest.pk}"' in html
    html = client.get(list_url(world.university, side="received", status="declined")).text
    assert f'data-interest="{interest.pk}"' not in html
    client.force_login(world.requester)
    assert f'data-interest="{interest.pk}"' in client.get(list_url(world.sme, side="sent")).text
    client.force_login(world.admin)
    assert client.get(list_url(world.sme, status="pending")).status_code == 200


# --- moves ------------------------------------------------------------------------------------


def test_accept_negotiate_record_and_confirm_through_the_pages(client, world):
    interest = world.interest()
    client.force_login(world.owner)
    html = client.get(detail_url(interest)).text
    assert 'data-move="accept"' in html and 'data-move="decline"' in html
    assert 'data-move="withdraw"' not in html
    response = client.post(move_url(interest, "accept"))
    assert response.url == detail_url(interest)
    interest.refresh_from_db()
    assert interest.status == InterestStatus.ACCEPTED
    client.post(move_url(interest, "negotiate"))
    interest.refresh_from_db()
    assert interest.status == InterestStatus.NEGOTIATING
    assert 'data-move="record-deal"' in client.get(detail_url(interest)).text
    client.post(deal_url(interest), deal_form(amount="88"))
    deal = Deal.objects.get()
    assert (deal.amount, deal.recorded_for) == (Decimal("88.00"), world.university)
    # The recorder cannot confirm; the page does not offer it.
    assert 'data-move="confirm-deal"' not in client.get(detail_url(interest)).text
    client.post(confirm_url(interest))
    deal.refresh_from_db()
    assert not deal.is_confirmed
    client.force_login(world.requester)
    html = client.get(detail_url(interest)).text
    assert 'data-move="confirm-deal"' in html and 'data-move="record-deal"' not in html
    assert client.post(deal_url(interest), deal_form(amount="1")).status_code == 302
    deal.refresh_from_db()
    assert deal.amount == Decimal("88.00")
    client.post(confirm_url(interest))
    interest.refresh_from_db()
    assert interest.status == InterestStatus.DEAL
    assert 'data-deal="confirmed"' in client.get(detail_url(interest)).text


def test_a_wrong_deal_form_shows_its_errors_and_changes_nothing(client, world):
    interest = world.accepted()
    client.force_login(world.requester)
    response = client.post(deal_url(interest), deal_form(amount="-3"))
    assert response.status_code == 200
    assert not Deal.objects.exists()
    future = timezone.localdate().replace(year=timezone.localdate().year + 1)
    response = client.post(deal_url(interest), deal_form(signed_on=f"{future:%Y-%m-%d}"))
    assert response.status_code == 200
    assert gettext("The signing day cannot be in the future.") in response.text
    assert not Deal.objects.exists()


def test_decline_and_withdraw_need_a_reason_through_the_pages(client, world):
    interest = world.interest()
    client.force_login(world.owner)
    before = snapshot(interest)
    client.post(move_url(interest, "decline"), {"note": ""})
    assert snapshot(interest) == before
    client.post(move_url(interest, "decline"), {"note": "方向不符"})
    interest.refresh_from_db()
    assert (interest.status, interest.decision_note) == ("declined", "方向不符")
    other = world.interest(actor=world.colleague)
    client.force_login(world.requester)
    client.post(move_url(other, "withdraw"), {"note": "改期"})
    other.refresh_from_db()
    assert (other.status, other.decided_by) == ("withdrawn", world.requester)


def test_the_wrong_side_moves_change_nothing(client, world):
    interest = world.interest()
    before = snapshot(interest)
    client.force_login(world.requester)
    client.post(move_url(interest, "accept"))
    client.post(move_url(interest, "decline"), {"note": "x"})
    client.force_login(world.admin)
    client.post(move_url(interest, "accept"))
    client.post(deal_url(interest), deal_form())
    assert snapshot(interest) == before
    assert client.post(move_url(interest, "deal")).status_code == 404
    assert client.post(move_url(interest, "fly")).status_code == 404


def test_no_deal_through_the_page(client, world):
    interest = world.accepted()
    client.force_login(world.requester)
    client.post(move_url(interest, "no_deal"), {"note": "价格未谈拢"})
    interest.refresh_from_db()
    assert (interest.status, interest.decision_note) == ("no_deal", "价格未谈拢")
    html = client.get(detail_url(interest)).text
    assert "价格未谈拢" in html
