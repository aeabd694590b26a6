"""Applying to a call (揭榜): drafts, attachments, submission, withdrawal."""

from __future__ import annotations

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
from workflow import MoveServices

from .. import kinds, rules
from ..models import (
    Application,
    ApplicationAttachment,
    ApplicationStatus,
    AwardStatus,
    Call,
    CallStatus,
    IndicatorResponse,
    PartnerStatus,
)
from ..selectors import handlers_of
from ..transitions import APPLICATION_TRANSITIONS
from ._common import (
    lock_application,
    move_application,
    notify_users,
    open_call_for_writing,
    push_application_count,
    record_application,
)

__all__ = [
    "APPLICATION_FIELDS",
    "APPLICATION_MOVES",
    "application_attachment_add",
    "application_attachment_remove",
    "application_create",
    "application_move",
    "application_submit",
    "application_update",
    "application_withdraw",
    "default_user_firm",
    "submission_problems",
]


# The service making each move of the application's table, registered on it below.
APPLICATION_MOVES = MoveServices(APPLICATION_TRANSITIONS)


APPLICATION_FIELDS = ("technical_approach", "team", "prior_results", "budget", "schedule")


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
    will itself use the product; none when, e.g., a government department organises it, or
    when the call hides its issuer (measure 十三: the applicant would read its name)."""
    if call.anonymous:
        return None
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
    call = open_call_for_writing(call)
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
    open_call_for_writing(application.call)
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
    call = open_call_for_writing(application.call)
    application = lock_application(application)
    if call.requires_nomination:  # measure 十三: through a recommending unit instead
        raise InvalidState(_("Submit this application through a recommending unit (推荐单位)."))

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
    push_application_count(call)
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
    # One still with its recommending unit never reached the issuer: only the unit hears.
    was_submitted = application.status not in (
        ApplicationStatus.DRAFT,
        ApplicationStatus.NOMINATION,
    )
    move_application(application, actor, "withdraw")
    # --- nominations (measure 十三): the live nomination goes with it, freeing its place.
    from .nominations import nomination_withdraw_with_application

    nomination_withdraw_with_application(application, actor)
    if was_submitted:
        notify_users(
            handlers_of(application.call),
            "application.withdrawn",
            gettext_noop("%(applicant)s withdrew from %(call)s"),
            application.call,
            url=application.get_absolute_url(),
            applicant=application.applicant.name,
        )
        push_application_count(application.call)
    return application


def application_move(
    *, actor: User, application: Application, action: str, note: str = ""
) -> Application:
    """Make the move ``action`` of ``APPLICATION_TRANSITIONS`` (the one entry point views
    use); ``note`` is the reason where the move takes one."""
    return APPLICATION_MOVES(action, actor=actor, application=application, note=note)


@transaction.atomic
def application_attachment_add(
    *, actor: User, application: Application, document: CheckedDocument
) -> ApplicationAttachment:
    open_call_for_writing(application.call)
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
    open_call_for_writing(attachment.application.call)
    application = lock_application(attachment.application)
    if not rules.is_applicant_member(actor, application):
        raise NotAllowed(_("Only members of the applicant can remove attachments."))
    if application.status not in (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED):
        raise InvalidState(_("This application can no longer be edited."))
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))
