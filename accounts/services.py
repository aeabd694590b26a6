"""Every write a user can cause on accounts, organizations, qualifications and experts.

Each function is keyword-only, transactional and permission-checked; it raises a
``DomainError`` (or Django's ``ValidationError`` for field problems) and changes nothing
when refused. Views, the admin and management commands all call these.
"""

from __future__ import annotations

from typing import Any

from axes.utils import reset as axes_reset
from django.contrib.auth.hashers import check_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exceptions import InvalidState, NotAllowed
from search.outbox import index_later
from uploads.fields import store_image
from uploads.images import ProcessedImage
from workflow import apply, check

from . import rules
from .models import (
    QUALIFICATION_RANK,
    Expert,
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    OrganizationEvent,
    Qualification,
    QualificationLevel,
    QualificationStatus,
    User,
    VerificationStatus,
)
from .tokens import activation_token_generator
from .transitions import (
    MEMBERSHIP_TRANSITIONS,
    QUALIFICATION_TRANSITIONS,
    VERIFICATION_TRANSITIONS,
)
from .validators import normalise_code

# Changing any of these on a verified organization sends it back for verification.
IDENTITY_FIELDS = ("kind", "name", "credit_code")
ORGANIZATION_FIELDS = (
    "kind",
    "name",
    "credit_code",
    "province",
    "city",
    "industry",
    "description",
    "website",
    "contact_name",
    "contact_phone",
    "contact_email",
    "match_notifications",
)


def _record(
    organization: Organization,
    actor: User | None,
    action: str,
    note: str = "",
    from_status: str = "",
    to_status: str = "",
) -> None:
    index_later("organization", organization.pk)
    OrganizationEvent.objects.create(
        organization=organization,
        actor=actor,
        action=action,
        note=note,
        from_status=from_status,
        to_status=to_status,
    )


def _record_move(organization, actor, action, from_status, to_status, note, transition) -> None:
    _record(organization, actor, transition.event_action, note, from_status, to_status)


def _record_on_organization(obj, actor, action, from_status, to_status, note, transition) -> None:
    """Record a qualification's or a membership's move on its organization's trail."""
    _record(obj.organization, actor, transition.event_action, note)


def _delete_files_on_commit(*files) -> None:
    names = [(f.storage, f.name) for f in files if f]
    if names:
        transaction.on_commit(lambda: [storage.delete(name) for storage, name in names])


# --- users ---------------------------------------------------------------------------------


USERNAME_UNAVAILABLE = gettext_lazy("This login name is not available. Please choose another.")


def _mail_on_commit(*, to: str, template: str, context: dict[str, Any]) -> None:
    """Render a plain-text e-mail now and send it once the transaction has committed.

    The texts are bilingual (Chinese first) rather than in the language of whoever caused
    the e-mail: the reader may not be that person.
    """
    subject = "".join(
        render_to_string(f"accounts/email/{template}_subject.txt", context).splitlines()
    )
    body = render_to_string(f"accounts/email/{template}.txt", context)
    transaction.on_commit(lambda: send_mail(subject, body, None, [to]), robust=True)


def _send_activation(user: User, site_url: str) -> None:
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = activation_token_generator.make_token(user)
    path = reverse("accounts:activate", kwargs={"uidb64": uidb64, "token": token})
    _mail_on_commit(
        to=user.email,
        template="activation",
        context={"user": user, "activation_url": site_url + path},
    )


def _send_sign_up_attempt_notice(user: User, site_url: str) -> None:
    _mail_on_commit(
        to=user.email,
        template="sign_up_attempt",
        context={
            "user": user,
            "login_url": site_url + reverse("accounts:login"),
            "password_reset_url": site_url + reverse("accounts:password_reset"),
        },
    )


