"""The one way a page asks for a move of a life-cycle table by name (a URL)."""

from __future__ import annotations

from django.http import Http404

from core.http import redirect_back, run_action


def run_manual_move(request, table, action: str, service, back: str, **subject):
    """Make the move ``action`` of ``table`` through ``service`` and redirect back.

    A move unknown to the table or made only by the scheduler is a 404. ``service`` is the
    subject's ``<entity>_move`` service, called with ``subject`` (the object, by the service's
    own keyword), the actor and the form's reason; its refusals become messages. ``back`` is
    where to go without a local ``next``.
    """
    transition = table.manual(action)
    if transition is None:
        raise Http404
    note = request.POST.get("reason", "")
    run_action(
        request,
        lambda: service(actor=request.user, action=action, note=note, **subject),
        success=transition.success,
    )
    return redirect_back(request, back)
