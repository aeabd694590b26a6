"""Who may see and change saved searches: only the user who saved one.

Predicates take the user first and answer with a bool, one condition per line. The access
helper returns the saved search or raises ``Http404`` for missing and forbidden alike.
"""

from __future__ import annotations

from django.http import Http404

from .models import SavedSearch


def can_save_search(user) -> bool:
    if not (user and user.is_authenticated):
        return False
    return user.is_active


def can_manage_saved_search(user, saved_search: SavedSearch) -> bool:
    if not can_save_search(user):
        return False
    return saved_search.user_id == user.pk


def access_saved_search(user, pk: int) -> SavedSearch:
    saved_search = SavedSearch.objects.filter(pk=pk).first()
    if saved_search is None or not can_manage_saved_search(user, saved_search):
        raise Http404
    return saved_search
