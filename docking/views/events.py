"""Docking events: the public list and page (theme, time, place, who comes with what); for
registered members their pre-matched counterparts, free slots, meeting requests and answers;
for the organizer the registrations and every meeting; the forms to run an event, register
and record outcomes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.rules import is_platform_admin, organization_of
from core.http import form_errors_to_messages, run_action

from .. import rules, selectors, services
from ..forms_events import (
    DockingEventForm,
    MeetingOutcomeForm,
    MeetingRequestForm,
    RegistrationForm,
    slot_value,
)
from ..models import DockingEventStatus
from ..transitions import DOCKING_EVENT_TRANSITIONS, MEETING_TRANSITIONS

PAGE_SIZE = 20


@login_not_required
@require_GET
def event_list(request):
    """Every event but drafts (and the drafts of those who run them), the latest first."""
    user = request.user
    if is_platform_admin(user):
        drafts_of = True
    else:
        organization = organization_of(user) if user.is_authenticated else None
        drafts_of = organization if rules.can_create_event(user) else None
    events = selectors.event_list(include_drafts_of=drafts_of)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "events": page.object_list, "can_create": rules.can_create_event(user)}
    return render(request, "docking/event_list.html", context)


def event_create(request):
    if not rules.can_create_event(request.user):
        raise Http404
    form = DockingEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data, nodes = form.service_data()
        outcome = run_action(
            request,
            lambda: services.event_create(actor=request.user, data=data, chain_nodes=nodes),
            success=_("The event is saved as a draft; open registration when it is ready."),
            form=form,
        )
        if outcome:
            return redirect("docking:event_detail", pk=outcome.value.pk)
    return render(request, "docking/event_form.html", {"form": form})


def event_edit(request, pk: int):
    event = rules.access_managed_event(request.user, pk)
    form = DockingEventForm(request.POST or None, initial=DockingEventForm.initial_of(event))
    if request.method == "POST" and form.is_valid():
        data, nodes = form.service_data()
        outcome = run_action(
            request,
            lambda: services.event_update(
                actor=request.user, event=event, data=data, chain_nodes=nodes
            ),
            success=_("Saved."),
            form=form,
        )
        if outcome:
            return redirect("docking:event_detail", pk=event.pk)
    return render(request, "docking/event_form.html", {"form": form, "event": event})


@require_POST
def event_move(request, pk: int, action: str):
    event = rules.access_managed_event(request.user, pk)
    transition = DOCKING_EVENT_TRANSITIONS.manual(action)
    if transition is None:
        raise Http404
    run_action(
        request,
        lambda: services.EVENT_MOVES(action, actor=request.user, event=event),
        success=transition.done,
    )
    return redirect("docking:event_detail", pk=event.pk)


@require_POST
def event_prematch(request, pk: int):
    event = rules.access_managed_event(request.user, pk)
    run_action(
        request,
        lambda: services.event_prematch(actor=request.user, event=event),
        success=lambda count: _("%(count)d pairs pre-matched.") % {"count": count},
    )
    return redirect("docking:event_detail", pk=event.pk)


@login_not_required
@require_GET
def event_detail(request, pk: int):
    user = request.user
    event = rules.access_event(user, pk)
    registrations = list(selectors.event_registrations(event))
    is_manager = rules.can_manage_event(user, event)
    mine = rules.registration_of(user, event)
    context = {
        "event": event,
        "chain_nodes": event.chain_nodes.all(),
        "registrations": registrations,
        "is_manager": is_manager,
        "mine": mine,
        "registration_problems": rules.registration_problems(user, event),
        "meetings_open": event.status in rules.MEETING_EVENT_STATUSES,
        "is_over": event.status == DockingEventStatus.FINISHED or timezone.now() >= event.ends_at,
    }
    if is_manager:
        context["offer"] = DOCKING_EVENT_TRANSITIONS.offered(
            event.status, rules.event_roles(user, event)
        )
        context["all_meetings"] = selectors.event_meetings(event)
    if mine is not None:
        pairs = selectors.pairs_of_registration(mine)
        paired = {pair.counterpart.pk for pair in pairs}
        others = [r for r in registrations if r.pk != mine.pk and r.pk not in paired]
        if context["meetings_open"]:
            for pair in pairs:
                pair.free = [
                    (slot_value(slot), slot)
                    for slot in selectors.free_slots(
                        event, mine.organization_id, pair.counterpart.organization_id
                    )
                ]
        meetings = list(selectors.meetings_of_registration(mine))
        for meeting in meetings:
            meeting.is_mine_to_answer = meeting.invitee_id == mine.pk
            meeting.my_outcome = (
                meeting.requester_outcome
                if meeting.requester_id == mine.pk
                else meeting.invitee_outcome
            )
        context.update(
            pairs=pairs,
            others=others,
            my_free=[
                (slot_value(slot), slot)
                for slot in selectors.free_slots(event, mine.organization_id)
            ],
            my_meetings=meetings,
            outcome_form=MeetingOutcomeForm(),
        )
    return render(request, "docking/event_detail.html", context)


def event_register(request, pk: int):
    """Register the user's organization (or change what it brings)."""
    event = rules.access_event(request.user, pk)
    problems = rules.registration_problems(request.user, event)
    if problems:
        for problem in problems:
            messages.error(request, problem)
        return redirect("docking:event_detail", pk=event.pk)
    organization = organization_of(request.user)
    mine = rules.registration_of(request.user, event)
    initial = {}
    if mine is not None:
        initial = {
            "results": list(mine.results.all()),
            "products": list(mine.products.all()),
            "demands": list(mine.demands.all()),
            "note": mine.note,
        }
    form = RegistrationForm(
        request.POST or None,
        initial=initial,
        results=selectors.offerable_results(organization),
        products=selectors.offerable_products(organization),
        demands=selectors.offerable_demands(organization),
    )
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            lambda: services.registration_save(
                actor=request.user, event=event, **form.service_data()
            ),
            success=_("Your organization is registered."),
            form=form,
        )
        if outcome:
            return redirect("docking:event_detail", pk=event.pk)
    return render(
        request, "docking/event_register.html", {"event": event, "form": form, "mine": mine}
    )


