"""``{% load centres %}``: ``{{ centre.province|province_label }}``."""

from __future__ import annotations

from django import template

from reference.regions import Province

register = template.Library()


@register.filter
def province_label(code: str) -> str:
    """The province's name for its code (empty for none, the code when unknown)."""
    if not code:
        return ""
    return str(Province(code).label) if code in Province.values else code
