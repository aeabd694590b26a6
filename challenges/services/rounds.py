"""Competition rounds (初赛, 复赛, 决赛): who advances, and the advancing applicants' updates."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from core.exceptions import InvalidState, NotAllowed

from .. import conditions, rules
from ..models import Application, ApplicationStatus, Call, Round, RoundEntry
from ..selectors import members_of
from ._common import (
    lock_application,
    lock_call,
    notify_users,
    record_application,
    record_call,
    refuse_if_problems,
)

__all__ = [
    "round_advance",
    "round_statement_submit",
]


@transaction.atomic
def round_advance(*, actor: User, call: Call, applications: list[Application]) -> Round:
    """Move the chosen applications of the current round on to the next round."""
    call = lock_call(call)
    if not rules.is_handler(actor, call):
        raise NotAllowed(_("Only the call's handlers decide who advances."))
    refuse_if_problems(conditions.advance_problems(call))
    current = call.current_round
    following = call.rounds.filter(position__gt=current.position).order_by("position").first()
    if not applications:
        raise InvalidState(_("Choose at least one application to advance."))
    if current.advance_count and len(applications) > current.advance_count:
        raise InvalidState(
            _("At most %(count)d applications advance from this round.")
            % {"count": current.advance_count}
        )
    chosen = {a.pk for a in applications}
    in_round = list(
        call.applications.select_for_update(of=("self",)).filter(
            current_round=current,
            status__in=[ApplicationStatus.ELIGIBLE, ApplicationStatus.SHORTLISTED],
        )
    )
    if not chosen <= {a.pk for a in in_round}:
        raise InvalidState(_("Only eligible applications of the current round can advance."))
    now = timezone.now()
    for application in in_round:
        advanced = application.pk in chosen
        RoundEntry.objects.update_or_create(
            application=application,
            round=current,
            defaults={"advanced": advanced, "decided_at": now},
        )
        if advanced:
            application.current_round = following
            application.save(update_fields=["current_round", "updated_at"])
            RoundEntry.objects.get_or_create(application=application, round=following)
    call.current_round = following
    call.panel_closed_at = None
    call.save(update_fields=["current_round", "panel_closed_at", "updated_at"])
    record_call(
        call, actor, "round_advanced", note=f"{current.name} → {following.name}", public=True
    )
    notify_users(
        members_of(*[a.applicant for a in in_round if a.pk in chosen]),
        "application.advanced",
        gettext_noop("Your application advances to the next round of %(call)s"),
        call,
    )
    return following


@transaction.atomic
def round_statement_submit(*, actor: User, application: Application, statement: str) -> RoundEntry:
    """An advancing applicant updates its application for the current round."""
    application = lock_application(application)
    call = application.call
    if not rules.is_applicant_member(actor, application):
        raise NotAllowed(_("Only members of the applicant can do this."))
    current = call.current_round
    if current is None or application.current_round_id != current.pk or current.position == 1:
        raise InvalidState(_("There is no later round to update for."))
    if timezone.now() >= current.deadline or call.panel_closed_at is not None:
        raise InvalidState(_("The deadline of this round has passed."))
    entry, _created = RoundEntry.objects.get_or_create(application=application, round=current)
    entry.statement = statement.strip()
    entry.save(update_fields=["statement"])
    record_application(application, actor, "round_statement", note=current.name)
    return entry
