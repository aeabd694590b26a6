"""Nomination by recommending units (推荐单位, measure 十三).

A call that requires nomination names its units and their quotas while it is drafted. Its
applicants submit through one unit (``application_submit_to_unit``); the unit pre-reviews
and nominates within its quota (the application then reaches the issuer as a normal
submission) or returns it with a reason (the applicant may change it and submit again).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import Organization, OrganizationKind, User
from core.exceptions import InvalidState, NotAllowed
from workflow import SYSTEM, apply

from .. import rules
from ..models import (
    Application,
    Call,
    CallStatus,
    Nomination,
    NominationEvent,
    NominationQuota,
    NominationStatus,
)
from ..selectors import handlers_of, members_of
from ..transitions import APPLICATION_TRANSITIONS, NOMINATION_TRANSITIONS
from ._common import (
    lock_application,
    lock_call,
    move_application,
    notify_users,
    open_call_for_writing,
    push_application_count,
    record_application_move,
    record_call,
)
from .applications import (
    APPLICATION_MOVES,
    FROZEN_FIELDS,
    _freeze_submission_facts,
    submission_problems,
)

__all__ = [
    "UNIT_KINDS",
    "application_submit_to_unit",
    "nomination_nominate",
    "nomination_quota_remove",
    "nomination_quota_set",
    "nomination_return",
    "nomination_withdraw_with_application",
    "nominations_lapse",
]

# Who may recommend (推荐单位): government departments and lead or large enterprises.
UNIT_KINDS = frozenset({OrganizationKind.GOVERNMENT, OrganizationKind.LEAD, OrganizationKind.LARGE})
# A unit decides while the call takes or has just stopped taking applications; once the
# issuer's evaluation starts the nominations are settled.
DECIDING_STATUSES = frozenset({CallStatus.PUBLISHED, CallStatus.CLOSED})
QUOTA_MIN, QUOTA_MAX = 1, 500


def _record(nomination, actor, action, from_status="", to_status="", note="") -> None:
    NominationEvent.objects.create(
        nomination=nomination,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=note,
    )


def _record_move(nomination, actor, action, from_status, to_status, note, transition) -> None:
    _record(nomination, actor, transition.event_action, from_status, to_status, note)


# --- quotas (the issuer, while the call is drafted) -------------------------------------------


def _editable_call(actor: User, call: Call) -> Call:
    call = lock_call(call)
    if not rules.is_handler(actor, call):
        raise NotAllowed(_("Only the call's handlers name its recommending units."))
    if call.status not in (CallStatus.DRAFT, CallStatus.REJECTED):
        raise InvalidState(_("Recommending units are named while the call is drafted."))
    return call


@transaction.atomic
def nomination_quota_set(
    *, actor: User, call: Call, unit: Organization, quota: int
) -> NominationQuota:
    """Name ``unit`` a recommending unit of the call with ``quota`` places (or change its
    quota when it already is one)."""
    call = _editable_call(actor, call)
    if not call.requires_nomination:
        raise InvalidState(_("This call does not require nomination by recommending units."))
    if unit.kind not in UNIT_KINDS:
        raise ValidationError(
            {
                "unit": _(
                    "A recommending unit is a government department or a lead or large enterprise."
                )
            }
        )
    if not unit.is_verified:
        raise ValidationError({"unit": _("A recommending unit must be a verified organization.")})
    if unit.pk == call.issuer_id:
        raise ValidationError({"unit": _("The issuer cannot recommend to its own call.")})
    if not isinstance(quota, int) or not QUOTA_MIN <= quota <= QUOTA_MAX:
        raise ValidationError(
            {"quota": _("A quota is between %(min)d and %(max)d.") % {"min": 1, "max": 500}}
        )
    row, _created = NominationQuota.objects.update_or_create(
        call=call, unit=unit, defaults={"quota": quota}
    )
    record_call(call, actor, "update", note=f"{unit.name} × {quota}")
    return row


@transaction.atomic
def nomination_quota_remove(*, actor: User, quota: NominationQuota) -> None:
    call = _editable_call(actor, quota.call)
    row = NominationQuota.objects.select_for_update().filter(pk=quota.pk, call=call).first()
    if row is None:
        raise InvalidState(_("This recommending unit was already removed."))
    if Nomination.objects.filter(application__call=call, unit_id=row.unit_id).exists():
        raise InvalidState(_("Applications went through this unit; it cannot be removed."))
    name = row.unit.name
    row.delete()
    record_call(call, actor, "update", note=_("%(unit)s removed") % {"unit": name})


# --- applying through a unit -------------------------------------------------------------------


@APPLICATION_MOVES.register("submit_to_unit")
@transaction.atomic
def application_submit_to_unit(
    *, actor: User, application: Application, unit: Organization | None = None
) -> Application:
    """Submit a draft to the recommending unit the applicant chose (``unit``, or the one
    chosen before): facts are frozen as on submission; the unit's members are told."""
    call = open_call_for_writing(application.call)
    application = lock_application(application)
    if not call.requires_nomination:
        raise InvalidState(_("This call takes applications directly; submit it to the issuer."))
    if unit is not None:
        application.recommending_unit = unit
    chosen = application.recommending_unit_id
    quotas = {row.unit_id: row for row in call.nomination_quotas.select_related("unit")}

    def problems() -> list[str]:
        found = submission_problems(application)
        if chosen is None:
            found.append(_("Choose the recommending unit (推荐单位) to submit through."))
        elif chosen not in quotas:
            found.append(_("Choose one of the call's recommending units."))
        elif (
            chosen == application.applicant_id
            or application.partners.filter(organization_id=chosen).exists()
        ):
            found.append(_("A recommending unit cannot nominate its own application."))
        return found

    _freeze_submission_facts(application)
    move_application(
        application,
        actor,
        "submit_to_unit",
        fields=["recommending_unit", *FROZEN_FIELDS],
        problems=problems,
    )
    nomination = Nomination.objects.create(application=application, unit_id=chosen)
    _record(nomination, actor, "create", "", nomination.status)
    unit = quotas[chosen].unit
    url = application.get_absolute_url()
    transaction.on_commit(
        lambda: notify_users(
            members_of(unit),
            "nomination.submitted",
            gettext_noop("%(applicant)s asks your nomination for %(call)s"),
            call,
            url=url,
            applicant=application.applicant.name,
        )
    )
    return application


