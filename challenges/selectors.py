"""Reads of calls, applications and scores, with the joins each page needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.db.models import Case, Count, F, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import rules as account_rules
from accounts.models import Organization, OrganizationKind, QualificationLevel
from catalog.models import ChainNode
from search.matching import Match

from . import rules
from .conditions import scored_applications
from .models import (
    PUBLIC_CALL_STATUSES,
    Application,
    ApplicationStatus,
    Assignment,
    AssignmentStatus,
    Award,
    AwardStatus,
    BonusCondition,
    BonusRule,
    Call,
    CallFollow,
    CallStatus,
    ConsortiumPartner,
    Criterion,
    Invitation,
    Milestone,
    Objection,
    ObjectionStatus,
    PartnerStatus,
    Question,
    Score,
)
from .scoring import ApplicantFacts, BonusSpec, CriterionSpec, Ranked, compute_score, rank


@dataclass(frozen=True)
class CallFilters:
    query: str = ""
    kind: str = ""
    status: str = ""
    chain: str = ""
    node: int | None = None
    province: str = ""
    open_only: bool = False
    closing_soon: bool = False
    eligible_for: Organization | None = None


def call_list_public(filters: CallFilters) -> QuerySet[Call]:
    """Return the calls anyone may see, filtered: the open ones first (published, deadline
    not passed), soonest deadline first; then the others, newest first."""
    calls = Call.objects.filter(status__in=PUBLIC_CALL_STATUSES)
    if filters.query:
        calls = calls.filter(
            Q(title__icontains=filters.query)
            | Q(summary__icontains=filters.query)
            | Q(issuer__name__icontains=filters.query)
        )
    if filters.kind:
        calls = calls.filter(kind=filters.kind)
    if filters.status:
        calls = calls.filter(status=filters.status)
    if filters.node:
        nodes = ChainNode.objects.filter(Q(pk=filters.node) | Q(parent_id=filters.node))
        calls = calls.filter(pk__in=Call.objects.filter(chain_nodes__in=nodes).values("pk"))
    elif filters.chain:
        calls = calls.filter(
            pk__in=Call.objects.filter(chain_nodes__chain__slug=filters.chain).values("pk")
        )
    if filters.province:
        # Calls open to that province: nationwide ones or those listing it.
        calls = calls.filter(
            Q(eligible_provinces=[]) | Q(pk__in=_calls_listing_province(filters.province))
        )
    now = timezone.now()
    if filters.open_only or filters.closing_soon:
        calls = calls.filter(status=CallStatus.PUBLISHED, deadline__gt=now)
    if filters.closing_soon:
        calls = calls.filter(deadline__lte=now + timedelta(days=7))
    calls = calls.select_related("issuer").prefetch_related(
        Prefetch("chain_nodes", queryset=ChainNode.objects.select_related("chain"))
    )
    calls = _open_first(calls, now)
    if filters.eligible_for is not None:
        organization = filters.eligible_for
        return [c for c in calls if not rules.eligibility_problems(organization, c)]
    return calls


def _open_first(calls: QuerySet[Call], now) -> QuerySet[Call]:
    """Order open calls first by their deadline, then the others newest first."""
    is_open = Q(status=CallStatus.PUBLISHED, deadline__gt=now)
    return calls.annotate(
        closed_rank=Case(
            When(is_open, then=Value(0)), default=Value(1), output_field=IntegerField()
        ),
        open_deadline=Case(When(is_open, then=F("deadline")), default=None),
    ).order_by(
        "closed_rank",
        F("open_deadline").asc(nulls_last=True),
        F("published_at").desc(nulls_last=True),
        "-pk",
    )


def _calls_listing_province(province: str) -> list[int]:
    # JSON containment is not portable to SQLite; the list of open calls is small.
    return [
        pk
        for pk, provinces in Call.objects.filter(status__in=PUBLIC_CALL_STATUSES)
        .exclude(eligible_provinces=[])
        .values_list("pk", "eligible_provinces")
        if province in provinces
    ]


def calls_of_issuer(organization: Organization) -> QuerySet[Call]:
    return (
        Call.objects.filter(issuer=organization)
        .annotate(
            live_applications=Count(
                "applications",
                filter=~Q(
                    applications__status__in=[ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN]
                ),
            )
        )
        .order_by("-updated_at")
    )


def followed_calls(user) -> QuerySet[CallFollow]:
    """The calls a user follows, each with its issuer, most recently followed first."""
    return (
        CallFollow.objects.filter(user=user)
        .select_related("call", "call__issuer")
        .order_by("-created_at", "-pk")
    )


def invitation_for(user, call: Call) -> Invitation | None:
    """The invitation of the viewer's organization to the call, if the issuer sent one."""
    organization = account_rules.organization_of(user)
    if organization is None:
        return None
    return Invitation.objects.filter(call=call, organization=organization).first()


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


