"""Reads of collection campaigns: the public list, screening tables, batches, timelines."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from accounts.models import Organization, VerificationStatus

from ..models import (
    Batch,
    Campaign,
    CampaignStatus,
    CampaignUnit,
    Submission,
    SubmissionStatus,
)
from ..rules import UNIT_KINDS

__all__ = [
    "PUBLIC_STATUSES",
    "batch_entries",
    "campaign_counts",
    "campaign_list",
    "campaign_submissions",
    "campaign_units",
    "merge_targets",
    "submissions_of_organization",
    "unit_choices",
]

# What anyone sees in the list: campaigns taking submissions, and those published.
PUBLIC_STATUSES = (CampaignStatus.OPEN, CampaignStatus.SCREENING, CampaignStatus.PUBLISHED)


def campaign_list(
    *, organizer: Organization | None = None, everything: bool = False, kind="", status=""
) -> QuerySet[Campaign]:
    """Public campaigns (open, screening, published), plus every campaign of ``organizer``
    (its drafts and cancelled ones), or every campaign with ``everything`` (administrators);
    filtered by kind and status."""
    campaigns = Campaign.objects.select_related("organizer").annotate(
        submission_count=Count("submissions", distinct=True)
    )
    if not everything:
        visible = Q(status__in=PUBLIC_STATUSES)
        if organizer is not None:
            visible |= Q(organizer=organizer)
        campaigns = campaigns.filter(visible)
    if kind:
        campaigns = campaigns.filter(kind=kind)
    if status:
        campaigns = campaigns.filter(status=status)
    return campaigns.order_by("-opened_at", "-pk")


def campaign_counts(campaign: Campaign) -> dict[str, int]:
    """How many submissions are in each status (shown publicly: numbers only)."""
    rows = campaign.submissions.values("status").annotate(n=Count("pk"))
    counts = {row["status"]: row["n"] for row in rows}
    counts["total"] = sum(counts.values())
    return counts


def campaign_submissions(campaign: Campaign) -> QuerySet[Submission]:
    """Every submission of a campaign, for the screening table."""
    return (
        campaign.submissions.select_related(
            "organization", "submitted_by", "screened_by", "merged_into", "result", "call"
        )
        .prefetch_related("merged__organization")
        .order_by("created_at", "pk")
    )


def merge_targets(campaign: Campaign) -> QuerySet[Submission]:
    """Submissions another may be merged into: accepted or submitted ones."""
    return campaign.submissions.filter(
        status__in=[SubmissionStatus.ACCEPTED, SubmissionStatus.SUBMITTED]
    ).order_by("created_at", "pk")


def campaign_units(campaign: Campaign) -> QuerySet[CampaignUnit]:
    return campaign.units.select_related("unit").order_by("unit__name", "pk")


def unit_choices() -> QuerySet[Organization]:
    """Organizations that may recommend: verified departments and lead or large enterprises."""
    return Organization.objects.filter(
        verification_status=VerificationStatus.VERIFIED, kind__in=UNIT_KINDS
    ).order_by("kind", "name")


def submissions_of_organization(organization: Organization) -> QuerySet[Submission]:
    return organization.campaign_submissions.select_related(
        "campaign__organizer", "call", "batch"
    ).order_by("-created_at", "-pk")


def batch_entries(batch: Batch) -> list[Submission]:
    """The published submissions of a batch, each with the ones merged into it."""
    merged = Submission.objects.select_related("organization").order_by("pk")
    return list(
        batch.submissions.select_related("organization", "call__issuer", "result__organization")
        .prefetch_related(Prefetch("merged", queryset=merged))
        .filter(status=SubmissionStatus.PUBLISHED)
        .order_by("pk")
    )