def nomination_withdraw_with_application(application: Application, actor) -> None:
    """The applicant withdrew its application: its live nomination is withdrawn too, and a
    nominated one frees its place in the unit's quota (the caller holds the locks)."""
    for nomination in Nomination.objects.select_for_update(of=("self",)).filter(
        application=application,
        status__in=[NominationStatus.PENDING, NominationStatus.NOMINATED],
    ):
        apply(
            NOMINATION_TRANSITIONS,
            nomination,
            "withdraw",
            actor=actor,
            roles={SYSTEM},
            record=_record_move,
        )


# --- the unit's decision ------------------------------------------------------------------------


def _lock_nomination(nomination: Nomination) -> Nomination:
    return (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("unit", "application")
        .get(pk=nomination.pk)
    )


def _deciding(actor: User, nomination: Nomination) -> tuple[Nomination, Application, Call]:
    """Lock the call, the application and the nomination (in that order), and check the
    stage: a unit decides until the issuer's evaluation starts."""
    call = lock_call(nomination.application.call)
    application = lock_application(nomination.application)
    nomination = _lock_nomination(nomination)
    if not rules.nomination_roles(actor, nomination):
        raise NotAllowed(NOMINATION_TRANSITIONS.not_allowed)
    if call.status not in DECIDING_STATUSES:
        raise InvalidState(_("The issuer's evaluation has started; nominations are closed."))
    return nomination, application, call


def _move_nominated_application(
    application: Application, actor, action: str, *, fields=(), note: str = ""
) -> None:
    """The application follows its nomination's move (``SYSTEM`` in its table), recorded
    on its history with the unit member who decided."""
    apply(
        APPLICATION_TRANSITIONS,
        application,
        action,
        actor=actor,
        roles={SYSTEM},
        note=note,
        fields=fields,
        record=record_application_move,
    )


