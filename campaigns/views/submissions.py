"""Submissions: the form to submit into an open campaign, the submission's page (timeline
of screening, the submitter's moves, the call once published), screening moves posted from
the campaign page, and an organization's own submissions."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.rules import organization_of
from core.http import form_errors_to_messages, redirect_back, run_action

from .. import rules, selectors, services
from ..forms import MergeForm, ReasonForm, SubmissionForm
from ..models import CampaignKind
from ..transitions import SUBMISSION_TRANSITIONS


def _form(request, campaign, organization, initial=None) -> SubmissionForm:
    return SubmissionForm(
        request.POST or None,
        campaign=campaign,
        results=rules.submittable_results(organization),
        initial=initial,
    )


def submission_create(request, pk: int):
    """Submit into an open campaign (for results: one of your published results)."""
    campaign = rules.access_campaign(request.user, pk)
    problems = rules.submit_problems(request.user, campaign)
    if problems:
        for problem in problems:
            messages.error(request, problem)
        return redirect("campaigns:campaign_detail", pk=campaign.pk)
    form = _form(request, campaign, organization_of(request.user))
    if request.method == "POST" and form.is_valid():
        data, result = form.service_data()
        outcome = run_action(
            request,
            lambda: services.submission_create(
                actor=request.user, campaign=campaign, data=data, result=result
            ),
            success=_("Submitted; the department screens it after the deadline."),
            form=form,
        )
        if outcome:
            return redirect("campaigns:submission_detail", pk=outcome.value.pk)
    context = {"form": form, "campaign": campaign}
    return render(request, "campaigns/submission_form.html", context)


def submission_edit(request, pk: int):
    submission = rules.access_submission(request.user, pk)
    if not rules.is_submitter(request.user, submission):
        raise Http404
    campaign = submission.campaign
    form = _form(
        request, campaign, submission.organization, initial=SubmissionForm.initial_of(submission)
    )
    if request.method == "POST" and form.is_valid():
        data, result = form.service_data()
        outcome = run_action(
            request,
            lambda: services.submission_update(
                actor=request.user, submission=submission, data=data, result=result
            ),
            success=_("Saved."),
            form=form,
        )
        if outcome:
            return redirect("campaigns:submission_detail", pk=submission.pk)
    context = {"form": form, "campaign": campaign, "submission": submission}
    return render(request, "campaigns/submission_form.html", context)


@require_GET
def submission_detail(request, pk: int):
    user = request.user
    submission = rules.access_submission(user, pk)
    roles = rules.submission_roles(user, submission)
    moves = [
        move
        for move in SUBMISSION_TRANSITIONS.available(submission.status, roles - {"organizer"})
        if move.is_manual
    ]
    context = {
        "submission": submission,
        "campaign": submission.campaign,
        "is_submitter": rules.is_submitter(user, submission),
        "runs": rules.can_run_campaign(user, submission.campaign),
        "moves": moves,
        "merged": submission.merged.select_related("organization"),
        "timeline": submission.events.select_related("actor").order_by("created_at", "pk"),
        "is_results": submission.campaign.kind == CampaignKind.RESULTS,
    }
    return render(request, "campaigns/submission_detail.html", context)


@require_POST
def submission_move(request, pk: int, action: str):
    """A screening move (accept, return, merge) or the submitter's (resubmit, withdraw)."""
    submission = rules.access_submission(request.user, pk)
    transition = SUBMISSION_TRANSITIONS.manual(action)
    if transition is None:
        raise Http404
    default = submission.get_absolute_url()
    extra = {}
    if action == "merge":
        form = MergeForm(
            request.POST,
            targets=[
                t for t in selectors.merge_targets(submission.campaign) if t.pk != submission.pk
            ],
        )
    else:
        form = ReasonForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect_back(request, default)
    if action == "merge":
        extra["target"] = form.cleaned_data["target"]
    run_action(
        request,
        lambda: services.submission_move(
            actor=request.user,
            submission=submission,
            action=action,
            note=form.cleaned_data["reason"],
            **extra,
        ),
        success=transition.success or transition.done,
    )
    return redirect_back(request, default)


@require_GET
def submissions_of(request, pk: int):
    """What an organization submitted into campaigns, for its members."""
    organization = rules.access_organization_submissions(request.user, pk)
    context = {
        "organization": organization,
        "submissions": selectors.submissions_of_organization(organization),
    }
    return render(request, "campaigns/submissions_of.html", context)
