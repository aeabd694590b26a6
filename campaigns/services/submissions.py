"""What organizations submit into a campaign, and the organizer's screening of it: accept,
send back with a reason, merge into another; the submitter's resubmit and withdraw.

Every move goes through ``SUBMISSION_TRANSITIONS``, writes a ``SubmissionEvent`` (who, when,
why) and tells the other side.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts import rules as account_rules
from accounts.models import User
from catalog.models import ResearchResult
from core.exceptions import InvalidState, NotAllowed
from workflow import MoveServices, apply

from .. import rules
from ..models import Campaign, CampaignKind, CampaignStatus, Submission, SubmissionStatus
from ..transitions import SUBMISSION_TRANSITIONS
from ._common import (
    lock_campaign,
    lock_submission,
    record_submission,
    record_submission_move,
    tell_organizer,
    tell_submitters,
)

__all__ = [
    "SUBMISSION_FIELDS",
    "SUBMISSION_MOVES",
    "parse_indicators",
    "submission_accept",
    "submission_create",
    "submission_merge",
    "submission_move",
    "submission_resubmit",
    "submission_return",
    "submission_update",
    "submission_withdraw",
]

SUBMISSION_FIELDS = ("title", "summary", "details", "indicators", "amount", "anonymous_label")

# One indicator per line: the name, then a comma or colon (ASCII or full width), the target.
_INDICATOR_SEPARATOR = re.compile(r"\s*[,，:：]\s*")
INDICATOR_PART_LIMIT = 120
MAX_INDICATORS = 30

SUBMISSION_MOVES = MoveServices(SUBMISSION_TRANSITIONS)

# What the submitting organization is told of each screening decision.
SCREENING_MESSAGES = {
    "accept": gettext_noop("Your submission %(submission)s to %(campaign)s was accepted"),
    "return": gettext_noop(
        "Your submission %(submission)s to %(campaign)s was sent back: %(reason)s"
    ),
    "merge": gettext_noop(
        "Your submission %(submission)s to %(campaign)s was merged into %(target)s: %(reason)s"
    ),
}


def parse_indicators(text: str) -> list[tuple[str, str]]:
    """Split "name, target" (or "name：target") lines into pairs; refuse a line without a
    target or a part longer than the call's indicator fields hold."""
    pairs = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        parts = _INDICATOR_SEPARATOR.split(line, maxsplit=1)
        if len(parts) != 2 or not parts[0] or not parts[1]:
            raise ValidationError(
                {
                    "indicators": _("“%(line)s”: write the indicator, a comma, then the target.")
                    % {"line": line[:60]}
                }
            )
        name, target = parts
        if len(name) > INDICATOR_PART_LIMIT or len(target) > INDICATOR_PART_LIMIT:
            raise ValidationError(
                {
                    "indicators": _("Keep each indicator and target within %(limit)d characters.")
                    % {"limit": INDICATOR_PART_LIMIT}
                }
            )
        pairs.append((name, target))
    if len(pairs) > MAX_INDICATORS:
        raise ValidationError(
            {"indicators": _("List at most %(count)d indicators.") % {"count": MAX_INDICATORS}}
        )
    return pairs


def _assign(submission: Submission, campaign: Campaign, data: dict[str, Any], result) -> None:
    for field in SUBMISSION_FIELDS:
        if field in data:
            value = data[field]
            setattr(submission, field, value.strip() if isinstance(value, str) else value)
    if campaign.kind == CampaignKind.RESULTS:
        if result is None:
            raise ValidationError({"result": _("Choose one of your published research results.")})
        owned = rules.submittable_results(submission.organization).filter(pk=result.pk)
        if not owned.exists():
            raise ValidationError(
                {"result": _("Choose one of your organization's published research results.")}
            )
        submission.result = result
        submission.indicators = ""
        submission.anonymous_label = ""
    else:
        submission.result = None
        if not parse_indicators(submission.indicators):
            raise ValidationError({"indicators": _("List at least one technical indicator.")})


def _check_open(campaign: Campaign) -> None:
    if campaign.status != CampaignStatus.OPEN or timezone.now() >= campaign.deadline:
        raise InvalidState(_("The campaign does not take submissions now."))


@transaction.atomic
def submission_create(
    *,
    actor: User,
    campaign: Campaign,
    data: dict[str, Any],
    result: ResearchResult | None = None,
) -> Submission:
    """Submit a problem, demand or result into an open campaign before its deadline."""
    campaign = lock_campaign(campaign)
    problems = rules.submit_problems(actor, campaign)
    if problems:
        raise NotAllowed(" ".join(str(problem) for problem in problems))
    submission = Submission(
        campaign=campaign,
        organization=account_rules.organization_of(actor),
        submitted_by=actor,
    )
    _assign(submission, campaign, data, result)
    submission.full_clean()
    submission.save()
    record_submission(submission, actor, "create", "", submission.status)
    tell_organizer(
        submission,
        "campaign.submitted",
        gettext_noop("%(organization)s submitted %(submission)s to %(campaign)s"),
    )
    return submission


