"""Applying to calls (揭榜): drafts, consortia, submission, eligibility, shortlist, award."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts import rules as account_rules
from accounts.models import (
    Organization,
    Qualification,
    QualificationLevel,
    QualificationStatus,
    User,
)
from catalog.models import ListingStatus, Product
from core.exceptions import InvalidState, NotAllowed
from uploads.documents import CheckedDocument
from uploads.fields import store_document
from workflow import MoveServices, apply

from .. import conditions, kinds, rules
from ..models import (
    Application,
    ApplicationAttachment,
    ApplicationStatus,
    Award,
    AwardStatus,
    Call,
    CallStatus,
    ConsortiumPartner,
    IndicatorResponse,
    PartnerStatus,
    Round,
    RoundEntry,
)
from ..transitions import APPLICATION_TRANSITIONS, PARTNER_TRANSITIONS
from ._common import (
    admins_of,
    handlers_of,
    lock_application,
    lock_call,
    members_of,
    move_application,
    notify_users,
    record_application,
    record_call,
    refuse_if_problems,
)

__all__ = [
    "APPLICATION_FIELDS",
    "APPLICATION_MOVES",
    "application_attachment_add",
    "application_attachment_remove",
    "application_create",
    "application_mark_eligible",
    "application_mark_ineligible",
    "application_move",
    "application_shortlist",
    "application_submit",
    "application_unshortlist",
    "application_update",
    "application_withdraw",
    "award_propose",
    "award_withdraw",
    "default_user_firm",
    "partner_invite",
    "partner_remove",
    "partner_respond",
    "round_advance",
    "round_statement_submit",
    "submission_problems",
]

# The service making each move of the application's table, registered on it below.
APPLICATION_MOVES = MoveServices(APPLICATION_TRANSITIONS)

APPLICATION_FIELDS = ("technical_approach", "team", "prior_results", "budget", "schedule")


def _open_call_for_writing(call: Call) -> Call:
    """Lock the call and refuse once applications have closed.

    The check runs in the same transaction as the write that follows, under the call's row
    lock, so an application can never slip in after the deadline.
    """
    call = lock_call(call)
    if call.status != CallStatus.PUBLISHED or timezone.now() >= call.deadline:
        raise InvalidState(_("Applications to this call are closed."))
    return call


def _check_product(call: Call, organization: Organization, product: Product | None) -> None:
    if product is None:
        if kinds.policy(call.kind).requires_product:
            raise InvalidState(_("Choose the product to be verified."))
        return
    if product.organization_id != organization.pk:
        raise NotAllowed(_("Choose one of your own products."))
    if product.status != ListingStatus.PUBLISHED:
        raise InvalidState(_("Only a published product can be put forward."))


def default_user_firm(call: Call) -> Organization | None:
    """The user firm an application starts with: the issuer, when it is an enterprise that
    will itself use the product; none when, e.g., a government department organises it."""
    if kinds.policy(call.kind).names_user_firm and call.issuer.kind in kinds.ENTERPRISES:
        return call.issuer
    return None


def _check_user_firm(call: Call, applicant: Organization, firm: Organization | None) -> None:
    if firm is None:
        return
    if not kinds.policy(call.kind).names_user_firm:
        raise ValidationError(
            {"user_firm": _("Only application verification projects name a user firm.")}
        )
    if firm.kind not in kinds.ENTERPRISES:
        raise ValidationError(
            {"user_firm": _("The user firm must be an enterprise that will use the product.")}
        )
    if firm.pk == applicant.pk:
        raise ValidationError(
            {"user_firm": _("The user firm is another enterprise, not the applicant itself.")}
        )
    if not firm.is_verified:
        raise ValidationError({"user_firm": _("The user firm must be a verified organization.")})


@transaction.atomic
def application_create(
    *, actor: User, call: Call, data: dict[str, Any], product: Product | None = None
) -> Application:
    """Start a draft application for the actor's organization."""
    call = _open_call_for_writing(call)
    organization = account_rules.organization_of(actor)
    problems = rules.eligibility_problems(organization, call)
    if problems:
        raise NotAllowed(" ".join(problems))
    if call.has_terms and not rules.has_accepted_terms(actor, call):
        raise InvalidState(_("Accept the call's terms before applying."))
    if product is not None:
        # A draft may start without its product (the call page starts drafts); submission
        # requires one where the kind of call does.
        _check_product(call, organization, product)
    application = Application(
        call=call,
        applicant=organization,
        created_by=actor,
        product=product,
        current_round=call.current_round,
        user_firm=default_user_firm(call),
    )
    for field in APPLICATION_FIELDS:
        if field in data:
            setattr(application, field, data[field])
    application.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        raise InvalidState(
            _("Your organization already has an application to this call.")
        ) from None
    record_application(application, actor, "create", "", application.status)
    return application