def assignments_of(expert) -> QuerySet[Assignment]:
    return (
        Assignment.objects.filter(expert=expert)
        .select_related("application", "application__call", "application__applicant", "round")
        .order_by("status", "-assigned_at")
    )


def call_handlers(call: Call):
    """The users handling a call: its named handlers and the issuer's administrators."""
    from .services._common import handlers_of

    return handlers_of(call).order_by("name")


def call_review_queue() -> QuerySet[Call]:
    return (
        Call.objects.filter(status=CallStatus.PENDING_REVIEW)
        .select_related("issuer", "created_by")
        .order_by("updated_at")
    )


def open_objections() -> QuerySet[Objection]:
    return (
        Objection.objects.filter(status=ObjectionStatus.OPEN)
        .select_related("call", "filed_by")
        .order_by("created_at")
    )


def published_questions(call: Call) -> list[Question]:
    """Answered questions, without who asked."""
    return list(
        call.questions.exclude(answer="").only("call_id", "text", "answer", "answered_at")
    )


def call_timeline(user, call: Call):
    events = call.events.select_related("actor")
    if not rules.call_roles(user, call):
        events = events.filter(is_public=True)
    return list(events)


def applications_for_handlers(call: Call) -> list[Application]:
    """Every non-draft application of a call, with what the issuer's workspace shows."""
    return list(
        call.applications.exclude(status=ApplicationStatus.DRAFT)
        .select_related("applicant", "product", "current_round")
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


def rubric_with_shares(call: Call) -> list[Criterion]:
    """The call's criteria, each with ``rubric_weight``: the total weight of its rubric
    (the call's, or its round's in a competition), so pages show a weight as a share."""
    criteria = list(call.criteria.select_related("round"))
    totals: dict[int | None, Decimal] = {}
    for criterion in criteria:
        totals[criterion.round_id] = totals.get(criterion.round_id, Decimal("0")) + criterion.weight
    for criterion in criteria:
        criterion.rubric_weight = totals[criterion.round_id]
    return criteria


# --- scores -----------------------------------------------------------------------------------


def _criteria_specs(call: Call, round_id: int | None) -> list[CriterionSpec]:
    criteria = Criterion.objects.filter(call=call)
    if call.uses_rounds:
        criteria = criteria.filter(round_id=round_id)
    return [CriterionSpec(c.pk, c.name, c.weight, c.max_score) for c in criteria]


def _bonus_specs(call: Call) -> list[BonusSpec]:
    return [
        BonusSpec(rule.condition, rule.points, str(rule.get_condition_display()))
        for rule in BonusRule.objects.filter(call=call)
    ]


def lead_qualification_evidence(application: Application) -> str:
    """Say which qualification the lead applicant held when it submitted, with the
    verified certificate's batch, year and issuer when one proved it ("" if none)."""
    level = application.lead_qualification_level
    if level not in (QualificationLevel.NATIONAL, QualificationLevel.PROVINCIAL):
        return ""
    if level == QualificationLevel.NATIONAL:
        held = _("Lead applicant was a national little giant (小巨人) when it submitted")
    else:
        held = _("Lead applicant was a provincial SRDI (专精特新) SME when it submitted")
    if application.lead_qualification_year is None:
        return held
    return _("%(held)s (%(batch)s, %(year)s, %(issuer)s)") % {
        "held": held,
        "batch": application.lead_qualification_batch,
        "year": application.lead_qualification_year,
        "issuer": application.lead_qualification_issuer,
    }


def _facts(application: Application, institution_partners: dict[int, list[str]]) -> ApplicantFacts:
    """The facts bonus rules look at, as frozen when the application was submitted."""
    level = application.lead_qualification_level or QualificationLevel.NONE
    partners = institution_partners.get(application.pk, [])
    evidence = {}
    if level == QualificationLevel.NATIONAL:
        evidence[BonusCondition.LEAD_LITTLE_GIANT] = lead_qualification_evidence(application)
    if level == QualificationLevel.PROVINCIAL:
        evidence[BonusCondition.LEAD_PROVINCIAL] = lead_qualification_evidence(application)
    if partners:
        evidence[BonusCondition.WITH_INSTITUTION] = _(
            "Consortium partner %(names)s was a university or research institute when the "
            "application was submitted"
        ) % {"names": "、".join(partners)}
    return ApplicantFacts(
        lead_qualification=level,
        has_institution_partner=bool(partners),
        evidence=evidence,
    )


def call_ranking(call: Call, *, round_id: int | None = None) -> list[Ranked]:
    """Score and rank the applications the panel scores, in a fixed number of queries.

    Only submitted score sheets count.
    """
    round_id = round_id or call.current_round_id
    applications = list(scored_applications(call))
    criteria = _criteria_specs(call, round_id)
    bonuses = _bonus_specs(call)
    sheets: dict[int, dict[int, dict]] = {}
    scores = Score.objects.filter(
        assignment__application__in=applications,
        assignment__status=AssignmentStatus.SUBMITTED,
    )
    if call.uses_rounds:
        scores = scores.filter(assignment__round_id=round_id)
    for application_id, assignment_id, criterion_id, value in scores.values_list(
        "assignment__application_id", "assignment_id", "criterion_id", "value"
    ):
        sheets.setdefault(application_id, {}).setdefault(assignment_id, {})[criterion_id] = value
    institution_partners: dict[int, list[str]] = {}
    for application_id, name in ConsortiumPartner.objects.filter(
        application__in=applications,
        status=PartnerStatus.CONFIRMED,
        organization_kind__in=[OrganizationKind.UNIVERSITY, OrganizationKind.INSTITUTE],
    ).values_list("application_id", "organization__name"):
        institution_partners.setdefault(application_id, []).append(name)
    entries = [
        (
            application,
            compute_score(
                criteria,
                sheets.get(application.pk, {}).values(),
                bonuses,
                _facts(application, institution_partners),
            ),
            application.submitted_at,
        )
        for application in applications
    ]
    return rank(entries)


def application_breakdown(application: Application):
    """The score breakdown of one application (submitted sheets of its current round)."""
    for ranked in call_ranking(application.call):
        if ranked.key.pk == application.pk:
            return ranked
    return None


def visible_sheets(user, application: Application) -> list[Assignment]:
    """The score sheets of an application this user may read.

    The expert sees their own; other experts' sheets only once the panel has closed;
    handlers and administrators see all.
    """
    sheets = application.assignments.select_related("expert__user", "round").prefetch_related(
        Prefetch("scores", queryset=Score.objects.select_related("criterion"))
    )
    if rules.can_see_all_scores(user, application.call):
        return list(sheets)
    expert = getattr(user, "expert", None)
    if expert is None:
        return []
    return [sheet for sheet in sheets if sheet.expert_id == expert.pk]


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


def experts_for_assignment(application: Application):
    """Active experts not yet assigned (in the current round, for a competition: the same
    experts may score every round), each with why they may not review it (or None)."""
    from accounts.models import Expert

    from .services.reviews import conflict_reasons

    assignments = application.assignments.all()
    if application.call.uses_rounds:
        assignments = assignments.filter(round_id=application.call.current_round_id)
    assigned = assignments.values("expert_id")
    experts = list(
        Expert.objects.filter(is_active=True).exclude(pk__in=assigned).select_related("user")
    )
    reasons = conflict_reasons(experts, application)
    return [(expert, reasons[expert.pk]) for expert in experts]


def can_apply_summary(user, call: Call) -> dict:
    """What the call page says to this visitor about applying."""
    organization = account_rules.organization_of(user)
    existing = None
    if organization is not None:
        existing = (
            call.applications.filter(applicant=organization)
            .exclude(status=ApplicationStatus.WITHDRAWN)
            .first()
        )
    return {
        "organization": organization,
        "existing": existing,
        "problems": rules.eligibility_problems(organization, call) if call.is_open else [],
    }


# --- recommended solvers --------------------------------------------------------------------

# Relevance on a human scale. An organization's score is the score of its best match (its
# profile, a product or a result): summing would favour a catalogue of near-identical
# listings over one precise solution. Raw scores compare only within one call (they mix the
# engine's relevance, the share of the call's key-term weight matched and the boosts), so the
# scale is relative to the best organization for the same call, which always reads as a
# strong match. Each level holds from its share of the best score up to the next level.
RELEVANCE_FLOOR = 0.3  # below 30 % of the best score an organization is left out
RELEVANCE_LEVELS = (
    (0.75, "strong", gettext_lazy("Strong match")),  # 高度匹配
    (0.5, "good", gettext_lazy("Good match")),  # 较匹配
    (RELEVANCE_FLOOR, "possible", gettext_lazy("Possibly relevant")),  # 可能相关
)
# Key terms shown in an entry's explanation, the heaviest first.
EXPLAINED_TERMS = 8


@dataclass
class SolverEntry:
    """One recommended organization for a call, with what matched and where it stands."""

    organization: Organization
    score: float
    share: float
    level: str
    label: str
    matches: list[Match]
    invitation: Invitation | None = None
    application: Application | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def listings(self) -> list[Match]:
        """Its matching products and results, best first (its profile is not a listing)."""
        return [match for match in self.matches if match.hit.type != "organization"]

    @property
    def matched_terms(self) -> list[str]:
        weights: dict[str, float] = {}
        for match in self.matches:
            for term, weight in match.matched_terms:
                weights[term] = max(weight, weights.get(term, 0.0))
        ranked = sorted(weights.items(), key=lambda pair: (-pair[1], pair[0]))
        return [term for term, _weight in ranked[:EXPLAINED_TERMS]]

    @property
    def matched_facets(self) -> list[tuple[object, str]]:
        seen: dict[tuple[str, str], tuple[object, str]] = {}
        for match in self.matches:
            for label, value in match.matched_facets:
                seen.setdefault((str(label), value), (label, value))
        return list(seen.values())

    @property
    def boosts(self) -> list[tuple[object, float]]:
        values: dict[str, tuple[object, float]] = {}
        for match in self.matches:
            for label, value in match.boosts:
                kept = values.get(str(label))
                if kept is None or value > kept[1]:
                    values[str(label)] = (label, value)
        return list(values.values())


def relevance_level(share: float) -> tuple[str, object] | None:
    """Return the (level, label) of a score that is ``share`` of the best, or None below the
    floor."""
    for threshold, level, label in RELEVANCE_LEVELS:
        if share >= threshold:
            return level, label
    return None


def solver_entries(call: Call, matches: list[Match], *, limit: int) -> list[SolverEntry]:
    """Group a call's matches by organization into at most ``limit`` entries, best first
    (ties by organization id, so the order holds between loads), each with the issuer's
    invitation and the organization's submitted application, if any.

    Left out: matches without an organization or without a shared key term, and
    organizations scoring below ``RELEVANCE_FLOOR`` of the best. Three queries, whatever
    the number of entries.
    """
    grouped: dict[int, list[Match]] = {}
    for match in matches:
        organization_id = match.hit.organization_id
        if organization_id is None or organization_id == call.issuer_id:
            continue
        if not match.matched_terms:
            continue
        grouped.setdefault(organization_id, []).append(match)
    if not grouped:
        return []
    scores = {pk: max(m.score for m in group) for pk, group in grouped.items()}
    best = max(scores.values()) or 1.0
    ranked = sorted(scores, key=lambda pk: (-scores[pk], pk))
    kept = []
    for pk in ranked:
        level = relevance_level(scores[pk] / best)
        if level is None:
            break
        kept.append((pk, level))
        if len(kept) >= limit:
            break
    ids = [pk for pk, _level in kept]
    organizations = Organization.objects.in_bulk(ids)
    invitations = {
        invitation.organization_id: invitation
        for invitation in Invitation.objects.filter(
            call=call, organization_id__in=ids
        ).select_related("invited_by")
    }
    applications = {
        application.applicant_id: application
        for application in call.applications.filter(applicant_id__in=ids).exclude(
            status__in=[ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN]
        )
    }
    entries = []
    for pk, (level, label) in kept:
        organization = organizations.get(pk)
        if organization is None:  # removed since it was indexed
            continue
        entries.append(
            SolverEntry(
                organization=organization,
                score=scores[pk],
                share=scores[pk] / best,
                level=level,
                label=label,
                matches=sorted(grouped[pk], key=lambda m: (-m.score, m.hit.id)),
                invitation=invitations.get(pk),
                application=applications.get(pk),
                problems=rules.eligibility_problems(organization, call) if call.is_open else [],
            )
        )
    return entries
