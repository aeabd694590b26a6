"""A campaign's own life: drafting it, its recommending units, opening, closing submissions
for screening (by hand or at the deadline), cancelling. Publishing is in ``publishing``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts import rules as account_rules
from accounts.models import Organization, User
from core.exceptions import InvalidState, NotAllowed
from workflow import SYSTEM, MoveServices, apply

from .. import rules
from ..models import Campaign, CampaignKind, CampaignStatus, CampaignUnit, SubmissionStatus
from ..transitions import CAMPAIGN_TRANSITIONS
from ._common import lock_campaign, record_campaign, record_campaign_move, tell_submitters

__all__ = [
    "CAMPAIGN_FIELDS",
    "CAMPAIGN_MOVES",
    "campaign_cancel",
    "campaign_create",
    "campaign_move",
    "campaign_move_problems",
    "campaign_open",
    "campaign_screen",
    "campaign_units_set",
    "campaign_update",
    "campaigns_screen_due",
]

CAMPAIGN_FIELDS = (
    "title",
    "theme",
    "description",
    "deadline",
    "call_deadline",
    "requires_nomination",
)

# The most recommending units one campaign names.
MAX_UNITS = 50

# The service making each move of the campaign's table, registered on it below (and
# ``campaign_publish`` in ``publishing``).
CAMPAIGN_MOVES = MoveServices(CAMPAIGN_TRANSITIONS)


def _assign(campaign: Campaign, data: dict[str, Any]) -> None:
    for field in CAMPAIGN_FIELDS:
        if field in data:
            value = data[field]
            setattr(campaign, field, value.strip() if isinstance(value, str) else value)
    errors = {}
    now = timezone.now()
    if campaign.deadline is None or campaign.deadline <= now:
        errors["deadline"] = _("The submission deadline must be in the future.")
    if campaign.kind == CampaignKind.RESULTS:
        # A results directory publishes no calls: nothing to apply to, nobody to nominate.
        campaign.call_deadline = None
        campaign.requires_nomination = False
    elif campaign.call_deadline is None:
        errors["call_deadline"] = _("Say until when the published calls take applications.")
    elif campaign.deadline is not None and campaign.call_deadline <= campaign.deadline:
        errors["call_deadline"] = _(
            "The calls' application deadline must come after the submission deadline."
        )
    if errors:
        raise ValidationError(errors)


def _editable(actor: User, campaign: Campaign) -> Campaign:
    campaign = lock_campaign(campaign)
    if not rules.can_run_campaign(actor, campaign):
        raise NotAllowed(CAMPAIGN_TRANSITIONS.not_allowed)
    if campaign.status != CampaignStatus.DRAFT:
        raise InvalidState(_("A campaign can be changed only as a draft."))
    return campaign


@transaction.atomic
def campaign_create(
    *, actor: User, kind: str, data: dict[str, Any], chain_nodes: Iterable = ()
) -> Campaign:
    """Draft a campaign of the actor's government department."""
    if not rules.can_create_campaign(actor):
        raise NotAllowed(_("Only members of a verified government department run campaigns."))
    if kind not in CampaignKind.values:
        raise ValidationError({"kind": _("Choose what the campaign collects.")})
    campaign = Campaign(kind=kind, organizer=account_rules.organization_of(actor), created_by=actor)
    _assign(campaign, data)
    campaign.full_clean()
    campaign.save()
    campaign.chain_nodes.set(list(chain_nodes))
    record_campaign(campaign, actor, "create", "", campaign.status)
    return campaign


@transaction.atomic
def campaign_update(
    *, actor: User, campaign: Campaign, data: dict[str, Any], chain_nodes: Iterable = ()
) -> Campaign:
    """Change a draft campaign (its kind stays)."""
    campaign = _editable(actor, campaign)
    _assign(campaign, data)
    campaign.full_clean()
    campaign.save()
    campaign.chain_nodes.set(list(chain_nodes))
    record_campaign(campaign, actor, "update")
    return campaign


