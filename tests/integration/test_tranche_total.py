"""The tranches of an award never add up to more than its amount: eight handlers setting
tranches on eight milestones of one award at the same moment, their amounts together over
the award, leave a committed total within it (PostgreSQL; the award's row lock settles it)."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import Sum

from challenges import services
from challenges.models import Award, AwardStatus, CallStatus, MilestoneStatus, Tranche
from core.exceptions import InvalidState
from tests.factories import MilestoneFactory, handler_of
from tests.integration.test_postgres_races import run_at_once
from tests.services import need

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ATTEMPTS = 8
AWARD = Decimal("1000000.00")
# Each asks for 30% of the award: at most three fit.
EACH = Decimal("300000.00")


@pytest.fixture(autouse=True)
def _postgres_only():
    need("postgres", connection.vendor == "postgresql", "DATABASE_URL is not a PostgreSQL URL")


def test_concurrent_tranches_never_exceed_the_award():
    first = MilestoneFactory(
        application__call__status=CallStatus.IN_PROGRESS, status=MilestoneStatus.AGREED
    )
    application = first.application
    milestones = [first] + [
        MilestoneFactory(application=application, status=MilestoneStatus.AGREED)
        for _ in range(ATTEMPTS - 1)
    ]
    award = Award.objects.create(
        call=application.call, application=application, amount=AWARD, status=AwardStatus.FINAL
    )
    handlers = [handler_of(application.call) for _ in range(ATTEMPTS)]

    outcomes = run_at_once(
        *[
            (
                lambda user=user, milestone=milestone: services.tranche_set(
                    actor=user, milestone=milestone, amount=EACH
                )
            )
            for user, milestone in zip(handlers, milestones, strict=True)
        ]
    )

    successes = [o for o in outcomes if o == "ok"]
    refusals = [o for o in outcomes if isinstance(o, InvalidState)]
    committed = Tranche.objects.filter(award=award).aggregate(total=Sum("amount"))["total"]
    print(
        f"\ntranches: attempts={ATTEMPTS} set={len(successes)} refused={len(refusals)} "
        f"committed={committed} award={AWARD}"
    )
    assert committed <= AWARD
    assert len(successes) == 3
    assert len(refusals) == ATTEMPTS - 3
