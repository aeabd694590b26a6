"""Transition tables: the allowed moves of a life cycle, as data."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

# The role of scheduled tasks (``actor=None``): deadlines, publicity periods, settling.
SYSTEM = "system"
# The target of a move that ends the record (a declined request is deleted, not kept).
DELETED = ""


# The table's refusals unless it names its own (these sentences are translated already).
NOT_ALLOWED = _("You are not allowed to do this.")
INVALID_STATE = _("This cannot be done at the current stage.")
NOTE_REQUIRED = _("Give a reason; it is recorded and shown to the parties.")


@dataclass(frozen=True)
class Transition:
    """One move: from ``sources``, by someone holding one of ``roles``, to ``target``.

    ``label`` names the move on a button; ``done`` names it once made, on a timeline
    (``label`` when not given). ``event`` is the action written on the event row when it
    differs from ``action`` (a consortium partner's "confirm" is "partner_confirmed" on the
    application's history). ``refused`` says why the move is impossible from the current
    status when the table's general sentence says too little. ``confirm`` is the question
    a page asks before an irreversible move (none: the page asks nothing). ``success`` tells
    the person who made the move what happened and what comes next.
    """

    action: str
    sources: frozenset[str]
    target: str
    roles: frozenset[str]
    label: object
    needs_note: bool = False
    # For calls: whether the step shows on the public timeline.
    public: bool = False
    confirm: object = None
    done: object = None
    success: object = None
    event: str = ""
    refused: object = None

    @property
    def event_action(self) -> str:
        return self.event or self.action

    @property
    def is_manual(self) -> bool:
        """Whether a person may make the move (not only the scheduler)."""
        return bool(self.roles - {SYSTEM})

    @property
    def deletes(self) -> bool:
        return self.target == DELETED


@dataclass
class Offer:
    """What a page shows: the moves that can be made now, and the blocked ones with why.

    ``entries`` keeps the table's order: (move, reasons), reasons empty when it can be made.
    """

    entries: list[tuple[Transition, list]] = field(default_factory=list)

    @property
    def moves(self) -> list[Transition]:
        return [move for move, reasons in self.entries if not reasons]

    @property
    def blocked(self) -> list[tuple[Transition, list]]:
        return [(move, reasons) for move, reasons in self.entries if reasons]

    def __iter__(self):
        return iter(self.moves)

    def __bool__(self) -> bool:
        return bool(self.entries)


class TransitionTable:
    """The moves of one life cycle, with the sentences used when a move is refused.

    ``field`` is the model field holding the status. ``not_allowed``, ``invalid_state``
    (may use ``%(status)s``, the current status in words) and ``note_required`` are the
    refusals ``apply`` raises; a row's own ``refused`` text wins over ``invalid_state``.
    """

    def __init__(
        self,
        transitions: Iterable[Transition],
        *,
        field: str = "status",
        not_allowed=NOT_ALLOWED,
        invalid_state=INVALID_STATE,
        note_required=NOTE_REQUIRED,
    ) -> None:
        self._transitions = tuple(transitions)
        self._by_action = {t.action: t for t in self._transitions}
        if len(self._by_action) != len(self._transitions):
            raise ValueError("Each action appears once in a transition table.")
        self.field = field
        self.not_allowed = not_allowed
        self.invalid_state = invalid_state
        self.note_required = note_required

    def __getitem__(self, action: str) -> Transition:
        return self._by_action[action]

    def __contains__(self, action: str) -> bool:
        return action in self._by_action

    def __iter__(self):
        return iter(self._transitions)

    def get(self, action: str) -> Transition | None:
        return self._by_action.get(action)

    def manual(self, action: str) -> Transition | None:
        """The move a person may ask for by name (a URL), or None: unknown or scheduler-only.

        Views answer 404 to None, so a page never learns of moves it cannot request.
        """
        transition = self._by_action.get(action)
        return transition if transition is not None and transition.is_manual else None

    def label(self, action: str):
        """The button label of a move (the action itself when the table lacks it)."""
        transition = self._by_action.get(action)
        return transition.label if transition is not None else action

    def available(self, status: str, roles: Iterable[str]) -> list[Transition]:
        """Return the moves someone holding ``roles`` may make from ``status``."""
        roles = set(roles)
        return [t for t in self._transitions if status in t.sources and t.roles & roles]

    def offered(
        self,
        status: str,
        roles: Iterable[str],
        problems: Callable[[str], list] | None = None,
    ) -> Offer:
        """Split the moves ``roles`` allow from ``status`` into those possible now and those
        blocked, each blocked one with ``problems(action)``, the reasons it cannot happen.

        The same ``problems`` is what ``apply`` refuses with, so an offered move never fails
        for a reason the page could have known.
        """
        return Offer(
            [
                (move, list(problems(move.action)) if problems is not None else [])
                for move in self.available(status, roles)
            ]
        )


def t(action, sources, target, roles, label, **options) -> Transition:
    """Shorthand for table rows: sources and roles as iterables or single strings."""

    def as_set(value):
        return frozenset({value} if isinstance(value, str) else value)

    return Transition(action, as_set(sources), target, as_set(roles), label, **options)
