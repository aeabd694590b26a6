"""Reads of applications: an organization's applications and consortium invitations, the
issuer's workspace, awards and milestones."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from accounts.models import Organization

from ..models import (
    REACHED_ISSUER,
    Application,
    Assignment,
    AssignmentStatus,
    Award,
    AwardStatus,
    Call,
    ConsortiumPartner,
    Milestone,
)


def applications_of(organization: Organization) -> QuerySet[Application]:
    return (
        Application.objects.filter(applicant=organization)
        .select_related("call", "call__issuer")
        .order_by("-updated_at")
    )


def partner_invitations(organization: Organization) -> QuerySet[ConsortiumPartner]:
    return (
        ConsortiumPartner.objects.filter(organization=organization)
        .select_related("application", "application__applicant", "application__call")
        .order_by("-pk")
    )


def applications_for_handlers(call: Call) -> list[Application]:
    """Every submitted application of a call, with what the issuer's workspace shows (not
    drafts, nor those still with a recommending unit)."""
    return list(
        call.applications.filter(REACHED_ISSUER)
        .select_related("applicant", "product", "current_round", "recommending_unit")
        .prefetch_related(
            Prefetch("partners", queryset=ConsortiumPartner.objects.select_related("organization")),
            Prefetch("assignments", queryset=Assignment.objects.select_related("expert__user")),
        )
        .annotate(
            submitted_reviews=Count(
                "assignments", filter=Q(assignments__status=AssignmentStatus.SUBMITTED)
            )
        )
        .order_by("status", "submitted_at")
    )


def awards_of(call: Call) -> list[Award]:
    return list(
        call.awards.exclude(status=AwardStatus.REVOKED).select_related("application__applicant")
    )


def milestones_of(call: Call) -> list[Milestone]:
    return list(
        Milestone.objects.filter(application__call=call)
        .select_related("application__applicant")
        .order_by("application_id", "due_date", "position")
    )
