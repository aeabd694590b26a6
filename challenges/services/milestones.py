"""After the award: milestones agreed between issuer and winner, progress, acceptance."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from core.exceptions import InvalidState, NotAllowed
from uploads.documents import CheckedDocument
from uploads.fields import store_document
from workflow import MoveServices, apply

from .. import rules
from ..models import Application, ApplicationStatus, CallStatus, Milestone, MilestoneStatus
from ..selectors import handlers_of, members_of
from ..transitions import MILESTONE_TRANSITIONS
from ._common import notify_users, record_milestone, record_milestone_move
from .tranches import tranche_release

__all__ = [
    "MILESTONE_MOVES",
    "milestone_accept",
    "milestone_agree",
    "milestone_move",
    "milestone_propose",
    "milestone_remove",
    "milestone_report",
    "milestone_return",
]


# The service making each move of a milestone's table, registered on it below.
MILESTONE_MOVES = MoveServices(MILESTONE_TRANSITIONS)


def milestone_move(
    *, actor: User, milestone: Milestone, action: str, note: str = "", **inputs
) -> Milestone:
    """Make the move ``action`` of ``MILESTONE_TRANSITIONS`` (the one entry point views use);
    ``inputs`` carries what a move asks for besides a reason (a progress report)."""
    return MILESTONE_MOVES(action, actor=actor, milestone=milestone, note=note, **inputs)


def _lock(milestone: Milestone) -> Milestone:
    return (
        Milestone.objects.select_for_update(of=("self",))
        .select_related("application", "application__call", "application__applicant")
        .get(pk=milestone.pk)
    )


def _move(milestone: Milestone, actor: User, action: str, note: str = "", fields=()) -> None:
    apply(
        MILESTONE_TRANSITIONS,
        milestone,
        action,
        actor=actor,
        roles=rules.milestone_roles(actor, milestone.application),
        note=note,
        fields=fields,
        record=record_milestone_move,
    )


def _notify(milestone: Milestone, users, verb: str, message: str) -> None:
    """Tell ``users`` of a move of ``milestone``, linking to its application."""
    notify_users(
        users,
        verb,
        message,
        milestone.application.call,
        url=milestone.application.get_absolute_url(),
    )


@transaction.atomic
def milestone_propose(
    *, actor: User, application: Application, title: str, due_date, deliverables: str
) -> Milestone:
    """The issuer proposes a milestone to a winner; the winner agrees to it."""
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("call")
        .get(pk=application.pk)
    )
    if not rules.is_handler(actor, application.call):
        raise NotAllowed(_("Only the call's handlers propose milestones."))
    if application.call.status != CallStatus.AWARDED:
        raise InvalidState(_("Milestones are agreed after the award, before work starts."))
    if application.status != ApplicationStatus.AWARDED:
        raise InvalidState(_("Milestones are agreed with winners."))
    if due_date <= timezone.localdate():
        raise InvalidState(_("A milestone's due date must be in the future."))
    milestone = Milestone(
        application=application,
        title=title.strip(),
        due_date=due_date,
        deliverables=deliverables.strip(),
        position=application.milestones.count(),
    )
    milestone.full_clean()
    milestone.save()
    record_milestone(milestone, actor, "propose", "", milestone.status)
    notify_users(
        members_of(application.applicant),
        "milestone.proposed",
        gettext_noop("A milestone was proposed for %(call)s; please review it"),
        application.call,
        url=application.get_absolute_url(),
    )
    return milestone


@transaction.atomic
def milestone_remove(*, actor: User, milestone: Milestone) -> None:
    milestone = _lock(milestone)
    if not rules.is_handler(actor, milestone.application.call):
        raise NotAllowed(_("Only the call's handlers change milestones."))
    if milestone.status != MilestoneStatus.PROPOSED:
        raise InvalidState(_("Only a milestone not yet agreed can be removed."))
    milestone.delete()


@MILESTONE_MOVES.register("agree")
@transaction.atomic
def milestone_agree(*, actor: User, milestone: Milestone) -> Milestone:
    milestone = _lock(milestone)
    _move(milestone, actor, "agree")
    _notify(
        milestone,
        handlers_of(milestone.application.call),
        "milestone.agreed",
        gettext_noop("A winner agreed a milestone of %(call)s"),
    )
    return milestone


@MILESTONE_MOVES.register("report")
@transaction.atomic
def milestone_report(
    *, actor: User, milestone: Milestone, report: str, document: CheckedDocument | None = None
) -> Milestone:
    milestone = _lock(milestone)
    if milestone.application.call.status != CallStatus.IN_PROGRESS:
        raise InvalidState(_("Progress is reported once the work has started."))
    if not report.strip():
        raise InvalidState(_("Describe the progress."))
    milestone.report = report.strip()
    milestone.reported_at = timezone.now()
    fields = ["report", "reported_at"]
    if document is not None:
        store_document(milestone.report_file, document)
        milestone.report_file_name = document.original_name
        fields += ["report_file", "report_file_name"]
    _move(milestone, actor, "report", fields=fields)
    _notify(
        milestone,
        handlers_of(milestone.application.call),
        "milestone.reported",
        gettext_noop("Progress was reported on %(call)s"),
    )
    return milestone


@MILESTONE_MOVES.register("accept", note="note")
@transaction.atomic
def milestone_accept(*, actor: User, milestone: Milestone, note: str = "") -> Milestone:
    message = gettext_noop("A milestone of %(call)s was accepted")
    milestone = _review(milestone, actor, "accept", note, "milestone.accepted", message)
    tranche_release(actor=actor, milestone=milestone)  # money against milestones
    return milestone


@MILESTONE_MOVES.register("return", note="note")
@transaction.atomic
def milestone_return(*, actor: User, milestone: Milestone, note: str) -> Milestone:
    message = gettext_noop("A milestone of %(call)s was returned for rework")
    return _review(milestone, actor, "return", note, "milestone.returned", message)


def _review(
    milestone: Milestone, actor: User, action: str, note: str, verb: str, message: str
) -> Milestone:
    """Accept or return a reported milestone: keep the note, make the move, tell the winner."""
    milestone = _lock(milestone)
    milestone.review_note = note.strip()
    _move(milestone, actor, action, note, fields=["review_note"])
    _notify(milestone, members_of(milestone.application.applicant), verb, message)
    return milestone