@require_POST
def meeting_request(request, pk: int):
    event = rules.access_event(request.user, pk)
    mine = rules.registration_of(request.user, event)
    if mine is None:
        raise Http404
    invitees = [r for r in selectors.event_registrations(event) if r.pk != mine.pk]
    form = MeetingRequestForm(request.POST, invitees=invitees, slots=selectors.event_slots(event))
    if form.is_valid():
        invitee = next(r for r in invitees if r.pk == form.cleaned_data["invitee"])
        run_action(
            request,
            lambda: services.meeting_request(
                actor=request.user,
                event=event,
                invitee=invitee,
                starts_at=form.cleaned_data["starts_at"],
                note=form.cleaned_data["note"],
            ),
            success=_("Meeting requested; the slot is held until %(name)s answers.")
            % {"name": invitee.organization.name},
        )
    else:
        form_errors_to_messages(request, form)
    return redirect("docking:event_detail", pk=event.pk)


@require_POST
def meeting_move(request, pk: int, action: str):
    meeting = rules.access_meeting(request.user, pk)
    transition = MEETING_TRANSITIONS.manual(action)
    if transition is None:
        raise Http404
    run_action(
        request,
        lambda: services.MEETING_MOVES(
            action, actor=request.user, meeting=meeting, note=request.POST.get("note", "")
        ),
        success=transition.done,
    )
    return redirect("docking:event_detail", pk=meeting.event_id)


@require_POST
def meeting_outcome(request, pk: int):
    meeting = rules.access_meeting(request.user, pk)
    form = MeetingOutcomeForm(request.POST)
    if form.is_valid():
        run_action(
            request,
            lambda: services.meeting_outcome_record(
                actor=request.user, meeting=meeting, **form.cleaned_data
            ),
            success=_("Outcome recorded."),
        )
    else:
        form_errors_to_messages(request, form)
    return redirect("docking:event_detail", pk=meeting.event_id)
