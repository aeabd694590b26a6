"""Helpers every app's views share: safe redirects, and the one way a view calls a service
and turns its refusal into a message or form errors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .exceptions import DomainError

T = TypeVar("T")


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
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            if label:
                error = _("%(label)s: %(error)s") % {"label": label, "error": error}
            messages.error(request, error)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What became of one service call: true when it went through.

    ``value`` is what the service returned (``None`` when refused); ``refusal`` is the
    ``DomainError`` or ``ValidationError`` that refused it (``None`` when it went through).
    """

    value: T | None = None
    refusal: DomainError | ValidationError | None = None

    def __bool__(self) -> bool:
        return self.refusal is None


def attempt(action: Callable[[], T], *, form=None) -> Outcome[T]:
    """Call ``action`` and catch the service's refusal, changing nothing else.

    A ``ValidationError`` goes onto ``form`` field by field when a form is given. Every
    other exception (``Http404`` included) propagates: only refusals are answers.
    """
    try:
        value = action()
    except ValidationError as error:
        if form is not None:
            apply_service_errors(form, error)
        return Outcome(refusal=error)
    except DomainError as error:
        return Outcome(refusal=error)
    return Outcome(value=value)


def run_action(
    request,
    action: Callable[[], T],
    *,
    success: str | Callable[[T], str] | None = None,
    form=None,
) -> Outcome[T]:
    """Call one service for a view and tell the user how it went; return the outcome.

    The one mapping from refusals to what the user sees: a ``DomainError`` becomes an
    error message; a ``ValidationError`` becomes the form's errors when ``form`` is given
    (its page re-renders), else one error message per message (its page redirects).
    ``success`` (a text, or a function of the service's result) is shown only when the
    service went through. Every other exception propagates.
    """
    outcome = attempt(action, form=form)
    refusal = outcome.refusal
    if refusal is None:
        if success is not None:
            messages.success(request, success(outcome.value) if callable(success) else success)
    elif isinstance(refusal, DomainError):
        messages.error(request, refusal.message)
    elif form is None:
        for message in refusal.messages:
            messages.error(request, message)
    return outcome
