"""``apply``: the one place a status changes.

Check who may, from which status, with which reason and which conditions; write the new
status with ``save(update_fields=...)``; record the event through the caller's
``record``. Services lock the object first, pass the roles their ``rules.py`` gives the
actor, and queue notifications with ``transaction.on_commit`` afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from core.exceptions import InvalidState, NotAllowed

from .tables import Transition, TransitionTable

# record(obj, actor, action, from_status, to_status, note, transition) writes the event row
# (and queues the search outbox when the object is indexed).
Record = Callable[..., None]


def _status_display(obj, field: str) -> str:
    display = getattr(obj, f"get_{field}_display", None)
    return str(display()) if display is not None else str(getattr(obj, field))


def check(
    table: TransitionTable,
    obj,
    action: str,
    *,
    roles: Iterable[str],
    note: str = "",
    problems: Callable[[], list] | None = None,
) -> Transition:
    """Return the move ``action`` of ``table`` for ``obj``, or raise why it cannot happen.

    In this order: the roles (``NotAllowed``), the source status, the reason when the move
    needs one, then the move's own conditions, ``problems()``: a list of reasons in user
    words, all given at once (``InvalidState``). ``action`` must be in the table (a view
    answers 404 before calling a service with an unknown one).
    """
    transition = table[action]
    if not set(roles) & transition.roles:
        raise NotAllowed(table.not_allowed)
    if getattr(obj, table.field) not in transition.sources:
        message = transition.refused or table.invalid_state
        raise InvalidState(str(message) % {"status": _status_display(obj, table.field)})
    if transition.needs_note and not (note or "").strip():
        raise InvalidState(table.note_required)
    reasons = problems() if problems is not None else []
    if reasons:
        raise InvalidState(" ".join(str(reason) for reason in reasons))
    return transition


def _has_field(obj, name: str) -> bool:
    return any(f.name == name for f in obj._meta.concrete_fields)


def apply(
    table: TransitionTable,
    obj,
    action: str,
    *,
    actor,
    roles: Iterable[str],
    note: str = "",
    fields: Iterable[str] = (),
    problems: Callable[[], list] | None = None,
    record: Record | None,
):
    """Make the move ``action`` on ``obj`` (locked by the caller) and return ``obj``.

    After ``check`` passes: set the status, save it with ``fields`` (set by the caller
    beforehand) and ``updated_at`` when the model has one, then call ``record(obj, actor,
    action, from_status, to_status, note, transition)`` with the note stripped.
    ``record=None`` is for moves another object's event already tells (the awards settled
    with their call). A refused move writes nothing; the caller's transaction rolls back
    whatever it changed before.
    """
    transition = check(table, obj, action, roles=roles, note=note, problems=problems)
    if transition.deletes:
        raise ValueError(f"{action!r} deletes the record: check() it, then delete.")
    from_status = getattr(obj, table.field)
    setattr(obj, table.field, transition.target)
    update_fields = list(dict.fromkeys([table.field, *fields]))
    if _has_field(obj, "updated_at") and "updated_at" not in update_fields:
        update_fields.append("updated_at")
    obj.save(update_fields=update_fields)
    if record is not None:
        record(obj, actor, action, from_status, transition.target, (note or "").strip(), transition)
    return obj
