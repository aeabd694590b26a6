"""Competitions that lead somewhere (以赛促创): when a competition's award becomes final its
winners and finalists are frozen as results with a certificate number anyone can look up,
and the issuer of an open call may invite a finalist, carrying its result there."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from core.exceptions import InvalidState, NotAllowed

from .. import rules
from ..models import (
    ApplicationStatus,
    AwardStatus,
    Call,
    CallKind,
    CompetitionResult,
    Distinction,
    Invitation,
)
from ..selectors import admins_of, call_ranking
from ._common import lock_call, notify_users, record_call
from .invitations import call_invite

__all__ = [
    "call_invite_finalist",
    "certificate_code",
    "competition_results_record",
]


def certificate_code(call: Call, rank: int) -> str:
    """The certificate number of a result: the platform's prefix, the year the results
    were recorded, the call and the rank ("JBGS-2026-000123-01"); unique per call and rank."""
    return f"JBGS-{timezone.localdate().year}-{call.pk:06d}-{rank:02d}"


def competition_results_record(*, actor: User | None, call: Call) -> list[CompetitionResult]:
    """Freeze a competition's results as its award becomes final (called by
    ``call_finalize`` inside its transaction, the call locked, before the applications
    are settled): the applications the final round ranked (and any shortlisted or
    proposed winner it did not), in the order of the final ranking, winners marked.

    Nothing for other kinds of call, nor twice for the same call.
    """
    if call.kind != CallKind.COMPETITION or call.competition_results.exists():
        return []
    winners = set(
        call.awards.exclude(status=AwardStatus.REVOKED).values_list("application_id", flat=True)
    )
    ranking = call_ranking(call)
    ordered = [(entry.key, entry.breakdown.total) for entry in ranking]
    seen = {application.pk for application, _score in ordered}
    for application in (
        call.applications.filter(status=ApplicationStatus.SHORTLISTED)
        .exclude(pk__in=seen)
        .select_related("applicant")
        .order_by("submitted_at", "pk")
    ):
        ordered.append((application, None))
        seen.add(application.pk)
    for application in call.applications.filter(pk__in=winners).exclude(pk__in=seen).order_by("pk"):
        ordered.append((application, None))
    results = [
        CompetitionResult(
            call=call,
            application=application,
            distinction=Distinction.WINNER if application.pk in winners else Distinction.FINALIST,
            rank=position,
            score=score,
            code=certificate_code(call, position),
        )
        for position, (application, score) in enumerate(ordered, start=1)
    ]
    CompetitionResult.objects.bulk_create(results)
    if results:
        record_call(
            call,
            actor,
            "competition_results",
            note=_("%(count)d results recorded with certificates") % {"count": len(results)},
            public=True,
        )
    return results


@transaction.atomic
def call_invite_finalist(*, actor: User, call: Call, result: CompetitionResult) -> Invitation:
    """Invite a competition's winner or finalist to an open call, carrying its result
    (same rules as ``call_invite``: the call's handlers, while it is open, once per
    organization); the organization is told its competition, rank and score."""
    call = lock_call(call)
    result = CompetitionResult.objects.select_related(
        "call", "application", "application__applicant"
    ).get(pk=result.pk)
    if result.call_id == call.pk:
        raise InvalidState(_("Invite a result of another competition to this call."))
    if not rules.is_handler(actor, call):
        raise NotAllowed(_("Only the call's handlers invite organizations."))
    organization = result.application.applicant
    invitation = call_invite(
        actor=actor, call=call, organization=organization, competition_result=result
    )
    score = "—" if result.score is None else f"{result.score:.2f}"
    competition = result.call.title
    transaction.on_commit(
        lambda: notify_users(
            admins_of(organization),
            "call.invited_finalist",
            gettext_noop(
                "You are invited to take up the call %(call)s because you were ranked "
                "#%(rank)s (score %(score)s) in %(competition)s"
            ),
            call,
            rank=result.rank,
            score=score,
            competition=competition,
        )
    )
    return invitation
