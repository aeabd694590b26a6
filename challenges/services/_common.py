"""Shared pieces of the challenge services: locking, events, transitions, notifying.

Who is told comes from ``challenges.selectors`` (``handlers_of``, ``followers_of``...)."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import InvalidState
from notifications.live import push_counts
from notifications.services import notify
from search.outbox import index_later
from workflow import SYSTEM, apply

from .. import conditions, rules
from ..models import (
    Application,
    ApplicationEvent,
    Call,
    CallEvent,
    CallStatus,
    Milestone,
    MilestoneEvent,
)
from ..selectors import handlers_of, live_application_count
from ..transitions import APPLICATION_TRANSITIONS, CALL_TRANSITIONS


def lock_call(call: Call) -> Call:
    """Re-read the call under a row lock (PostgreSQL); every write to a call starts here."""
    return (
        Call.objects.select_for_update(of=("self",))
        .select_related("issuer", "current_round")
        .get(pk=call.pk)
    )


def open_call_for_writing(call: Call) -> Call:
    """Lock the call and refuse once applications have closed.

    The check runs in the same transaction as the write that follows, under the call's row
    lock, so an application can never slip in after the deadline.
    """
    call = lock_call(call)
    if call.status != CallStatus.PUBLISHED or timezone.now() >= call.deadline:
        raise InvalidState(_("Applications to this call are closed."))
    return call


def lock_application(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("call", "call__issuer", "call__current_round", "applicant")
        .get(pk=application.pk)
    )


def record_call(
    call: Call, actor, action: str, from_status="", to_status="", note="", public=False
) -> None:
    index_later("call", call.pk)
    CallEvent.objects.create(
        call=call,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=note,
        is_public=public,
    )


def record_application(application, actor, action, from_status="", to_status="", note=""):
    ApplicationEvent.objects.create(
        application=application,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=note,
    )


def record_milestone(milestone: Milestone, actor, action, from_status="", to_status="", note=""):
    MilestoneEvent.objects.create(
        milestone=milestone,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=note,
    )


def record_call_move(call: Call, actor, action, from_status, to_status, note, transition):
    record_call(
        call, actor, transition.event_action, from_status, to_status, note, transition.public
    )


def record_application_move(application, actor, action, from_status, to_status, note, transition):
    record_application(application, actor, transition.event_action, from_status, to_status, note)


def record_milestone_move(milestone, actor, action, from_status, to_status, note, transition):
    record_milestone(milestone, actor, transition.event_action, from_status, to_status, note)


def _move_with_note(subject, actor, action: str, *, note: str, fields, problems):
    """Make ``subject``'s move ``action`` through the engine with its kind's table, roles and
    event (``_MOVES``); a move that takes a reason keeps it on the subject as ``status_note``.
    ``actor=None`` is the scheduler."""
    table, roles, record = _MOVES[type(subject)]
    fields = list(fields)
    if table[action].needs_note:
        subject.status_note = (note or "").strip()
        fields.append("status_note")
    return apply(
        table,
        subject,
        action,
        actor=actor,
        roles={SYSTEM} if actor is None else roles(actor, subject),
        note=note,
        fields=fields,
        problems=problems,
        record=record,
    )


def move_call(call: Call, actor, action: str, *, note: str = "", fields=()) -> Call:
    """Make the call's move ``action`` (the call locked by the caller) through the engine:
    the table's edge and roles, then the move's own conditions
    (``conditions.call_move_problems``, the same the pages use to offer it). A move that
    takes a reason keeps it on the call as ``status_note``.

    ``actor=None`` is the scheduler.
    """
    problems = partial(conditions.call_move_problems, call, action)
    return _move_with_note(call, actor, action, note=note, fields=fields, problems=problems)


def refuse_if_problems(problems: list[str]) -> None:
    if problems:
        raise InvalidState(" ".join(problems))


def move_application(
    application: Application, actor, action: str, *, note: str = "", fields=(), problems=None
) -> Application:
    """Make the application's move ``action``, like ``move_call``; ``problems`` returns
    what the move still lacks."""
    return _move_with_note(application, actor, action, note=note, fields=fields, problems=problems)


# The table, the actor's roles and the event of each kind of subject ``_move_with_note`` moves.
_MOVES = {
    Call: (CALL_TRANSITIONS, rules.call_roles, record_call_move),
    Application: (APPLICATION_TRANSITIONS, rules.application_roles, record_application_move),
}


def call_params(call: Call) -> dict:
    return {"call": call.title}


def notify_users(users, verb: str, message: str, call: Call, url: str | None = None, **params):
    notify(
        recipients=users,
        verb=verb,
        message=message,
        params={**call_params(call), **params},
        url=url or call.get_absolute_url(),
    )


def push_application_count(call: Call) -> None:
    """After commit, show the call's handlers its new application count on their open
    pages (the issuer's workspace counters)."""
    transaction.on_commit(partial(_push_application_count, call.pk), robust=True)


def _push_application_count(call_id: int) -> None:
    call = Call.objects.get(pk=call_id)
    push_counts(call_id, handlers_of(call), applications=live_application_count(call_id))