@transaction.atomic
def user_sign_up(
    *, username: str, email: str, name: str, password: str, site_url: str, phone: str = ""
) -> User | None:
    """Start a sign-up: e-mail an activation link, or tell the address's owner about it.

    What the caller sees must not tell whether the address already has an account:

    - a new address gets an inactive account and an activation link;
    - an address whose account still awaits activation gets that account with the new
      login name, name and password, and a new link (the older links stop working), so
      whoever reads the mail finishes the sign-up, not whoever started it first;
    - an address with an activated account gets nothing new; its owner gets an e-mail with
      links to log in and to reset the password.

    The login name is checked first and the same way in every case (it cannot stay
    secret: it must be unique). The password is hashed on every path so the time taken
    does not tell the cases apart either. ``site_url`` is the scheme and host links in the
    e-mails start with. Return the account that awaits activation, or ``None``.
    """
    email = email.strip().lower()
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": USERNAME_UNAVAILABLE}, code="username_unavailable")
    candidate = User(
        username=username, email=email, name=name.strip(), phone=phone.strip(), is_active=False
    )
    validate_password(password, candidate)
    candidate.set_password(password)

    existing = User.objects.select_for_update().filter(email__iexact=email).first()
    if existing is None:
        candidate.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                candidate.save()
        except IntegrityError:
            # A sign-up running at the same moment took the login name or the address.
            if User.objects.filter(username__iexact=username).exists():
                raise ValidationError(
                    {"username": USERNAME_UNAVAILABLE}, code="username_unavailable"
                ) from None
            return None
        _send_activation(candidate, site_url)
        return candidate
    if existing.is_awaiting_activation:
        existing.username = candidate.username
        existing.name = candidate.name
        existing.phone = candidate.phone
        existing.password = candidate.password
        existing.full_clean(validate_constraints=False)
        existing.save(update_fields=["username", "name", "phone", "password"])
        _send_activation(existing, site_url)
        return existing
    _send_sign_up_attempt_notice(existing, site_url)
    return None


@transaction.atomic
def user_activation_resend(*, user: User, site_url: str) -> None:
    """E-mail a fresh activation link to an account that still awaits activation."""
    if not user.is_awaiting_activation:
        raise InvalidState(_("This account is already activated."))
    _send_activation(user, site_url)


@transaction.atomic
def user_activate(*, user: User, token: str, password: str) -> User:
    """Activate an account from its e-mailed link, given the password chosen at sign-up.

    Asking for the password as well as the link means only someone who both reads the
    mailbox and chose the password ends up with the account: an account someone else
    opened with this address cannot be taken over by following its link, and a mail
    scanner that opens links activates nothing.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.is_awaiting_activation or not activation_token_generator.check_token(user, token):
        raise InvalidState(_("This activation link is invalid or has expired."))
    if not check_password(password, user.password):
        raise ValidationError(
            {"password": _("This is not the password chosen when signing up.")},
            code="wrong_password",
        )
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


@transaction.atomic
def user_password_set(*, user: User, password: str) -> User:
    """Give the user a new password and lift any login lockout on their login name.

    Called after the old password (change) or a link sent to the user's address (reset)
    proved who is asking, so failed logins counted against the login name no longer matter.
    """
    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    axes_reset(username=user.username)
    return user


# --- organizations -------------------------------------------------------------------------


@transaction.atomic
def organization_create(
    *, actor: User, data: dict[str, Any], logo: ProcessedImage | None = None
) -> Organization:
    """Register an organization; the actor becomes its administrator. It awaits verification."""
    if rules.membership_of(actor) is not None:
        raise InvalidState(
            _("You already belong to an organization; leave it before registering another.")
        )
    organization = Organization(created_by=actor)
    _assign(organization, data)
    organization.full_clean()
    if logo is not None:
        store_image(organization.logo, organization.logo_thumbnail, logo)
    organization.save()
    Membership.objects.create(
        user=actor,
        organization=organization,
        role=MembershipRole.ADMIN,
        status=MembershipStatus.ACTIVE,
        decided_by=actor,
        decided_at=timezone.now(),
    )
    rules.forget_membership(actor)
    _record(organization, actor, "created")
    return organization


@transaction.atomic
def organization_update(
    *,
    actor: User,
    organization: Organization,
    data: dict[str, Any],
    logo: ProcessedImage | None = None,
) -> Organization:
    """Edit an organization's profile. Changing kind, name or code re-opens verification."""
    if not rules.can_edit_organization(actor, organization):
        raise NotAllowed(_("Only an administrator of this organization can edit it."))
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    before = {field: getattr(organization, field) for field in IDENTITY_FIELDS}
    _assign(organization, data)
    organization.full_clean()
    identity_changed = any(getattr(organization, f) != before[f] for f in IDENTITY_FIELDS)
    if identity_changed and organization.verification_status != VerificationStatus.PENDING:
        organization.verified_by = None
        organization.verified_at = None
        apply(
            VERIFICATION_TRANSITIONS,
            organization,
            "reopen",
            actor=actor,
            roles=rules.organization_roles(actor, organization),
            fields=["verified_by", "verified_at"],
            record=_record_move,
        )
    if logo is not None:
        _delete_files_on_commit(organization.logo, organization.logo_thumbnail)
        store_image(organization.logo, organization.logo_thumbnail, logo)
    organization.save()
    _record(organization, actor, "updated")
    return organization


def _assign(organization: Organization, data: dict[str, Any]) -> None:
    for field in ORGANIZATION_FIELDS:
        if field in data:
            setattr(organization, field, data[field])
    organization.credit_code = normalise_code(organization.credit_code)


