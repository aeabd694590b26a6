"""Which organization a user acts for, as the apps that know it tell search.

search imports no domain app: accounts registers the lookup in its search_documents module
(read when search starts), and the saved-search check asks through here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

_lookup: Callable[[set[int]], dict[int, int]] | None = None


def register_organizations_of_users(lookup: Callable[[set[int]], dict[int, int]]) -> None:
    """``lookup(user_ids) -> {user id: organization id}`` for the users acting for one."""
    global _lookup
    _lookup = lookup


def organizations_of_users(user_ids: Iterable[int]) -> dict[int, int]:
    """Return the organization each user acts for (users acting for none are left out)."""
    user_ids = set(user_ids)
    if _lookup is None or not user_ids:
        return {}
    return _lookup(user_ids)
