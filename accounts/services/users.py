"""Users: sign-up with e-mail activation, activation, passwords."""

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
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exceptions import InvalidState

from ..models import User
from ..tokens import activation_token_generator

__all__ = [
    "USERNAME_UNAVAILABLE",
    "user_activate",
    "user_activation_resend",
    "user_password_set",
    "user_sign_up",
]


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
