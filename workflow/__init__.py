"""Transition tables: the allowed moves of a life cycle, written once, as data.

Each app declares its table (``catalog/transitions.py``, ``challenges/transitions.py``);
its services look a move up, check the actor's roles and the source status, then write.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str]
    target: str
    roles: frozenset[str]
    label: object
    needs_note: bool = False
    # For calls: whether the step shows on the public timeline.
    public: bool = False


class TransitionTable:
    def __init__(self, transitions: Iterable[Transition]) -> None:
        self._transitions = tuple(transitions)
        self._by_action = {t.action: t for t in self._transitions}
        if len(self._by_action) != len(self._transitions):
            raise ValueError("Each action appears once in a transition table.")

    def __getitem__(self, action: str) -> Transition:
        return self._by_action[action]

    def __contains__(self, action: str) -> bool:
        return action in self._by_action

    def __iter__(self):
        return iter(self._transitions)

    def available(self, status: str, roles: Iterable[str]) -> list[Transition]:
        """Return the moves someone holding ``roles`` may make from ``status``."""
        roles = set(roles)
        return [t for t in self._transitions if status in t.sources and t.roles & roles]


def t(action, sources, target, roles, label, **options) -> Transition:
    """Shorthand for table rows: sources and roles as iterables or single strings."""

    def as_set(value):
        return frozenset({value} if isinstance(value, str) else value)

    return Transition(action, as_set(sources), target, as_set(roles), label, **options)
