"""Score sheets and milestones."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.http import form_errors_to_messages, redirect_back, run_action

from .. import rules, services
from ..forms import MilestoneForm, MilestoneReportForm, ReviewSheetForm
from ..models import Milestone
from ..transitions import MILESTONE_TRANSITIONS, REVIEW_TRANSITIONS
from .moves import run_manual_move


def fill_review_sheet(request, pk: int):
    """An expert's score sheet: the application, the rubric, the expert's own scores only."""
    assignment = rules.access_assignment(request.user, pk)
    if not rules.is_own_assignment(request.user, assignment):
        return redirect(assignment.application.get_absolute_url())
    criteria = services.rubric_for(assignment)
    existing = {s.criterion_id: (s.value, s.comment) for s in assignment.scores.all()}
    form = ReviewSheetForm(
        request.POST or None,
        criteria=criteria,
        existing=existing,
        initial={"comment": assignment.comment},
    )
    if request.method == "POST" and form.is_valid():
        submitting = request.POST.get("submit") == "1"

        def save_and_maybe_submit():
            services.review_save(
                actor=request.user,
                assignment=assignment,
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
            )
            if submitting:
                services.review_submit(actor=request.user, assignment=assignment)

        saved = run_action(
            request,
            save_and_maybe_submit,
            success=REVIEW_TRANSITIONS["submit"].success
            if submitting
            else _("Saved as a draft; submit the scores once every criterion is scored."),
        )
        if saved:
            return redirect("challenges:review_sheet", pk=assignment.pk)
    application = assignment.application
    return render(
        request,
        "challenges/review_sheet.html",
        {
            "assignment": assignment,
            "application": application,
            "call": application.call,
            "form": form,
            "responses": list(application.indicator_responses.select_related("indicator")),
            "partners": list(application.partners.select_related("organization")),
            "attachments": list(application.attachments.all()),
            "actions": REVIEW_TRANSITIONS.available(
                assignment.status, rules.review_roles(request.user, assignment)
            ),
            # The sheet's "submit" button makes this move, after a save.
            "submit_move": REVIEW_TRANSITIONS["submit"],
        },
    )


@require_POST
def move_review(request, pk: int, action: str):
    assignment = rules.access_assignment(request.user, pk)
    return run_manual_move(
        request,
        REVIEW_TRANSITIONS,
        action,
        services.review_move,
        assignment.application.get_absolute_url(),
        assignment=assignment,
    )


@require_POST
def propose_milestone(request, pk: int):
    application = rules.access_application(request.user, pk)
    form = MilestoneForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
    else:
        run_action(
            request,
            lambda: services.milestone_propose(
                actor=request.user, application=application, **form.cleaned_data
            ),
            success=_("The milestone was proposed to the winner."),
        )
    return redirect_back(request, application.get_absolute_url())


def _milestone(request, pk: int) -> Milestone:
    milestone = get_object_or_404(Milestone.objects.select_related("application"), pk=pk)
    rules.access_application(request.user, milestone.application_id)
    return milestone


@require_POST
def move_milestone(request, pk: int, action: str):
    milestone = _milestone(request, pk)
    note = request.POST.get("reason", "")
    # Removing a proposal deletes it: not a move of the table.
    transition = MILESTONE_TRANSITIONS.manual(action)
    if action != "remove" and transition is None:
        raise Http404
    inputs = {}
    if action == "report":
        form = MilestoneReportForm(request.POST, request.FILES)
        if not form.is_valid():
            form_errors_to_messages(request, form)
            return redirect(milestone.application.get_absolute_url())
        inputs = {"report": form.cleaned_data["report"], "document": form.cleaned_data["file"]}

    def move():
        if action == "remove":
            return services.milestone_remove(actor=request.user, milestone=milestone)
        return services.milestone_move(
            actor=request.user, milestone=milestone, action=action, note=note, **inputs
        )

    success = (
        transition.success if transition is not None else _("The proposed milestone is removed.")
    )
    run_action(request, move, success=success)
    return redirect_back(request, milestone.application.get_absolute_url())


def milestone_file(request, pk: int):
    milestone = _milestone(request, pk)
    if not milestone.report_file:
        raise Http404
    return FileResponse(
        milestone.report_file.open("rb"),
        as_attachment=True,
        filename=milestone.report_file_name or "report",
    )
