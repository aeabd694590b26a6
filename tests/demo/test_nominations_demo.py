"""The demo's nomination call: two recommending units with quotas 2 and 1, applications
pending, nominated (one unit at its quota) and one returned with a reason; the units' workspace
shows them; a finished competition with certificates, its runner-up invited to an open call.
Seeding twice adds nothing."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from challenges.models import (
    ApplicationStatus,
    Call,
    CallStatus,
    CompetitionResult,
    Distinction,
    Invitation,
    Nomination,
    NominationStatus,
)
from demo.nominations import COMPETITION, NOMINATION_CALL

pytestmark = pytest.mark.django_db


def test_the_demo_nominations_exist_and_seeding_again_adds_nothing():
    call_command("seed_demo", "--quiet")
    call = Call.objects.get(title=NOMINATION_CALL["title"])
    assert call.requires_nomination and call.is_open
    quotas = {q.unit.credit_code: q.quota for q in call.nomination_quotas.select_related("unit")}
    assert sorted(quotas.values()) == [1, 2]
    nominations = Nomination.objects.filter(application__call=call)
    statuses = sorted(nominations.values_list("status", flat=True))
    assert statuses == ["nominated", "nominated", "pending", "pending", "returned"]
    returned = nominations.get(status=NominationStatus.RETURNED)
    assert returned.reason and returned.application.status == ApplicationStatus.DRAFT
    full = call.nomination_quotas.get(quota=1)
    assert nominations.filter(unit=full.unit, status=NominationStatus.NOMINATED).count() == 1
    member = full.unit.memberships.get(role="admin").user
    client = Client()
    client.force_login(member)
    page = client.get(reverse("challenges:nomination_workspace"))
    assert page.status_code == 200
    assert f'data-unit-call="{call.pk}"' in page.text
    competition = Call.objects.get(title=COMPETITION["title"])
    assert competition.status == CallStatus.AWARDED
    results = list(CompetitionResult.objects.filter(call=competition))
    assert [(r.rank, r.distinction) for r in results] == [
        (1, Distinction.WINNER),
        (2, Distinction.FINALIST),
        (3, Distinction.FINALIST),
    ]
    page = Client().get(reverse("challenges:certificate", args=[results[1].code]))
    assert page.status_code == 200
    invitation = Invitation.objects.get(competition_result=results[1])
    assert invitation.call.is_open
    counts = (
        Nomination.objects.count(),
        CompetitionResult.objects.count(),
        Invitation.objects.count(),
    )
    call_command("seed_demo", "--quiet")
    assert (
        Nomination.objects.count(),
        CompetitionResult.objects.count(),
        Invitation.objects.count(),
    ) == counts
