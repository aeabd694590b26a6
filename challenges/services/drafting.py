"""Drafting a call: its fields, handlers and parts (indicators, rubric, rounds, bonuses,
attachments), while it is a draft or sent back."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import rules as account_rules
from accounts.models import QUALIFICATION_RANK, User
from core.exceptions import InvalidState, NotAllowed
from uploads.documents import CheckedDocument
from uploads.fields import store_document

from .. import kinds, rules
from ..conditions import completeness_problems
from ..models import (
    BonusRule,
    Call,
    CallAttachment,
    CallKind,
    CallStatus,
    Criterion,
    Indicator,
    Round,
)
from ._common import lock_call, record_call
from .centre_calls import centre_bonus_defaults

__all__ = [
    "CALL_FIELDS",
    "PART_MODELS",
    "call_attachment_add",
    "call_bonus_set",
    "call_create",
    "call_criterion_add",
    "call_handler_add",
    "call_indicator_add",
    "call_part_remove",
    "call_round_add",
    "call_update",
    "completeness_problems",
]


CALL_FIELDS = (
    "title",
    "summary",
    "background",
    "details",
    "terms",
    "deliverables",
    "amount",
    "winner_cap",
    "shortlist_cap",
    "deadline",
    "work_start",
    "work_end",
    "eligible_kinds",
    "min_qualification",
    "eligible_provinces",
    "eligibility_note",
    "max_partners",
    "min_trl",
    "industry",
    "publicity_days",
    "anonymous",
    "anonymous_label",
    "requires_nomination",
    "centre",
)


def _assign(call: Call, data: dict[str, Any]) -> None:
    for field in CALL_FIELDS:
        if field in data:
            setattr(call, field, data[field])
    policy = kinds.policy(call.kind)
    allowed = policy.applicant_kinds
    call.eligible_kinds = [k for k in (call.eligible_kinds or allowed) if k in allowed]
    if not policy.allows_consortium:
        call.max_partners = 0
    call.anonymous_label = call.anonymous_label.strip() if call.anonymous else ""
    if call.anonymous and not call.anonymous_label:
        raise ValidationError(
            {"anonymous_label": _("Say how the issuer is described instead of its name.")}
        )
    if call.centre_id and call.kind != CallKind.SELECTION:
        raise ValidationError(
            {"centre": _("Only a project selection call can be an innovation centre's call.")}
        )
    if QUALIFICATION_RANK[call.min_qualification] < QUALIFICATION_RANK[policy.min_qualification]:
        call.min_qualification = policy.min_qualification


def _editable(actor: User, call: Call) -> Call:
    call = lock_call(call)
    if not rules.is_handler(actor, call):
        raise NotAllowed(_("Only the call's handlers can change it."))
    if call.status not in (CallStatus.DRAFT, CallStatus.REJECTED):
        raise InvalidState(_("A call can be changed only as a draft or after rejection."))
    return call


@transaction.atomic
def call_create(*, actor: User, kind: str, data: dict[str, Any]) -> Call:
    """Draft a call for the actor's organization; the actor becomes a handler."""
    if kind not in CallKind.values:
        raise InvalidState(_("Unknown kind of call."))
    if not rules.can_issue(actor, kind):
        raise NotAllowed(_("Your organization cannot issue this kind of call."))
    call = Call(kind=kind, issuer=account_rules.organization_of(actor), created_by=actor)
    _assign(call, data)
    call.full_clean()
    call.save()
    call.handlers.add(actor)
    if "chain_nodes" in data:
        call.chain_nodes.set(data["chain_nodes"])
    for condition, points in kinds.policy(kind).default_bonus:
        BonusRule.objects.create(call=call, condition=condition, points=Decimal(points))
    centre_bonus_defaults(call)  # a centre's participation call (measure 十四)
    if call.uses_rounds:
        Round.objects.create(
            call=call, position=1, name=_("Preliminary round"), deadline=call.deadline
        )
    record_call(call, actor, "create", "", call.status)
    return call


