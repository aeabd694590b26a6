"""Pages that gather several apps: home, organization profile, dashboard, review queue."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import render

from accounts import rules as account_rules
from accounts import selectors as account_selectors
from catalog import rules as catalog_rules
from catalog import selectors as catalog_selectors
from challenges import selectors as call_selectors
from core.forms import ReasonForm
from directories import selectors as directory_selectors

from . import progress
from .selectors import (
    call_counts,
    calls_for_organization,
    due_score_sheets,
    invitations_awaiting_answer,
    issuer_tasks,
    live_applications,
    organization_counts,
    platform_figures,
    review_queue_counts,
    submitted_sheet_count,
)


@login_not_required
def home(request):
    context = {
        "counts": {
            **organization_counts(),
            **catalog_selectors.catalog_counts(),
            **call_counts(),
        },
        "latest": catalog_selectors.latest_published(limit=6),
        "open_calls": list(
            call_selectors.call_list_public(call_selectors.CallFilters(open_only=True))[:6]
        ),
        "chains": catalog_selectors.chain_list(),
    }
    return render(request, "portal/home.html", context)


@login_not_required
def organization_detail(request, pk: int):
    organization = account_rules.access_organization(request.user, pk)
    verified = [
        q
        for q in account_selectors.qualifications_of(organization)
        if account_rules.is_qualification_public(q)
    ]
    context = {
        "organization": organization,
        "listings": catalog_selectors.listings_of_organization(organization, published_only=True),
        "qualifications": verified,
        "can_edit": account_rules.can_edit_organization(request.user, organization),
        "show_calls_for_you": account_rules.can_see_calls_for_organization(
            request.user, organization
        ),
        "can_verify": account_rules.can_decide_verification(request.user, organization),
        "can_decide_qualifications": account_rules.can_verify_qualification(request.user),
        "reason_form": ReasonForm(),
    }
    return render(request, "portal/organization_detail.html", context)


def dashboard(request):
    """The signed-in user's workspace, with a section for every role the user holds.

    Administrators and government departments oversee the platform (queues and figures);
    experts see their due score sheets; members see their organization, the calls it may
    take up, its applications and invitations, and the calls they handle that need action.
    """
    user = request.user
    membership = account_rules.membership_of(user)
    organization = account_rules.organization_of(user)
    is_platform_admin = account_rules.is_platform_admin(user)
    is_government = account_rules.is_government_member(user)
    expert = getattr(user, "expert", None)
    context = {
        "membership": membership,
        "expert": expert,
        "is_platform_admin": is_platform_admin,
        "is_government": is_government,
    }
    if account_rules.can_oversee_platform(user):
        context.update(
            queues=review_queue_counts(with_calls=is_platform_admin), figures=platform_figures()
        )
    # The administrators' panel of measures 十–十五 (portal/progress).
    if progress.can_view_progress(user):
        context["admin_panel"] = progress.admin_panel(is_platform_admin=is_platform_admin)
    if expert is not None:
        due_sheets, due_count = due_score_sheets(expert)
        context.update(
            due_sheets=due_sheets,
            due_count=due_count,
            submitted_sheets=submitted_sheet_count(expert),
        )
    if organization is not None:
        issuer_calls, handles_calls = issuer_tasks(user, organization)
        context.update(
            organization=organization,
            issuer_tasks=issuer_calls,
            handles_calls=handles_calls,
            listings=catalog_selectors.listings_of_organization(organization, published_only=False),
            members=list(account_selectors.members_of(organization)),
            qualifications=list(account_selectors.qualifications_of(organization)),
            is_org_admin=account_rules.is_org_admin(user, organization),
            can_submit_qualification=account_rules.can_submit_qualification(user, organization),
            can_create={
                listing_type: catalog_rules.can_create_listing(user, listing_type)
                for listing_type in ("product", "result", "resource")
            },
        )
        if not is_government:
            calls_for_you, calls_for_you_count = calls_for_organization(organization)
            context.update(
                is_applicant=True,
                calls_for_you=calls_for_you,
                calls_for_you_count=calls_for_you_count,
                applications=live_applications(organization),
                invitations=invitations_awaiting_answer(organization),
            )
        # Money against milestones: per awarded call, committed, released and remaining funds.
        context["issuer_funds"] = (
            call_selectors.funds_of_issuer(organization) if handles_calls else []
        )
        # Targeted recommendation: what was addressed to it, and to whom it was recommended.
        context["recommendation_summary"] = directory_selectors.recommendation_summary(organization)
    return render(request, "portal/dashboard.html", context)


def review_queue(request):
    """Administrators' queue: organizations, qualifications and listings awaiting review."""
    if not account_rules.is_platform_admin(request.user):
        raise Http404
    context = {
        "organizations": list(account_selectors.organization_review_queue()),
        "qualifications": list(account_selectors.qualification_review_queue()),
        "listings": catalog_selectors.listing_review_queue(),
        "calls": list(call_selectors.call_review_queue()),
        "objections": list(call_selectors.open_objections()),
        "reason_form": ReasonForm(),
    }
    return render(request, "portal/review_queue.html", context)
