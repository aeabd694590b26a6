"""Pages of a call: the public list and detail, drafting, the issuer's actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import rules as account_rules
from accounts.models import OrganizationKind
from catalog.selectors import chain_node_choices
from core.http import form_errors_to_messages, redirect_back, run_action
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
from ..models import CallKind, CallStatus, Objection, Question
from ..transitions import CALL_TRANSITIONS
from .moves import run_manual_move

CALLS_PER_PAGE = 20


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
        "awards": selectors.awards_of(call) if rules.are_awards_public(call) else [],
        "can_object": rules.can_object(request.user, call),
        "text_form": TextForm(),
        "now_open": call.is_open,
        "status_note_visible": rules.is_status_note_public(call),
        "ranking_public": rules.is_ranking_public(call),
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


def create_call(request, kind: str):
    if kind not in CallKind.values:
        raise Http404
    if not rules.can_issue(request.user, kind):
        messages.error(request, _("Your organization cannot issue this kind of call."))
        return redirect("challenges:call_choose_kind")
    form = CallForm(request.POST or None, kind=kind)
    if request.method == "POST" and form.is_valid():
        created = run_action(
            request,
            lambda: services.call_create(actor=request.user, kind=kind, data=form.service_data()),
            success=_("Draft saved. Add the indicators and the rubric next."),
            form=form,
        )
        if created:
            return redirect("challenges:call_manage", pk=created.value.pk)
    return render(
        request,
        "challenges/call_form.html",
        {"form": form, "kind_label": CallKind(kind).label, "policy": kinds.policy(kind)},
    )


def edit_call(request, pk: int):
    call = rules.access_call(request.user, pk)
    if not rules.can_edit_call(request.user, call):
        raise Http404
    form = CallForm(request.POST or None, instance=call, kind=call.kind)
    if request.method == "POST" and form.is_valid():
        saved = run_action(
            request,
            lambda: services.call_update(actor=request.user, call=call, data=form.service_data()),
            success=_("Your changes are saved."),
            form=form,
        )
        if saved:
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
def add_call_part(request, pk: int, part: str):
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
    add = {
        "indicator": lambda: services.call_indicator_add(actor=request.user, call=call, **data),
        "criterion": lambda: services.call_criterion_add(actor=request.user, call=call, **data),
        "round": lambda: services.call_round_add(actor=request.user, call=call, **data),
        "bonus": lambda: services.call_bonus_set(actor=request.user, call=call, **data),
        "attachment": lambda: services.call_attachment_add(
            actor=request.user,
            call=call,
            document=data["file"],
            confidential=data["confidential"],
        ),
    }[part]
    run_action(request, add, success=_("Added."))
    return redirect_back(request, call_manage_url(call))


@require_POST
def remove_call_part(request, pk: int, part: str, part_pk: int):
    call = rules.access_call(request.user, pk)
    if part not in services.PART_MODELS:
        raise Http404
    run_action(
        request,
        lambda: services.call_part_remove(actor=request.user, call=call, part=part, pk=part_pk),
        success=_("Removed."),
    )
    return redirect_back(request, call_manage_url(call))


def call_manage_url(call) -> str:
    from django.urls import reverse

    return reverse("challenges:call_manage", args=[call.pk])


@require_POST
def move_call(request, pk: int, action: str):
    call = rules.access_call(request.user, pk)
    return run_manual_move(
        request, CALL_TRANSITIONS, action, services.call_move, call.get_absolute_url(), call=call
    )


@require_POST
def close_panel(request, pk: int):
    call = rules.access_call(request.user, pk)
    run_action(
        request,
        lambda: services.call_panel_close(actor=request.user, call=call),
        success=_("The panel is closed; scores are final."),
    )
    return redirect_back(request, call_manage_url(call))


def accept_call_terms(request, pk: int):
    call = rules.access_call(request.user, pk)
    if not call.has_terms:
        return redirect(call.get_absolute_url())
    if request.method == "POST":
        accepted = run_action(
            request,
            lambda: services.terms_accept(actor=request.user, call=call),
            success=_("Terms accepted; the detailed requirements are open."),
        )
        if accepted:
            return redirect(call.get_absolute_url())
    return render(
        request,
        "challenges/call_terms.html",
        {"call": call, "accepted": rules.has_accepted_terms(request.user, call)},
    )


@require_POST
def ask_question(request, pk: int):
    call = rules.access_call(request.user, pk)
    form = QuestionForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
    else:
        run_action(
            request,
            lambda: services.question_ask(
                actor=request.user, call=call, text=form.cleaned_data["text"]
            ),
            success=_(
                "Your question was sent; the answer will be published "
                "to all applicants without your name."
            ),
        )
    return redirect(call.get_absolute_url())


@require_POST
def answer_question(request, pk: int):
    question = get_object_or_404(Question.objects.select_related("call"), pk=pk)
    if not rules.is_handler(request.user, question.call):
        raise Http404
    form = TextForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
    else:
        run_action(
            request,
            lambda: services.question_answer(
                actor=request.user, question=question, answer=form.cleaned_data["text"]
            ),
            success=_("The answer is published."),
        )
    return redirect_back(request, call_manage_url(question.call) + "?tab=questions")


@require_POST
def file_objection(request, pk: int):
    call = rules.access_call(request.user, pk)
    form = TextForm(request.POST)
    if form.is_valid():
        run_action(
            request,
            lambda: services.objection_file(
                actor=request.user, call=call, text=form.cleaned_data["text"]
            ),
            success=_("Your objection was filed; an administrator will decide on it."),
        )
    else:
        form_errors_to_messages(request, form)
    return redirect(call.get_absolute_url())


@require_POST
def resolve_objection(request, pk: int):
    if not account_rules.is_platform_admin(request.user):
        raise Http404
    objection = get_object_or_404(Objection.objects.select_related("call"), pk=pk)
    run_action(
        request,
        lambda: services.objection_resolve(
            actor=request.user,
            objection=objection,
            upheld=request.POST.get("decision") == "uphold",
            resolution=request.POST.get("reason", ""),
        ),
        success=_("The objection is decided."),
    )
    return redirect_back(request, objection.call.get_absolute_url())


@login_not_required
def call_ranking(request, pk: int):
    """The ranking: handlers and administrators always; everyone from publicity on."""
    call = rules.access_call(request.user, pk)
    if not rules.can_see_ranking(request.user, call):
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
            "show_breakdown": rules.can_manage_call(request.user, call),
        },
    )


def call_attachment_download(request, pk: int):
    attachment = rules.access_call_attachment(request.user, pk)
    return FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name
    )
