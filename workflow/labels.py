"""Labels of event rows, taken from the tables whose moves they record."""

from __future__ import annotations

from .tables import TransitionTable


class EventLabels:
    """What each action on one kind of event row is called on a timeline.

    A move's label is its ``done`` text (its button ``label`` when it has none), found
    under the action the row records (``Transition.event_action``). ``other`` names the
    events that are not status moves (a handler added, terms accepted). The first table
    listed wins when two record the same action.
    """

    def __init__(self, *tables: TransitionTable, other: dict | None = None) -> None:
        self._labels: dict[str, object] = {}
        for table in tables:
            for transition in table:
                self._labels.setdefault(
                    transition.event_action, transition.done or transition.label
                )
        for action, label in (other or {}).items():
            self._labels.setdefault(action, label)

    def __getitem__(self, action: str):
        return self._labels[action]

    def __contains__(self, action: str) -> bool:
        return action in self._labels

    def get(self, action: str) -> str:
        """The label of ``action`` as text, or the action itself when unknown."""
        return str(self._labels.get(action, action))
