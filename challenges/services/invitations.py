"""Bringing solvers to an open call: the issuer's invitations, and telling the best
matching organizations once the call is published."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import Organization, User
from core.exceptions import InvalidState, NotAllowed
from notifications.models import Notification
from search.engines.base import EngineUnavailable

from .. import matching, rules
from ..models import REACHED_ISSUER, ApplicationStatus, Call, Invitation
from ..selectors import admins_of
from ._common import lock_call, notify_users, record_call

__all__ = [
    "call_invite",
    "call_notify_matches",
]


@transaction.atomic
def call_invite(
    *, actor: User, call: Call, organization: Organization, competition_result=None
) -> Invitation:
    """Invite a (recommended) organization to take up an open call, once.

    ``competition_result`` is carried by ``call_invite_finalist`` (以赛促创), which tells the
    organization itself, with its rank and score.

    Refused when the organization was already invited or already applied (a submitted
    application that is not withdrawn: a draft is the applicant's own until submitted, and
    the issuer neither sees it nor learns of it here).
    """
    call = lock_call(call)
    if not rules.is_handler(actor, call):
        raise NotAllowed(_("Only the call's handlers invite organizations."))
    if not call.is_open:
        raise InvalidState(_("Invitations are sent while the call is open."))
    problems = rules.eligibility_problems(organization, call)
    if problems:
        raise InvalidState(
            _("%(name)s cannot apply: %(reasons)s")
            % {"name": organization.name, "reasons": " ".join(problems)}
        )
    # The call's row lock serialises invitations to it; the unique constraint backs this.
    earlier = Invitation.objects.filter(call=call, organization=organization).first()
    if earlier is not None:
        raise InvalidState(
            _("%(name)s was already invited on %(date)s.")
            % {
                "name": organization.name,
                "date": timezone.localtime(earlier.created_at).strftime("%Y-%m-%d"),
            }
        )
    if (
        call.applications.filter(REACHED_ISSUER, applicant=organization)
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .exists()
    ):
        raise InvalidState(
            _("%(name)s has already applied to this call.") % {"name": organization.name}
        )
    invitation = Invitation.objects.create(
        call=call,
        organization=organization,
        invited_by=actor,
        competition_result=competition_result,
    )
    record_call(call, actor, "invited", note=organization.name)
    if competition_result is not None:
        return invitation
    notify_users(
        admins_of(organization),
        "call.invited",
        gettext_noop("%(issuer)s invites you to take up the call %(call)s"),
        call,
        # An anonymous call's issuer is named by its label to the invitee (measure 十三).
        issuer=rules.issuer_name_for_organization(organization, call),
    )
    return invitation


MATCH_NOTIFICATIONS = 10


@transaction.atomic
def call_notify_matches(*, call_pk: int) -> int:
    """Notify the administrators of the best-matching organizations that opted in.

    Runs after the call is published and indexed; returns how many organizations were told.
    Failing to match (e.g. the engine is down) only means nobody is told. Idempotent (the
    task may run twice: a retry, a redelivery): all or nothing, under the call's lock, and
    an organization whose administrators were already told of the call is not told again.
    """
    call = Call.objects.select_related("issuer").filter(pk=call_pk).first()
    if call is None or not call.is_open:
        return 0
    call = lock_call(call)  # a second run waits here, then sees who the first one told
    try:
        matches = matching.recommended_solvers(call, limit=50)
    except EngineUnavailable:
        return 0
    already = set(
        Notification.objects.filter(verb="call.matched", url=call.get_absolute_url()).values_list(
            "recipient_id", flat=True
        )
    )
    organizations = Organization.objects.in_bulk(matching.matched_organizations(matches))
    told = reached = 0
    for organization_id in matching.matched_organizations(matches):
        organization = organizations.get(organization_id)
        if organization is None or not organization.match_notifications:
            continue
        if rules.eligibility_problems(organization, call):
            continue
        admins = list(admins_of(organization))
        if not already.isdisjoint(admin.pk for admin in admins):
            reached += 1  # told by an earlier run
        else:
            notify_users(
                admins,
                "call.matched",
                gettext_noop("A new call matches your organization: %(call)s"),
                call,
            )
            told += 1
            reached += 1
        if reached >= MATCH_NOTIFICATIONS:
            break
    return told
