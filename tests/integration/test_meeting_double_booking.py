"""A meeting slot is never double-booked: many organizations asking the same invitee for
the same slot at the same moment leave exactly one meeting (PostgreSQL; the seats' unique
constraint settles the race, not a lock)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import OrganizationKind
from core.exceptions import InvalidState
from docking import selectors, services
from docking.models import Meeting, MeetingSeat, MeetingStatus
from tests.factories import OrganizationFactory, PublishedProductFactory, member_of
from tests.integration.test_postgres_races import run_at_once
from tests.services import need

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ATTEMPTS = 8


@pytest.fixture(autouse=True)
def _postgres_only():
    need("postgres", connection.vendor == "postgresql", "DATABASE_URL is not a PostgreSQL URL")


def test_concurrent_requests_for_one_slot_leave_one_meeting():
    official = member_of(OrganizationFactory(kind=OrganizationKind.GOVERNMENT))
    start = (timezone.now() + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
    event = services.event_create(
        actor=official,
        data={
            "title": "并发对接会",
            "theme": "抢同一个时段",
            "starts_at": start,
            "ends_at": start + timedelta(hours=1),
            "place": "线上",
            "online_url": "",
            "slot_minutes": 20,
            "registration_closes_at": start - timedelta(days=1),
        },
    )
    event = services.event_open(actor=official, event=event)

    def registered():
        organization = OrganizationFactory(kind=OrganizationKind.SME)
        user = member_of(organization)
        product = PublishedProductFactory(organization=organization)
        registration = services.registration_save(actor=user, event=event, products=[product])
        return user, registration

    _invitee_user, invitee = registered()
    requesters = [registered()[0] for _ in range(ATTEMPTS)]
    slot = selectors.event_slots(event)[0]

    outcomes = run_at_once(
        *[
            (
                lambda user=user: services.meeting_request(
                    actor=user, event=event, invitee=invitee, starts_at=slot
                )
            )
            for user in requesters
        ]
    )

    successes = [o for o in outcomes if o == "ok"]
    refusals = [o for o in outcomes if isinstance(o, InvalidState)]
    seats = MeetingSeat.objects.filter(
        event=event, organization=invitee.organization, starts_at=slot
    ).count()
    print(
        f"\ndouble-booking: attempts={ATTEMPTS} successes={len(successes)} "
        f"refused={len(refusals)} invitee seats in the slot={seats} "
        f"meetings={Meeting.objects.filter(event=event).count()}"
    )
    assert len(successes) == 1
    assert len(refusals) == ATTEMPTS - 1
    taken = gettext("This slot is already taken; choose another one.")
    assert all(refusal.message == taken for refusal in refusals)
    assert seats == 1
    assert Meeting.objects.filter(event=event, status=MeetingStatus.REQUESTED).count() == 1
    # the failed attempts left nothing behind: one meeting, two seats
    assert MeetingSeat.objects.filter(event=event).count() == 2
