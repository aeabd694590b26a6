"""The call's life cycle: one service per move of ``CALL_TRANSITIONS`` (submit, publish ...
terminate), closing the expert panel, and ``call_move``, the entry point views use."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from catalog.services import product_verification_record
from core.exceptions import NotAllowed
from workflow import SYSTEM, MoveServices, apply

from .. import conditions, kinds, rules
from ..models import Application, ApplicationStatus, Award, AwardStatus, Call
from ..selectors import (
    applicant_users,
    everyone_of,
    followers_of,
    handlers_of,
    members_of,
    platform_admins,
)
from ..transitions import AWARD_TRANSITIONS, CALL_TRANSITIONS
from ._common import (
    lock_call,
    move_application,
    move_call,
    notify_users,
    record_call,
    refuse_if_problems,
)
from .applications import default_user_firm
from .centre_calls import centre_participants_from_awards
from .competition import competition_results_record
from .nominations import nominations_lapse

__all__ = [
    "CALL_MOVES",
    "call_accept",
    "call_close",
    "call_close_without_award",
    "call_finalize",
    "call_move",
    "call_panel_close",
    "call_publicize",
    "call_publish",
    "call_reevaluate",
    "call_reject",
    "call_start_evaluation",
    "call_start_work",
    "call_submit",
    "call_terminate",
    "call_withdraw",
]


# The service making each move of the call's table, registered on it below.
CALL_MOVES = MoveServices(CALL_TRANSITIONS)


@CALL_MOVES.register("submit")
@transaction.atomic
def call_submit(*, actor: User, call: Call) -> Call:
    call = lock_call(call)
    move_call(call, actor, "submit")
    notify_users(
        platform_admins(),
        "call.submitted",
        gettext_noop("A call awaits your review: %(call)s"),
        call,
    )
    return call


@CALL_MOVES.register("publish")
@transaction.atomic
def call_publish(*, actor: User, call: Call) -> Call:
    call = lock_call(call)
    call.published_at = timezone.now()
    move_call(call, actor, "publish", fields=["published_at"])
    # Once the call is in the index (the outbox drains first), tell the best matches.
    transaction.on_commit(lambda: _notify_matches_later(call.pk))
    notify_users(
        handlers_of(call), "call.published", gettext_noop("Your call was published: %(call)s"), call
    )
    return call


@CALL_MOVES.register("reject", note="reason")
@transaction.atomic
def call_reject(*, actor: User, call: Call, reason: str) -> Call:
    call = lock_call(call)
    move_call(call, actor, "reject", note=reason)
    notify_users(
        handlers_of(call), "call.rejected", gettext_noop("Your call was sent back: %(call)s"), call
    )
    return call


@CALL_MOVES.register("withdraw", note="reason")
@transaction.atomic
def call_withdraw(*, actor: User, call: Call, reason: str) -> Call:
    call = lock_call(call)
    # The issuer hears of it too: an administrator may be the one withdrawing.
    recipients = everyone_of(call)
    move_call(call, actor, "withdraw", note=reason)
    notify_users(
        recipients, "call.withdrawn", gettext_noop("The call was withdrawn: %(call)s"), call
    )
    return call


@CALL_MOVES.register("close")
@transaction.atomic
def call_close(*, actor: User | None, call: Call) -> Call:
    """Close applications. The scheduler does it at the deadline; people only after it."""
    call = lock_call(call)
    move_call(call, actor, "close")
    _notify_everyone(call, "call.closed", gettext_noop("Applications are closed: %(call)s"))
    return call


@CALL_MOVES.register("evaluate")
@transaction.atomic
def call_start_evaluation(*, actor: User, call: Call) -> Call:
    call = lock_call(call)
    move_call(call, actor, "evaluate")
    nominations_lapse(call)
    if call.uses_rounds and call.current_round_id is None:
        call.current_round = call.rounds.order_by("position").first()
        call.save(update_fields=["current_round"])
        call.applications.filter(status=ApplicationStatus.SUBMITTED).update(
            current_round=call.current_round
        )
    notify_users(
        applicant_users(call, statuses=[ApplicationStatus.SUBMITTED]),
        "call.evaluating",
        gettext_noop("Evaluation has started: %(call)s"),
        call,
    )
    return call


@CALL_MOVES.register("publicize")
@transaction.atomic
def call_publicize(*, actor: User, call: Call) -> Call:
    """Announce the proposed winners and open the publicity period (公示)."""
    call = lock_call(call)
    call.publicity_ends_at = timezone.now() + timedelta(days=call.publicity_days)
    move_call(call, actor, "publicize", fields=["publicity_ends_at"])
    _notify_everyone(
        call, "call.publicity", gettext_noop("Results are announced for publicity: %(call)s")
    )
    return call


@CALL_MOVES.register("no_award", note="reason")
@transaction.atomic
def call_close_without_award(*, actor: User, call: Call, reason: str) -> Call:
    call = lock_call(call)
    move_call(call, actor, "no_award", note=reason)
    _settle_applications(call, winners=set())
    _notify_everyone(
        call, "call.no_award", gettext_noop("The call closed without an award: %(call)s")
    )
    return call


def _notify_everyone(call: Call, verb: str, message: str) -> None:
    """Tell everyone concerned by a move of the whole call (``everyone_of``)."""
    notify_users(everyone_of(call), verb, message, call)


def _settle_awards(call: Call, action: str) -> list[Award]:
    """Make the award move ``action`` on every proposed award of the call (locked), as part
    of the call's own move, which is what the history records."""
    awards = list(call.awards.select_for_update(of=("self",)).filter(status=AwardStatus.PROPOSED))
    for award in awards:
        apply(AWARD_TRANSITIONS, award, action, actor=None, roles={SYSTEM}, record=None)
    return awards


