"""Races that only a real database with row locks can settle (PostgreSQL).

SQLite serialises every writer, so these run only when DATABASE_URL points at PostgreSQL;
CI sets REQUIRED_SERVICES=postgres so they cannot be skipped there.
"""

import threading

import pytest
from django.db import connection

from accounts.exceptions import DomainError
from catalog import services
from catalog.models import ListingEvent, ListingStatus
from tests.factories import AdminUserFactory, ProductFactory
from tests.services import need

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    need("postgres", connection.vendor == "postgresql", "DATABASE_URL is not a PostgreSQL URL")


def run_at_once(*calls):
    """Start the calls in threads at the same moment; return their outcomes in order."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def worker(index, call):
        from django.db import connections

        try:
            barrier.wait()
            call()
            outcomes[index] = "ok"
        except DomainError as error:
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_two_reviewers_deciding_at_once_leave_one_decision():
    listing = ProductFactory(status=ListingStatus.PENDING_REVIEW)
    first, second = AdminUserFactory(), AdminUserFactory()

    outcomes = run_at_once(
        lambda: services.listing_publish(actor=first, listing=listing),
        lambda: services.listing_reject(actor=second, listing=listing, reason="指标不全"),
    )

    assert sorted(o == "ok" for o in outcomes) == [False, True]
    listing.refresh_from_db()
    events = ListingEvent.objects.filter(object_id=listing.pk)
    assert events.count() == 1
    assert events.get().to_status == listing.status