@transaction.atomic
def submission_update(
    *,
    actor: User,
    submission: Submission,
    data: dict[str, Any],
    result: ResearchResult | None = None,
) -> Submission:
    """Revise a submission while it is submitted or sent back, and the campaign is open."""
    submission = lock_submission(submission)
    campaign = submission.campaign
    if not rules.is_submitter(actor, submission):
        raise NotAllowed(_("Only the submitting organization changes its submission."))
    _check_open(campaign)
    if submission.status not in (SubmissionStatus.SUBMITTED, SubmissionStatus.RETURNED):
        raise InvalidState(SUBMISSION_TRANSITIONS.invalid_state)
    _assign(submission, campaign, data, result)
    submission.full_clean()
    submission.save()
    record_submission(submission, actor, "update")
    return submission


# --- moves ------------------------------------------------------------------------------------


def submission_move(
    *, actor: User, submission: Submission, action: str, note: str = "", **extra
) -> Submission:
    """Make the move ``action`` (the one entry point views use); merge takes ``target``."""
    return SUBMISSION_MOVES(action, actor=actor, submission=submission, note=note, **extra)


def _move(submission: Submission, actor, action: str, *, note="", fields=(), problems=None):
    return apply(
        SUBMISSION_TRANSITIONS,
        submission,
        action,
        actor=actor,
        roles=rules.submission_roles(actor, submission),
        note=note,
        fields=fields,
        problems=problems,
        record=record_submission_move,
    )


def _screening_problems(submission: Submission) -> list[str]:
    if submission.campaign.status not in (CampaignStatus.OPEN, CampaignStatus.SCREENING):
        return [_("The campaign is not screening submissions.")]
    return []


def _screen(actor, submission: Submission, action: str, note: str, **fields) -> Submission:
    submission.screening_note = (note or "").strip()
    submission.screened_by = actor
    submission.screened_at = timezone.now()
    for name, value in fields.items():
        setattr(submission, name, value)
    _move(
        submission,
        actor,
        action,
        note=note,
        fields=["screening_note", "screened_by", "screened_at", *fields],
        problems=lambda: _screening_problems(submission),
    )
    return submission


@SUBMISSION_MOVES.register("accept", note="note")
@transaction.atomic
def submission_accept(*, actor: User, submission: Submission, note: str = "") -> Submission:
    campaign = lock_campaign(submission.campaign)
    submission = lock_submission(submission)
    submission.campaign = campaign
    _screen(actor, submission, "accept", note)
    tell_submitters(submission, "campaign.accepted", SCREENING_MESSAGES["accept"])
    return submission


@SUBMISSION_MOVES.register("return", note="reason")
@transaction.atomic
def submission_return(*, actor: User, submission: Submission, reason: str) -> Submission:
    """Send back with the reason (required); the organization may revise and resubmit."""
    campaign = lock_campaign(submission.campaign)
    submission = lock_submission(submission)
    submission.campaign = campaign
    _screen(actor, submission, "return", reason)
    tell_submitters(
        submission, "campaign.returned", SCREENING_MESSAGES["return"], reason=reason.strip()
    )
    return submission


@SUBMISSION_MOVES.register("merge", note="reason")
@transaction.atomic
def submission_merge(
    *, actor: User, submission: Submission, target: Submission | None = None, reason: str
) -> Submission:
    """Merge into another submission of the same campaign, accepted or submitted (not itself
    merged, withdrawn or sent back); it is published in the merged one's stead, and the
    merged one's organization is told."""
    campaign = lock_campaign(submission.campaign)
    submission = lock_submission(submission)
    submission.campaign = campaign
    if target is None:
        raise ValidationError({"target": _("Choose the submission to merge into.")})
    target = lock_submission(target)
    problems = []
    if target.campaign_id != campaign.pk:
        problems.append(_("Merge only into a submission of the same campaign."))
    elif target.pk == submission.pk:
        problems.append(_("A submission cannot be merged into itself."))
    elif target.status not in (SubmissionStatus.ACCEPTED, SubmissionStatus.SUBMITTED):
        problems.append(_("Merge only into a submission that is accepted or awaiting screening."))
    if problems:
        raise InvalidState(" ".join(str(problem) for problem in problems))
    _screen(actor, submission, "merge", reason, merged_into=target)
    tell_submitters(
        submission,
        "campaign.merged",
        SCREENING_MESSAGES["merge"],
        target=target.title,
        reason=reason.strip(),
    )
    return submission


@SUBMISSION_MOVES.register("resubmit")
@transaction.atomic
def submission_resubmit(*, actor: User, submission: Submission) -> Submission:
    """Put a sent-back submission before the organizer again, while the campaign screens."""
    submission = lock_submission(submission)
    _move(submission, actor, "resubmit", problems=lambda: _screening_problems(submission))
    tell_organizer(
        submission,
        "campaign.resubmitted",
        gettext_noop("%(organization)s resubmitted %(submission)s to %(campaign)s"),
    )
    return submission


@SUBMISSION_MOVES.register("withdraw")
@transaction.atomic
def submission_withdraw(*, actor: User, submission: Submission) -> Submission:
    """Withdraw before the batch is published; a submission others were merged into
    cannot be withdrawn."""
    submission = lock_submission(submission)

    def problems():
        found = _screening_problems(submission)
        if submission.merged.exists():
            found.append(_("Other submissions were merged into this one; it stays."))
        return found

    _move(submission, actor, "withdraw", problems=problems)
    tell_organizer(
        submission,
        "campaign.withdrawn",
        gettext_noop("%(organization)s withdrew %(submission)s from %(campaign)s"),
    )
    return submission
