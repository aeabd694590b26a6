"""Expert review: conflicts of interest, assignments, blind score sheets.

Who may review what (``conflict_reasons``), what the panel scores and the rubric of a sheet
are reads, in ``challenges.selectors``; they are re-exported here as before."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import Expert, Organization, User
from core.exceptions import InvalidState, NotAllowed
from workflow import MoveServices, apply

from .. import rules
from ..conditions import MIN_REVIEWS
from ..models import (
    Application,
    ApplicationStatus,
    Assignment,
    AssignmentStatus,
    CallStatus,
    ConflictOfInterest,
    Score,
)
from ..selectors import (
    conflict_reason,
    conflict_reasons,
    handlers_of,
    organizations_of_application,
    rubric_for,
    scored_applications,
)
from ..transitions import REVIEW_TRANSITIONS
from ._common import lock_call, notify_users, record_application

__all__ = [
    "MIN_REVIEWS",
    "REVIEW_MOVES",
    "assignment_url",
    "conflict_declare",
    "conflict_reason",
    "conflict_reasons",
    "expert_assign",
    "organizations_of_application",
    "review_move",
    "review_recuse",
    "review_reopen",
    "review_save",
    "review_submit",
    "rubric_for",
    "scored_applications",
]


# The service making each move of a score sheet's table, registered on it below.
REVIEW_MOVES = MoveServices(REVIEW_TRANSITIONS)


def review_move(*, actor: User, assignment: Assignment, action: str, note: str = "") -> Assignment:
    """Make the move ``action`` of ``REVIEW_TRANSITIONS`` (the one entry point views use)."""
    return REVIEW_MOVES(action, actor=actor, assignment=assignment, note=note)


@transaction.atomic
def conflict_declare(*, actor: User, organization: Organization, reason: str) -> ConflictOfInterest:
    """An expert declares a standing conflict with an organization."""
    expert = getattr(actor, "expert", None)
    if expert is None:
        raise NotAllowed(_("Only experts declare conflicts of interest."))
    if not reason.strip():
        raise InvalidState(_("Say what the conflict is (e.g. former employer, shareholding)."))
    try:
        with transaction.atomic():
            conflict = ConflictOfInterest.objects.create(
                expert=expert, organization=organization, reason=reason.strip()
            )
    except IntegrityError:
        raise InvalidState(_("You already declared a conflict with this organization.")) from None
    # Open assignments with that organization are recused at once.
    for assignment in (
        Assignment.objects.select_for_update(of=("self",))
        .filter(expert=expert, status=AssignmentStatus.ASSIGNED)
        .select_related("application")
    ):
        if organization.pk in organizations_of_application(assignment.application):
            _recuse(assignment, actor, reason.strip())
    return conflict


@transaction.atomic
def expert_assign(*, actor: User, application: Application, expert: Expert) -> Assignment:
    """Ask an expert to score an application (handlers or administrators)."""
    call = lock_call(application.call)
    if not rules.call_roles(actor, call):
        raise NotAllowed(_("Only the call's handlers or administrators assign experts."))
    if call.status not in (CallStatus.CLOSED, CallStatus.EVALUATING):
        raise InvalidState(_("Experts are assigned after the deadline, during evaluation."))
    if call.panel_closed_at is not None:
        raise InvalidState(_("The panel is closed."))
    application = Application.objects.select_related("applicant", "call").get(pk=application.pk)
    if application.status not in (ApplicationStatus.ELIGIBLE, ApplicationStatus.SHORTLISTED):
        raise InvalidState(_("Check the application's eligibility first."))
    if not expert.is_active:
        raise InvalidState(_("This expert is not active in the pool."))
    reason = conflict_reason(expert, application)
    if reason:
        raise InvalidState(
            _("%(expert)s cannot review this application: %(reason)s.")
            % {"expert": expert.user.name, "reason": reason}
        )
    round_ = call.current_round if call.uses_rounds else None
    if Assignment.objects.filter(application=application, expert=expert, round=round_).exists():
        raise InvalidState(_("This expert is already assigned."))
    assignment = Assignment.objects.create(
        application=application, expert=expert, round=round_, assigned_by=actor
    )
    record_application(application, actor, "expert_assigned")
    notify_users(
        [expert.user],
        "review.assigned",
        gettext_noop("You are asked to score an application to %(call)s"),
        call,
        url=assignment_url(assignment),
    )
    return assignment


def assignment_url(assignment: Assignment) -> str:
    return reverse("challenges:review_sheet", args=[assignment.pk])


def _lock_assignment(assignment: Assignment) -> Assignment:
    return (
        Assignment.objects.select_for_update(of=("self",))
        .select_related("application", "application__call", "expert", "round")
        .get(pk=assignment.pk)
    )


def _open_panel_problems(assignment: Assignment) -> list[str]:
    call = assignment.application.call
    if call.status != CallStatus.EVALUATING or call.panel_closed_at is not None:
        return [_("Scores can be changed only while the panel is open.")]
    return []


def _check_open_panel(assignment: Assignment) -> None:
    problems = _open_panel_problems(assignment)
    if problems:
        raise InvalidState(problems[0])


def _record_review(assignment, actor, action, from_status, to_status, note, transition) -> None:
    # The nature of a conflict stays on the assignment (``recusal_reason``), off the history.
    record_application(
        assignment.application,
        actor,
        transition.event_action,
        note="" if action == "recuse" else note,
    )


def _move(assignment: Assignment, actor: User, action: str, **options) -> Assignment:
    return apply(
        REVIEW_TRANSITIONS,
        assignment,
        action,
        actor=actor,
        roles=rules.review_roles(actor, assignment),
        record=_record_review,
        **options,
    )


@transaction.atomic
def review_save(*, actor: User, assignment: Assignment, scores: dict[int, tuple], comment: str):
    """Save an expert's score sheet as a draft: {criterion id: (value or None, comment)}."""
    assignment = _lock_assignment(assignment)
    if not rules.is_own_assignment(actor, assignment):
        raise NotAllowed(_("Only the assigned expert fills in this score sheet."))
    if assignment.status != AssignmentStatus.ASSIGNED:
        raise InvalidState(_("This score sheet is no longer open."))
    _check_open_panel(assignment)
    criteria = {c.pk: c for c in rubric_for(assignment)}
    for criterion_id, (value, note) in scores.items():
        criterion = criteria.get(criterion_id)
        if criterion is None:
            raise NotAllowed(_("That criterion is not on this score sheet."))
        if value is None or value == "":
            Score.objects.filter(assignment=assignment, criterion=criterion).delete()
            continue
        try:
            value = Decimal(str(value))
        except InvalidOperation:
            raise InvalidState(_("Scores are numbers.")) from None
        if not (0 <= value <= criterion.max_score):
            raise InvalidState(
                _("%(criterion)s is scored from 0 to %(max)d.")
                % {"criterion": criterion.name, "max": criterion.max_score}
            )
        Score.objects.update_or_create(
            assignment=assignment,
            criterion=criterion,
            defaults={"value": value, "comment": (note or "").strip()},
        )
    assignment.comment = comment.strip()
    assignment.save(update_fields=["comment"])
    return assignment


