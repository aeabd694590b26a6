"""Interests, handshakes and deals (measure 十五): an organization expresses interest
(我有意向) in a published result, product or open resource, or an open R&D demand; the
owner accepts (the handshake: contacts released, the conversation opened) or declines with a
reason; the requester may withdraw with a reason; either side starts negotiating, records
the deal (the other side confirms it, and the handshake becomes a deal) or ends without a
deal, with a reason.

Every move goes through the workflow engine (``INTEREST_TRANSITIONS``) and writes an
``InterestEvent``; both organizations are told, except the person who made the move.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from accounts.rules import organization_of
from catalog.models import OpenResource, Product, ResearchResult
from challenges import services as challenge_services
from challenges.models import Call
from challenges.selectors import members_of
from core.exceptions import InvalidState, NotAllowed
from notifications.services import notify
from workflow import SYSTEM, MoveServices, apply

from .. import rules
from ..models import Deal, DealKind, Interest, InterestEvent
from ..selectors.interests import open_interest
from ..transitions import INTEREST_TRANSITIONS
from .conversations import conversation_of

__all__ = [
    "INTEREST_MOVES",
    "deal_confirm",
    "deal_record",
    "interest_accept",
    "interest_create",
    "interest_decline",
    "interest_move",
    "interest_negotiate",
    "interest_no_deal",
    "interest_withdraw",
]

# The longest note or reason kept (the model's limit).
TEXT_LIMIT = 2000

INTEREST_MOVES = MoveServices(INTEREST_TRANSITIONS)

# What the organizations are told of each step.
MESSAGES = {
    "expressed": gettext_noop("%(requester)s is interested in %(target)s"),
    "accept": gettext_noop(
        "%(owner)s accepted the interest of %(requester)s in %(target)s; contacts are released"
    ),
    "decline": gettext_noop("%(owner)s declined the interest of %(requester)s in %(target)s"),
    "withdraw": gettext_noop("%(requester)s withdrew its interest in %(target)s"),
    "negotiate": gettext_noop("%(requester)s and %(owner)s started negotiating about %(target)s"),
    "no_deal": gettext_noop(
        "The handshake of %(requester)s and %(owner)s on %(target)s ended without a deal"
    ),
    "deal_recorded": gettext_noop(
        "A deal on %(target)s was recorded between %(requester)s and %(owner)s; please confirm it"
    ),
    "deal_confirmed": gettext_noop(
        "The deal on %(target)s between %(requester)s and %(owner)s is confirmed"
    ),
}

_MODELS = {
    "result": ResearchResult,
    "product": Product,
    "resource": OpenResource,
    "call": Call,
}


def _detail_url(interest: Interest) -> str:
    return reverse("docking:interest_detail", args=[interest.pk])


def _title(target) -> str:
    return target.title


def _tell(interest: Interest, actor: User, step: str, *, only=None) -> None:
    """Tell the members of both organizations (or only of ``only``), not the actor."""
    organizations = [only] if only is not None else [interest.requester, interest.owner]
    call = interest.call if interest.call_id else None
    # Each side is told on its own: an anonymous call's issuer is named to the requester
    # as its members may read it (measure 十三).
    for organization in organizations:
        notify(
            recipients=members_of(organization).exclude(pk=actor.pk),
            verb=f"docking.{step}",
            message=MESSAGES[step],
            params={
                "requester": interest.requester.name,
                "owner": rules.party_name_for_organization(organization, interest.owner, call),
                "target": _title(interest.target),
            },
            url=_detail_url(interest),
        )


def _record(interest, actor, action, from_status, to_status, note, transition=None):
    InterestEvent.objects.create(
        interest=interest,
        actor=actor,
        action=transition.event_action if transition is not None else action,
        from_status=from_status,
        to_status=to_status,
        note=(note or "").strip(),
    )


def _lock(interest: Interest) -> Interest:
    """Re-read the interest under a row lock (PostgreSQL); every move starts here."""
    return (
        Interest.objects.select_for_update(of=("self",))
        .select_related("requester", "owner", "result", "product", "resource", "call")
        .get(pk=interest.pk)
    )


def _check_text(text: str, *, field: str, required: bool, message: str = "") -> str:
    text = (text or "").strip()
    if required and not text:
        raise ValidationError({field: message})
    if len(text) > TEXT_LIMIT:
        raise ValidationError(
            {field: _("Keep it within %(limit)d characters.") % {"limit": TEXT_LIMIT}}
        )
    return text


@transaction.atomic
def interest_create(*, actor: User, target, wants: str, note: str) -> Interest:
    """Express, for the actor's organization, interest in a published result, product or open
    resource, or an open R&D demand, saying what it wants and why.

    One running interest (pending, accepted or negotiating) per organization and target: the
    target's row lock serialises two members asking at the same time.
    """
    target_type = rules.target_type_of(target)
    target = _MODELS[target_type].objects.select_for_update(of=("self",)).get(pk=target.pk)
    problems = rules.interest_target_problems(target)
    if problems:
        raise InvalidState(" ".join(str(problem) for problem in problems))
    problems = rules.interest_requester_problems(actor, target)
    if problems:
        raise NotAllowed(" ".join(str(problem) for problem in problems))
    requester = organization_of(actor)
    existing = open_interest(requester, target)
    if existing is not None:
        raise InvalidState(
            _(
                "Your organization already expressed interest in this (on %(date)s) and it is "
                "still running; continue there, or withdraw it before expressing a new one."
            )
            % {"date": f"{timezone.localtime(existing.created_at):%Y-%m-%d}"}
        )
    allowed = dict(rules.wants_choices(target))
    if wants not in allowed:
        raise ValidationError({"wants": _("Choose what you want among the choices offered.")})
    note = _check_text(
        note, field="note", required=True, message=_("Say briefly what you want and why.")
    )
    interest = Interest.objects.create(
        requester=requester,
        owner=rules.owner_of_target(target),
        wants=wants,
        note=note,
        requested_by=actor,
        **{target_type: target},
    )
    _record(interest, actor, "expressed", "", interest.status, str(allowed[wants]))
    _tell(interest, actor, "expressed", only=interest.owner)
    return interest


def interest_move(*, actor: User, interest: Interest, action: str, note: str = "") -> Interest:
    """Make the move ``action`` that takes nothing but a note (views dispatch here)."""
    return INTEREST_MOVES(action, actor=actor, interest=interest, note=note)


def _move(actor: User, interest: Interest, action: str, note: str, *, decides: bool) -> Interest:
    """Check and make one move, recorded and told; ``decides``: who and why are kept on
    the interest (acceptance, declining, withdrawal, ending without a deal)."""
    note = _check_text(note, field="note", required=False)
    fields = []
    if decides:
        interest.decided_by = actor
        interest.decided_at = timezone.now()
        interest.decision_note = note
        fields = ["decided_by", "decided_at", "decision_note"]
    apply(
        INTEREST_TRANSITIONS,
        interest,
        action,
        actor=actor,
        roles=rules.interest_roles(actor, interest),
        note=note,
        fields=fields,
        record=_record,
    )
    _tell(interest, actor, action)
    return interest


@INTEREST_MOVES.register("accept", note="note")
@transaction.atomic
def interest_accept(*, actor: User, interest: Interest, note: str = "") -> Interest:
    """The owner accepts: the handshake releases both sides' contacts and opens their
    conversation."""
    interest = _lock(interest)
    _move(actor, interest, "accept", note, decides=True)
    if interest.call_id is not None:
        challenge_services.issuer_reveal_by_handshake(
            actor=actor, call=interest.call, organization=interest.requester
        )
    conversation_of(interest)
    return interest


@INTEREST_MOVES.register("decline", note="note")
@transaction.atomic
def interest_decline(*, actor: User, interest: Interest, note: str = "") -> Interest:
    """The owner declines a pending interest, with the reason (required)."""
    interest = _lock(interest)
    return _move(actor, interest, "decline", note, decides=True)


@INTEREST_MOVES.register("withdraw", note="note")
@transaction.atomic
def interest_withdraw(*, actor: User, interest: Interest, note: str = "") -> Interest:
    """The requester withdraws (pending, accepted or negotiating), with the reason."""
    interest = _lock(interest)
    return _move(actor, interest, "withdraw", note, decides=True)


@INTEREST_MOVES.register("negotiate", note="note")
@transaction.atomic
def interest_negotiate(*, actor: User, interest: Interest, note: str = "") -> Interest:
    """Either side starts negotiating an accepted interest."""
    interest = _lock(interest)
    return _move(actor, interest, "negotiate", note, decides=False)


@INTEREST_MOVES.register("no_deal", note="note")
@transaction.atomic
def interest_no_deal(*, actor: User, interest: Interest, note: str = "") -> Interest:
    """Either side ends the handshake without a deal, with the reason."""
    interest = _lock(interest)
    return _move(actor, interest, "no_deal", note, decides=True)


def _check_deal(kind: str, amount, signed_on: date | None, contract_number: str, note: str):
    errors = {}
    if kind not in DealKind.values:
        errors["kind"] = _("Choose the kind of contract.")
    if amount is None:
        errors["amount"] = _("Give the amount (0 when there is none).")
    else:
        amount = Decimal(amount)
        if amount < 0:
            errors["amount"] = _("The amount cannot be negative.")
        elif amount >= Decimal("10000000000"):
            errors["amount"] = _("The amount is too large.")
    if signed_on is None:
        errors["signed_on"] = _("Give the day the contract was signed.")
    elif signed_on > timezone.localdate():
        errors["signed_on"] = _("The signing day cannot be in the future.")
    contract_number = (contract_number or "").strip()
    if len(contract_number) > 60:
        errors["contract_number"] = _("Keep it within %(limit)d characters.") % {"limit": 60}
    note = (note or "").strip()
    if len(note) > TEXT_LIMIT:
        errors["note"] = _("Keep it within %(limit)d characters.") % {"limit": TEXT_LIMIT}
    if errors:
        raise ValidationError(errors)
    return amount, contract_number, note


@transaction.atomic
def deal_record(
    *,
    actor: User,
    interest: Interest,
    kind: str,
    amount,
    signed_on: date | None,
    contract_number: str = "",
    note: str = "",
) -> Deal:
    """One side records the contract the handshake ended in (the other side confirms it);
    its recorder may replace it until it is confirmed."""
    interest = _lock(interest)
    side = rules.side_of(actor, interest)
    if side is None:
        raise NotAllowed(_("Only the two sides record a deal."))
    problems = rules.deal_record_problems(actor, interest)
    if problems:
        raise InvalidState(" ".join(str(problem) for problem in problems))
    amount, contract_number, note = _check_deal(kind, amount, signed_on, contract_number, note)
    values = {
        "kind": kind,
        "amount": amount,
        "signed_on": signed_on,
        "contract_number": contract_number,
        "note": note,
        "recorded_by": actor,
        "recorded_for": side,
    }
    deal, _created = Deal.objects.update_or_create(interest=interest, defaults=values)
    _record(
        interest,
        actor,
        "deal_recorded",
        interest.status,
        interest.status,
        f"{deal.get_kind_display()} · {amount} · {signed_on:%Y-%m-%d}",
    )
    other = interest.owner if side.pk == interest.requester_id else interest.requester
    _tell(interest, actor, "deal_recorded", only=other)
    return deal


@transaction.atomic
def deal_confirm(*, actor: User, interest: Interest) -> Deal:
    """The other side than the recorder confirms the deal; the handshake becomes a deal."""
    interest = _lock(interest)
    if rules.side_of(actor, interest) is None:
        raise NotAllowed(_("Only the two sides confirm a deal."))
    problems = rules.deal_confirm_problems(actor, interest)
    if problems:
        raise InvalidState(" ".join(str(problem) for problem in problems))
    deal = Deal.objects.select_for_update().get(interest=interest)
    deal.confirmed_by = actor
    deal.confirmed_at = timezone.now()
    deal.save(update_fields=["confirmed_by", "confirmed_at"])

    def record(interest, _actor, _action, from_status, to_status, note, _transition=None):
        _record(interest, actor, "deal_confirmed", from_status, to_status, note)

    apply(
        INTEREST_TRANSITIONS,
        interest,
        "deal",
        actor=actor,
        roles={SYSTEM},
        note=f"{deal.get_kind_display()} · {deal.amount}",
        record=record,
    )
    _tell(interest, actor, "deal_confirmed")
    return deal
