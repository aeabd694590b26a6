"""The demo's innovation centres and tranches (measure 十四): two centres with members (little
giants among them), a centre's participation call with applications whose bonus and priority
were frozen at submission, and an award with one tranche released on acceptance and one
pending. Seeding twice adds nothing."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from centres.models import CentreMember, InnovationCentre
from challenges import selectors
from challenges.models import Call, Tranche, TrancheEvent, TrancheStatus
from demo.centres import CENTRES, PARTICIPATION_CALL
from demo.tranches import CALL_TITLE

pytestmark = pytest.mark.django_db


def test_the_demo_centres_and_tranches_exist_and_seeding_again_adds_nothing():
    call_command("seed_demo", "--quiet")
    centres = {c.name: c for c in InnovationCentre.objects.all()}
    assert {spec[0] for spec in CENTRES} <= set(centres)
    sensors = centres[CENTRES[0][0]]
    assert sensors.members.filter(organization__qualification_level="national").exists()
    page = Client().get(sensors.get_absolute_url()).text
    assert "badge-national" in page

    call = Call.objects.get(title=PARTICIPATION_CALL["title"])
    assert call.centre.name == PARTICIPATION_CALL["centre"] and call.is_open
    assert {r.condition for r in call.bonus_rules.all()} == {"lead_little_giant", "lead_provincial"}
    levels = list(call.applications.values_list("lead_qualification_level", flat=True))
    assert "national" in levels and "provincial" in levels
    panel = Client().get(reverse("challenges:centre_calls", args=[call.centre_id])).text
    assert f'data-centre-call="{call.pk}"' in panel
    assert selectors.centre_call_counts(call.centre)["priority_applications"] >= 2

    tranches = Tranche.objects.filter(award__call__title=CALL_TITLE)
    released = tranches.get(status=TrancheStatus.RELEASED)
    assert released.released_by is not None and released.released_at is not None
    assert released.milestone.status == "accepted"
    assert TrancheEvent.objects.filter(tranche=released, action="release").exists()
    assert tranches.filter(status=TrancheStatus.PENDING).count() == 1

    counts = (
        InnovationCentre.objects.count(),
        CentreMember.objects.count(),
        Call.objects.count(),
        Tranche.objects.count(),
        TrancheEvent.objects.count(),
    )
    call_command("seed_demo", "--quiet")
    assert (
        InnovationCentre.objects.count(),
        CentreMember.objects.count(),
        Call.objects.count(),
        Tranche.objects.count(),
        TrancheEvent.objects.count(),
    ) == counts
