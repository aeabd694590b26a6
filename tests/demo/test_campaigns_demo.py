"""The demo's collection campaigns: a published batch of problems with merged, returned and
anonymous ones and recommending units; an open results campaign. Seeding twice adds nothing."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from campaigns.models import Batch, Campaign, CampaignKind, CampaignStatus, Submission
from challenges.models import CallStatus, NominationQuota
from demo.campaigns import PROBLEMS_CAMPAIGN, RESULTS_CAMPAIGN

pytestmark = pytest.mark.django_db


def test_the_demo_campaigns_exist_and_seeding_again_adds_nothing(client):
    call_command("seed_demo", "--quiet")
    problems = Campaign.objects.get(title=PROBLEMS_CAMPAIGN["title"])
    assert problems.status == CampaignStatus.PUBLISHED and problems.requires_nomination
    assert problems.units.count() == 2
    statuses = sorted(problems.submissions.values_list("status", flat=True))
    assert statuses == ["merged", "merged", "published", "published", "published", "returned"]
    batch = problems.batches.get(number=1)
    published = Submission.objects.filter(batch=batch, status="published").select_related("call")
    calls = [submission.call for submission in published]
    assert len(calls) == 3 and all(call.status == CallStatus.PUBLISHED for call in calls)
    anonymous = [call for call in calls if call.anonymous]
    assert [call.anonymous_label for call in anonymous] == ["某新能源整车企业"]
    assert NominationQuota.objects.filter(call__in=calls).count() == 6
    returned = problems.submissions.get(status="returned")
    assert returned.screening_note and returned.events.filter(action="return").exists()
    results = Campaign.objects.get(title=RESULTS_CAMPAIGN["title"])
    assert results.kind == CampaignKind.RESULTS and results.status == CampaignStatus.OPEN
    assert results.submissions.get().result is not None
    page = client.get(reverse("campaigns:batch_detail", args=[batch.pk]))
    assert page.status_code == 200
    assert anonymous[0].issuer.name not in page.text and "某新能源整车企业" in page.text
    counts = (Campaign.objects.count(), Submission.objects.count(), Batch.objects.count())
    call_command("seed_demo", "--quiet")
    assert (Campaign.objects.count(), Submission.objects.count(), Batch.objects.count()) == counts
