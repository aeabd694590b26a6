"""Workspaces: the issuer's (per call), the applicant's, the expert's."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts import rules as account_rules
from accounts import selectors as account_selectors
from core.http import form_errors_to_messages, run_action

from .. import conditions, rules, selectors, services
from ..forms import (
    AdvanceForm,
    AttachmentForm,
    AwardForm,
    BonusForm,
    ConflictForm,
    CriterionForm,
    HandlerForm,
    IndicatorForm,
    MilestoneForm,
    RoundForm,
    TextForm,
)
from ..models import ApplicationStatus, CallKind, CallStatus
from .calls import call_manage_url

TABS = {
    "overview": gettext_lazy("Set-up"),
    "applications": gettext_lazy("Applications"),
    "recommended": gettext_lazy("Recommended solvers"),
    "scores": gettext_lazy("Scores"),
    "milestones": gettext_lazy("Milestones"),
    "questions": gettext_lazy("Questions"),
    "timeline": gettext_lazy("Timeline"),
}


def call_manage(request, pk: int):
    """The issuer's workspace for one call (handlers and administrators)."""
    call = rules.access_call(request.user, pk)
    roles = rules.call_roles(request.user, call)
    if not roles:
        raise Http404
    tab = request.GET.get("tab", "overview")
    if tab not in TABS:
        tab = "overview"
    moves = rules.call_moves(request.user, call)
    context = {
        "call": call,
        "tab": tab,
        "tab_labels": list(TABS.items()),
        "roles": roles,
        "is_handler": "issuer" in roles,
        "actions": [move for move, problems in moves if not problems],
        "blocked_moves": [(move, problems) for move, problems in moves if problems],
        "editable": rules.can_edit_call(request.user, call),
        "text_form": TextForm(),
        "application_count": selectors.live_application_count(call.pk),
    }
    if tab == "overview":
        context.update(
            handlers=list(selectors.call_handlers(call)),
            can_add_handlers=rules.can_add_handler(request.user, call),
            members=account_selectors.members_of(call.issuer).filter(status="active"),
            indicators=list(call.indicators.all()),
            criteria=selectors.rubric_with_shares(call),
            rounds=list(call.rounds.all()),
            bonus_rules=list(call.bonus_rules.all()),
            attachments=list(call.attachments.all()),
            problems=services.completeness_problems(call)
            if call.status in (CallStatus.DRAFT, CallStatus.REJECTED)
            else [],
            indicator_form=IndicatorForm(),
            criterion_form=CriterionForm(call=call),
            round_form=RoundForm(),
            bonus_form=BonusForm(),
            attachment_form=AttachmentForm(),
        )
    elif tab == "applications":
        applications = selectors.applications_for_handlers(call)
        awards = {a.application_id: a for a in selectors.awards_of(call)}
        for application in applications:
            application.proposed_award = awards.get(application.pk)
        context.update(applications=applications, award_form=AwardForm())
        if call.uses_rounds and call.status == CallStatus.EVALUATING and call.current_round_id:
            if rules.can_advance_round(request.user, call):
                context["advance_form"] = AdvanceForm(
                    queryset=call.applications.filter(
                        current_round=call.current_round,
                        status__in=[ApplicationStatus.ELIGIBLE, ApplicationStatus.SHORTLISTED],
                    ).select_related("applicant")
                )
            else:
                context["advance_problems"] = conditions.advance_problems(call)
    elif tab == "scores":
        context["ranking"] = selectors.call_ranking(call)
        if call.status == CallStatus.EVALUATING and not call.is_panel_closed:
            context["can_close_panel"] = rules.can_close_panel(request.user, call)
            context["panel_problems"] = conditions.panel_close_problems(call)
    elif tab == "milestones":
        context.update(
            milestones=selectors.milestones_of(call),
            winners=list(
                call.applications.filter(status=ApplicationStatus.AWARDED).select_related(
                    "applicant"
                )
            ),
            milestone_form=MilestoneForm(),
        )
    elif tab == "questions":
        context["questions"] = list(call.questions.all())
    elif tab == "recommended":
        pass  # the panel loads after the page (portal.recommendations.call_solvers)
    else:
        context["timeline"] = selectors.call_timeline(request.user, call)
    return render(request, "challenges/call_manage.html", context)


def my_calls(request):
    organization = account_rules.organization_of(request.user)
    if organization is None:
        return redirect("portal:dashboard")
    return render(
        request,
        "challenges/my_calls.html",
        {
            "calls": selectors.calls_of_issuer(organization),
            "can_issue": any(rules.can_issue(request.user, kind) for kind in CallKind.values),
        },
    )


def my_applications(request):
    organization = account_rules.organization_of(request.user)
    if organization is None:
        return redirect("portal:dashboard")
    return render(
        request,
        "challenges/my_applications.html",
        {
            "applications": selectors.applications_of(organization),
            "invitations": selectors.partner_invitations(organization),
            "is_org_admin": account_rules.is_org_admin(request.user, organization),
        },
    )


def expert_workspace(request):
    expert = account_rules.access_own_expert(request.user)
    return render(
        request,
        "challenges/expert_workspace.html",
        {
            "expert": expert,
            "assignments": selectors.assignments_of(expert),
            "conflicts": list(expert.conflicts.select_related("organization")),
            "conflict_form": ConflictForm(),
        },
    )


@require_POST
def add_handler(request, pk: int):
    """Add a handler: the issuer's administrators only, checked before reading the input."""
    call = rules.access_call(request.user, pk)
    if not rules.can_add_handler(request.user, call):
        raise Http404
    form = HandlerForm(request.POST, call=call)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect(call_manage_url(call))
    user = form.cleaned_data["user"]
    run_action(
        request,
        lambda: services.call_handler_add(actor=request.user, call=call, user=user),
        success=_("%(name)s now handles this call and is notified of its applications.")
        % {"name": user.name},
    )
    return redirect(call_manage_url(call))


@require_POST
def declare_conflict(request):
    form = ConflictForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
    else:
        run_action(
            request,
            lambda: services.conflict_declare(actor=request.user, **form.cleaned_data),
            success=_("Your declaration is recorded."),
        )
    return redirect("challenges:expert_workspace")