@transaction.atomic
def nomination_nominate(*, actor: User, nomination: Nomination, review: str = "") -> Nomination:
    """Nominate the application to the issuer within the unit's quota, with the unit's
    pre-review opinion (推荐意见, read by the issuer, not the applicant)."""
    nomination, application, call = _deciding(actor, nomination)
    review = (review or "").strip()
    if len(review) > 4000:
        raise ValidationError({"review": _("Keep the opinion under 4000 characters.")})
    # The quota row's lock serialises a unit's nominations to the call, so two members
    # deciding at once cannot both take the last place.
    quota = (
        NominationQuota.objects.select_for_update()
        .filter(call=call, unit_id=nomination.unit_id)
        .first()
    )

    def problems() -> list[str]:
        if quota is None:
            return [_("Your unit is no longer a recommending unit of this call.")]
        if nomination.unit_id == application.applicant_id:
            return [_("A recommending unit cannot nominate its own application.")]
        used = Nomination.objects.filter(
            application__call=call, unit_id=nomination.unit_id, status=NominationStatus.NOMINATED
        ).count()
        if used >= quota.quota:
            return [
                _("Your unit's quota for this call is used up (%(used)d of %(quota)d nominated).")
                % {"used": used, "quota": quota.quota}
            ]
        return []

    now = timezone.now()
    nomination.review = review
    nomination.decided_by = actor
    nomination.decided_at = now
    apply(
        NOMINATION_TRANSITIONS,
        nomination,
        "nominate",
        actor=actor,
        roles=rules.nomination_roles(actor, nomination),
        fields=["review", "decided_by", "decided_at"],
        problems=problems,
        record=_record_move,
    )
    application.submitted_at = now
    _move_nominated_application(application, actor, "nominated", fields=["submitted_at"])
    applicant_users = list(members_of(application.applicant))
    handlers = list(handlers_of(call))
    url = application.get_absolute_url()
    unit_name = nomination.unit.name

    def tell() -> None:
        notify_users(
            applicant_users,
            "nomination.nominated",
            gettext_noop("%(unit)s nominated your application to %(call)s"),
            call,
            url=url,
            unit=unit_name,
        )
        notify_users(
            handlers,
            "application.submitted",
            gettext_noop("%(applicant)s applied to %(call)s"),
            call,
            url=url,
            applicant=application.applicant.name,
        )

    transaction.on_commit(tell)
    push_application_count(call)
    return nomination


@transaction.atomic
def nomination_return(*, actor: User, nomination: Nomination, reason: str) -> Nomination:
    """Return the application to its applicant with a reason; it becomes a draft again and
    may be submitted again (possibly through another unit)."""
    nomination, application, call = _deciding(actor, nomination)
    reason = (reason or "").strip()
    if len(reason) > 2000:
        raise ValidationError({"reason": _("Keep the reason under 2000 characters.")})
    nomination.reason = reason
    nomination.decided_by = actor
    nomination.decided_at = timezone.now()
    apply(
        NOMINATION_TRANSITIONS,
        nomination,
        "return",
        actor=actor,
        roles=rules.nomination_roles(actor, nomination),
        note=reason,
        fields=["reason", "decided_by", "decided_at"],
        record=_record_move,
    )
    _move_nominated_application(application, actor, "returned", note=reason)
    applicant_users = list(members_of(application.applicant))
    url = application.get_absolute_url()
    unit_name = nomination.unit.name
    transaction.on_commit(
        lambda: notify_users(
            applicant_users,
            "nomination.returned",
            gettext_noop("%(unit)s returned your application to %(call)s: %(reason)s"),
            call,
            url=url,
            unit=unit_name,
            reason=reason,
        )
    )
    return nomination


def nominations_lapse(call: Call) -> int:
    """The issuer's evaluation starts (the caller holds the call's lock): nominations the
    units have not decided lapse, their applications are not nominated (they leave the
    units' lists and never reach the issuer), and the applicants are told. Returns how many."""
    pending = list(
        Nomination.objects.select_for_update(of=("self",))
        .select_related("application", "unit")
        .filter(application__call=call, status=NominationStatus.PENDING)
    )
    for nomination in pending:
        apply(
            NOMINATION_TRANSITIONS,
            nomination,
            "lapse",
            actor=None,
            roles={SYSTEM},
            record=_record_move,
        )
        _move_nominated_application(lock_application(nomination.application), None, "not_nominated")
    for nomination in pending:
        application = nomination.application
        users = list(members_of(application.applicant))
        url = application.get_absolute_url()
        unit_name = nomination.unit.name
        transaction.on_commit(
            lambda users=users, url=url, unit_name=unit_name: notify_users(
                users,
                "nomination.lapsed",
                gettext_noop(
                    "%(unit)s did not nominate your application to %(call)s before the "
                    "evaluation started"
                ),
                call,
                url=url,
                unit=unit_name,
            )
        )
    return len(pending)
