"""Pages of an application: drafting, consortium, submission and the issuer's decisions."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Expert
from core.forms import ReasonForm
from core.http import form_errors_to_messages, redirect_back, run_action
from core.ids import parse_id

from .. import kinds, rules, selectors, services
from ..forms import (
    ApplicationForm,
    AttachmentForm,
    AwardForm,
    MilestoneForm,
    MilestoneReportForm,
    PartnerInviteForm,
    TextForm,
    TrancheForm,
)
from ..models import ApplicationAttachment, Award, ConsortiumPartner
from ..transitions import APPLICATION_TRANSITIONS, MILESTONE_TRANSITIONS, REVIEW_TRANSITIONS
from .moves import run_manual_move


@require_POST
def start_application(request, pk: int):
    call = rules.access_call(request.user, pk)
    started = run_action(
        request,
        lambda: services.application_create(actor=request.user, call=call, data={}),
        success=_("A draft application is ready; fill it in and submit it before the deadline."),
    )
    if not started:
        return redirect(call.get_absolute_url())
    return redirect("challenges:application_edit", pk=started.value.pk)


def application_detail(request, pk: int):
    application = rules.access_application(request.user, pk)
    call = application.call
    roles = rules.application_roles(request.user, application)
    milestone_roles = rules.milestone_roles(request.user, application)
    handler = rules.can_manage_call(request.user, call)
    context = {
        "application": application,
        "call": call,
        "roles": roles,
        "actions": rules.application_actions(request.user, application),
        "can_edit": rules.can_edit_application(request.user, application),
        "uses_user_firm": kinds.policy(call.kind).names_user_firm,
        "is_applicant": rules.is_applicant_member(request.user, application),
        "handler": handler,
        "partners": list(application.partners.select_related("organization")),
        "responses": list(application.indicator_responses.select_related("indicator")),
        "attachments": list(application.attachments.all()),
        "round_entries": list(application.round_entries.select_related("round")),
        "events": _history(request.user, application),
        "can_assign": rules.can_assign_experts(request.user, application),
        "sheets": selectors.visible_sheets(request.user, application),
        "review_actions": REVIEW_TRANSITIONS,
        "breakdown": selectors.application_breakdown(application)
        if rules.can_see_all_scores(request.user, call)
        else None,
        "award": Award.objects.filter(application=application).exclude(status="revoked").first(),
        "experts": selectors.experts_for_assignment(application) if handler else [],
        "milestones": list(
            application.milestones.select_related("tranche__released_by").prefetch_related(
                "tranche__events__actor"
            )
        ),
        "milestone_roles": milestone_roles,
        "milestone_transitions": MILESTONE_TRANSITIONS,
        "reason_form": ReasonForm(),
        "text_form": TextForm(),
        "award_form": AwardForm(),
        "milestone_form": MilestoneForm(),
        "report_form": MilestoneReportForm(),
        "partner_form": PartnerInviteForm(),
        "attachment_form": AttachmentForm(),
    }
    # Money against milestones: the award's tranches and what remains.
    context["funds"] = selectors.award_funds(context["award"])
    context["tranche_form"] = TrancheForm()
    return render(request, "challenges/application_detail.html", context)


# The steps of the review, shown only to whom ``rules.can_see_review_steps`` allows.
REVIEW_EVENTS = ("expert_assigned", "expert_recused", "review_submitted", "review_reopened")


def _history(user, application) -> list:
    if not rules.can_see_application_history(user, application):
        return []
    events = application.events.select_related("actor")
    if not rules.can_see_review_steps(user, application):
        events = events.exclude(action__in=REVIEW_EVENTS)
    return list(events)


def edit_application(request, pk: int):
    application = rules.access_application(request.user, pk)
    if not rules.can_edit_application(request.user, application):
        messages.error(request, _("This application can no longer be edited."))
        return redirect(application.get_absolute_url())
    call = application.call
    form = ApplicationForm(
        request.POST or None, instance=application, call=call, organization=application.applicant
    )
    if request.method == "POST" and form.is_valid():
        saved = run_action(
            request,
            lambda: services.application_update(
                actor=request.user,
                application=application,
                data=form.service_data(),
                responses=form.responses(),
                product=form.cleaned_data.get("product"),
            ),
            success=_("Your application is saved."),
            form=form,
        )
        if saved:
            return redirect(application.get_absolute_url())
    return render(
        request,
        "challenges/application_form.html",
        {"form": form, "application": application, "call": call},
    )


@require_POST
def move_application(request, pk: int, action: str):
    application = rules.access_application(request.user, pk)
    return run_manual_move(
        request,
        APPLICATION_TRANSITIONS,
        action,
        services.application_move,
        application.get_absolute_url(),
        application=application,
    )


@require_POST
def invite_partner(request, pk: int):
    application = rules.access_application(request.user, pk)
    form = PartnerInviteForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
    else:
        run_action(
            request,
            lambda: services.partner_invite(
                actor=request.user, application=application, **form.cleaned_data
            ),
            success=_("The invitation was sent; the partner must confirm."),
        )
    return redirect(application.get_absolute_url())


@require_POST
def answer_partner_invitation(request, pk: int, answer: str):
    partner = rules.access_partner_invitation(request.user, pk)
    if answer not in ("confirm", "decline"):
        raise Http404
    run_action(
        request,
        lambda: services.partner_respond(
            actor=request.user, partner=partner, accept=answer == "confirm"
        ),
        success=_("Your answer was sent."),
    )
    return redirect_back(request, partner.application.get_absolute_url())


@require_POST
def remove_partner(request, pk: int):
    partner = get_object_or_404(
        ConsortiumPartner.objects.select_related("application", "organization"), pk=pk
    )
    application = rules.access_application(request.user, partner.application_id)
    run_action(request, lambda: services.partner_remove(actor=request.user, partner=partner))
    return redirect(application.get_absolute_url())


@require_POST
def add_application_attachment(request, pk: int):
    application = rules.access_application(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        form_errors_to_messages(request, form)
    else:
        run_action(
            request,
            lambda: services.application_attachment_add(
                actor=request.user, application=application, document=form.cleaned_data["file"]
            ),
            success=_("The file was attached."),
        )
    return redirect(application.get_absolute_url())


def _attachment(request, pk: int) -> ApplicationAttachment:
    attachment = get_object_or_404(ApplicationAttachment, pk=pk)
    rules.access_application(request.user, attachment.application_id)
    return attachment


def application_attachment_download(request, pk: int):
    attachment = _attachment(request, pk)
    return FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name
    )


@require_POST
def remove_application_attachment(request, pk: int):
    attachment = _attachment(request, pk)
    run_action(
        request,
        lambda: services.application_attachment_remove(actor=request.user, attachment=attachment),
    )
    return redirect("challenges:application_detail", pk=attachment.application_id)


@require_POST
def assign_expert(request, pk: int):
    application = rules.access_application(request.user, pk)
    if not rules.can_manage_call(request.user, application.call):
        raise Http404
    expert_id = parse_id(request.POST.get("expert"))
    expert = Expert.objects.select_related("user").filter(pk=expert_id).first()
    if expert is None:
        messages.error(request, _("Choose an expert from the list."))
        return redirect_back(request, application.get_absolute_url())
    run_action(
        request,
        lambda: services.expert_assign(actor=request.user, application=application, expert=expert),
        success=_("%(name)s is asked to score this application.") % {"name": expert.user.name},
    )
    return redirect_back(request, application.get_absolute_url())


@require_POST
def propose_award(request, pk: int):
    application = rules.access_application(request.user, pk)
    form = AwardForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect_back(request, application.get_absolute_url())
    run_action(
        request,
        lambda: services.award_propose(
            actor=request.user, application=application, amount=form.cleaned_data["amount"]
        ),
        success=_("Proposed as a winner."),
    )
    return redirect_back(request, application.get_absolute_url())


@require_POST
def withdraw_award(request, pk: int):
    award = get_object_or_404(Award.objects.select_related("application", "call"), pk=pk)
    rules.access_application(request.user, award.application_id)
    run_action(
        request,
        lambda: services.award_withdraw(actor=request.user, award=award),
        success=_("The proposal was withdrawn."),
    )
    return redirect_back(request, award.application.get_absolute_url())


@require_POST
def advance_round(request, pk: int):
    from ..forms import AdvanceForm

    call = rules.access_call(request.user, pk)
    form = AdvanceForm(request.POST, queryset=call.applications.all())
    if not form.is_valid():
        messages.error(request, _("Choose at least one application to advance."))
    else:
        run_action(
            request,
            lambda: services.round_advance(
                actor=request.user, call=call, applications=list(form.cleaned_data["applications"])
            ),
            success=_("The chosen applications advance to the next round."),
        )
    return redirect_back(request, call.get_absolute_url())


@require_POST
def submit_round_statement(request, pk: int):
    application = rules.access_application(request.user, pk)
    form = TextForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
    else:
        run_action(
            request,
            lambda: services.round_statement_submit(
                actor=request.user, application=application, statement=form.cleaned_data["text"]
            ),
            success=_("Your update for this round is saved."),
        )
    return redirect(application.get_absolute_url())
