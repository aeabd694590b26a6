"""Issuer anonymity (measure 十三): a handler reveals the issuer's name to an applicant."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.http import redirect_back, run_action

from .. import rules, services


@require_POST
def reveal_issuer(request, pk: int):
    """Reveal the issuer's name to the application's applicant: the call's handlers only
    (404 for everyone else, as for a page they may not see)."""
    application = rules.access_application(request.user, pk)
    if not rules.can_reveal_issuer(request.user, application.call):
        raise Http404
    run_action(
        request,
        lambda: services.issuer_reveal(
            actor=request.user, call=application.call, organization=application.applicant
        ),
        success=_("%(name)s now sees your organization's name on this call.")
        % {"name": application.applicant.name},
    )
    return redirect_back(request, application.get_absolute_url())
