"""Filters for the locked-out page: a cool-off period in words a person can act on."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def minutes(delta: timedelta | None) -> int:
    """Return the period in whole minutes, rounded up (at least one)."""
    if not delta:
        return 1
    return max(1, math.ceil(delta.total_seconds() / 60))


@register.filter
def from_now(delta: timedelta | None) -> datetime:
    """Return the local time when the period, starting now, is over."""
    return timezone.localtime() + (delta or timedelta())
