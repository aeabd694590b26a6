"""Reads of money against milestones: what an award, a call or an issuer has committed and
released in tranches, and what remains."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, Sum

from accounts.models import Organization

from ..models import Award, AwardStatus, Call, Tranche, TrancheEvent, TrancheStatus

__all__ = ["Funds", "award_funds", "funds_of_issuer", "tranche_events"]

ZERO = Decimal("0")
CENT = Decimal("0.01")


def _money(value) -> Decimal:
    """A sum in yuan and fen (the databases return sums with different exponents)."""
    return Decimal(value or ZERO).quantize(CENT)


@dataclass(frozen=True)
class Funds:
    """An amount awarded and how much of it tranches commit (pending and released) and
    have released; ``remaining`` is what no tranche commits yet."""

    awarded: Decimal
    committed: Decimal
    released: Decimal
    subject: object = None

    @property
    def pending(self) -> Decimal:
        return self.committed - self.released

    @property
    def remaining(self) -> Decimal:
        return self.awarded - self.committed


_SUMS = {
    "committed": Sum("amount", filter=~Q(status=TrancheStatus.CANCELLED)),
    "released": Sum("amount", filter=Q(status=TrancheStatus.RELEASED)),
}


def award_funds(award: Award | None) -> Funds | None:
    """The funds of one final award with an amount (``None`` otherwise), in one query."""
    if award is None or award.status != AwardStatus.FINAL or award.amount is None:
        return None
    sums = Tranche.objects.filter(award=award).aggregate(**_SUMS)
    return Funds(
        awarded=_money(award.amount),
        committed=_money(sums["committed"]),
        released=_money(sums["released"]),
        subject=award,
    )


def funds_of_issuer(organization: Organization | None) -> list[Funds]:
    """Per call of ``organization`` with a final award: the sum awarded, committed in
    tranches, released and remaining (``subject`` is the call), in three queries."""
    if organization is None:
        return []
    awards = Award.objects.filter(
        call__issuer=organization, status=AwardStatus.FINAL, amount__isnull=False
    )
    awarded = dict(
        awards.order_by()
        .values_list("call_id")
        .annotate(total=Sum("amount"))
        .values_list("call_id", "total")
    )
    if not awarded:
        return []
    sums = {
        row["award__call_id"]: row
        for row in Tranche.objects.filter(award__in=awards)
        .order_by()
        .values("award__call_id")
        .annotate(**_SUMS)
    }
    calls = Call.objects.filter(pk__in=awarded).order_by("-published_at", "-pk")
    return [
        Funds(
            awarded=_money(awarded[call.pk]),
            committed=_money(sums.get(call.pk, {}).get("committed")),
            released=_money(sums.get(call.pk, {}).get("released")),
            subject=call,
        )
        for call in calls
    ]


def tranche_events(tranches) -> dict[int, list]:
    """The events of ``tranches`` by tranche id, with their actors, in one query."""
    found: dict[int, list] = {}
    events = TrancheEvent.objects.filter(tranche__in=list(tranches)).select_related("actor")
    for event in events:
        found.setdefault(event.tranche_id, []).append(event)
    return found