def _settle_applications(call: Call, winners: set[int]) -> None:
    for application in call.applications.select_for_update(of=("self",)).filter(
        status__in=[
            ApplicationStatus.SUBMITTED,
            ApplicationStatus.ELIGIBLE,
            ApplicationStatus.SHORTLISTED,
        ]
    ):
        action = "award" if application.pk in winners else "not_award"
        move_application(application, None, action)


@CALL_MOVES.register("finalize")
@transaction.atomic
def call_finalize(*, actor: User | None, call: Call) -> Call:
    """Make the award final once the publicity period is over and no objection is open."""
    call = lock_call(call)
    move_call(call, actor, "finalize")
    # A competition's winners and finalists get their certificates (measure 十四, 以赛促创),
    # ranked before the applications are settled.
    competition_results_record(actor=actor, call=call)
    awards = _settle_awards(call, "finalize")
    _settle_applications(call, winners={a.application_id for a in awards})
    centre_participants_from_awards(call, awards, actor)  # measure 十四
    winners = Application.objects.filter(pk__in=[a.application_id for a in awards])
    winner_users = list(members_of(*[w.applicant for w in winners]))
    handlers = list(handlers_of(call))
    notify_users(
        winner_users,
        "call.awarded",
        gettext_noop("Congratulations, you won: %(call)s"),
        call,
    )
    notify_users(
        handlers,
        "call.awarded",
        gettext_noop("The award is final; agree milestones with the winners: %(call)s"),
        call,
    )
    # The other applicants learn the outcome too, as when a call closes without award.
    others = [
        user
        for user in applicant_users(call, statuses=[ApplicationStatus.NOT_AWARDED])
        if user not in winner_users
    ]
    notify_users(
        others,
        "call.not_awarded",
        gettext_noop("The award of %(call)s is final; your application was not chosen."),
        call,
    )
    # Followers who already heard as a winner, a handler or an applicant are not told twice.
    notify_users(
        followers_of(call, exclude=[*winner_users, *handlers, *others]),
        "call.awarded",
        gettext_noop("The award of a call you follow is final: %(call)s"),
        call,
    )
    return call


@CALL_MOVES.register("reevaluate", note="reason")
@transaction.atomic
def call_reevaluate(*, actor: User, call: Call, reason: str) -> Call:
    """Send a call in publicity back to evaluation (an objection was upheld)."""
    call = lock_call(call)
    call.publicity_ends_at = None
    move_call(call, actor, "reevaluate", note=reason, fields=["publicity_ends_at"])
    _settle_awards(call, "revoke")
    _notify_everyone(
        call,
        "call.reevaluate",
        gettext_noop("The results were withdrawn for re-evaluation: %(call)s"),
    )
    return call


@CALL_MOVES.register("start_work")
@transaction.atomic
def call_start_work(*, actor: User, call: Call) -> Call:
    call = lock_call(call)
    winners = list(call.applications.filter(status=ApplicationStatus.AWARDED))
    move_call(call, actor, "start_work")
    notify_users(
        members_of(*[w.applicant for w in winners]),
        "call.in_progress",
        gettext_noop("Work has started: %(call)s"),
        call,
    )
    return call


@CALL_MOVES.register("accept", note="note")
@transaction.atomic
def call_accept(*, actor: User, call: Call, note: str = "") -> Call:
    """Final acceptance (验收): every milestone of every winner accepted."""
    call = lock_call(call)
    winners = list(
        call.applications.filter(status=ApplicationStatus.AWARDED).select_related(
            "applicant", "product", "user_firm"
        )
    )
    move_call(call, actor, "accept", note=note)
    if kinds.policy(call.kind).names_user_firm:
        for application in winners:
            # The user firm used the product; the issuer may only have organised the project.
            user_firm = application.user_firm or default_user_firm(call)
            if application.product_id and user_firm is not None:
                product_verification_record(
                    product=application.product,
                    user_organization=user_firm,
                    project=call.title,
                    url=call.get_absolute_url(),
                )
    notify_users(
        members_of(*[w.applicant for w in winners]),
        "call.accepted",
        gettext_noop("Final acceptance passed: %(call)s"),
        call,
    )
    return call


@CALL_MOVES.register("terminate", note="reason")
@transaction.atomic
def call_terminate(*, actor: User, call: Call, reason: str) -> Call:
    call = lock_call(call)
    move_call(call, actor, "terminate", note=reason)
    winners = call.applications.filter(status=ApplicationStatus.AWARDED)
    notify_users(
        [*members_of(*[w.applicant for w in winners]), *handlers_of(call), *followers_of(call)],
        "call.terminated",
        gettext_noop("The call was terminated: %(call)s"),
        call,
    )
    return call


@transaction.atomic
def call_panel_close(*, actor: User, call: Call) -> Call:
    """Close the expert panel: scores are final and experts may see each other's."""
    call = lock_call(call)
    if not rules.call_roles(actor, call):
        raise NotAllowed(_("Only the call's handlers can close the panel."))
    refuse_if_problems(conditions.panel_close_problems(call))
    call.panel_closed_at = timezone.now()
    call.save(update_fields=["panel_closed_at"])
    record_call(call, actor, "panel_closed")
    return call


def call_move(*, actor: User | None, call: Call, action: str, note: str = "") -> Call:
    """Make the move ``action`` of ``CALL_TRANSITIONS`` (the one entry point views use),
    through the service registered for it; ``note`` is the reason where the move takes one.
    """
    return CALL_MOVES(action, actor=actor, call=call, note=note)


def _notify_matches_later(call_pk: int) -> None:
    # The one import inside a function: tasks call the services, and this service enqueues
    # a task, so the two modules need each other; the task is looked up when it is sent.
    from ..tasks import notify_matches

    notify_matches.delay(call_pk)