@transaction.atomic
def organization_verify(*, actor: User, organization: Organization) -> Organization:
    """Confirm an organization's identity (administrators only)."""
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    organization.verified_by = actor
    organization.verified_at = timezone.now()
    organization.rejection_reason = ""
    return apply(
        VERIFICATION_TRANSITIONS,
        organization,
        "verify",
        actor=actor,
        roles=rules.organization_roles(actor, organization),
        fields=["verified_by", "verified_at", "rejection_reason"],
        record=_record_move,
    )


@transaction.atomic
def organization_reject(*, actor: User, organization: Organization, reason: str) -> Organization:
    """Refuse an organization's registration with a reason its administrators will see."""
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    organization.rejection_reason = (reason or "").strip()
    return apply(
        VERIFICATION_TRANSITIONS,
        organization,
        "reject",
        actor=actor,
        roles=rules.organization_roles(actor, organization),
        note=reason,
        fields=["rejection_reason"],
        record=_record_move,
    )


# --- memberships ---------------------------------------------------------------------------


@transaction.atomic
def membership_request(*, actor: User, organization: Organization) -> Membership:
    """Ask to join an organization; one of its administrators decides."""
    if rules.membership_of(actor) is not None:
        raise InvalidState(_("You already belong to an organization or have a pending request."))
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                user=actor, organization=organization, role=MembershipRole.MEMBER
            )
    except IntegrityError:
        # A second request sent at the same moment: the one-membership constraint held.
        raise InvalidState(
            _("You already belong to an organization or have a pending request.")
        ) from None
    rules.forget_membership(actor)
    _record(organization, actor, "membership_requested", actor.name)
    return membership


def _lock_membership(membership: Membership) -> Membership:
    return Membership.objects.select_for_update().select_related("user", "organization").get(
        pk=membership.pk
    )


@transaction.atomic
def membership_approve(*, actor: User, membership: Membership) -> Membership:
    membership = _lock_membership(membership)
    membership.decided_by = actor
    membership.decided_at = timezone.now()
    return apply(
        MEMBERSHIP_TRANSITIONS,
        membership,
        "approve",
        actor=actor,
        roles=rules.membership_roles(actor, membership),
        note=membership.user.name,
        fields=["decided_by", "decided_at"],
        record=_record_on_organization,
    )


@transaction.atomic
def membership_decline(*, actor: User, membership: Membership) -> None:
    """Decline a request to join: the request is deleted, the trail keeps who asked."""
    membership = _lock_membership(membership)
    transition = check(
        MEMBERSHIP_TRANSITIONS,
        membership,
        "decline",
        roles=rules.membership_roles(actor, membership),
    )
    _record(membership.organization, actor, transition.event_action, membership.user.name)
    membership.delete()


@transaction.atomic
def membership_set_role(*, actor: User, membership: Membership, role: str) -> Membership:
    """Make a member an administrator or back; an organization keeps at least one admin."""
    if not rules.can_manage_members(actor, membership.organization):
        raise NotAllowed(_("Only an administrator of this organization can change roles."))
    if role not in MembershipRole.values:
        raise InvalidState(_("Unknown role."))
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.status != MembershipStatus.ACTIVE:
        raise InvalidState(_("Approve the request before changing the role."))
    if role == MembershipRole.MEMBER and membership.role == MembershipRole.ADMIN:
        _ensure_another_admin(membership)
    membership.role = role
    membership.save(update_fields=["role"])
    rules.forget_membership(membership.user)
    _record(membership.organization, actor, "role_changed", f"{membership.user.name}: {role}")
    return membership


@transaction.atomic
def membership_end(*, actor: User, membership: Membership) -> None:
    """Leave an organization, or remove a member from it (an administrator of it)."""
    leaving = membership.user_id == actor.pk
    if not leaving and not rules.can_manage_members(actor, membership.organization):
        raise NotAllowed(_("Only an administrator of this organization can remove members."))
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == MembershipRole.ADMIN and membership.status == MembershipStatus.ACTIVE:
        _ensure_another_admin(membership)
    _record(
        membership.organization,
        actor,
        "member_left" if leaving else "member_removed",
        membership.user.name,
    )
    membership.delete()
    rules.forget_membership(actor)


def _ensure_another_admin(membership: Membership) -> None:
    others = (
        Membership.objects.select_for_update()
        .filter(
            organization_id=membership.organization_id,
            role=MembershipRole.ADMIN,
            status=MembershipStatus.ACTIVE,
        )
        .exclude(pk=membership.pk)
    )
    if not others.exists():
        raise InvalidState(
            _("An organization needs at least one administrator; appoint another first.")
        )


