"""Who runs a collection campaign, who may submit into it, and who sees what.

Predicates take the user first and answer with a bool; access helpers return the object or
raise ``Http404`` for both "missing" and "forbidden".
"""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organization, OrganizationKind
from accounts.rules import (
    is_government_member,
    is_member,
    is_platform_admin,
    organization_of,
)
from catalog.models import ResearchResult
from challenges import kinds
from challenges import rules as challenge_rules
from challenges.models import CallKind

from .models import Batch, Campaign, CampaignKind, CampaignStatus, Submission
from .transitions import ADMIN, ORGANIZER, SUBMITTER

# What a campaign of each kind publishes its accepted submissions as.
CALL_KIND_OF = {
    CampaignKind.PROBLEMS: CallKind.CHALLENGE,
    CampaignKind.DEMANDS: CallKind.RND_DEMAND,
}

# Recommending units: government departments and lead or large enterprises (central SOEs).
UNIT_KINDS = (OrganizationKind.GOVERNMENT, OrganizationKind.LEAD, OrganizationKind.LARGE)


# --- organizers -------------------------------------------------------------------------------


def can_create_campaign(user) -> bool:
    """Members of a verified government department."""
    return is_government_member(user)


def is_organizer(user, campaign: Campaign) -> bool:
    """A member of the department running the campaign."""
    return is_member(user, campaign.organizer)


def can_run_campaign(user, campaign: Campaign) -> bool:
    """Edit, open, screen, publish, cancel: the organizer and platform administrators."""
    if is_platform_admin(user):
        return True
    return is_organizer(user, campaign)


def campaign_roles(user, campaign: Campaign) -> set[str]:
    """Roles towards a campaign and its submissions' screening, for ``transitions``."""
    roles = set()
    if can_run_campaign(user, campaign):
        roles.add(ORGANIZER)
    if is_platform_admin(user):
        roles.add(ADMIN)
    return roles


def can_see_campaign(user, campaign: Campaign) -> bool:
    """A campaign is public once opened; one never opened (a draft, or cancelled as a
    draft) only to those who run it."""
    if campaign.opened_at is not None:
        return True
    return can_run_campaign(user, campaign)


# --- submitters -------------------------------------------------------------------------------


def submitter_kinds(campaign: Campaign) -> frozenset[str] | None:
    """The organization kinds that may submit; ``None`` for results (any organization with
    a published research result of its own)."""
    call_kind = CALL_KIND_OF.get(campaign.kind)
    if call_kind is None:
        return None
    return kinds.policy(call_kind).issuer_kinds


def submittable_results(organization: Organization | None):
    """The organization's own published research results."""
    if organization is None:
        return ResearchResult.objects.none()
    return ResearchResult.objects.published().filter(organization=organization).order_by("title")


def submit_problems(user, campaign: Campaign) -> list[str]:
    """Why the user cannot submit into the campaign now (empty: they can)."""
    problems = []
    if campaign.status != CampaignStatus.OPEN or timezone.now() >= campaign.deadline:
        problems.append(_("The campaign does not take submissions now."))
    organization = organization_of(user) if user.is_authenticated else None
    if organization is None:
        problems.append(_("Join an organization to submit."))
        return problems
    if not organization.is_verified:
        problems.append(_("Your organization must be verified before it can submit."))
    allowed = submitter_kinds(campaign)
    if allowed is None:
        if not submittable_results(organization).exists():
            problems.append(_("Only organizations with a published research result submit."))
    elif organization.kind not in allowed:
        problems.append(_("Organizations of your kind do not submit into this campaign."))
    return problems


def can_submit(user, campaign: Campaign) -> bool:
    return not submit_problems(user, campaign)


def is_submitter(user, submission: Submission) -> bool:
    return is_member(user, submission.organization)


def can_see_submission(user, submission: Submission) -> bool:
    """Its organization's members, the organizer, platform administrators."""
    if is_submitter(user, submission):
        return True
    return can_run_campaign(user, submission.campaign)


def submission_roles(user, submission: Submission) -> set[str]:
    roles = campaign_roles(user, submission.campaign)
    if is_submitter(user, submission):
        roles.add(SUBMITTER)
    return roles


def shows_submitter(user, submission: Submission) -> bool:
    """Whether the user may see who submitted: always, unless it is published anonymously;
    then only the organizer, administrators and the submitting organization."""
    if submission.call_id is not None:
        # Published as a call: the call's own rule (the issuer may have revealed its name).
        return can_see_submission(user, submission) or challenge_rules.shows_issuer(
            user, submission.call
        )
    if not submission.anonymous_label:
        return True
    return can_see_submission(user, submission)


# --- access -----------------------------------------------------------------------------------


def access_campaign(user, pk: int) -> Campaign:
    campaign = Campaign.objects.select_related("organizer", "created_by").filter(pk=pk).first()
    if campaign is None or not can_see_campaign(user, campaign):
        raise Http404
    return campaign


def access_managed_campaign(user, pk: int) -> Campaign:
    campaign = Campaign.objects.select_related("organizer").filter(pk=pk).first()
    if campaign is None or not can_run_campaign(user, campaign):
        raise Http404
    return campaign


def access_submission(user, pk: int) -> Submission:
    submission = (
        Submission.objects.select_related(
            "campaign__organizer",
            "organization",
            "submitted_by",
            "screened_by",
            "merged_into",
            "result",
            "batch",
            "call",
        )
        .filter(pk=pk)
        .first()
    )
    if submission is None or not can_see_submission(user, submission):
        raise Http404
    return submission


def access_batch(user, pk: int) -> Batch:
    """Published batches are public."""
    batch = Batch.objects.select_related("campaign__organizer").filter(pk=pk).first()
    if batch is None:
        raise Http404
    return batch


def access_organization_submissions(user, pk: int) -> Organization:
    """An organization's submissions: its members (and administrators)."""
    organization = Organization.objects.filter(pk=pk).first()
    if organization is None:
        raise Http404
    if not (is_member(user, organization) or is_platform_admin(user)):
        raise Http404
    return organization