@transaction.atomic
def call_update(*, actor: User, call: Call, data: dict[str, Any]) -> Call:
    call = _editable(actor, call)
    had_centre = call.centre_id
    _assign(call, data)
    call.full_clean()
    call.save()
    if call.centre_id and not had_centre:
        centre_bonus_defaults(call)  # the call just became a centre's participation call
    if "chain_nodes" in data:
        call.chain_nodes.set(data["chain_nodes"])
    if call.uses_rounds:
        call.rounds.filter(position=1).update(deadline=call.deadline)
    return call


@transaction.atomic
def call_handler_add(*, actor: User, call: Call, user: User) -> None:
    """Let another member of the issuer handle the call (issuer administrators only)."""
    if not account_rules.is_org_admin(actor, call.issuer):
        raise NotAllowed(_("Only an administrator of the issuer can add handlers."))
    if not account_rules.is_member(user, call.issuer):
        raise InvalidState(_("Handlers must be members of the issuing organization."))
    call.handlers.add(user)
    record_call(call, actor, "handler_added", note=user.name)


@transaction.atomic
def call_indicator_add(*, actor: User, call: Call, name: str, target: str, unit: str = ""):
    call = _editable(actor, call)
    indicator = Indicator(
        call=call,
        name=name.strip(),
        target=target.strip(),
        unit=unit.strip(),
        position=call.indicators.count(),
    )
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def call_criterion_add(
    *,
    actor: User,
    call: Call,
    name: str,
    weight: Decimal,
    description: str = "",
    max_score: int = 100,
    round: Round | None = None,
) -> Criterion:
    call = _editable(actor, call)
    if call.uses_rounds and round is None:
        raise InvalidState(_("Choose the round this criterion belongs to."))
    if round is not None and round.call_id != call.pk:
        raise NotAllowed(_("That round belongs to another call."))
    criterion = Criterion(
        call=call,
        round=round,
        name=name.strip(),
        weight=weight,
        description=description.strip(),
        max_score=max_score,
        position=call.criteria.count(),
    )
    criterion.full_clean()
    criterion.save()
    return criterion


@transaction.atomic
def call_round_add(
    *, actor: User, call: Call, name: str, deadline, advance_count: int | None = None
) -> Round:
    call = _editable(actor, call)
    if not call.uses_rounds:
        raise InvalidState(_("Only competitions have rounds."))
    last = call.rounds.order_by("-position").first()
    if last is not None and deadline <= last.deadline:
        raise InvalidState(_("Each round must end after the previous one."))
    round_ = Round(
        call=call,
        name=name.strip(),
        deadline=deadline,
        advance_count=advance_count,
        position=(last.position + 1) if last else 1,
    )
    round_.full_clean()
    round_.save()
    return round_


@transaction.atomic
def call_bonus_set(*, actor: User, call: Call, condition: str, points: Decimal | None) -> None:
    """Set (or, with ``points=None``, remove) the bonus for a condition."""
    call = _editable(actor, call)
    if points is None:
        call.bonus_rules.filter(condition=condition).delete()
        return
    rule = call.bonus_rules.filter(condition=condition).first() or BonusRule(
        call=call, condition=condition
    )
    rule.points = points
    rule.full_clean()
    rule.save()


@transaction.atomic
def call_attachment_add(
    *, actor: User, call: Call, document: CheckedDocument, confidential: bool
) -> CallAttachment:
    call = _editable(actor, call)
    attachment = CallAttachment(
        call=call,
        original_name=document.original_name,
        confidential=confidential,
        uploaded_by=actor,
    )
    store_document(attachment.file, document)
    attachment.save()
    return attachment


PART_MODELS = {
    "indicator": Indicator,
    "criterion": Criterion,
    "round": Round,
    "attachment": CallAttachment,
}


@transaction.atomic
def call_part_remove(*, actor: User, call: Call, part: str, pk: int) -> None:
    """Remove an indicator, criterion, round or attachment from a draft call."""
    call = _editable(actor, call)
    model = PART_MODELS[part]
    item = model.objects.filter(call=call, pk=pk).first()
    if item is None:
        raise InvalidState(_("It was already removed."))
    if part == "round" and item.position == 1:
        raise InvalidState(_("The first round follows the application deadline; keep it."))
    if part == "attachment":
        storage, name = item.file.storage, item.file.name
        transaction.on_commit(lambda: storage.delete(name))
    item.delete()
