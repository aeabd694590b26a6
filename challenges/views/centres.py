"""The participation calls of an innovation centre (measure 十四): the panel its public
page loads, since the ``centres`` app does not import the open-call engine."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from centres import rules as centre_rules

from .. import selectors


@login_not_required
def centre_calls(request, pk: int):
    """The centre's participation calls anyone may see (open, then past) and their counts."""
    centre = centre_rules.access_centre(request.user, pk)
    context = {
        "centre": centre,
        "calls": selectors.centre_calls(centre),
        "counts": selectors.centre_call_counts(centre),
    }
    return render(request, "challenges/_centre_calls.html", context)
