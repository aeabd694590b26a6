"""Numbers as people read them: amounts of money in yuan, shares as percentages.

``{% load numbers %}`` then ``{{ call.amount|yuan }}``, ``{{ criterion.weight|share:total }}``,
``{{ ratio|percent }}``. Chinese counts large sums in 万 (ten thousand): 300万元, 12.5万元,
9,800元. Other languages read ¥3,000,000. Nothing is rounded away below the fen.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.utils.translation import get_language

register = template.Library()

TEN_THOUSAND = Decimal("10000")
CENT = Decimal("0.01")


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _plain(number: Decimal, *, grouped: bool) -> str:
    """Write a number without exponent or trailing zeros, grouped by thousands if asked."""
    number = number.normalize()
    if number == number.to_integral_value():
        number = number.quantize(Decimal("1"))
    return f"{number:,f}" if grouped else f"{number:f}"


def _money(number: Decimal) -> str:
    """Whole yuan without decimals, otherwise yuan and fen: 9,800 or 9,800.50."""
    if number == number.to_integral_value():
        return f"{number.quantize(Decimal('1')):,f}"
    return f"{number:,.2f}"


def _chinese() -> bool:
    return (get_language() or "").lower().startswith("zh")


@register.filter
def yuan(value) -> str:
    """An amount in yuan: 300万元, 12.5万元, 9,800元 in Chinese; ¥3,000,000 otherwise.

    Sums of whole hundreds of yuan from 10,000 up read in 万元; any other sum in 元 with
    thousands separators and, when there are fen, two decimals. Empty for no amount; the
    value itself (as text) when it is not a number.
    """
    number = _decimal(value)
    if number is None:
        return "" if value in (None, "") else str(value)
    number = number.quantize(CENT, rounding=ROUND_HALF_UP)
    if not _chinese():
        return f"¥{_money(number)}"
    in_wan = number / TEN_THOUSAND
    # 万元 with at most two decimals (whole hundreds of yuan); other sums exactly, in 元.
    if abs(number) >= TEN_THOUSAND and in_wan == in_wan.quantize(CENT):
        return f"{_plain(in_wan, grouped=True)}万元"
    return f"{_money(number)}元"


@register.filter
def share(value, total) -> str:
    """``value`` as a percentage of ``total``: 40 of 100 → 40%, 1 of 3 → 33.3%."""
    number, whole = _decimal(value), _decimal(total)
    if number is None or not whole:
        return ""
    return percent(number / whole)


@register.filter
def percent(value) -> str:
    """A ratio as a percentage with at most one decimal: 0.4 → 40%, 0.3333 → 33.3%."""
    number = _decimal(value)
    if number is None:
        return ""
    rounded = (number * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{_plain(rounded, grouped=False)}%"
