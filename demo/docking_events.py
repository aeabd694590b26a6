"""Load the docking events (``demo/data/docking_events.toml``) through the docking
services: the event, its registrations with what each brings, pre-matching (after the
search outbox is drained, so matching sees the demo listings), meetings in every state and,
for a finished event, the outcomes each side recorded.

A finished event is run in the future like any other, then only its dates (and its
meetings' slots) are moved back. Idempotent: an event with the same title is skipped.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from accounts.models import Organization
from catalog.models import ChainNode, ListingStatus, Product, ResearchResult
from challenges.models import Call, CallKind
from demo.specs import DemoContent, DockingEventSpec
from docking import selectors, services
from docking.models import DockingEvent, Meeting, MeetingSeat


class DockingEventSeeder:
    def __init__(self, *, content: DemoContent, organizations, owner_of, node_ids):
        self.content = content
        self.organizations: dict[str, Organization] = organizations
        self.owner_of = owner_of
        self.node_ids = node_ids
        self.created = 0

    def run(self) -> int:
        new = [
            spec
            for spec in self.content.docking_events
            if not DockingEvent.objects.filter(title=spec.title).exists()
        ]
        if new:
            from search import outbox

            outbox.drain()
        for spec in new:
            self._event(spec)
        return self.created

    def _event(self, spec: DockingEventSpec) -> None:
        organizer = self.owner_of(self.organizations[spec.organizer])
        days = spec.days if spec.state == "open" else 30
        start = (timezone.now() + timedelta(days=days)).replace(
            hour=9, minute=0, second=0, microsecond=0
        )
        event = services.event_create(
            actor=organizer,
            data={
                "title": spec.title,
                "theme": spec.theme,
                "starts_at": start,
                "ends_at": start + timedelta(hours=spec.hours),
                "place": spec.place,
                "online_url": spec.online_url,
                "slot_minutes": spec.slot_minutes,
                "registration_closes_at": start - timedelta(days=2),
            },
            chain_nodes=ChainNode.objects.filter(pk__in=self.node_ids(spec.chain_nodes)),
        )
        event = services.event_open(actor=organizer, event=event)
        self.created += 1
        registrations = {}
        for registration in spec.registrations:
            organization = self.organizations[registration.org]
            registrations[registration.org] = services.registration_save(
                actor=self.owner_of(organization),
                event=event,
                results=self._items(ResearchResult, organization, registration.results),
                products=self._items(Product, organization, registration.products),
                demands=[
                    Call.objects.get(issuer=organization, kind=CallKind.RND_DEMAND, title=title)
                    for title in registration.demands
                ],
                note=registration.note,
            )
            self.created += 1
        self.created += services.event_prematch(actor=organizer, event=event)
        slots = selectors.event_slots(event)
        meetings = []
        for meeting_spec in spec.meetings:
            meetings.append(
                (meeting_spec, self._meeting(event, registrations, slots, meeting_spec))
            )
        if spec.state == "finished":
            event = services.event_finish(actor=organizer, event=event)
            for meeting_spec, meeting in meetings:
                self._outcomes(meeting, meeting_spec)
            self._move_back(event, timedelta(days=-(days + spec.days)))

    @staticmethod
    def _items(model, organization, titles):
        return [
            model.objects.get(
                organization=organization, title=title, status=ListingStatus.PUBLISHED
            )
            for title in titles
        ]

    def _meeting(self, event, registrations, slots, spec) -> Meeting:
        requester = self.owner_of(self.organizations[spec.requester])
        invitee = self.owner_of(self.organizations[spec.invitee])
        meeting = services.meeting_request(
            actor=requester,
            event=event,
            invitee=registrations[spec.invitee],
            starts_at=slots[spec.slot],
            note=spec.note,
        )
        self.created += 1
        if spec.state == "accepted":
            services.meeting_accept(actor=invitee, meeting=meeting)
        elif spec.state == "declined":
            services.meeting_decline(actor=invitee, meeting=meeting, note=spec.reason)
        elif spec.state == "cancelled":
            services.meeting_cancel(actor=requester, meeting=meeting, note=spec.reason)
        return meeting

    def _outcomes(self, meeting: Meeting, spec) -> None:
        for side, outcome, note in (
            ("requester", spec.requester_outcome, spec.requester_outcome_note),
            ("invitee", spec.invitee_outcome, spec.invitee_outcome_note),
        ):
            if outcome:
                services.meeting_outcome_record(
                    actor=self.owner_of(self.organizations[getattr(spec, side)]),
                    meeting=meeting,
                    outcome=outcome,
                    note=note,
                )

    @staticmethod
    def _move_back(event: DockingEvent, shift: timedelta) -> None:
        """Date the finished event (and its slots) in the past: dates only."""
        DockingEvent.objects.filter(pk=event.pk).update(
            starts_at=event.starts_at + shift,
            ends_at=event.ends_at + shift,
            registration_closes_at=event.registration_closes_at + shift,
        )
        for meeting in Meeting.objects.filter(event=event):
            Meeting.objects.filter(pk=meeting.pk).update(starts_at=meeting.starts_at + shift)
        for seat in MeetingSeat.objects.filter(event=event):
            MeetingSeat.objects.filter(pk=seat.pk).update(starts_at=seat.starts_at + shift)
