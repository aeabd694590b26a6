"""Helpers every app's views share: safe redirects and service errors on forms."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _


def redirect_back(request, default: str):
    """Redirect to the form's ``next`` when it is a local URL, else to ``default``."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default)


def site_url(request) -> str:
    """Return the scheme and host this request came to, for links in e-mails.

    ``get_host`` checks the Host header against ``ALLOWED_HOSTS``, so a forged header
    cannot point a link elsewhere.
    """
    return f"{request.scheme}://{request.get_host()}"


def apply_service_errors(form, error: ValidationError) -> None:
    """Attach a service's ValidationError to the form, field by field where possible."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def form_errors_to_messages(request, form) -> None:
    """Show a small inline form's errors as messages (its page redirects back)."""
    from django.contrib import messages

    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            if label:
                error = _("%(label)s: %(error)s") % {"label": label, "error": error}
            messages.error(request, error)