@transaction.atomic
def campaign_units_set(
    *, actor: User, campaign: Campaign, units: Iterable[tuple[Organization, int]]
) -> list[CampaignUnit]:
    """Name the recommending units (推荐单位) and their quota per call, replacing the
    previous ones, while the campaign is a draft or open. Units are verified government
    departments or lead or large enterprises (central SOEs)."""
    campaign = lock_campaign(campaign)
    if not rules.can_run_campaign(actor, campaign):
        raise NotAllowed(CAMPAIGN_TRANSITIONS.not_allowed)
    if campaign.status not in (CampaignStatus.DRAFT, CampaignStatus.OPEN):
        raise InvalidState(_("Recommending units can be changed only before screening."))
    if campaign.kind == CampaignKind.RESULTS:
        raise InvalidState(_("A results directory has no recommending units."))
    chosen: dict[int, tuple[Organization, int]] = {}
    problems = []
    for unit, quota in units:
        if unit.kind not in rules.UNIT_KINDS or not unit.is_verified:
            problems.append(
                _(
                    "%(name)s cannot recommend: choose a verified government department or a lead "
                    "or large enterprise."
                )
                % {"name": unit.name}
            )
        if not 1 <= int(quota) <= 500:
            problems.append(_("A quota is between 1 and 500."))
        if unit.pk in chosen:
            problems.append(_("%(name)s is chosen twice.") % {"name": unit.name})
        chosen[unit.pk] = (unit, int(quota))
    if len(chosen) > MAX_UNITS:
        problems.append(_("Name at most %(count)d recommending units.") % {"count": MAX_UNITS})
    if not chosen and campaign.requires_nomination and campaign.status == CampaignStatus.OPEN:
        problems.append(
            _("An open campaign that requires nomination keeps at least one recommending unit.")
        )
    if problems:
        raise ValidationError(problems)
    campaign.units.all().delete()
    rows = [
        CampaignUnit.objects.create(campaign=campaign, unit=unit, quota=quota)
        for unit, quota in chosen.values()
    ]
    note = "; ".join(f"{unit.name} × {quota}" for unit, quota in chosen.values())
    record_campaign(campaign, actor, "units", note=note[:2000])
    return rows


def campaign_move_problems(campaign: Campaign, action: str) -> list[str]:
    """What the move still lacks (the same the page shows beside it)."""
    problems = []
    if action == "open":
        if campaign.deadline <= timezone.now():
            problems.append(_("The submission deadline has passed; change it first."))
        if campaign.requires_nomination and not campaign.units.exists():
            problems.append(_("Name at least one recommending unit, or drop nomination."))
    elif action == "publish":
        if not campaign.submissions.filter(status=SubmissionStatus.ACCEPTED).exists():
            problems.append(_("Accept at least one submission first."))
        if (
            campaign.kind != CampaignKind.RESULTS
            and campaign.requires_nomination
            and not campaign.units.exists()
        ):
            problems.append(_("Name at least one recommending unit, or drop nomination."))
        if campaign.kind != CampaignKind.RESULTS and (
            campaign.call_deadline is None or campaign.call_deadline <= timezone.now()
        ):
            problems.append(_("The calls' application deadline has passed."))
    return problems


def move_campaign(campaign: Campaign, actor, action: str, *, note: str = "", fields=()):
    """Make the campaign's move (the campaign locked by the caller); ``actor=None`` is the
    scheduler. A move that takes a reason keeps it as ``status_note``."""
    fields = list(fields)
    if CAMPAIGN_TRANSITIONS[action].needs_note:
        campaign.status_note = (note or "").strip()
        fields.append("status_note")
    return apply(
        CAMPAIGN_TRANSITIONS,
        campaign,
        action,
        actor=actor,
        roles={SYSTEM} if actor is None else rules.campaign_roles(actor, campaign),
        note=note,
        fields=fields,
        problems=lambda: campaign_move_problems(campaign, action),
        record=record_campaign_move,
    )


def campaign_move(*, actor: User, campaign: Campaign, action: str, note: str = "") -> Campaign:
    """Make the move ``action`` (the one entry point views use)."""
    return CAMPAIGN_MOVES(action, actor=actor, campaign=campaign, note=note)


@CAMPAIGN_MOVES.register("open")
@transaction.atomic
def campaign_open(*, actor: User, campaign: Campaign) -> Campaign:
    """Open for submissions; the campaign becomes public."""
    campaign = lock_campaign(campaign)
    campaign.opened_at = timezone.now()
    return move_campaign(campaign, actor, "open", fields=["opened_at"])


@CAMPAIGN_MOVES.register("screen")
@transaction.atomic
def campaign_screen(*, actor: User | None, campaign: Campaign) -> Campaign:
    """Close submissions and start screening; the scheduler does it at the deadline."""
    campaign = lock_campaign(campaign)
    return move_campaign(campaign, actor, "screen")


@CAMPAIGN_MOVES.register("cancel", note="reason")
@transaction.atomic
def campaign_cancel(*, actor: User, campaign: Campaign, reason: str) -> Campaign:
    """Cancel with a reason; every organization that submitted is told."""
    campaign = lock_campaign(campaign)
    move_campaign(campaign, actor, "cancel", note=reason)
    for submission in campaign.submissions.select_related("organization", "campaign").exclude(
        status=SubmissionStatus.WITHDRAWN
    ):
        tell_submitters(
            submission,
            "campaign.cancelled",
            gettext_noop("The campaign %(campaign)s was cancelled: %(reason)s"),
            reason=campaign.status_note,
        )
    return campaign


def campaigns_screen_due(now=None) -> int:
    """Move every open campaign whose deadline has passed to screening; return how many."""
    now = now or timezone.now()
    moved = 0
    for campaign in Campaign.objects.filter(status=CampaignStatus.OPEN, deadline__lte=now):
        try:
            campaign_screen(actor=None, campaign=campaign)
            moved += 1
        except InvalidState:
            continue  # someone else moved it meanwhile
    return moved
