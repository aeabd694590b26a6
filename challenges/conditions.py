"""What each move of a call needs besides its edge in ``transitions.CALL_TRANSITIONS``.

One predicate per move returns the reasons the move cannot happen now, in user words; an
empty list means it can. The services refuse with these reasons, and ``rules.call_actions``
offers a move only when its list is empty, so a page never offers what would fail. The
table (who, from which status) is checked first, by ``workflow.apply``.

Moves outside the table (closing the expert panel, advancing a competition round) check
their stage here too.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    EVIDENCE_BEFORE_ACCEPTANCE,
    ApplicationStatus,
    AssignmentStatus,
    AwardStatus,
    Call,
    CallKind,
    CallStatus,
    EvidenceKind,
    FirstUseEvidence,
    Milestone,
    MilestoneStatus,
    ObjectionStatus,
)
from .selectors.reviews import scored_applications

# Each scored application needs this many submitted reviews before the panel can close.
MIN_REVIEWS = 3


def completeness_problems(call: Call) -> list[str]:
    """Return what a call still lacks before it can be submitted for review."""
    problems = []
    if call.deadline <= timezone.now():
        problems.append(_("The application deadline must be in the future."))
    if not call.indicators.exists():
        problems.append(_("List at least one technical indicator."))
    if call.uses_rounds:
        rounds = list(call.rounds.all())
        if len(rounds) < 2:
            problems.append(_("A competition needs at least two rounds."))
        for round_ in rounds:
            if not call.criteria.filter(round=round_).exists():
                problems.append(
                    _("The round “%(round)s” has no scoring criteria.") % {"round": round_.name}
                )
    elif not call.criteria.exists():
        problems.append(_("Give the rubric at least one weighted criterion."))
    # --- nominations (measure 十三)
    if call.requires_nomination and not call.nomination_quotas.exists():
        problems.append(_("Name at least one recommending unit (推荐单位) with its quota."))
    return problems


def _has_later_round(call: Call) -> bool:
    return (
        call.current_round is not None
        and call.rounds.filter(position__gt=call.current_round.position).exists()
    )


# --- the moves of the transition table ------------------------------------------------------


def submit_problems(call: Call) -> list[str]:
    problems = []
    if not call.issuer.is_verified:
        problems.append(_("Your organization must be verified before it can issue calls."))
    return problems + completeness_problems(call)


def publish_problems(call: Call) -> list[str]:
    if call.deadline <= timezone.now():
        return [_("The deadline has passed; send the call back to its issuer.")]
    return []


def close_problems(call: Call) -> list[str]:
    if timezone.now() < call.deadline:
        return [_("Applications stay open until the deadline.")]
    return []


def publicize_problems(call: Call) -> list[str]:
    """Results are announced once the panel's scores are final and winners are proposed
    (in a competition, in its final round)."""
    problems = []
    if call.uses_rounds and _has_later_round(call):
        problems.append(_("Winners are chosen in the final round."))
    if call.panel_closed_at is None:
        problems.append(_("Close the expert panel first: results are announced on final scores."))
    if not call.awards.filter(status=AwardStatus.PROPOSED).exists():
        problems.append(_("Propose at least one winner, or close the call without award."))
    return problems


def finalize_problems(call: Call) -> list[str]:
    problems = []
    if call.publicity_ends_at and timezone.now() < call.publicity_ends_at:
        problems.append(_("The publicity period is not over yet."))
    if call.objections.filter(status=ObjectionStatus.OPEN).exists():
        problems.append(_("Resolve the open objections first."))
    return problems


def start_work_problems(call: Call) -> list[str]:
    for application in call.applications.filter(status=ApplicationStatus.AWARDED).select_related(
        "applicant"
    ):
        milestones = application.milestones.all()
        if not milestones.exists() or milestones.exclude(status=MilestoneStatus.AGREED).exists():
            return [
                _("Every winner must agree its milestones first (%(name)s has not).")
                % {"name": application.applicant.name}
            ]
    return []


def accept_problems(call: Call) -> list[str]:
    open_milestones = Milestone.objects.filter(
        application__call=call, application__status=ApplicationStatus.AWARDED
    ).exclude(status=MilestoneStatus.ACCEPTED)
    if open_milestones.exists():
        return [_("Accept every milestone before the final acceptance.")]
    return first_use_evidence_problems(call)


def first_use_evidence_problems(call: Call) -> list[str]:
    """A verification project's final acceptance records a first use of each winner's
    product (先试首用); each such winner must first have on file a document of every kind in
    ``EVIDENCE_BEFORE_ACCEPTANCE`` (the first purchase may follow the acceptance)."""
    if call.kind != CallKind.VERIFICATION:
        return []
    winners = call.applications.filter(
        status=ApplicationStatus.AWARDED, product__isnull=False
    ).select_related("applicant")
    on_file: dict[int, set[str]] = {}
    for application_id, kind in FirstUseEvidence.objects.filter(
        application__in=winners
    ).values_list("application_id", "kind"):
        on_file.setdefault(application_id, set()).add(kind)
    problems = []
    for application in winners:
        filed = on_file.get(application.pk, set())
        missing = [kind for kind in EVIDENCE_BEFORE_ACCEPTANCE if kind not in filed]
        if missing:
            problems.append(
                _("%(name)s has no first-use evidence yet of: %(kinds)s.")
                % {
                    "name": application.applicant.name,
                    "kinds": ", ".join(str(EvidenceKind(kind).label) for kind in missing),
                }
            )
    return problems


# --- moves outside the table ----------------------------------------------------------------


def panel_close_problems(call: Call) -> list[str]:
    """The expert panel closes once, during evaluation, when every application it scores
    has enough submitted reviews (in the current round)."""
    if call.status != CallStatus.EVALUATING or call.panel_closed_at is not None:
        return [_("The panel can be closed once, during evaluation.")]
    # One query, whatever the number of applications: each with its submitted reviews.
    applications = list(
        scored_applications(call).annotate(
            submitted_reviews=Count(
                "assignments",
                filter=Q(
                    assignments__round=call.current_round,
                    assignments__status=AssignmentStatus.SUBMITTED,
                ),
            )
        )
    )
    if not applications:
        return [_("No application is being scored yet: find applications eligible first.")]
    problems = []
    for application in applications:
        done = application.submitted_reviews
        if done < MIN_REVIEWS:
            problems.append(
                _("%(name)s has %(count)d submitted reviews; at least %(min)d are needed.")
                % {"name": application.applicant.name, "count": done, "min": MIN_REVIEWS}
            )
    return problems


def advance_problems(call: Call) -> list[str]:
    """A competition's current round hands over to the next once its panel has closed."""
    if call.status != CallStatus.EVALUATING or not call.uses_rounds:
        return [_("Rounds advance during a competition's evaluation.")]
    if not _has_later_round(call):
        return [_("This is the final round.")]
    if call.panel_closed_at is None:
        return [_("Close the expert panel of this round first.")]
    return []


CALL_MOVE_PROBLEMS: dict[str, Callable[[Call], list[str]]] = {
    "submit": submit_problems,
    "publish": publish_problems,
    "close": close_problems,
    "publicize": publicize_problems,
    "finalize": finalize_problems,
    "start_work": start_work_problems,
    "accept": accept_problems,
    "panel_close": panel_close_problems,
    "advance": advance_problems,
}


def call_move_problems(call: Call, action: str) -> list[str]:
    """Return why the call's move ``action`` cannot happen now (empty when it can)."""
    predicate = CALL_MOVE_PROBLEMS.get(action)
    return predicate(call) if predicate is not None else []
