"""Participation calls of manufacturing innovation centres (measure 十四): their default
bonus rules, and the winners who become the centre's project participants."""

from __future__ import annotations

from decimal import Decimal

from centres import services as centre_services

from ..models import Award, BonusCondition, BonusRule, Call, ConsortiumPartner, PartnerStatus

__all__ = ["CENTRE_DEFAULT_BONUS", "centre_bonus_defaults", "centre_participants_from_awards"]

# What a centre's participation call gives by default: little giants leading an application
# 5 points, provincial SRDI SMEs 2 (the handlers may change them while drafting).
CENTRE_DEFAULT_BONUS = (
    (BonusCondition.LEAD_LITTLE_GIANT, Decimal("5")),
    (BonusCondition.LEAD_PROVINCIAL, Decimal("2")),
)


def centre_bonus_defaults(call: Call) -> None:
    """Give a centre's call the default bonus rules it does not have yet (rules the
    handlers set stay as they are). Nothing for a call without a centre."""
    if not call.centre_id:
        return
    present = set(call.bonus_rules.values_list("condition", flat=True))
    BonusRule.objects.bulk_create(
        BonusRule(call=call, condition=condition, points=points)
        for condition, points in CENTRE_DEFAULT_BONUS
        if condition not in present
    )


def centre_participants_from_awards(call: Call, awards: list[Award], actor=None) -> None:
    """Make the winners of a centre's call (and their confirmed consortium partners) the
    centre's project participants, once its award is final."""
    if not call.centre_id or not awards:
        return
    application_ids = [award.application_id for award in awards]
    winners = [
        award.application.applicant
        for award in Award.objects.filter(pk__in=[a.pk for a in awards]).select_related(
            "application__applicant"
        )
    ]
    partners = [
        partner.organization
        for partner in ConsortiumPartner.objects.filter(
            application_id__in=application_ids, status=PartnerStatus.CONFIRMED
        ).select_related("organization")
    ]
    centre_services.centre_participants_add(
        centre_id=call.centre_id, organizations=[*winners, *partners], call_id=call.pk, actor=actor
    )