@transaction.atomic
def application_update(
    *,
    actor: User,
    application: Application,
    data: dict[str, Any],
    responses: dict[int, str] | None = None,
    product: Product | None = None,
) -> Application:
    """Edit a draft or submitted application until the deadline.

    ``data`` may carry ``user_firm`` (an organization, or ``None`` to clear it) for a
    verification project.
    """
    _open_call_for_writing(application.call)
    application = lock_application(application)
    if not rules.is_applicant_member(actor, application):
        raise NotAllowed(_("Only members of the applicant can edit the application."))
    if application.status not in (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED):
        raise InvalidState(_("This application can no longer be edited."))
    for field in APPLICATION_FIELDS:
        if field in data:
            setattr(application, field, data[field])
    if product is not None or kinds.policy(application.call.kind).requires_product:
        _check_product(application.call, application.applicant, product)
        application.product = product
    if "user_firm" in data:
        _check_user_firm(application.call, application.applicant, data["user_firm"])
        application.user_firm = data["user_firm"]
    application.full_clean(validate_constraints=False)
    application.save()
    if responses is not None:
        indicator_ids = set(application.call.indicators.values_list("pk", flat=True))
        for indicator_id, text in responses.items():
            if indicator_id not in indicator_ids:
                raise NotAllowed(_("That indicator belongs to another call."))
            IndicatorResponse.objects.update_or_create(
                application=application,
                indicator_id=indicator_id,
                defaults={"response": text.strip()},
            )
    if application.status == ApplicationStatus.SUBMITTED:
        record_application(application, actor, "update", application.status, application.status)
    return application


def submission_problems(application: Application) -> list[str]:
    problems = []
    if not application.technical_approach.strip():
        problems.append(_("Describe the technical approach."))
    answered = set(
        application.indicator_responses.exclude(response="").values_list("indicator_id", flat=True)
    )
    missing = application.call.indicators.exclude(pk__in=answered)
    if missing.exists():
        problems.append(
            _("Say how each indicator is met (missing: %(names)s).")
            % {"names": "、".join(i.name for i in missing)}
        )
    if application.partners.filter(status=PartnerStatus.INVITED).exists():
        problems.append(_("Every consortium partner must confirm (or be removed) first."))
    if kinds.policy(application.call.kind).requires_product and not application.product_id:
        problems.append(_("Choose the product to be verified."))
    if kinds.policy(application.call.kind).names_user_firm and not application.user_firm_id:
        problems.append(_("Name the user firm (应用单位) that will use the product first."))
    return problems


FROZEN_FIELDS = (
    "lead_qualification_level",
    "lead_qualification",
    "lead_qualification_batch",
    "lead_qualification_year",
    "lead_qualification_issuer",
)


def _freeze_submission_facts(application: Application) -> None:
    """Copy onto the application (and its partners) what bonus rules look at, as it stands
    now: the lead applicant's qualification with the verified certificate proving it, and
    each partner's kind and qualification. Later changes to the organizations do not move
    a score. Partners are written here; the application's fields are saved by the caller.
    """
    lead = application.applicant
    level = lead.qualification_level
    proof = None
    if level != QualificationLevel.NONE:
        proof = (
            Qualification.objects.filter(
                organization=lead, level=level, status=QualificationStatus.VERIFIED
            )
            .order_by("-year", "-verified_at")
            .first()
        )
    application.lead_qualification_level = level
    application.lead_qualification = proof
    application.lead_qualification_batch = proof.batch if proof else ""
    application.lead_qualification_year = proof.year if proof else None
    application.lead_qualification_issuer = proof.issuer if proof else ""
    for partner in application.partners.select_related("organization"):
        partner.organization_kind = partner.organization.kind
        partner.qualification_level = partner.organization.qualification_level
        partner.save(update_fields=["organization_kind", "qualification_level"])