# --- qualifications ------------------------------------------------------------------------


@transaction.atomic
def qualification_submit(
    *,
    actor: User,
    organization: Organization,
    level: str,
    batch: str,
    year: int,
    issuer: str,
    certificate: ProcessedImage,
) -> Qualification:
    """Claim a 专精特新 / 小巨人 qualification with its certificate, for an admin to check."""
    if not rules.can_submit_qualification(actor, organization):
        raise NotAllowed(
            _("Only an administrator of an enterprise can claim a qualification for it.")
        )
    qualification = Qualification(
        organization=organization,
        level=level,
        batch=batch.strip(),
        year=year,
        issuer=issuer.strip(),
        submitted_by=actor,
    )
    qualification.full_clean(exclude=["certificate"])
    store_image(qualification.certificate, qualification.certificate_thumbnail, certificate)
    qualification.save()
    _record(organization, actor, "qualification_submitted", str(qualification))
    return qualification


def _refresh_qualification_level(organization_id: int) -> None:
    best = QualificationLevel.NONE
    for level in Qualification.objects.filter(
        organization_id=organization_id, status=QualificationStatus.VERIFIED
    ).values_list("level", flat=True):
        if QUALIFICATION_RANK[level] > QUALIFICATION_RANK[best]:
            best = level
    Organization.objects.filter(pk=organization_id).update(qualification_level=best)


def _move_qualification(
    actor: User, qualification: Qualification, action: str, *, reason: str = "", fields=()
) -> Qualification:
    """Make a qualification's move; the trail's note is the reason, or the qualification."""
    return apply(
        QUALIFICATION_TRANSITIONS,
        qualification,
        action,
        actor=actor,
        roles=rules.qualification_roles(actor, qualification),
        note=reason if QUALIFICATION_TRANSITIONS[action].needs_note else str(qualification),
        fields=fields,
        record=_record_on_organization,
    )


def _lock_qualification(qualification: Qualification) -> Qualification:
    return Qualification.objects.select_for_update().get(pk=qualification.pk)


@transaction.atomic
def qualification_verify(*, actor: User, qualification: Qualification) -> Qualification:
    qualification = _lock_qualification(qualification)
    qualification.verified_by = actor
    qualification.verified_at = timezone.now()
    _move_qualification(actor, qualification, "verify", fields=["verified_by", "verified_at"])
    _refresh_qualification_level(qualification.organization_id)
    return qualification


@transaction.atomic
def qualification_reject(
    *, actor: User, qualification: Qualification, reason: str
) -> Qualification:
    qualification = _lock_qualification(qualification)
    qualification.rejection_reason = (reason or "").strip()
    return _move_qualification(
        actor, qualification, "reject", reason=reason, fields=["rejection_reason"]
    )


@transaction.atomic
def qualification_revoke(
    *, actor: User, qualification: Qualification, reason: str
) -> Qualification:
    """Withdraw a verified qualification (e.g. the recognition expired or was cancelled)."""
    qualification = _lock_qualification(qualification)
    qualification.rejection_reason = (reason or "").strip()
    _move_qualification(actor, qualification, "revoke", reason=reason, fields=["rejection_reason"])
    _refresh_qualification_level(qualification.organization_id)
    return qualification


# --- experts -------------------------------------------------------------------------------


@transaction.atomic
def expert_appoint(
    *, actor: User, user: User, title: str, affiliation: str, expertise: str, bio: str = ""
) -> Expert:
    """Add a user to the expert pool (administrators only)."""
    if not rules.can_appoint_expert(actor):
        raise NotAllowed(_("Only platform administrators can appoint experts."))
    if Expert.objects.filter(user=user).exists():
        raise InvalidState(_("This user is already in the expert pool."))
    expert = Expert(
        user=user,
        title=title,
        affiliation=affiliation,
        expertise=expertise,
        bio=bio,
        appointed_by=actor,
    )
    expert.full_clean()
    expert.save()
    return expert


@transaction.atomic
def expert_update(*, actor: User, expert: Expert, data: dict[str, Any]) -> Expert:
    """Let an expert (or an administrator) keep the profile current."""
    if actor.pk != expert.user_id and not rules.is_platform_admin(actor):
        raise NotAllowed(_("You can only edit your own expert profile."))
    industries = data.pop("industries", None)
    for field in ("title", "affiliation", "expertise", "bio"):
        if field in data:
            setattr(expert, field, data[field])
    expert.full_clean()
    expert.save()
    if industries is not None:
        expert.industries.set(industries)
    return expert
