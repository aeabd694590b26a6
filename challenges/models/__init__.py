"""The open-call engine: calls of every kind, applications, reviews, awards, milestones.

Statuses change only through ``challenges.services``; the allowed moves are the tables in
``challenges.transitions``. Every change writes an event row.

One module per concern; import from here (``from challenges.models import Call``), which
every other module, the migrations included, does.
"""

from .applications import (
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
    Question,
    Round,
    TermsAcceptance,
)
from .events import ApplicationEvent, CallEvent, MilestoneEvent
from .outcomes import (
    EVIDENCE_BEFORE_ACCEPTANCE,
    Award,
    AwardStatus,
    EvidenceKind,
    FirstUseEvidence,
    Milestone,
    MilestoneStatus,
    Objection,
    ObjectionStatus,
)
from .reviews import Assignment, AssignmentStatus, ConflictOfInterest, Score

__all__ = [
    "EVIDENCE_BEFORE_ACCEPTANCE",
    "PUBLIC_CALL_STATUSES",
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
    "ConflictOfInterest",
    "ConsortiumPartner",
    "Criterion",
    "EvidenceKind",
    "FirstUseEvidence",
    "Indicator",
    "IndicatorResponse",
    "Invitation",
    "Milestone",
    "MilestoneEvent",
    "MilestoneStatus",
    "Objection",
    "ObjectionStatus",
    "PartnerStatus",
    "Question",
    "Round",
    "RoundEntry",
    "Score",
    "TermsAcceptance",
]
