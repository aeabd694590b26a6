"""Signed, expiring tokens sent by e-mail."""

from __future__ import annotations

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class ActivationTokenGenerator(PasswordResetTokenGenerator):
    """Tokens for the link that activates a new account.

    A salt of its own keeps activation and password-reset tokens apart. The hash covers the
    password, the last login and ``is_active``, so a link stops working once the account is
    activated, or once a new sign-up replaced the password; it expires after
    ``PASSWORD_RESET_TIMEOUT`` like a reset link.
    """

    key_salt = "accounts.tokens.ActivationTokenGenerator"

    def _make_hash_value(self, user, timestamp: int) -> str:
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"


activation_token_generator = ActivationTokenGenerator()
