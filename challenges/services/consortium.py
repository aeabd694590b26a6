"""Consortium applications (联合体): the lead invites partners, who confirm or decline."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import Organization, User
from core.exceptions import InvalidState, NotAllowed
from workflow import apply

from .. import rules
from ..models import Application, ApplicationStatus, ConsortiumPartner, PartnerStatus
from ..selectors import admins_of, members_of
from ..transitions import PARTNER_TRANSITIONS
from ._common import lock_application, notify_users, open_call_for_writing, record_application

__all__ = [
    "partner_invite",
    "partner_remove",
    "partner_respond",
]


@transaction.atomic
def partner_invite(
    *, actor: User, application: Application, organization: Organization, role: str = ""
) -> ConsortiumPartner:
    call = open_call_for_writing(application.call)
    application = lock_application(application)
    if not rules.is_applicant_member(actor, application):
        raise NotAllowed(_("Only members of the lead applicant can invite partners."))
    if application.status != ApplicationStatus.DRAFT:
        raise InvalidState(_("Partners are invited while the application is a draft."))
    if organization.pk in (application.applicant_id, call.issuer_id):
        raise InvalidState(_("The lead applicant and the issuer cannot be partners."))
    if not organization.is_verified:
        raise InvalidState(_("Only verified organizations can join a consortium."))
    current = application.partners.exclude(status=PartnerStatus.DECLINED)
    if current.count() >= call.max_partners:
        raise InvalidState(
            _("This call allows at most %(count)d consortium partners.")
            % {"count": call.max_partners}
        )
    partner, created = ConsortiumPartner.objects.get_or_create(
        application=application,
        organization=organization,
        defaults={"role": role.strip()},
    )
    if created:
        record_application(application, actor, "partner_invited", note=organization.name)
    else:
        partner.role = role.strip()
        apply(
            PARTNER_TRANSITIONS,
            partner,
            "reinvite",
            actor=actor,
            roles=rules.partner_roles(actor, partner),
            fields=["role"],
            record=_record_partner,
        )
    notify_users(
        admins_of(organization),
        "application.partner_invited",
        gettext_noop("%(applicant)s invites you to a consortium for %(call)s"),
        call,
        url=application.get_absolute_url(),
        applicant=application.applicant.name,
    )
    return partner


def _record_partner(partner, actor, action, from_status, to_status, note, transition) -> None:
    record_application(
        partner.application, actor, transition.event_action, note=partner.organization.name
    )


def _partner_answer_problems(partner: ConsortiumPartner) -> list[str]:
    if partner.application.status != ApplicationStatus.DRAFT:
        return [_("The application is no longer a draft.")]
    return []


@transaction.atomic
def partner_respond(*, actor: User, partner: ConsortiumPartner, accept: bool) -> ConsortiumPartner:
    """A partner organization's administrator confirms or declines the consortium."""
    partner = (
        ConsortiumPartner.objects.select_for_update(of=("self",))
        .select_related(
            "application", "application__call", "application__applicant", "organization"
        )
        .get(pk=partner.pk)
    )
    partner.responded_by = actor
    partner.responded_at = timezone.now()
    apply(
        PARTNER_TRANSITIONS,
        partner,
        "confirm" if accept else "decline",
        actor=actor,
        roles=rules.partner_roles(actor, partner),
        fields=["responded_by", "responded_at"],
        problems=lambda: _partner_answer_problems(partner),
        record=_record_partner,
    )
    notify_users(
        members_of(partner.application.applicant),
        "application.partner_answered",
        gettext_noop("%(partner)s answered your consortium invitation for %(call)s"),
        partner.application.call,
        url=partner.application.get_absolute_url(),
        partner=partner.organization.name,
    )
    return partner


@transaction.atomic
def partner_remove(*, actor: User, partner: ConsortiumPartner) -> None:
    application = lock_application(partner.application)
    if not rules.is_applicant_member(actor, application):
        raise NotAllowed(_("Only members of the lead applicant can remove partners."))
    if application.status != ApplicationStatus.DRAFT:
        raise InvalidState(_("Partners can be changed while the application is a draft."))
    record_application(application, actor, "partner_removed", note=partner.organization.name)
    partner.delete()
