"""Races that only a real database with row locks can settle (PostgreSQL).

SQLite serialises every writer, so these run only when DATABASE_URL points at PostgreSQL;
CI sets REQUIRED_SERVICES=postgres so they cannot be skipped there.
"""

import threading
import time
from unittest import mock

import pytest
from django.db import connection

from catalog import services
from catalog.models import ListingEvent, ListingStatus
from core.exceptions import DomainError
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


def test_two_awards_at_once_cannot_exceed_the_winner_cap():
    from challenges import services as call_services
    from challenges.models import Award, CallStatus
    from tests.factories import ApplicationFactory, CallFactory, handler_of

    call = CallFactory(status=CallStatus.EVALUATING, winner_cap=1)
    first, second = ApplicationFactory.create_batch(2, call=call, status="shortlisted")
    issuer = handler_of(call)
    create = Award.objects.create

    def slow_create(**kwargs):
        # Widen the window between counting the awards and writing one, so that without
        # the call's row lock both proposals would see zero awards and both succeed.
        time.sleep(0.3)
        return create(**kwargs)

    with mock.patch.object(Award.objects, "create", side_effect=slow_create):
        outcomes = run_at_once(
            lambda: call_services.award_propose(actor=issuer, application=first),
            lambda: call_services.award_propose(actor=issuer, application=second),
        )

    assert sorted(o == "ok" for o in outcomes) == [False, True]
    assert Award.objects.filter(call=call).count() == 1


def test_two_applications_from_one_organization_at_once_leave_one():
    from challenges import services as call_services
    from challenges.models import Application
    from tests.factories import CallFactory, OrganizationFactory, member_of

    call = CallFactory()
    organization = OrganizationFactory()
    colleagues = [member_of(organization), member_of(organization)]

    outcomes = run_at_once(
        *[
            (lambda user=user: call_services.application_create(actor=user, call=call, data={}))
            for user in colleagues
        ]
    )

    assert sorted(o == "ok" for o in outcomes) == [False, True]
    assert Application.objects.filter(call=call, applicant=organization).count() == 1
