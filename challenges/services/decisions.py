"""The issuer's decisions on applications: eligibility, the shortlist, proposed awards."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from core.exceptions import InvalidState, NotAllowed

from .. import rules
from ..models import Application, ApplicationStatus, Award, AwardStatus, CallStatus
from ..selectors import members_of
from ._common import lock_application, lock_call, move_application, notify_users, record_call
from .applications import APPLICATION_MOVES

__all__ = [
    "application_mark_eligible",
    "application_mark_ineligible",
    "application_shortlist",
    "application_unshortlist",
    "award_propose",
    "award_withdraw",
]


def _after_deadline(application: Application) -> Application:
    application = lock_application(application)
    if application.call.status not in (CallStatus.CLOSED, CallStatus.EVALUATING):
        raise InvalidState(_("Eligibility is checked after the deadline, before publicity."))
    return application


@APPLICATION_MOVES.register("mark_eligible")
@transaction.atomic
def application_mark_eligible(*, actor: User, application: Application) -> Application:
    application = _after_deadline(application)
    move_application(application, actor, "mark_eligible")
    notify_users(
        members_of(application.applicant),
        "application.eligible",
        gettext_noop("Your application to %(call)s passed the eligibility check"),
        application.call,
        url=application.get_absolute_url(),
    )
    return application


@APPLICATION_MOVES.register("mark_ineligible", note="reason")
@transaction.atomic
def application_mark_ineligible(
    *, actor: User, application: Application, reason: str
) -> Application:
    application = _after_deadline(application)
    move_application(application, actor, "mark_ineligible", note=reason)
    notify_users(
        members_of(application.applicant),
        "application.ineligible",
        gettext_noop("Your application to %(call)s did not pass the eligibility check"),
        application.call,
        url=application.get_absolute_url(),
    )
    return application


@APPLICATION_MOVES.register("shortlist")
@transaction.atomic
def application_shortlist(*, actor: User, application: Application) -> Application:
    call = lock_call(application.call)
    application = lock_application(application)
    if call.status != CallStatus.EVALUATING:
        raise InvalidState(_("Shortlisting happens during evaluation."))
    if call.uses_rounds and call.rounds.filter(position__gt=call.current_round.position).exists():
        raise InvalidState(_("The shortlist is drawn up in the final round."))
    if call.applications.filter(status=ApplicationStatus.SHORTLISTED).count() >= call.shortlist_cap:
        raise InvalidState(_("The shortlist is full (%(count)d).") % {"count": call.shortlist_cap})
    move_application(application, actor, "shortlist")
    notify_users(
        members_of(application.applicant),
        "application.shortlisted",
        gettext_noop("Your application to %(call)s is shortlisted"),
        call,
        url=application.get_absolute_url(),
    )
    return application


@APPLICATION_MOVES.register("unshortlist")
@transaction.atomic
def application_unshortlist(*, actor: User, application: Application) -> Application:
    call = lock_call(application.call)
    application = lock_application(application)
    if call.status != CallStatus.EVALUATING:
        raise InvalidState(_("Shortlisting happens during evaluation."))
    if call.awards.filter(application=application, status=AwardStatus.PROPOSED).exists():
        raise InvalidState(_("Withdraw the proposed award first."))
    return move_application(application, actor, "unshortlist")


@transaction.atomic
def award_propose(*, actor: User, application: Application, amount: Decimal | None = None) -> Award:
    """Propose a shortlisted application as a winner, within the call's winner cap.

    The cap is counted under the call's row lock, so two proposals at once cannot both pass.
    """
    call = lock_call(application.call)
    application = lock_application(application)
    if not rules.is_handler(actor, call):
        raise NotAllowed(_("Only the call's handlers propose winners."))
    if call.status != CallStatus.EVALUATING:
        raise InvalidState(_("Winners are proposed during evaluation."))
    if application.status != ApplicationStatus.SHORTLISTED:
        raise InvalidState(_("Only a shortlisted application can win."))
    live = call.awards.exclude(status=AwardStatus.REVOKED)
    if live.filter(application=application).exists():
        raise InvalidState(_("This application is already proposed."))
    if live.count() >= call.winner_cap:
        raise InvalidState(
            _("This call has at most %(count)d winner(s).") % {"count": call.winner_cap}
        )
    Award.objects.filter(application=application, status=AwardStatus.REVOKED).delete()
    award = Award.objects.create(
        call=call, application=application, amount=amount, awarded_by=actor
    )
    record_call(call, actor, "award_proposed", note=application.applicant.name)
    return award


@transaction.atomic
def award_withdraw(*, actor: User, award: Award) -> None:
    call = lock_call(award.call)
    if not rules.is_handler(actor, call):
        raise NotAllowed(_("Only the call's handlers propose winners."))
    if call.status != CallStatus.EVALUATING or award.status != AwardStatus.PROPOSED:
        raise InvalidState(_("Only a proposal during evaluation can be withdrawn."))
    record_call(call, actor, "award_withdrawn", note=award.application.applicant.name)
    award.delete()
