"""Access requests to open resources (measure 十): an enterprise asks to use a lead
enterprise's test line, laboratory or data with a purpose and dates; the owner accepts,
proposes other dates or declines with a reason; the requester accepts the proposed dates or
withdraws.

Every move goes through the workflow engine (``ACCESS_TRANSITIONS``) and writes an
``AccessRequestEvent`` (who, when, from, to, note); both organizations are told, except the
person who made the move.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from accounts.rules import organization_of
from catalog.models import OpenResource
from challenges.selectors import members_of
from core.exceptions import InvalidState, NotAllowed
from notifications.services import notify
from workflow import MoveServices, apply, check

from .. import rules
from ..models import AccessRequest, AccessRequestEvent
from ..selectors.access import ACCESS_OPEN_STATUSES
from ..transitions import ACCESS_TRANSITIONS

__all__ = [
    "ACCESS_MOVES",
    "access_request_accept",
    "access_request_accept_dates",
    "access_request_create",
    "access_request_decline",
    "access_request_move",
    "access_request_propose_dates",
    "access_request_withdraw",
]

# The longest purpose and note a request keeps (the model's limit).
TEXT_LIMIT = 2000

ACCESS_MOVES = MoveServices(ACCESS_TRANSITIONS)

# What both organizations are told of each step.
MESSAGES = {
    "requested": gettext_noop("%(requester)s asks to use %(resource)s from %(start)s to %(end)s"),
    "accept": gettext_noop(
        "%(owner)s accepted the request of %(requester)s to use %(resource)s "
        "from %(start)s to %(end)s"
    ),
    "propose_dates": gettext_noop(
        "%(owner)s proposed other dates for %(resource)s: %(start)s to %(end)s"
    ),
    "decline": gettext_noop("%(owner)s declined the request of %(requester)s to use %(resource)s"),
    "accept_dates": gettext_noop(
        "%(requester)s accepted the dates proposed for %(resource)s: %(start)s to %(end)s"
    ),
    "withdraw": gettext_noop("%(requester)s withdrew its request to use %(resource)s"),
}


def _detail_url(access_request: AccessRequest) -> str:
    return reverse("chains:access_request_detail", args=[access_request.pk])


def _period(start: date, end: date) -> str:
    return f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"


def _tell(access_request: AccessRequest, actor: User, step: str) -> None:
    """Tell the members of both organizations, but not the person who made the step."""
    if step == "propose_dates":
        start, end = access_request.proposed_start, access_request.proposed_end
    else:
        start, end = access_request.start_date, access_request.end_date
    people = members_of(access_request.requester, access_request.resource.organization)
    notify(
        recipients=people.exclude(pk=actor.pk),
        verb=f"access.{step}",
        message=MESSAGES[step],
        params={
            "requester": access_request.requester.name,
            "owner": access_request.resource.organization.name,
            "resource": access_request.resource.title,
            "start": f"{start:%Y-%m-%d}",
            "end": f"{end:%Y-%m-%d}",
        },
        url=_detail_url(access_request),
    )


def _record(access_request, actor, action, from_status, to_status, note, transition=None):
    AccessRequestEvent.objects.create(
        access_request=access_request,
        actor=actor,
        action=transition.event_action if transition is not None else action,
        from_status=from_status,
        to_status=to_status,
        note=(note or "").strip(),
    )


def _lock(access_request: AccessRequest) -> AccessRequest:
    """Re-read the request under a row lock (PostgreSQL); every move starts here."""
    return (
        AccessRequest.objects.select_for_update(of=("self",))
        .select_related("resource__organization", "requester")
        .get(pk=access_request.pk)
    )


def _check_text(text: str, *, field: str, required: bool, message: str = "") -> str:
    text = (text or "").strip()
    if required and not text:
        raise ValidationError({field: message})
    if len(text) > TEXT_LIMIT:
        raise ValidationError(
            {field: _("Keep it within %(limit)d characters.") % {"limit": TEXT_LIMIT}}
        )
    return text


def _check_dates(start: date | None, end: date | None, *, start_field: str, end_field: str):
    """Refuse a period without both days, starting in the past, or ending before it starts,
    with every reason at once, on its field."""
    errors = {}
    if start is None:
        errors[start_field] = _("Give the first day.")
    elif start < timezone.localdate():
        errors[start_field] = _("The first day cannot be in the past.")
    if end is None:
        errors[end_field] = _("Give the last day.")
    elif start is not None and end < start:
        errors[end_field] = _("The last day cannot be before the first day.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def access_request_create(
    *,
    actor: User,
    resource: OpenResource,
    purpose: str,
    start_date: date | None,
    end_date: date | None,
) -> AccessRequest:
    """Ask, for the actor's organization, to use a published test line, laboratory or data
    resource of another organization, with a purpose and dates (the first day not in the
    past, the last not before it).

    One pending request per organization and resource: the resource's row lock serialises
    two members asking at the same time.
    """
    resource = (
        OpenResource.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=resource.pk)
    )
    problems = rules.access_resource_problems(resource)
    if problems:
        raise InvalidState(" ".join(str(problem) for problem in problems))
    problems = rules.access_requester_problems(actor, resource)
    if problems:
        raise NotAllowed(" ".join(str(problem) for problem in problems))
    requester = organization_of(actor)
    pending = (
        AccessRequest.objects.filter(
            resource=resource, requester=requester, status__in=ACCESS_OPEN_STATUSES
        )
        .order_by("created_at")
        .first()
    )
    if pending is not None:
        raise InvalidState(
            _(
                "Your organization already has a pending request for this resource (sent on "
                "%(date)s); wait for the answer or withdraw it before asking again."
            )
            % {"date": f"{timezone.localtime(pending.created_at):%Y-%m-%d}"}
        )
    purpose = _check_text(
        purpose,
        field="purpose",
        required=True,
        message=_("Say what you will use the resource for."),
    )
    _check_dates(start_date, end_date, start_field="start_date", end_field="end_date")
    access_request = AccessRequest.objects.create(
        resource=resource,
        requester=requester,
        purpose=purpose,
        start_date=start_date,
        end_date=end_date,
        requested_by=actor,
    )
    _record(
        access_request,
        actor,
        "requested",
        "",
        access_request.status,
        _period(start_date, end_date),
    )
    _tell(access_request, actor, "requested")
    return access_request


def access_request_move(
    *, actor: User, access_request: AccessRequest, action: str, note: str = ""
) -> AccessRequest:
    """Make the move ``action`` that takes nothing but a note (views dispatch here)."""
    return ACCESS_MOVES(action, actor=actor, access_request=access_request, note=note)


def _decide(
    actor: User,
    access_request: AccessRequest,
    action: str,
    note: str,
    *,
    by_owner: bool,
    event_note: str | None = None,
    fields: tuple[str, ...] = (),
) -> AccessRequest:
    """Check and make one move (fields set by the caller before), recorded and told."""
    note = _check_text(note, field="note", required=False)
    fields = list(fields)
    if by_owner:
        access_request.decided_by = actor
        access_request.decided_at = timezone.now()
        access_request.decision_note = note
        fields += ["decided_by", "decided_at", "decision_note"]
    apply(
        ACCESS_TRANSITIONS,
        access_request,
        action,
        actor=actor,
        roles=rules.access_request_roles(actor, access_request),
        note=note if event_note is None else event_note,
        fields=fields,
        problems=lambda: rules.access_move_problems(access_request, action),
        record=_record,
    )
    _tell(access_request, actor, action)
    return access_request


@ACCESS_MOVES.register("accept", note="note")
@transaction.atomic
def access_request_accept(
    *, actor: User, access_request: AccessRequest, note: str = ""
) -> AccessRequest:
    """The owner accepts the request on its dates, with an optional note (whom to contact,
    what to bring)."""
    access_request = _lock(access_request)
    return _decide(actor, access_request, "accept", note, by_owner=True)


@ACCESS_MOVES.register("decline", note="note")
@transaction.atomic
def access_request_decline(
    *, actor: User, access_request: AccessRequest, note: str = ""
) -> AccessRequest:
    """The owner declines, with the reason (required), pending or with dates proposed."""
    access_request = _lock(access_request)
    return _decide(actor, access_request, "decline", note, by_owner=True)


@ACCESS_MOVES.register("propose_dates", note="note")
@transaction.atomic
def access_request_propose_dates(
    *,
    actor: User,
    access_request: AccessRequest,
    proposed_start: date | None = None,
    proposed_end: date | None = None,
    note: str = "",
) -> AccessRequest:
    """The owner proposes other dates (both days, valid, not the requested ones) with an
    optional note; the requester then accepts them or withdraws."""
    access_request = _lock(access_request)
    roles = rules.access_request_roles(actor, access_request)
    check(ACCESS_TRANSITIONS, access_request, "propose_dates", roles=roles)
    _check_dates(
        proposed_start, proposed_end, start_field="proposed_start", end_field="proposed_end"
    )
    if (proposed_start, proposed_end) == (access_request.start_date, access_request.end_date):
        raise ValidationError(
            {"proposed_start": _("These are the requested dates; accept the request instead.")}
        )
    note = _check_text(note, field="note", required=False)
    access_request.proposed_start = proposed_start
    access_request.proposed_end = proposed_end
    period = _period(proposed_start, proposed_end)
    _decide(
        actor,
        access_request,
        "propose_dates",
        note,
        by_owner=True,
        event_note=f"{period}\n{note}" if note else period,
        fields=("proposed_start", "proposed_end"),
    )
    return access_request


@ACCESS_MOVES.register("accept_dates", note="note")
@transaction.atomic
def access_request_accept_dates(
    *, actor: User, access_request: AccessRequest, note: str = ""
) -> AccessRequest:
    """The requester takes the proposed dates: they become the request's dates."""
    access_request = _lock(access_request)
    roles = rules.access_request_roles(actor, access_request)
    check(
        ACCESS_TRANSITIONS,
        access_request,
        "accept_dates",
        roles=roles,
        problems=lambda: rules.access_move_problems(access_request, "accept_dates"),
    )
    access_request.start_date = access_request.proposed_start
    access_request.end_date = access_request.proposed_end
    access_request.proposed_start = None
    access_request.proposed_end = None
    period = _period(access_request.start_date, access_request.end_date)
    note = _check_text(note, field="note", required=False)
    return _decide(
        actor,
        access_request,
        "accept_dates",
        note,
        by_owner=False,
        event_note=f"{period}\n{note}" if note else period,
        fields=("start_date", "end_date", "proposed_start", "proposed_end"),
    )


@ACCESS_MOVES.register("withdraw", note="note")
@transaction.atomic
def access_request_withdraw(
    *, actor: User, access_request: AccessRequest, note: str = ""
) -> AccessRequest:
    """The requester withdraws while the request is pending or dates are proposed."""
    access_request = _lock(access_request)
    return _decide(actor, access_request, "withdraw", note, by_owner=False)
