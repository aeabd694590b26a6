"""Docking event pages and endpoints, by persona; refusals change nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from docking import services
from docking.forms_events import slot_value
from docking.models import (
    DockingEvent,
    DockingEventStatus,
    Meeting,
    MeetingSeat,
    MeetingStatus,
    PrematchPair,
    Registration,
)
from tests.factories import OrganizationFactory, member_of

from .test_events import _event_data, _register, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def _login(client, user):
    client.force_login(user)
    return client


def test_the_list_and_page_are_public_but_drafts_are_not(client, world):
    draft = services.event_create(actor=world.official, data=_event_data(title="草稿对接会"))
    page = client.get(reverse("docking:event_list"))
    assert page.status_code == 200
    assert world.event.title in page.text and "草稿对接会" not in page.text
    assert client.get(reverse("docking:event_detail", args=[world.event.pk])).status_code == 200
    assert client.get(reverse("docking:event_detail", args=[draft.pk])).status_code == 404
    _login(client, world.official)
    assert "草稿对接会" in client.get(reverse("docking:event_list")).text
    assert client.get(reverse("docking:event_detail", args=[draft.pk])).status_code == 200


def test_a_government_member_creates_an_event_over_http(client, world):
    _login(client, world.official)
    assert client.get(reverse("docking:event_create")).status_code == 200
    start = timezone.localtime(timezone.now() + timedelta(days=5)).replace(minute=0)
    response = client.post(
        reverse("docking:event_create"),
        {
            "title": "新能源汽车芯片对接会",
            "theme": "车规芯片",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
            "registration_closes_at": (start - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
            "place": "南京",
            "slot_minutes": 30,
        },
    )
    event = DockingEvent.objects.get(title="新能源汽车芯片对接会")
    assert response.status_code == 302
    assert response["Location"] == reverse("docking:event_detail", args=[event.pk])
    assert event.slot_minutes == 30 and event.organizer == world.government


def test_a_firm_cannot_create_edit_or_run_an_event(client, world):
    _login(client, world.engineer)
    assert client.get(reverse("docking:event_create")).status_code == 404
    assert client.get(reverse("docking:event_edit", args=[world.event.pk])).status_code == 404
    url = reverse("docking:event_move", args=[world.event.pk, "close"])
    assert client.post(url).status_code == 404
    assert client.post(reverse("docking:event_prematch", args=[world.event.pk])).status_code == 404
    world.event.refresh_from_db()
    assert world.event.status == DockingEventStatus.OPEN
    assert DockingEvent.objects.count() == 1


def test_the_organizer_edits_and_moves_the_event(client, world):
    _login(client, world.official)
    url = reverse("docking:event_edit", args=[world.event.pk])
    assert client.get(url).status_code == 200
    data = _event_data(title="改名后的对接会")
    form = {
        name: (
            timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")
            if hasattr(value, "hour")
            else value
        )
        for name, value in data.items()
    }
    form["starts_at"] = timezone.localtime(world.event.starts_at).strftime("%Y-%m-%dT%H:%M")
    form["ends_at"] = timezone.localtime(world.event.ends_at).strftime("%Y-%m-%dT%H:%M")
    assert client.post(url, form).status_code == 302
    world.event.refresh_from_db()
    assert world.event.title == "改名后的对接会"
    response = client.post(reverse("docking:event_move", args=[world.event.pk, "close"]))
    assert response.status_code == 302
    world.event.refresh_from_db()
    assert world.event.status == DockingEventStatus.CLOSED
    assert (
        client.post(reverse("docking:event_move", args=[world.event.pk, "nope"])).status_code == 404
    )


def test_registering_over_http(client, world):
    _login(client, world.engineer)
    url = reverse("docking:event_register", args=[world.event.pk])
    page = client.get(url)
    assert page.status_code == 200 and world.product.title in page.text
    response = client.post(url, {"products": [world.product.pk], "note": "寻找整车客户"})
    assert response.status_code == 302
    registration = Registration.objects.get(event=world.event, organization=world.sme)
    assert list(registration.products.all()) == [world.product]
    detail = client.get(reverse("docking:event_detail", args=[world.event.pk]))
    assert world.product.title in detail.text and "data-my-meetings" in detail.text


def test_a_government_member_cannot_register(client, world):
    _login(client, world.official)
    response = client.post(reverse("docking:event_register", args=[world.event.pk]), {})
    assert response.status_code == 302
    assert Registration.objects.count() == 0


def test_prematch_and_the_slot_picker_show_free_slots_only(client, world):
    from search import outbox

    _register(world)
    for kind, item in (
        ("result", world.result),
        ("product", world.product),
        ("call", world.demand),
    ):
        outbox.index_later(kind, item.pk)
    outbox.drain()
    _login(client, world.official)
    assert client.post(reverse("docking:event_prematch", args=[world.event.pk])).status_code == 302
    assert PrematchPair.objects.exists()
    pair = PrematchPair.objects.first()
    first, second = pair.first, pair.second
    user = {
        world.sme.pk: world.engineer,
        world.institute.pk: world.researcher,
        world.lead.pk: world.buyer,
    }
    services.meeting_request(
        actor=user[first.organization_id],
        event=world.event,
        invitee=second,
        starts_at=world.slots[0],
    )
    _login(client, user[first.organization_id])
    page = client.get(reverse("docking:event_detail", args=[world.event.pk])).text
    assert f'data-pair="{second.pk}"' in page
    assert f'data-request-form="{second.pk}"' in page
    section = page.split(f'data-request-form="{second.pk}"')[1].split("</form>")[0]
    assert slot_value(world.slots[0]) not in section
    assert slot_value(world.slots[1]) in section


def test_meetings_over_http(client, world):
    _register(world)
    _login(client, world.engineer)
    url = reverse("docking:meeting_request", args=[world.event.pk])
    response = client.post(
        url,
        {
            "invitee": world.reg_institute.pk,
            "starts_at": slot_value(world.slots[2]),
            "note": "聊许可",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    # the same slot again, by the lead: refused, nothing changes
    _login(client, world.buyer)
    client.post(url, {"invitee": world.reg_institute.pk, "starts_at": slot_value(world.slots[2])})
    assert Meeting.objects.count() == 1 and MeetingSeat.objects.count() == 2
    # the lead cannot answer someone else's meeting
    move = reverse("docking:meeting_move", args=[meeting.pk, "accept"])
    assert client.post(move).status_code == 404
    _login(client, world.researcher)
    page = client.get(reverse("docking:event_detail", args=[world.event.pk])).text
    assert f'data-meeting="{meeting.pk}"' in page and 'data-move="accept"' in page
    assert client.post(move).status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.ACCEPTED
    assert (
        client.post(reverse("docking:meeting_move", args=[meeting.pk, "nope"])).status_code == 404
    )


def test_decline_over_http_needs_a_reason(client, world):
    _register(world)
    meeting = services.meeting_request(
        actor=world.engineer,
        event=world.event,
        invitee=world.reg_institute,
        starts_at=world.slots[0],
    )
    _login(client, world.researcher)
    url = reverse("docking:meeting_move", args=[meeting.pk, "decline"])
    client.post(url, {"note": ""})
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.REQUESTED
    client.post(url, {"note": "方向不符"})
    meeting.refresh_from_db()
    assert (meeting.status, meeting.decision_note) == (MeetingStatus.DECLINED, "方向不符")
    assert MeetingSeat.objects.count() == 0


def test_outcome_over_http(client, world):
    _register(world)
    meeting = services.meeting_request(
        actor=world.engineer,
        event=world.event,
        invitee=world.reg_institute,
        starts_at=world.slots[0],
    )
    services.meeting_accept(actor=world.researcher, meeting=meeting)
    services.event_finish(actor=world.official, event=world.event)
    url = reverse("docking:meeting_outcome", args=[meeting.pk])
    _login(client, member_of(OrganizationFactory()))
    assert client.post(url, {"outcome": "no_fit"}).status_code == 404
    _login(client, world.researcher)
    page = client.get(reverse("docking:event_detail", args=[world.event.pk])).text
    assert "data-outcome-form" in page
    assert client.post(url, {"outcome": "follow_up", "note": "安排中试"}).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.invitee_outcome, meeting.invitee_outcome_note) == ("follow_up", "安排中试")
    assert meeting.requester_outcome == ""
    _login(client, world.official)
    page = client.get(reverse("docking:event_detail", args=[world.event.pk])).text
    assert "data-all-meetings" in page and "安排中试" in page
