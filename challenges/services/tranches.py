"""Money against milestones: an award's amount split into tranches, one per milestone,
released when the milestone is accepted.

The tranches of an award never add up to more than its amount: every write that commits
money locks the milestone, then the award's row, and sums the award's live tranches under
that lock (the same order as ``milestone_accept``, so the two never deadlock).
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from core.exceptions import InvalidState, NotAllowed
from workflow import SYSTEM, MoveServices, apply

from .. import rules
from ..models import (
    Award,
    AwardStatus,
    CallStatus,
    Milestone,
    MilestoneStatus,
    Tranche,
    TrancheEvent,
    TrancheStatus,
)
from ..selectors import members_of
from ..transitions import ISSUER, TRANCHE_TRANSITIONS
from ._common import notify_users

__all__ = [
    "TRANCHE_MOVES",
    "money_text",
    "tranche_cancel",
    "tranche_move",
    "tranche_release",
    "tranche_set",
]

CENT = Decimal("0.01")

# The service making each manual move of a tranche's table, registered on it below.
TRANCHE_MOVES = MoveServices(TRANCHE_TRANSITIONS)


def money_text(amount: Decimal) -> str:
    """An amount as the events and notifications write it (the same in every language)."""
    return f"¥{amount.quantize(CENT):,.2f}"


def record_tranche(tranche: Tranche, actor, action: str, from_status="", to_status="", note=""):
    """Write the tranche's event; its note always starts with the amount."""
    text = money_text(tranche.amount)
    TrancheEvent.objects.create(
        tranche=tranche,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=f"{text} · {note}" if note else text,
    )


def record_tranche_move(tranche, actor, action, from_status, to_status, note, transition):
    record_tranche(tranche, actor, transition.event_action, from_status, to_status, note)


def _lock_milestone(milestone: Milestone) -> Milestone:
    return (
        Milestone.objects.select_for_update(of=("self",))
        .select_related("application", "application__call", "application__applicant")
        .get(pk=milestone.pk)
    )


def _final_award(milestone: Milestone) -> Award:
    """Lock and return the final award of the milestone's application, or refuse."""
    award = (
        Award.objects.select_for_update(of=("self",))
        .filter(application_id=milestone.application_id, status=AwardStatus.FINAL)
        .first()
    )
    if award is None:
        raise InvalidState(_("Tranches are set once the award is final."))
    if award.amount is None:
        raise InvalidState(_("The award has no amount to split into tranches."))
    return award


def committed_total(award: Award, *, excluding: Tranche | None = None) -> Decimal:
    """What the award's tranches commit (pending and released), read under its lock."""
    tranches = award.tranches.exclude(status=TrancheStatus.CANCELLED)
    if excluding is not None:
        tranches = tranches.exclude(pk=excluding.pk)
    return tranches.aggregate(total=Sum("amount"))["total"] or Decimal("0")


@transaction.atomic
def tranche_set(*, actor: User, milestone: Milestone, amount: Decimal) -> Tranche:
    """Tie ``amount`` of the award to ``milestone`` (or change the amount of its pending
    tranche), by the call's handlers; the award's tranches never exceed its amount."""
    milestone = _lock_milestone(milestone)
    application = milestone.application
    if ISSUER not in rules.milestone_roles(actor, application):
        raise NotAllowed(_("Only the call's handlers manage its tranches."))
    if amount is None or amount <= 0:
        raise InvalidState(_("A tranche's amount must be more than zero."))
    amount = Decimal(amount).quantize(CENT)
    if application.call.status not in (CallStatus.AWARDED, CallStatus.IN_PROGRESS):
        raise InvalidState(_("Tranches are set between the award and the final acceptance."))
    if milestone.status == MilestoneStatus.ACCEPTED:
        raise InvalidState(_("This milestone is already accepted; its tranche cannot change."))
    if milestone.status == MilestoneStatus.PROPOSED:
        # A proposed milestone may still be removed; money is tied to agreed ones only.
        raise InvalidState(_("Set the tranche once the winner has agreed the milestone."))
    award = _final_award(milestone)
    tranche = Tranche.objects.select_for_update(of=("self",)).filter(milestone=milestone).first()
    if tranche is not None and tranche.status != TrancheStatus.PENDING:
        raise InvalidState(_("This tranche was already released or cancelled."))
    remaining = award.amount - committed_total(award, excluding=tranche)
    if amount > remaining:
        raise InvalidState(
            _(
                "The tranches would exceed the award of %(award)s: at most %(remaining)s "
                "remains to be committed."
            )
            % {"award": money_text(award.amount), "remaining": money_text(max(remaining, 0))}
        )
    if tranche is None:
        tranche = Tranche.objects.create(
            award=award, milestone=milestone, amount=amount, created_by=actor
        )
        record_tranche(tranche, actor, "create", "", tranche.status)
    elif tranche.amount != amount:
        before = money_text(tranche.amount)
        tranche.amount = amount
        tranche.save(update_fields=["amount"])
        record_tranche(tranche, actor, "update", note=_("was %(amount)s") % {"amount": before})
    return tranche


def tranche_move(*, actor: User, tranche: Tranche, action: str, note: str = "") -> Tranche:
    """Make the manual move ``action`` of ``TRANCHE_TRANSITIONS`` (the one entry point
    views use)."""
    return TRANCHE_MOVES(action, actor=actor, tranche=tranche, note=note)


@TRANCHE_MOVES.register("cancel", note="note")
@transaction.atomic
def tranche_cancel(*, actor: User, tranche: Tranche, note: str) -> Tranche:
    """Cancel a pending tranche, with a reason: its amount is no longer committed."""
    tranche = (
        Tranche.objects.select_for_update(of=("self",))
        .select_related("milestone__application__call")
        .get(pk=tranche.pk)
    )
    apply(
        TRANCHE_TRANSITIONS,
        tranche,
        "cancel",
        actor=actor,
        roles=rules.milestone_roles(actor, tranche.milestone.application),
        note=note,
        record=record_tranche_move,
    )
    return tranche


def tranche_release(*, actor: User, milestone: Milestone) -> Tranche | None:
    """Release the pending tranche of ``milestone`` (just accepted by ``actor``, in the same
    transaction): who released it and when, an event with the amount, and the winner told.
    Nothing happens when the milestone has no pending tranche."""
    tranche = (
        Tranche.objects.select_for_update(of=("self",))
        .filter(milestone=milestone, status=TrancheStatus.PENDING)
        .first()
    )
    if tranche is None:
        return None
    tranche.released_by = actor
    tranche.released_at = timezone.now()
    apply(
        TRANCHE_TRANSITIONS,
        tranche,
        "release",
        actor=actor,
        roles={SYSTEM},
        fields=["released_by", "released_at"],
        record=record_tranche_move,
    )
    application = milestone.application
    notify_users(
        members_of(application.applicant),
        "tranche.released",
        gettext_noop("A tranche of %(amount)s of %(call)s was released"),
        application.call,
        url=application.get_absolute_url(),
        amount=money_text(tranche.amount),
    )
    return tranche
