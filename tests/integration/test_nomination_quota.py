"""A recommending unit never nominates beyond its quota: eight members nominating eight
pending applications at the same moment leave exactly the quota nominated (PostgreSQL; the
quota row's lock serialises the unit's decisions)."""

import pytest
from django.db import connection
from django.utils.translation import gettext

from accounts.models import OrganizationKind
from challenges import services
from challenges.models import (
    ApplicationStatus,
    CallKind,
    Nomination,
    NominationQuota,
    NominationStatus,
)
from core.exceptions import InvalidState
from tests.factories import ApplicationFactory, CallFactory, OrganizationFactory, member_of
from tests.integration.test_postgres_races import run_at_once
from tests.services import need

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ATTEMPTS = 8
QUOTA = 2


@pytest.fixture(autouse=True)
def _postgres_only():
    need("postgres", connection.vendor == "postgresql", "DATABASE_URL is not a PostgreSQL URL")


def test_concurrent_nominations_never_exceed_the_quota():
    call = CallFactory(
        kind=CallKind.SELECTION,
        issuer=OrganizationFactory(kind=OrganizationKind.GOVERNMENT),
        requires_nomination=True,
    )
    unit = OrganizationFactory(kind=OrganizationKind.GOVERNMENT)
    NominationQuota.objects.create(call=call, unit=unit, quota=QUOTA)
    nominations = []
    for _ in range(ATTEMPTS):
        application = ApplicationFactory(
            call=call, status=ApplicationStatus.DRAFT, submitted_at=None
        )
        services.application_submit_to_unit(
            actor=member_of(application.applicant), application=application, unit=unit
        )
        nominations.append(Nomination.objects.get(application=application))
    members = [member_of(unit) for _ in range(ATTEMPTS)]

    outcomes = run_at_once(
        *[
            (
                lambda member=member, nomination=nomination: services.nomination_nominate(
                    actor=member, nomination=nomination, review="同意推荐"
                )
            )
            for member, nomination in zip(members, nominations, strict=True)
        ]
    )

    assert outcomes.count("ok") == QUOTA
    refusals = [outcome for outcome in outcomes if outcome != "ok"]
    assert len(refusals) == ATTEMPTS - QUOTA
    full = gettext("Your unit's quota for this call is used up (%(used)d of %(quota)d nominated).")
    expected = full % {"used": QUOTA, "quota": QUOTA}
    assert all(isinstance(r, InvalidState) and r.message == expected for r in refusals)
    nominated = Nomination.objects.filter(unit=unit, status=NominationStatus.NOMINATED)
    assert nominated.count() == QUOTA
    assert call.applications.filter(status=ApplicationStatus.SUBMITTED).count() == QUOTA
    assert call.applications.filter(status=ApplicationStatus.NOMINATION).count() == (
        ATTEMPTS - QUOTA
    )
