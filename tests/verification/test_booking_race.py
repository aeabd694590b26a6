"""Two owners confirming at once cannot both take a platform's last place on a day: the
confirmations count under the platform's row lock (PostgreSQL; see tests/integration)."""

import time
from unittest import mock

import pytest
from django.db import connection

from tests.factories import member_of
from tests.integration.test_postgres_races import run_at_once
from tests.services import need
from verification import selectors, services
from verification.models import BookingStatus, PlatformBooking

from .factories import BookingFactory, PlatformFactory, days

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    need("postgres", connection.vendor == "postgresql", "DATABASE_URL is not a PostgreSQL URL")


def test_two_confirmations_at_once_cannot_exceed_the_capacity():
    platform = PlatformFactory(capacity=1)
    first = BookingFactory(platform=platform, start_date=days(5), end_date=days(10))
    second = BookingFactory(platform=platform, start_date=days(8), end_date=days(12))
    owners = [member_of(platform.owner), member_of(platform.owner)]
    count = selectors.overlapping_confirmed

    def slow_count(*args, **kwargs):
        # Widen the window between counting and writing: without the lock both would
        # count zero confirmed bookings and both confirm.
        found = count(*args, **kwargs)
        time.sleep(0.3)
        return found

    with mock.patch("verification.selectors.platforms.overlapping_confirmed", slow_count):
        outcomes = run_at_once(
            lambda: services.booking_confirm(actor=owners[0], booking=first),
            lambda: services.booking_confirm(actor=owners[1], booking=second),
        )

    assert sorted(o == "ok" for o in outcomes) == [False, True]
    assert PlatformBooking.objects.filter(status=BookingStatus.CONFIRMED).count() == 1
