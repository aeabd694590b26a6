"""The open-call engine: calls of every kind, applications, reviews, awards, milestones.

Statuses change only through ``challenges.services``; the allowed moves are the tables in
``challenges.transitions``. Every change writes an event row.

One module per concern; import from here (``from challenges.models import Call``), which
every other module, the migrations included, does.
"""

from .applications import (
    REACHED_ISSUER,
    Application,
    ApplicationAttachment,
    ApplicationStatus,
    ConsortiumPartner,
    IndicatorResponse,
    PartnerStatus,
    RoundEntry,
)
from .calls import (
    PUBLIC_CALL_STATUSES,
    BonusCondition,
    BonusRule,
    Call,
    CallAttachment,
    CallFollow,
    CallKind,
    CallStatus,
    Criterion,
    Indicator,
    Invitation,
    IssuerReveal,
    Question,
    Round,
    TermsAcceptance,
)
from .events import (
    ApplicationEvent,
    CallEvent,
    MilestoneEvent,
    NominationEvent,
    TrancheEvent,
)
from .nominations import Nomination, NominationQuota, NominationStatus
from .outcomes import (
    EVIDENCE_BEFORE_ACCEPTANCE,
    Award,
    AwardStatus,
    CompetitionResult,
    Distinction,
    EvidenceKind,
    FirstUseEvidence,
    Milestone,
    MilestoneStatus,
    Objection,
    ObjectionStatus,
    Tranche,
    TrancheStatus,
)
from .reviews import Assignment, AssignmentStatus, ConflictOfInterest, Score

__all__ = [
    "EVIDENCE_BEFORE_ACCEPTANCE",
    "PUBLIC_CALL_STATUSES",
    "REACHED_ISSUER",
    "Application",
    "ApplicationAttachment",
    "ApplicationEvent",
    "ApplicationStatus",
    "Assignment",
    "AssignmentStatus",
    "Award",
    "AwardStatus",
    "BonusCondition",
    "BonusRule",
    "Call",
    "CallAttachment",
    "CallEvent",
    "CallFollow",
    "CallKind",
    "CallStatus",
    "CompetitionResult",
    "ConflictOfInterest",
    "ConsortiumPartner",
    "Criterion",
    "Distinction",
    "EvidenceKind",
    "FirstUseEvidence",
    "Indicator",
    "IndicatorResponse",
    "Invitation",
    "IssuerReveal",
    "Milestone",
    "MilestoneEvent",
    "MilestoneStatus",
    "Nomination",
    "NominationEvent",
    "NominationQuota",
    "NominationStatus",
    "Objection",
    "ObjectionStatus",
    "PartnerStatus",
    "Question",
    "Round",
    "RoundEntry",
    "Score",
    "TermsAcceptance",
    "Tranche",
    "TrancheEvent",
    "TrancheStatus",
]
