"""Calls published together as a batch (榜单) of a collection campaign (measure 十三).

The campaign's organizer screened the problem or demand; publishing the batch creates the
call directly as published, issued by the organization that submitted it, handled by the
person who submitted it, with the campaign's chain nodes and recommending units.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts import rules as account_rules
from accounts.models import Organization, User
from core.exceptions import InvalidState, NotAllowed

from .. import kinds
from ..conditions import completeness_problems
from ..models import (
    BonusRule,
    Call,
    CallKind,
    CallStatus,
    Criterion,
    Indicator,
    NominationQuota,
)
from ..selectors import handlers_of
from ._common import notify_users, record_call
from .drafting import _assign
from .lifecycle import _notify_matches_later

__all__ = ["BATCH_CALL_KINDS", "call_create_from_batch"]

# The kinds of call a campaign's batch publishes.
BATCH_CALL_KINDS = (CallKind.CHALLENGE, CallKind.RND_DEMAND)


def _check(actor: User, issuer: Organization, created_by: User | None, kind: str) -> None:
    if not account_rules.can_oversee_platform(actor):
        raise NotAllowed(_("Only a government department or an administrator publishes a batch."))
    if kind not in BATCH_CALL_KINDS:
        raise InvalidState(_("Unknown kind of call."))
    if issuer.kind not in kinds.policy(kind).issuer_kinds or not issuer.is_verified:
        raise InvalidState(_("%(name)s cannot issue this kind of call.") % {"name": issuer.name})
    if created_by is not None and not account_rules.is_member(created_by, issuer):
        raise InvalidState(_("Handlers must be members of the issuing organization."))


@transaction.atomic
def call_create_from_batch(
    *,
    actor: User,
    issuer: Organization,
    created_by: User | None,
    kind: str,
    data: dict[str, Any],
    indicators: Iterable[tuple[str, str]] = (),
    chain_nodes: Iterable = (),
    quotas: Iterable[tuple[Organization, int]] = (),
) -> Call:
    """Create and publish at once a call of ``issuer`` screened in a campaign.

    ``data`` holds the call's fields (``CALL_FIELDS``: title, summary, details, amount,
    deadline, anonymous, anonymous_label, requires_nomination...); ``indicators`` are
    (name, target) pairs, ``quotas`` (recommending unit, quota) pairs. ``created_by`` (the
    person who submitted the problem) handles the call. Records "create" and a public
    "publish" event, tells the handlers, then (after commit) the best matches.
    """
    _check(actor, issuer, created_by, kind)
    indicators = [(name, target) for name, target in indicators if name]
    if not indicators:
        raise ValidationError({"indicators": _("List at least one technical indicator.")})
    if data.get("deadline") is None or data["deadline"] <= timezone.now():
        raise ValidationError({"deadline": _("The application deadline must be in the future.")})
    now = timezone.now()
    call = Call(kind=kind, issuer=issuer, created_by=created_by, status=CallStatus.PUBLISHED)
    _assign(call, data)
    call.published_at = now
    call.full_clean()
    call.save()
    if created_by is not None:
        call.handlers.add(created_by)
    call.chain_nodes.set(list(chain_nodes))
    for position, (name, target) in enumerate(indicators):
        indicator = Indicator(call=call, name=name, target=target, position=position)
        indicator.full_clean(exclude=["call"])
        indicator.save()
    # One overall criterion, so the issuer can evaluate without redrafting the call.
    Criterion.objects.create(
        call=call, name=_("Overall assessment"), weight=Decimal("100"), position=0
    )
    for condition, points in kinds.policy(kind).default_bonus:
        BonusRule.objects.create(call=call, condition=condition, points=Decimal(points))
    if call.requires_nomination:
        for unit, quota in quotas:
            NominationQuota.objects.create(call=call, unit=unit, quota=quota)
    # The same completeness a drafted call needs before review (e.g. a call that requires
    # nomination names its units); the caller's transaction undoes everything on refusal.
    problems = completeness_problems(call)
    if problems:
        raise InvalidState(" ".join(str(problem) for problem in problems))
    record_call(call, actor, "create", "", CallStatus.DRAFT)
    record_call(call, actor, "publish", CallStatus.DRAFT, CallStatus.PUBLISHED, public=True)
    transaction.on_commit(lambda: _notify_matches_later(call.pk))
    notify_users(
        handlers_of(call), "call.published", gettext_noop("Your call was published: %(call)s"), call
    )
    return call
