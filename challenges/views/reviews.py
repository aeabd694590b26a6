"""Score sheets and milestones."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.http import form_errors_to_messages, redirect_back, run_action

from .. import rules, services
from ..forms import MilestoneForm, MilestoneReportForm, ReviewSheetForm
from ..models import Milestone
from ..transitions import MILESTONE_TRANSITIONS, REVIEW_TRANSITIONS

# What happened, and what happens next, after each move of a score sheet or milestone.
REVIEW_MOVE_MESSAGES = {
    "submit": gettext_lazy(
        "Your scores are submitted and can no longer be changed unless the issuer sends the "
        "sheet back; other experts see them once the panel closes."
    ),
    "recuse": gettext_lazy(
        "You are recused from this application; your scores for it are deleted and the "
        "issuer is told."
    ),
    "reopen": gettext_lazy("The score sheet is sent back to the expert, who is told your reason."),
}
MILESTONE_MOVE_MESSAGES = {
    "agree": gettext_lazy(
        "Milestone agreed; the issuer starts the work once every winner has agreed its milestones."
    ),
    "report": gettext_lazy("Progress reported; the issuer accepts it or returns it for rework."),
    "accept": gettext_lazy("Milestone accepted; the winner is told."),
    "return": gettext_lazy("Returned for rework; the winner is told what is missing."),
    "remove": gettext_lazy("The proposed milestone is removed."),
}


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
            success=REVIEW_MOVE_MESSAGES["submit"]
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
        },
    )


@require_POST
def move_review(request, pk: int, action: str):
    assignment = rules.access_assignment(request.user, pk)
    reason = request.POST.get("reason", "")
    if REVIEW_TRANSITIONS.manual(action) is None:
        raise Http404
    run_action(
        request,
        lambda: services.review_move(
            actor=request.user, assignment=assignment, action=action, note=reason
        ),
        success=REVIEW_MOVE_MESSAGES[action],
    )
    return redirect_back(request, assignment.application.get_absolute_url())


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
    if action != "remove" and MILESTONE_TRANSITIONS.manual(action) is None:
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

    run_action(request, move, success=MILESTONE_MOVE_MESSAGES[action])
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
