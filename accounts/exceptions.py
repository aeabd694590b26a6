"""Domain errors raised by services; views turn them into messages and status codes."""

from __future__ import annotations


class DomainError(Exception):
    """An action was refused; ``message`` says why, in words a user can act on."""

    status_code = 400

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


class NotAllowed(DomainError):
    """The actor may not do this (but may see the object)."""

    status_code = 403


class InvalidState(DomainError):
    """The object is not in a state where this action makes sense."""

    status_code = 409
