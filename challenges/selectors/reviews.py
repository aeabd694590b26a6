"""Reads of the expert review: what the panel scores, who may review what, assignments.

Imports no permission rules: ``challenges.conditions`` (which the rules use) reads
``scored_applications`` from here.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from accounts.models import Expert, Membership, MembershipStatus

from ..models import Application, ApplicationStatus, Assignment, Call, ConflictOfInterest


def scored_applications(call: Call):
    """The applications the panel scores: eligible or shortlisted, in the current round."""
    applications = call.applications.filter(
        status__in=[ApplicationStatus.ELIGIBLE, ApplicationStatus.SHORTLISTED]
    )
    if call.uses_rounds:
        applications = applications.filter(current_round=call.current_round)
    return applications.select_related("applicant")


def rubric_for(assignment: Assignment):
    call = assignment.application.call
    criteria = call.criteria.all()
    if call.uses_rounds:
        criteria = criteria.filter(round=assignment.round)
    return list(criteria)


def assignments_of(expert) -> QuerySet[Assignment]:
    return (
        Assignment.objects.filter(expert=expert)
        .select_related("application", "application__call", "application__applicant", "round")
        .order_by("status", "-assigned_at")
    )


def organizations_of_application(application: Application) -> list[int]:
    """The lead applicant and its confirmed or invited partners."""
    return [
        application.applicant_id,
        *application.partners.exclude(status="declined").values_list("organization_id", flat=True),
    ]


def conflict_reasons(experts, application: Application) -> dict[int, str | None]:
    """Return, per expert id, why the expert may not review the application (or None).

    An expert may not review an application of their own organization (lead or partner),
    of an organization they declared a conflict with, or of the issuer's call. Three
    queries, whatever the number of experts.
    """
    experts = list(experts)
    applying = set(organizations_of_application(application))
    issuer = application.call.issuer_id
    belongs: dict[int, set[int]] = {}
    for user_id, organization_id in Membership.objects.filter(
        user_id__in=[e.user_id for e in experts],
        organization_id__in=[*applying, issuer],
        status=MembershipStatus.ACTIVE,
    ).values_list("user_id", "organization_id"):
        belongs.setdefault(user_id, set()).add(organization_id)
    declared = set(
        ConflictOfInterest.objects.filter(
            expert__in=experts, organization_id__in=applying
        ).values_list("expert_id", flat=True)
    )
    reasons: dict[int, str | None] = {}
    for expert in experts:
        organizations = belongs.get(expert.user_id, set())
        if organizations & applying:
            reasons[expert.pk] = _("the expert belongs to an applying organization")
        elif expert.pk in declared:
            reasons[expert.pk] = _("the expert declared a conflict of interest")
        elif issuer in organizations:
            reasons[expert.pk] = _("the expert belongs to the issuer")
        else:
            reasons[expert.pk] = None
    return reasons


def conflict_reason(expert: Expert, application: Application) -> str | None:
    return conflict_reasons([expert], application)[expert.pk]


def experts_for_assignment(application: Application):
    """Active experts not yet assigned (in the current round, for a competition: the same
    experts may score every round), each with why they may not review it (or None)."""
    assignments = application.assignments.all()
    if application.call.uses_rounds:
        assignments = assignments.filter(round_id=application.call.current_round_id)
    assigned = assignments.values("expert_id")
    experts = list(
        Expert.objects.filter(is_active=True).exclude(pk__in=assigned).select_related("user")
    )
    reasons = conflict_reasons(experts, application)
    return [(expert, reasons[expert.pk]) for expert in experts]
