"""Shared pieces of the campaign services: locking, events, telling people."""

from __future__ import annotations

from django.urls import reverse

from challenges.selectors import members_of
from notifications.services import notify

from ..models import Campaign, CampaignEvent, Submission, SubmissionEvent


def lock_campaign(campaign: Campaign) -> Campaign:
    """Re-read the campaign under a row lock; every write to a campaign starts here (the
    campaign, then its submissions)."""
    return (
        Campaign.objects.select_for_update(of=("self",))
        .select_related("organizer")
        .get(pk=campaign.pk)
    )


def lock_submission(submission: Submission) -> Submission:
    return (
        Submission.objects.select_for_update(of=("self",))
        .select_related("campaign__organizer", "organization", "submitted_by", "result")
        .get(pk=submission.pk)
    )


def record_campaign(campaign, actor, action, from_status="", to_status="", note="") -> None:
    CampaignEvent.objects.create(
        campaign=campaign,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=(note or "").strip(),
    )


def record_campaign_move(campaign, actor, action, from_status, to_status, note, transition):
    record_campaign(campaign, actor, transition.event_action, from_status, to_status, note)


def record_submission(submission, actor, action, from_status="", to_status="", note="") -> None:
    SubmissionEvent.objects.create(
        submission=submission,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=(note or "").strip(),
    )


def record_submission_move(submission, actor, action, from_status, to_status, note, transition):
    record_submission(submission, actor, transition.event_action, from_status, to_status, note)


def tell_submitters(submission: Submission, verb: str, message: str, **params) -> None:
    """Tell the submitting organization's members of a step of their submission."""
    notify(
        recipients=list(members_of(submission.organization)),
        verb=verb,
        message=message,
        params={"submission": submission.title, "campaign": submission.campaign.title, **params},
        url=reverse("campaigns:submission_detail", args=[submission.pk]),
    )


def tell_organizer(submission: Submission, verb: str, message: str, **params) -> None:
    """Tell the department running the campaign of a step of a submission."""
    notify(
        recipients=list(members_of(submission.campaign.organizer)),
        verb=verb,
        message=message,
        params={
            "submission": submission.title,
            "campaign": submission.campaign.title,
            "organization": submission.organization.name,
            **params,
        },
        url=reverse("campaigns:submission_detail", args=[submission.pk]),
    )
