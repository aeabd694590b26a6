"""Bookings: a project's handlers ask for a platform, its owner's members answer, either side
cancels; each side's list; and the panel on a verification project's page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.http import redirect_back, run_action
from core.ids import parse_id

from .. import rules, selectors, services
from ..forms import BookingForm
from ..models import VerificationPlatform
from ..transitions import BOOKING_TRANSITIONS
from .first_use import call_evidence_context


def booking_list(request):
    """The bookings of the projects the user handles and of its organization's platforms."""
    context = {
        "requested": list(selectors.bookings_requested(request.user)[:200]),
        "received": list(selectors.bookings_received(request.user)[:200]),
        "can_book": selectors.bookable_calls(request.user).exists(),
    }
    return render(request, "verification/booking_list.html", context)


def booking_create(request):
    """Book a platform for a project the user handles (``?platform=`` and ``?call=`` pick
    them beforehand)."""
    calls = selectors.bookable_calls(request.user)
    if not calls.exists():
        raise Http404
    platforms = selectors.platform_choices().order_by("province", "name")
    initial = {
        "platform": parse_id(request.GET.get("platform")),
        "call": parse_id(request.GET.get("call")),
    }
    form = BookingForm(request.POST or None, calls=calls, platforms=platforms, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcome = run_action(
            request,
            lambda: services.booking_request(
                actor=request.user,
                platform=data["platform"],
                call=data["call"],
                start_date=data["start_date"],
                end_date=data["end_date"],
                purpose=data["purpose"],
            ),
            success=_("The booking was requested; the platform's owner is told and answers."),
            form=form,
        )
        if outcome:
            return redirect("verification:booking_detail", pk=outcome.value.pk)
    platform = VerificationPlatform.objects.filter(pk=initial["platform"], is_active=True).first()
    return render(request, "verification/booking_form.html", {"form": form, "platform": platform})


def booking_detail(request, pk: int):
    """One booking with its purpose, the answer, the history and the moves the user may make."""
    booking = rules.access_booking(request.user, pk)
    roles = rules.booking_roles(request.user, booking)
    offer = BOOKING_TRANSITIONS.offered(
        booking.status,
        roles,
        problems=lambda action: selectors.confirm_problems(booking) if action == "confirm" else [],
    )
    context = {
        "booking": booking,
        "offer": offer,
        "events": list(booking.events.select_related("actor")),
        "is_owner_side": "owner" in roles,
    }
    return render(request, "verification/booking_detail.html", context)


@require_POST
def booking_move(request, pk: int, action: str):
    booking = rules.access_booking(request.user, pk)
    transition = BOOKING_TRANSITIONS.manual(action)
    if transition is None:
        raise Http404
    run_action(
        request,
        lambda: services.booking_move(
            actor=request.user,
            booking=booking,
            action=action,
            note=request.POST.get("reason", ""),
        ),
        success=transition.done,
    )
    return redirect_back(request, reverse("verification:booking_detail", args=[pk]))


@login_not_required
@require_GET
def call_panel(request, pk: int):
    """The part of a verification project's page about verification: the platforms it
    booked (the confirmed ones for everyone, every booking for its handlers) and the
    first-use evidence of its winners (see ``first_use``)."""
    call = rules.access_verification_call(request.user, pk)
    everything = rules.can_see_all_bookings_of(request.user, call)
    context = {
        "call": call,
        "bookings": list(selectors.bookings_of_call(call, everything=everything)),
        "everything": everything,
        "can_book": rules.can_book_for(request.user, call),
        **call_evidence_context(request, call),
    }
    return render(request, "verification/_call_panel.html", context)
