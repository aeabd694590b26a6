"""Route a move named in a request to the service that makes it."""

from __future__ import annotations

from collections.abc import Callable

from .tables import TransitionTable


class MoveServices:
    """The service making each move of a table, registered beside its definition.

    ``register(action, note="reason")`` marks a service as the one for ``action``; ``note``
    names the keyword it takes the user's reason by (none when it takes no reason). Calling
    the registry with an action runs that service, so a view needs no list of its own.
    """

    def __init__(self, table: TransitionTable) -> None:
        self.table = table
        self._services: dict[str, tuple[Callable, str | None]] = {}

    def register(self, action: str, *, note: str | None = None) -> Callable:
        if action not in self.table:
            raise ValueError(f"{action!r} is not a move of this table.")

        def decorator(service: Callable) -> Callable:
            self._services[action] = (service, note)
            return service

        return decorator

    def missing(self) -> list[str]:
        """The moves people can make that no service makes (a test keeps this empty)."""
        return [t.action for t in self.table if t.is_manual and t.action not in self._services]

    def __contains__(self, action: str) -> bool:
        return action in self._services

    def __call__(self, action: str, *, note: str = "", **objects):
        service, note_keyword = self._services[action]
        if note_keyword is not None:
            objects[note_keyword] = note
        return service(**objects)
