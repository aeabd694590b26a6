"""Reads of calls, applications and scores, with the joins each page needs.

One module per concern; import from here: ``from challenges import selectors``.
"""

from .applications import (
    applications_for_handlers,
    applications_of,
    awards_of,
    milestones_of,
    partner_invitations,
)
from .calls import (
    CallFilters,
    call_list_public,
    call_review_queue,
    call_timeline,
    calls_of_issuer,
    can_apply_summary,
    followed_calls,
    invitation_for,
    live_application_count,
    open_objections,
    published_questions,
)

# --- innovation centres and tranches (measure 十四) ---
from .centres import PRIORITY_LEVELS, centre_call_counts, centre_calls, is_priority
from .recipients import (
    admins_of,
    applicant_users,
    call_handlers,
    everyone_of,
    followers_of,
    handlers_of,
    members_of,
    platform_admins,
)
from .recommendations import (
    EXPLAINED_TERMS,
    RELEVANCE_FLOOR,
    RELEVANCE_LEVELS,
    SolverEntry,
    relevance_level,
    solver_entries,
)
from .reviews import (
    assignments_of,
    conflict_reason,
    conflict_reasons,
    experts_for_assignment,
    organizations_of_application,
    rubric_for,
    scored_applications,
)
from .scores import (
    application_breakdown,
    call_ranking,
    lead_qualification_evidence,
    rubric_with_shares,
    visible_sheets,
)
from .tranches import Funds, award_funds, funds_of_issuer, tranche_events

__all__ = [
    "EXPLAINED_TERMS",
    "PRIORITY_LEVELS",
    "RELEVANCE_FLOOR",
    "RELEVANCE_LEVELS",
    "CallFilters",
    "Funds",
    "SolverEntry",
    "admins_of",
    "applicant_users",
    "application_breakdown",
    "applications_for_handlers",
    "applications_of",
    "assignments_of",
    "award_funds",
    "awards_of",
    "call_handlers",
    "call_list_public",
    "call_ranking",
    "call_review_queue",
    "call_timeline",
    "calls_of_issuer",
    "can_apply_summary",
    "centre_call_counts",
    "centre_calls",
    "conflict_reason",
    "conflict_reasons",
    "everyone_of",
    "experts_for_assignment",
    "followed_calls",
    "followers_of",
    "funds_of_issuer",
    "handlers_of",
    "invitation_for",
    "is_priority",
    "lead_qualification_evidence",
    "live_application_count",
    "members_of",
    "milestones_of",
    "open_objections",
    "organizations_of_application",
    "partner_invitations",
    "platform_admins",
    "published_questions",
    "relevance_level",
    "rubric_for",
    "rubric_with_shares",
    "scored_applications",
    "solver_entries",
    "tranche_events",
    "visible_sheets",
]
