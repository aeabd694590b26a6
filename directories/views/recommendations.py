"""Targeted recommendation (定向推荐): recommending from a published version, the
administrators' list and outcomes export, what a recipient received, to whom a firm was
recommended, and one recommendation with its feedback, invitation and outcomes."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from accounts.rules import is_platform_admin
from challenges import rules as call_rules
from core.http import attempt, form_errors_to_messages, redirect_back, run_action
from core.ids import parse_id
from core.spreadsheets import Sheet, xlsx_response

from .. import rules, selectors, services
from ..forms_recommendations import InviteForm, OutcomeForm, RecommendForm
from ..models import Channel, DirectoryVersion, Recipient, RecommendationStatus
from ..transitions import RECOMMENDATION_TRANSITIONS

PAGE_SIZE = 50
# The recipient's answers, whose notes only the recipient and administrators read.
FEEDBACK_ACTIONS = frozenset(RecommendationStatus.values) - {RecommendationStatus.SENT}
EXPORT_CHUNK = 500


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


# --- administrators -----------------------------------------------------------------------------


def recommend(request, pk: int):
    """Recommend entries of a published version to one recipient: the entries matching
    suggests for it first, explained, then every other included entry."""
    if not rules.can_recommend(request.user):
        raise Http404
    version = get_object_or_404(DirectoryVersion.objects.select_related("directory"), pk=pk)
    recipient_id = parse_id(request.GET.get("recipient", ""))
    recipient = (
        Recipient.objects.select_related("organization").filter(pk=recipient_id).first()
        if recipient_id
        else None
    )
    context = {
        "version": version,
        "recipients": list(selectors.recipient_choices()),
        "recipient": recipient,
    }
    if not version.is_published or recipient is None:
        return render(request, "directories/recommendation_new.html", context)
    candidates = selectors.recommendation_candidates(version, recipient)
    form = RecommendForm(request.POST or None, version=version)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            lambda: services.recommend(
                actor=request.user,
                entries=form.cleaned_data["entries"],
                recipient=recipient,
                note=form.cleaned_data["note"],
                explanations=candidates.explanations,
            ),
            success=lambda made: (
                ngettext(
                    "%(count)d entry was recommended to %(name)s.",
                    "%(count)d entries were recommended to %(name)s.",
                    len(made),
                )
                % {"count": len(made), "name": recipient.organization.name}
            ),
        )
        if outcome:
            url = reverse("directories:recommend", args=[version.pk])
            return redirect(f"{url}?{urlencode({'recipient': recipient.pk})}")
    chosen = {str(value) for value in form["entries"].value() or []}
    context.update(
        form=form,
        candidates=candidates,
        chosen=chosen,
        # An anonymous call's issuer is named to administrators only (measure 十三).
        calls=[
            call
            for call in selectors.open_calls_of(recipient.organization_id)
            if call_rules.shows_issuer(request.user, call)
        ],
    )
    return render(request, "directories/recommendation_new.html", context)


def recommendation_list(request):
    """Every recommendation, filtered by feedback, channel and directory."""
    if not rules.can_recommend(request.user):
        raise Http404
    filters = selectors.RecommendationFilters.from_query(request.GET)
    recommendations = selectors.recommendation_list(filters)
    query = filters.as_query()
    context = {
        "page": _page(request, recommendations),
        "filters": filters,
        "query_string": urlencode(query),
        "statuses": RecommendationStatus.choices,
        "channels": Channel.choices,
        "directories": selectors.directory_choices(),
        "versions": list(selectors.versions_to_recommend_from()[:20]),
    }
    return render(request, "directories/recommendation_list.html", context)


@require_GET
def outcome_export(request):
    """The recommendations (with the list's filters) and their outcomes, as xlsx."""
    if not rules.can_recommend(request.user):
        raise Http404
    filters = selectors.RecommendationFilters.from_query(request.GET)
    recommendations = (
        selectors.recommendation_list(filters)
        .prefetch_related("outcomes")
        .iterator(chunk_size=EXPORT_CHUNK)
    )
    sheet = Sheet(
        title=_("Outcomes"),
        headings=[
            _("Directory"),
            _("Version"),
            _("Entry"),
            _("Organization"),
            _("Recipient"),
            _("Channel"),
            _("Recommended on"),
            _("Feedback"),
            _("Feedback note"),
            _("Outcome"),
            _("Date"),
            _("Amount (10,000 yuan)"),
            _("Note"),
        ],
        rows=selectors.outcome_export_rows(recommendations),
    )
    return xlsx_response([sheet], f"recommendation-outcomes-{timezone.localdate():%Y%m%d}")


# --- the two sides ------------------------------------------------------------------------------


def recommendations_received(request, pk: int):
    """What was addressed to the organization (its members only), unread ones marked."""
    recipient = rules.access_recipient_of_member(request.user, pk)
    recommendations = selectors.recommendations_received(recipient)
    status = request.GET.get("status", "")
    if status in RecommendationStatus.values:
        recommendations = recommendations.filter(status=status)
    else:
        status = ""
    context = {
        "recipient": recipient,
        "organization": recipient.organization,
        "page": _page(request, recommendations),
        "status": status,
        "statuses": RecommendationStatus.choices,
        "query_string": urlencode({"status": status} if status else {}),
    }
    return render(request, "directories/recommendations_received.html", context)


def recommendations_of_firm(request, pk: int):
    """To whom the organization or its products were recommended (its members only)."""
    organization = rules.access_firm_of_member(request.user, pk)
    context = {
        "organization": organization,
        "page": _page(request, selectors.recommendations_of_firm(organization)),
    }
    return render(request, "directories/recommendations_of_firm.html", context)


def _detail(request, recommendation, *, outcome_form=None, status=200):
    user = request.user
    is_recipient = rules.is_recipient_member(user, recommendation)
    roles = rules.recommendation_roles(user, recommendation)
    moves = [
        move
        for move in RECOMMENDATION_TRANSITIONS.offered(recommendation.status, roles)
        if move.action != "view"
    ]
    calls = None
    if rules.can_invite_from_recommendation(user, recommendation):
        calls = selectors.calls_open_for_invitation(user, recommendation.recipient.organization)
    can_record = rules.can_record_outcome(user, recommendation)
    if can_record and outcome_form is None:
        outcome_form = OutcomeForm(initial={"happened_on": timezone.localdate()})
    shows_why = is_platform_admin(user) or is_recipient
    can_see_note = rules.can_see_feedback_note(user, recommendation)
    events = list(recommendation.events.select_related("actor"))
    if not can_see_note:
        # The reasons behind the recipient's answers stay with the recipient (and us).
        for event in events:
            if event.action in FEEDBACK_ACTIONS:
                event.note = ""
    context = {
        "recommendation": recommendation,
        "entry": recommendation.entry,
        "recipient": recommendation.recipient,
        "is_recipient": is_recipient,
        "is_firm": rules.is_firm_member(user, recommendation),
        "is_admin": is_platform_admin(user),
        "can_see_note": can_see_note,
        "moves": moves,
        "invite_form": InviteForm(calls=calls) if calls is not None and calls.exists() else None,
        "can_invite": calls is not None,
        "outcome_form": outcome_form if can_record else None,
        "outcomes": list(recommendation.outcomes.select_related("recorded_by", "recorded_for")),
        "events": events,
        "why": selectors.explanations_for_display([recommendation.explanation])[0]
        if shows_why
        else None,
        "flags": selectors.flags_in_words([recommendation.entry])[recommendation.entry.pk]
        if is_platform_admin(user)
        else [],
    }
    return render(request, "directories/recommendation_detail.html", context, status=status)


def recommendation_detail(request, pk: int):
    """One recommendation for those it concerns. A member of the recipient opening it
    marks it viewed (once)."""
    recommendation = rules.access_recommendation(request.user, pk)
    if recommendation.status == RecommendationStatus.SENT and rules.is_recipient_member(
        request.user, recommendation
    ):
        viewed = attempt(
            lambda: services.recommendation_view(actor=request.user, recommendation=recommendation)
        )
        if viewed:
            recommendation = rules.access_recommendation(request.user, pk)
    return _detail(request, recommendation)


@require_POST
def recommendation_move(request, pk: int, action: str):
    """The recipient's answer: interested, contacted, not relevant (with the reason)."""
    recommendation = rules.access_recommendation(request.user, pk)
    transition = RECOMMENDATION_TRANSITIONS.manual(action)
    if transition is None:
        raise Http404
    run_action(
        request,
        lambda: services.recommendation_move(
            actor=request.user,
            recommendation=recommendation,
            action=action,
            note=request.POST.get("reason", ""),
        ),
        success=_("Your answer was recorded; the firm and the platform are told."),
    )
    return redirect_back(request, reverse("directories:recommendation_detail", args=[pk]))


@require_POST
def recommendation_invite(request, pk: int):
    """Invite the recommended firm to one of the recipient's open calls."""
    recommendation = rules.access_recommendation(request.user, pk)
    calls = selectors.calls_open_for_invitation(request.user, recommendation.recipient.organization)
    form = InviteForm(request.POST, calls=calls)
    if form.is_valid():
        call = form.cleaned_data["call"]
        run_action(
            request,
            lambda: services.recommendation_invite(
                actor=request.user, recommendation=recommendation, call=call
            ),
            success=_("%(name)s was invited to apply to %(call)s.")
            % {"name": recommendation.entry.organization.name, "call": call.title},
        )
    else:
        form_errors_to_messages(request, form)
    return redirect("directories:recommendation_detail", pk=pk)


@require_POST
def outcome_create(request, pk: int):
    """Record what the recommendation led to, for the user's side."""
    recommendation = rules.access_recommendation(request.user, pk)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        outcome = run_action(
            request,
            lambda: services.outcome_record(
                actor=request.user, recommendation=recommendation, **form.service_data()
            ),
            success=_("The outcome was recorded; the other side is told."),
            form=form,
        )
        if outcome or not form.errors:
            return redirect("directories:recommendation_detail", pk=pk)
    return _detail(request, recommendation, outcome_form=form)
