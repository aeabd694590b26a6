"""Domain errors raised by services; views turn them into messages and status codes."""

from __future__ import annotations


class DomainError(Exception):
    """An action was refused; ``message`` says why, in words a user can act on.

    ``code`` is stable (for API clients and logs); ``status_code`` is the HTTP answer.
    """

    code = "refused"
    status_code = 400

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


class NotAllowed(DomainError):
    """The actor may not do this (but may see the object)."""

    code = "not_allowed"
    status_code = 403


class InvalidState(DomainError):
    """The object is not in a state where this action makes sense."""

    code = "invalid_state"
    status_code = 409
