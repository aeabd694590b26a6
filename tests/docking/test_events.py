"""Docking events: running an event, registrations, pre-matching, meetings in slots without
double-booking, outcomes; through the services and over HTTP, refusals changing nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import OrganizationKind, VerificationStatus
from challenges.models import CallKind
from core.exceptions import InvalidState, NotAllowed
from docking import selectors, services
from docking.models import (
    DockingEvent,
    DockingEventStatus,
    Meeting,
    MeetingSeat,
    MeetingStatus,
    PrematchPair,
    Registration,
)
from search import outbox
from tests.factories import (
    AdminUserFactory,
    CallFactory,
    OrganizationFactory,
    PublishedProductFactory,
    ResearchResultFactory,
    UserFactory,
    member_of,
)

pytestmark = pytest.mark.django_db


def _event_data(**overrides):
    start = (timezone.now() + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
    data = {
        "title": "长三角功率半导体供需对接会",
        "theme": "碳化硅功率模块的供需对接",
        "starts_at": start,
        "ends_at": start + timedelta(hours=2),
        "place": "苏州国际博览中心",
        "online_url": "",
        "slot_minutes": 20,
        "registration_closes_at": start - timedelta(days=1),
    }
    data.update(overrides)
    return data


class World:
    pass


@pytest.fixture
def world():
    return make_world()


def make_world() -> World:
    """Personas, what they bring and one open event (shared with the HTTP tests)."""
    w = World()
    w.admin = AdminUserFactory()
    w.government = OrganizationFactory(kind=OrganizationKind.GOVERNMENT, name="江苏省工信厅")
    w.official = member_of(w.government)
    w.institute = OrganizationFactory(kind=OrganizationKind.INSTITUTE, name="华东半导体研究院")
    w.researcher = member_of(w.institute)
    w.result = ResearchResultFactory(
        organization=w.institute, status="published", published_at=timezone.now()
    )
    w.sme = OrganizationFactory(kind=OrganizationKind.SME, name="苏州芯动科技")
    w.engineer = member_of(w.sme)
    w.product = PublishedProductFactory(organization=w.sme)
    w.lead = OrganizationFactory(kind=OrganizationKind.LEAD, name="常州整车集团")
    w.buyer = member_of(w.lead)
    w.demand = CallFactory(issuer=w.lead, kind=CallKind.RND_DEMAND, title="碳化硅功率模块封装需求")
    w.event = services.event_create(actor=w.official, data=_event_data())
    w.event = services.event_open(actor=w.official, event=w.event)
    return w


def _register(w):
    w.reg_institute = services.registration_save(
        actor=w.researcher, event=w.event, results=[w.result]
    )
    w.reg_sme = services.registration_save(actor=w.engineer, event=w.event, products=[w.product])
    w.reg_lead = services.registration_save(actor=w.buyer, event=w.event, demands=[w.demand])
    w.slots = selectors.event_slots(w.event)
    return w


# Running the event.


def test_event_slots_follow_the_slot_length(world):
    assert len(selectors.event_slots(world.event)) == 6


def test_government_member_creates_and_runs_an_event(world):
    assert world.event.organizer == world.government
    assert world.event.status == DockingEventStatus.OPEN
    services.event_close(actor=world.official, event=world.event)
    services.event_finish(actor=world.admin, event=world.event)
    world.event.refresh_from_db()
    assert world.event.status == DockingEventStatus.FINISHED
    assert [c.action for c in world.event.changes.all()] == ["created", "open", "close", "finish"]


def test_a_firm_or_unverified_government_cannot_create_an_event(world):
    pending = OrganizationFactory(
        kind=OrganizationKind.GOVERNMENT, verification_status=VerificationStatus.PENDING
    )
    for user in (world.engineer, member_of(pending), UserFactory()):
        with pytest.raises(NotAllowed):
            services.event_create(actor=user, data=_event_data())
    assert DockingEvent.objects.count() == 1


def test_only_the_organizer_or_an_admin_moves_the_event(world):
    other_government = member_of(OrganizationFactory(kind=OrganizationKind.GOVERNMENT))
    with pytest.raises(NotAllowed):
        services.event_close(actor=other_government, event=world.event)
    world.event.refresh_from_db()
    assert world.event.status == DockingEventStatus.OPEN


def test_event_data_is_checked(world):
    start = timezone.now() + timedelta(days=2)
    with pytest.raises(ValidationError) as error:
        services.event_create(
            actor=world.admin,
            data=_event_data(starts_at=start, ends_at=start - timedelta(hours=1), place=""),
        )
    assert {"ends_at", "place"} <= set(error.value.message_dict)


def test_admin_creates_an_event_for_the_platform(world):
    event = services.event_create(actor=world.admin, data=_event_data(title="平台对接会"))
    assert event.organizer is None and event.status == DockingEventStatus.DRAFT


# Registrations.


def test_participants_register_with_what_they_bring(world):
    _register(world)
    assert world.event.registrations.count() == 3
    assert list(world.reg_lead.demands.all()) == [world.demand]


def test_registering_again_updates_what_is_brought(world):
    _register(world)
    other = PublishedProductFactory(organization=world.sme, title="氮化镓快充芯片")
    services.registration_save(
        actor=world.engineer, event=world.event, products=[other], note="找整车客户"
    )
    registration = Registration.objects.get(event=world.event, organization=world.sme)
    assert list(registration.products.all()) == [other]
    assert registration.note == "找整车客户"


def test_registration_refusals_change_nothing(world):
    # someone else's product, a government member, a closed event
    with pytest.raises(ValidationError):
        services.registration_save(actor=world.engineer, event=world.event, results=[world.result])
    with pytest.raises(NotAllowed):
        services.registration_save(actor=world.official, event=world.event)
    with pytest.raises(ValidationError):
        services.registration_save(actor=world.engineer, event=world.event)
    services.event_close(actor=world.official, event=world.event)
    with pytest.raises(NotAllowed):
        services.registration_save(
            actor=world.engineer, event=world.event, products=[world.product]
        )
    assert Registration.objects.count() == 0


def test_registration_closes_at_the_deadline(world):
    DockingEvent.objects.filter(pk=world.event.pk).update(
        registration_closes_at=timezone.now() - timedelta(minutes=1)
    )
    world.event.refresh_from_db()
    with pytest.raises(NotAllowed):
        services.registration_save(
            actor=world.engineer, event=world.event, products=[world.product]
        )
    assert Registration.objects.count() == 0


# Pre-matching.


def test_prematching_pairs_registrations_with_explanations(world):
    _register(world)
    for kind, item in (
        ("result", world.result),
        ("product", world.product),
        ("call", world.demand),
    ):
        outbox.index_later(kind, item.pk)
    outbox.drain()

    count = services.event_prematch(actor=world.official, event=world.event)

    assert count >= 1
    assert PrematchPair.objects.filter(event=world.event).count() == count
    pair = PrematchPair.objects.filter(event=world.event).first()
    assert pair.first_id < pair.second_id
    assert pair.explanation["terms"]
    views = selectors.pairs_of_registration(world.reg_sme)
    assert views and all(v.counterpart.pk != world.reg_sme.pk for v in views)


def test_only_the_organizer_prematches(world):
    _register(world)
    with pytest.raises(NotAllowed):
        services.event_prematch(actor=world.engineer, event=world.event)
    assert PrematchPair.objects.count() == 0


# Meetings.


def test_a_requested_meeting_holds_the_slot_for_both(world):
    _register(world)
    meeting = services.meeting_request(
        actor=world.engineer,
        event=world.event,
        invitee=world.reg_institute,
        starts_at=world.slots[0],
    )
    assert meeting.status == MeetingStatus.REQUESTED
    assert MeetingSeat.objects.filter(meeting=meeting).count() == 2
    free = selectors.free_slots(world.event, world.sme.pk, world.institute.pk)
    assert world.slots[0] not in free and len(free) == 5


def test_a_slot_is_never_double_booked(world):
    _register(world)
    services.meeting_request(
        actor=world.engineer,
        event=world.event,
        invitee=world.reg_institute,
        starts_at=world.slots[0],
    )
    # the institute is taken in that slot, whoever asks
    with pytest.raises(InvalidState) as error:
        services.meeting_request(
            actor=world.buyer,
            event=world.event,
            invitee=world.reg_institute,
            starts_at=world.slots[0],
        )
    assert error.value.message == gettext("This slot is already taken; choose another one.")
    # and the requester is taken too
    with pytest.raises(InvalidState):
        services.meeting_request(
            actor=world.engineer,
            event=world.event,
            invitee=world.reg_lead,
            starts_at=world.slots[0],
        )
    assert Meeting.objects.count() == 1
    assert MeetingSeat.objects.count() == 2


def test_the_seat_constraint_refuses_even_without_the_check(world, monkeypatch):
    """The unique constraint, not the friendly check, is what keeps a slot single."""
    _register(world)
    services.meeting_request(
        actor=world.engineer,
        event=world.event,
        invitee=world.reg_institute,
        starts_at=world.slots[1],
    )
    monkeypatch.setattr(
        "docking.services.events.MeetingSeat.objects.filter",
        lambda **kwargs: MeetingSeat.objects.none(),
    )
    with pytest.raises(InvalidState):
        services.meeting_request(
            actor=world.buyer,
            event=world.event,
            invitee=world.reg_institute,
            starts_at=world.slots[1],
        )
    monkeypatch.undo()
    assert Meeting.objects.count() == 1
    assert MeetingSeat.objects.count() == 2


def test_meeting_requests_are_checked(world):
    _register(world)
    outsider = member_of(OrganizationFactory())
    with pytest.raises(NotAllowed):
        services.meeting_request(
            actor=outsider, event=world.event, invitee=world.reg_sme, starts_at=world.slots[0]
        )
    with pytest.raises(InvalidState):
        services.meeting_request(
            actor=world.engineer, event=world.event, invitee=world.reg_sme, starts_at=world.slots[0]
        )
    with pytest.raises(ValidationError):
        services.meeting_request(
            actor=world.engineer,
            event=world.event,
            invitee=world.reg_lead,
            starts_at=world.slots[0] + timedelta(minutes=7),
        )
    assert Meeting.objects.count() == 0


def test_accept_decline_cancel_record_who_and_why_and_free_the_slot(world):
    _register(world)
    first = services.meeting_request(
        actor=world.engineer,
        event=world.event,
        invitee=world.reg_institute,
        starts_at=world.slots[0],
    )
    second = services.meeting_request(
        actor=world.buyer, event=world.event, invitee=world.reg_institute, starts_at=world.slots[1]
    )
    # the requester cannot accept its own request
    with pytest.raises(NotAllowed):
        services.meeting_accept(actor=world.engineer, meeting=first)
    services.meeting_accept(actor=world.researcher, meeting=first)
    with pytest.raises(InvalidState):
        services.meeting_decline(actor=world.researcher, meeting=second, note="")
    services.meeting_decline(actor=world.researcher, meeting=second, note="时间冲突")
    second.refresh_from_db()
    assert (second.status, second.decided_by, second.decision_note) == (
        MeetingStatus.DECLINED,
        world.researcher,
        "时间冲突",
    )
    assert not MeetingSeat.objects.filter(meeting=second).exists()
    services.meeting_cancel(actor=world.engineer, meeting=first, note="行程变更")
    first.refresh_from_db()
    assert first.status == MeetingStatus.CANCELLED and first.decided_by == world.engineer
    assert MeetingSeat.objects.count() == 0
    # the freed slot can be booked again
    services.meeting_request(
        actor=world.buyer, event=world.event, invitee=world.reg_institute, starts_at=world.slots[0]
    )


def test_outcomes_are_recorded_by_each_side_after_the_event(world):
    _register(world)
    meeting = services.meeting_request(
        actor=world.engineer,
        event=world.event,
        invitee=world.reg_institute,
        starts_at=world.slots[0],
    )
    services.meeting_accept(actor=world.researcher, meeting=meeting)
    with pytest.raises(InvalidState):
        services.meeting_outcome_record(actor=world.engineer, meeting=meeting, outcome="follow_up")
    services.event_finish(actor=world.official, event=world.event)
    with pytest.raises(NotAllowed):
        services.meeting_outcome_record(actor=world.buyer, meeting=meeting, outcome="no_fit")
    services.meeting_outcome_record(
        actor=world.engineer, meeting=meeting, outcome="deal_expected", note="下月签许可"
    )
    services.meeting_outcome_record(actor=world.researcher, meeting=meeting, outcome="follow_up")
    meeting.refresh_from_db()
    assert (meeting.requester_outcome, meeting.requester_outcome_note) == (
        "deal_expected",
        "下月签许可",
    )
    assert meeting.invitee_outcome == "follow_up"


def test_no_meeting_after_the_event_is_finished(world):
    _register(world)
    services.event_finish(actor=world.official, event=world.event)
    with pytest.raises(InvalidState):
        services.meeting_request(
            actor=world.engineer,
            event=world.event,
            invitee=world.reg_lead,
            starts_at=world.slots[0],
        )
    assert Meeting.objects.count() == 0


def test_every_move_people_can_make_has_a_service():
    assert services.EVENT_MOVES.missing() == []
    assert services.MEETING_MOVES.missing() == []
