"""The data of measure 十二: official lists imported, willingness, directories and their
versions, recipients, recommendations and what they led to."""

from .directories import (
    Directory,
    DirectoryEntry,
    DirectoryEvent,
    DirectoryKind,
    DirectoryVersion,
    EntryDecision,
    VersionStatus,
)
from .imports import ImportStatus, QualificationImport, QualificationSource
from .recommendations import (
    Channel,
    Outcome,
    OutcomeStage,
    Recipient,
    Recommendation,
    RecommendationEvent,
    RecommendationStatus,
)
from .willingness import Willingness, WillingnessEvent, WillingnessStatus

__all__ = [
    "Channel",
    "Directory",
    "DirectoryEntry",
    "DirectoryEvent",
    "DirectoryKind",
    "DirectoryVersion",
    "EntryDecision",
    "ImportStatus",
    "Outcome",
    "OutcomeStage",
    "QualificationImport",
    "QualificationSource",
    "Recipient",
    "Recommendation",
    "RecommendationEvent",
    "RecommendationStatus",
    "VersionStatus",
    "Willingness",
    "WillingnessEvent",
    "WillingnessStatus",
]
