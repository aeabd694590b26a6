"""Pages of a call: the public list and detail, drafting, the issuer's actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts import rules as account_rules
from accounts.models import OrganizationKind
from catalog.selectors import chain_node_choices
from core.exceptions import DomainError
from core.http import apply_service_errors, form_errors_to_messages, redirect_back
from core.ids import parse_id
from reference.regions import Province

from .. import kinds, rules, selectors, services
from ..forms import (
    AttachmentForm,
    BonusForm,
    CallForm,
    CriterionForm,
    IndicatorForm,
    QuestionForm,
    RoundForm,
    TextForm,
)
from ..models import CallAttachment, CallKind, CallStatus, Objection, Question
from ..transitions import CALL_TRANSITIONS

CALLS_PER_PAGE = 20
NOTE_STATUSES = {
    CallStatus.WITHDRAWN,
    CallStatus.TERMINATED,
    CallStatus.NO_AWARD,
    CallStatus.REJECTED,
}
RESULT_STATUSES = {
    CallStatus.PUBLICITY,
    CallStatus.AWARDED,
    CallStatus.IN_PROGRESS,
    CallStatus.ACCEPTED,
}


def _flag(request, name: str) -> bool:
    return request.GET.get(name) in ("1", "on", "true")


@login_not_required
def call_list(request):
    params = request.GET
    eligible_only = _flag(request, "eligible")
    organization = account_rules.organization_of(request.user) if eligible_only else None
    node = parse_id(params.get("node"))
    filters = selectors.CallFilters(
        query=params.get("q", "").strip()[:100],
        kind=params.get("kind", "") if params.get("kind") in CallKind.values else "",
        status=params.get("status", "") if params.get("status") in CallStatus.values else "",
        node=node,
        province=params.get("province", "") if params.get("province") in Province.values else "",
        open_only=_flag(request, "open"),
        closing_soon=_flag(request, "soon"),
        eligible_for=organization,
    )
    calls = selectors.call_list_public(filters)
    page = Paginator(calls, CALLS_PER_PAGE).get_page(params.get("page"))
    query_without_page = params.copy()
    query_without_page.pop("page", None)
    context = {
        "page": page,
        "filters": filters,
        "eligible_only": eligible_only,
        "query_string": query_without_page.urlencode(),
        "kinds": CallKind.choices,
        "statuses": [
            (s, label)
            for s, label in CallStatus.choices
            if s not in ("draft", "pending_review", "rejected", "withdrawn")
        ],
        "node_groups": chain_node_choices(),
        "provinces": Province.choices,
        "issuable": [k for k in CallKind.values if rules.can_issue(request.user, k)],
    }
    template = "challenges/_call_results.html" if request.htmx else "challenges/call_list.html"
    return render(request, template, context)


@login_not_required
def call_detail(request, pk: int):
    call = rules.access_call(request.user, pk)
    roles = rules.call_roles(request.user, call)
    can_see_details = rules.can_see_details(request.user, call)
    attachments = [a for a in call.attachments.all() if can_see_details or not a.confidential]
    context = {
        "call": call,
        "policy": kinds.policy(call.kind),
        "indicators": list(call.indicators.all()),
        "criteria": selectors.rubric_with_shares(call),
        "rounds": list(call.rounds.all()),
        "bonus_rules": list(call.bonus_rules.all()),
        "chain_nodes": list(call.chain_nodes.select_related("chain")),
        "attachments": attachments,
        "can_see_details": can_see_details,
        "is_handler": "issuer" in roles,
        "roles": roles,
        "actions": rules.call_actions(request.user, call),
        "apply": selectors.can_apply_summary(request.user, call),
        "invitation": selectors.invitation_for(request.user, call),
        "can_follow": rules.can_follow_call(request.user, call),
        "following": rules.is_following(request.user, call),
        "questions": selectors.published_questions(call),
        "timeline": selectors.call_timeline(request.user, call),
        "awards": selectors.awards_of(call)
        if call.status in RESULT_STATUSES | {CallStatus.TERMINATED}
        else [],
        "can_object": request.user.is_authenticated and call.status == CallStatus.PUBLICITY,
        "text_form": TextForm(),
        "now_open": call.is_open,
        "status_note_visible": call.status in NOTE_STATUSES and bool(call.status_note),
        "ranking_public": call.status in RESULT_STATUSES,
        "eligible_kind_labels": [
            OrganizationKind(k).label for k in call.eligible_kinds if k in OrganizationKind.values
        ],
        "province_labels": [
            Province(p).label for p in call.eligible_provinces if p in Province.values
        ],
    }
    return render(request, "challenges/call_detail.html", context)


def call_choose_kind(request):
    choices = [
        (kind, label, kinds.policy(kind), _kind_labels(kinds.policy(kind).applicant_kinds))
        for kind, label in CallKind.choices
        if rules.can_issue(request.user, kind)
    ]
    if not choices:
        messages.error(request, _("Your organization cannot issue calls."))
        return redirect("portal:dashboard")
    return render(request, "challenges/call_choose_kind.html", {"choices": choices})


def _kind_labels(organization_kinds) -> list[str]:
    return [str(label) for value, label in OrganizationKind.choices if value in organization_kinds]


def call_create(request, kind: str):
    if kind not in CallKind.values:
        raise Http404
    if not rules.can_issue(request.user, kind):
        messages.error(request, _("Your organization cannot issue this kind of call."))
        return redirect("challenges:call_choose_kind")
    form = CallForm(request.POST or None, kind=kind)
    if request.method == "POST" and form.is_valid():
        try:
            call = services.call_create(actor=request.user, kind=kind, data=form.service_data())
        except ValidationError as error:
            apply_service_errors(form, error)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Draft saved. Add the indicators and the rubric next."))
            return redirect("challenges:call_manage", pk=call.pk)
    return render(
        request,
        "challenges/call_form.html",
        {"form": form, "kind_label": CallKind(kind).label, "policy": kinds.policy(kind)},
    )


def call_edit(request, pk: int):
    call = rules.access_call(request.user, pk)
    if not rules.can_edit_call(request.user, call):
        raise Http404
    form = CallForm(request.POST or None, instance=call, kind=call.kind)
    if request.method == "POST" and form.is_valid():
        try:
            services.call_update(actor=request.user, call=call, data=form.service_data())
        except ValidationError as error:
            apply_service_errors(form, error)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect("challenges:call_manage", pk=call.pk)
    return render(
        request,
        "challenges/call_form.html",
        {
            "form": form,
            "call": call,
            "kind_label": call.get_kind_display(),
            "policy": kinds.policy(call.kind),
        },
    )


@require_POST
def call_part_add(request, pk: int, part: str):
    """Add an indicator, criterion, round, bonus rule or attachment to a draft call."""
    call = rules.access_call(request.user, pk)
    forms = {"indicator": IndicatorForm, "round": RoundForm, "bonus": BonusForm}
    if part == "criterion":
        form = CriterionForm(request.POST, call=call)
    elif part == "attachment":
        form = AttachmentForm(request.POST, request.FILES)
    elif part in forms:
        form = forms[part](request.POST)
    else:
        raise Http404
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect_back(request, call_manage_url(call))
    data = form.cleaned_data
    try:
        if part == "indicator":
            services.call_indicator_add(actor=request.user, call=call, **data)
        elif part == "criterion":
            services.call_criterion_add(actor=request.user, call=call, **data)
        elif part == "round":
            services.call_round_add(actor=request.user, call=call, **data)
        elif part == "bonus":
            services.call_bonus_set(actor=request.user, call=call, **data)
        else:
            services.call_attachment_add(
                actor=request.user,
                call=call,
                document=data["file"],
                confidential=data["confidential"],
            )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Added."))
    return redirect_back(request, call_manage_url(call))


@require_POST
def call_part_remove(request, pk: int, part: str, part_pk: int):
    call = rules.access_call(request.user, pk)
    if part not in services.PART_MODELS:
        raise Http404
    try:
        services.call_part_remove(actor=request.user, call=call, part=part, pk=part_pk)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Removed."))
    return redirect_back(request, call_manage_url(call))


def call_manage_url(call) -> str:
    from django.urls import reverse

    return reverse("challenges:call_manage", args=[call.pk])


# What happened, and what happens next, after each move of a call.
CALL_MOVE_MESSAGES = {
    "submit": gettext_lazy(
        "Submitted for review; a platform administrator checks the call before it is published."
    ),
    "publish": gettext_lazy(
        "Published; the call takes applications until its deadline, and matching "
        "organizations are told."
    ),
    "reject": gettext_lazy(
        "Sent back with your reason; the issuer can correct the call and submit it again."
    ),
    "withdraw": gettext_lazy("The call is withdrawn; its applicants are told."),
    "close": gettext_lazy(
        "Applications are closed; start the evaluation to check eligibility and assign experts."
    ),
    "evaluate": gettext_lazy(
        "Evaluation has started; mark applications eligible, then assign at least three "
        "experts to each."
    ),
    "publicize": gettext_lazy(
        "Results are announced for publicity; anyone may object until the period ends, then "
        "the award becomes final."
    ),
    "no_award": gettext_lazy("The call is closed without award; its applicants are told."),
    "finalize": gettext_lazy("The award is final; agree milestones with the winners next."),
    "reevaluate": gettext_lazy(
        "Returned to evaluation; the proposed winners are withdrawn and can be chosen again."
    ),
    "start_work": gettext_lazy("Work has started; the winners report progress on each milestone."),
    "accept": gettext_lazy(
        "Final acceptance is recorded; the call is complete (a verification project's result "
        "is recorded on the product)."
    ),
    "terminate": gettext_lazy("The call is terminated; the winners are told."),
}


@require_POST
def call_transition(request, pk: int, action: str):
    call = rules.access_call(request.user, pk)
    if CALL_TRANSITIONS.manual(action) is None:
        raise Http404
    try:
        services.call_move(
            actor=request.user, call=call, action=action, note=request.POST.get("reason", "")
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, CALL_MOVE_MESSAGES[action])
    return redirect_back(request, call.get_absolute_url())


@require_POST
def call_panel_close(request, pk: int):
    call = rules.access_call(request.user, pk)
    try:
        services.call_panel_close(actor=request.user, call=call)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The panel is closed; scores are final."))
    return redirect_back(request, call_manage_url(call))


def call_terms(request, pk: int):
    call = rules.access_call(request.user, pk)
    if not call.has_terms:
        return redirect(call.get_absolute_url())
    if request.method == "POST":
        try:
            services.terms_accept(actor=request.user, call=call)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Terms accepted; the detailed requirements are open."))
            return redirect(call.get_absolute_url())
    return render(
        request,
        "challenges/call_terms.html",
        {"call": call, "accepted": rules.has_accepted_terms(request.user, call)},
    )


@require_POST
def question_ask(request, pk: int):
    call = rules.access_call(request.user, pk)
    form = QuestionForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
    else:
        try:
            services.question_ask(actor=request.user, call=call, text=form.cleaned_data["text"])
        except (DomainError, ValidationError) as error:
            messages.error(request, getattr(error, "message", error))
        else:
            messages.success(
                request,
                _(
                    "Your question was sent; the answer will be published "
                    "to all applicants without your name."
                ),
            )
    return redirect(call.get_absolute_url())


@require_POST
def question_answer(request, pk: int):
    question = get_object_or_404(Question.objects.select_related("call"), pk=pk)
    if not rules.is_handler(request.user, question.call):
        raise Http404
    form = TextForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
    else:
        try:
            services.question_answer(
                actor=request.user, question=question, answer=form.cleaned_data["text"]
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The answer is published."))
    return redirect_back(request, call_manage_url(question.call) + "?tab=questions")


@require_POST
def objection_file(request, pk: int):
    call = rules.access_call(request.user, pk)
    form = TextForm(request.POST)
    if form.is_valid():
        try:
            services.objection_file(actor=request.user, call=call, text=form.cleaned_data["text"])
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Your objection was filed; an administrator will decide on it.")
            )
    else:
        form_errors_to_messages(request, form)
    return redirect(call.get_absolute_url())


@require_POST
def objection_resolve(request, pk: int):
    if not account_rules.is_platform_admin(request.user):
        raise Http404
    objection = get_object_or_404(Objection.objects.select_related("call"), pk=pk)
    try:
        services.objection_resolve(
            actor=request.user,
            objection=objection,
            upheld=request.POST.get("decision") == "uphold",
            resolution=request.POST.get("reason", ""),
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The objection is decided."))
    return redirect_back(request, objection.call.get_absolute_url())


@login_not_required
def call_ranking(request, pk: int):
    """The ranking: handlers and administrators always; everyone from publicity on."""
    call = rules.access_call(request.user, pk)
    if not (rules.call_roles(request.user, call) or call.status in RESULT_STATUSES):
        raise Http404
    rounds = list(call.rounds.all())
    round_id = None
    if call.uses_rounds:
        round_id = parse_id(request.GET.get("round")) or call.current_round_id
        if round_id not in {r.pk for r in rounds}:
            round_id = call.current_round_id
    ranking = selectors.call_ranking(call, round_id=round_id)
    return render(
        request,
        "challenges/call_ranking.html",
        {
            "call": call,
            "ranking": ranking,
            "rounds": rounds,
            "round_id": round_id,
            "show_breakdown": bool(rules.call_roles(request.user, call)),
        },
    )


def call_attachment_download(request, pk: int):
    attachment = get_object_or_404(CallAttachment.objects.select_related("call"), pk=pk)
    call = attachment.call
    if not rules.can_view_call(request.user, call):
        raise Http404
    if attachment.confidential and not rules.can_see_details(request.user, call):
        raise Http404
    return FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name
    )
