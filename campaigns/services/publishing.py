"""Publishing a campaign's accepted submissions together as a batch: problems and demands
become published calls (a 榜单), results are listed in a 成果转移目录."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from challenges import services as call_services
from workflow import SYSTEM, apply

from .. import rules
from ..models import Batch, Campaign, CampaignKind, Submission, SubmissionStatus
from ..transitions import SUBMISSION_TRANSITIONS
from ._common import lock_campaign, record_submission_move, tell_submitters
from .campaigns import CAMPAIGN_MOVES, move_campaign
from .submissions import parse_indicators

__all__ = ["campaign_publish"]


def _call_data(campaign: Campaign, submission: Submission) -> dict:
    label = submission.anonymous_label.strip()
    return {
        "title": submission.title,
        "summary": submission.summary,
        "details": submission.details,
        "amount": submission.amount,
        "deadline": campaign.call_deadline,
        "anonymous": bool(label),
        "anonymous_label": label,
        "requires_nomination": campaign.requires_nomination,
    }


def _publish_call(actor: User, campaign: Campaign, submission: Submission, units, nodes):
    return call_services.call_create_from_batch(
        actor=actor,
        issuer=submission.organization,
        created_by=submission.submitted_by,
        kind=rules.CALL_KIND_OF[campaign.kind],
        data=_call_data(campaign, submission),
        indicators=parse_indicators(submission.indicators),
        chain_nodes=nodes,
        quotas=units,
    )


@CAMPAIGN_MOVES.register("publish")
@transaction.atomic
def campaign_publish(*, actor: User, campaign: Campaign) -> Batch:
    """Publish every accepted submission as batch N of the campaign, under the campaign's
    lock. Problems and demands become published calls issued by the submitting
    organizations (anonymously when asked), with the campaign's chain nodes and, when it
    requires nomination, one quota per recommending unit; results are listed as they are.
    Each submission is told."""
    campaign = lock_campaign(campaign)
    now = timezone.now()
    campaign.published_at = now
    move_campaign(campaign, actor, "publish", fields=["published_at"])
    number = (campaign.batches.aggregate(n=Max("number"))["n"] or 0) + 1
    batch = Batch.objects.create(
        campaign=campaign,
        number=number,
        title=(
            _("%(campaign)s — batch %(number)d") % {"campaign": campaign.title, "number": number}
        )[:150],
        published_by=actor,
        published_at=now,
    )
    accepted = list(
        campaign.submissions.select_for_update(of=("self",))
        .select_related("organization", "submitted_by", "result", "campaign")
        .filter(status=SubmissionStatus.ACCEPTED)
        .order_by("created_at", "pk")
    )
    units = [(row.unit, row.quota) for row in campaign.units.select_related("unit")]
    nodes = list(campaign.chain_nodes.all())
    for submission in accepted:
        fields = ["batch"]
        submission.batch = batch
        if campaign.kind != CampaignKind.RESULTS:
            submission.call = _publish_call(actor, campaign, submission, units, nodes)
            fields.append("call")
        apply(
            SUBMISSION_TRANSITIONS,
            submission,
            "publish",
            actor=actor,
            roles={SYSTEM},
            fields=fields,
            record=record_submission_move,
        )
        tell_submitters(
            submission,
            "campaign.published",
            gettext_noop("Your submission %(submission)s was published in %(batch)s"),
            batch=batch.title,
        )
    # Merged submissions are listed under the one they were merged into.
    Submission.objects.filter(merged_into__in=accepted, status=SubmissionStatus.MERGED).update(
        batch=batch
    )
    return batch