@APPLICATION_MOVES.register("submit")
@transaction.atomic
def application_submit(*, actor: User, application: Application) -> Application:
    call = _open_call_for_writing(application.call)
    application = lock_application(application)

    application.submitted_at = timezone.now()
    _freeze_submission_facts(application)
    move_application(
        application,
        actor,
        "submit",
        fields=["submitted_at", *FROZEN_FIELDS],
        problems=lambda: submission_problems(application),
    )
    notify_users(
        handlers_of(call),
        "application.submitted",
        gettext_noop("%(applicant)s applied to %(call)s"),
        call,
        url=application.get_absolute_url(),
        applicant=application.applicant.name,
    )
    return application


@APPLICATION_MOVES.register("withdraw")
@transaction.atomic
def application_withdraw(*, actor: User, application: Application) -> Application:
    application = lock_application(application)
    if application.call.status not in (
        CallStatus.PUBLISHED,
        CallStatus.CLOSED,
        CallStatus.EVALUATING,
    ):
        raise InvalidState(_("Applications can no longer be withdrawn at this stage."))
    if (
        application.call.awards.filter(application=application)
        .exclude(status=AwardStatus.REVOKED)
        .exists()
    ):
        raise InvalidState(_("A proposed winner cannot withdraw; contact the issuer."))
    was_submitted = application.status != ApplicationStatus.DRAFT
    move_application(application, actor, "withdraw")
    if was_submitted:
        notify_users(
            handlers_of(application.call),
            "application.withdrawn",
            gettext_noop("%(applicant)s withdrew from %(call)s"),
            application.call,
            url=application.get_absolute_url(),
            applicant=application.applicant.name,
        )
    return application


def application_move(
    *, actor: User, application: Application, action: str, note: str = ""
) -> Application:
    """Make the move ``action`` of ``APPLICATION_TRANSITIONS`` (the one entry point views
    use); ``note`` is the reason where the move takes one."""
    return APPLICATION_MOVES(action, actor=actor, application=application, note=note)


# --- consortium ----------------------------------------------------------------------------


@transaction.atomic
def partner_invite(
    *, actor: User, application: Application, organization: Organization, role: str = ""
) -> ConsortiumPartner:
    call = _open_call_for_writing(application.call)
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


@transaction.atomic
def application_attachment_add(
    *, actor: User, application: Application, document: CheckedDocument
) -> ApplicationAttachment:
    _open_call_for_writing(application.call)
    application = lock_application(application)
    if not rules.is_applicant_member(actor, application):
        raise NotAllowed(_("Only members of the applicant can add attachments."))
    if application.status not in (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED):
        raise InvalidState(_("This application can no longer be edited."))
    if application.attachments.count() >= 10:
        raise InvalidState(_("An application can have at most 10 attachments."))
    attachment = ApplicationAttachment(
        application=application, uploaded_by=actor, original_name=document.original_name
    )
    store_document(attachment.file, document)
    attachment.save()
    return attachment


@transaction.atomic
def application_attachment_remove(*, actor: User, attachment: ApplicationAttachment) -> None:
    _open_call_for_writing(attachment.application.call)
    application = lock_application(attachment.application)
    if not rules.is_applicant_member(actor, application):
        raise NotAllowed(_("Only members of the applicant can remove attachments."))
    if application.status not in (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED):
        raise InvalidState(_("This application can no longer be edited."))
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))


# --- the issuer's decisions ----------------------------------------------------------------


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


# --- competition rounds ---------------------------------------------------------------------


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
