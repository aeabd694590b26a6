"""Who sees the progress dashboard, the records behind its figures, its exports and the
year-end report: platform administrators and members of a verified government department;
everyone else gets a 404."""

from __future__ import annotations

from django.http import Http404

from accounts import rules as account_rules

__all__ = ["can_view_progress", "require_progress_viewer"]


def can_view_progress(user) -> bool:
    if account_rules.is_platform_admin(user):
        return True
    return account_rules.is_government_member(user)


def require_progress_viewer(user) -> None:
    """Raise ``Http404`` unless ``user`` may see the progress pages."""
    if not can_view_progress(user):
        raise Http404
