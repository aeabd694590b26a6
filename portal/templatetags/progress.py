"""``{% load progress %}`` then ``{% if user|can_view_progress %}``: whether to offer the
progress pages in the navigation (the pages themselves check it again)."""

from __future__ import annotations

from django import template

from portal.progress import can_view_progress as _can_view_progress

register = template.Library()


@register.filter
def can_view_progress(user) -> bool:
    return _can_view_progress(user)
