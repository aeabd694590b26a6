"""The history rows of calls, applications and milestones (one abstract ``core.models.Event``)."""

from __future__ import annotations

from django.db import models

from core.models import Event

from .applications import Application
from .calls import Call, CallStatus
from .nominations import Nomination
from .outcomes import Milestone, Tranche


class CallEvent(Event):
    """One step on a call's timeline."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, choices=CallStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=CallStatus.choices, blank=True)
    # Public events (publish, close, publicity, award...) show on the public timeline.
    is_public = models.BooleanField(default=False)

    event_labels = "challenges.transitions.CALL_EVENT_LABELS"

    def __str__(self) -> str:
        return f"{self.call_id} {self.action}"


class ApplicationEvent(Event):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")

    event_labels = "challenges.transitions.APPLICATION_EVENT_LABELS"

    def __str__(self) -> str:
        return f"{self.application_id} {self.action}"


class MilestoneEvent(Event):
    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="events")

    event_labels = "challenges.transitions.MILESTONE_EVENT_LABELS"

    def __str__(self) -> str:
        return f"{self.milestone_id} {self.action}"


class NominationEvent(Event):
    """A recommending unit's decision, or a nomination withdrawn with its application."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="events")

    event_labels = "challenges.transitions.NOMINATION_EVENT_LABELS"

    def __str__(self) -> str:
        return f"{self.nomination_id} {self.action}"


class TrancheEvent(Event):
    """A tranche set, released or cancelled: who, when, and the amount in the note."""

    tranche = models.ForeignKey(Tranche, on_delete=models.CASCADE, related_name="events")

    event_labels = "challenges.transitions.TRANCHE_EVENT_LABELS"

    def __str__(self) -> str:
        return f"{self.tranche_id} {self.action}"