def _submit_problems(assignment: Assignment) -> list[str]:
    problems = _open_panel_problems(assignment)
    if problems:
        return problems
    scored = set(assignment.scores.values_list("criterion_id", flat=True))
    missing = [c.name for c in rubric_for(assignment) if c.pk not in scored]
    if missing:
        return [
            _("Score every criterion first (missing: %(names)s).") % {"names": "、".join(missing)}
        ]
    return []


@REVIEW_MOVES.register("submit")
@transaction.atomic
def review_submit(*, actor: User, assignment: Assignment) -> Assignment:
    assignment = _lock_assignment(assignment)
    assignment.submitted_at = timezone.now()
    _move(
        assignment,
        actor,
        "submit",
        fields=["submitted_at"],
        problems=lambda: _submit_problems(assignment),
    )
    notify_users(
        handlers_of(assignment.application.call),
        "review.submitted",
        gettext_noop("An expert submitted scores for %(call)s"),
        assignment.application.call,
        url=assignment.application.get_absolute_url(),
    )
    return assignment


def _recuse(assignment: Assignment, actor: User, reason: str) -> None:
    assignment.recusal_reason = reason.strip()
    _move(assignment, actor, "recuse", note=reason, fields=["recusal_reason"])
    assignment.scores.all().delete()
    notify_users(
        handlers_of(assignment.application.call),
        "review.recused",
        gettext_noop("An expert recused from an application to %(call)s"),
        assignment.application.call,
        url=assignment.application.get_absolute_url(),
    )


@REVIEW_MOVES.register("recuse", note="reason")
@transaction.atomic
def review_recuse(*, actor: User, assignment: Assignment, reason: str) -> Assignment:
    assignment = _lock_assignment(assignment)
    _recuse(assignment, actor, reason)
    return assignment


@REVIEW_MOVES.register("reopen", note="reason")
@transaction.atomic
def review_reopen(*, actor: User, assignment: Assignment, reason: str) -> Assignment:
    """Send a submitted score sheet back to its expert (while the panel is open)."""
    assignment = _lock_assignment(assignment)
    assignment.submitted_at = None
    _move(
        assignment,
        actor,
        "reopen",
        note=reason,
        fields=["submitted_at"],
        problems=lambda: _open_panel_problems(assignment),
    )
    notify_users(
        [assignment.expert.user],
        "review.reopened",
        gettext_noop("A score sheet for %(call)s was sent back to you"),
        assignment.application.call,
        url=assignment_url(assignment),
    )
    return assignment
