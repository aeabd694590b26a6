"""Expert review: standing conflicts of interest, assignments, scores."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .applications import Application
from .calls import Criterion, Round


class ConflictOfInterest(models.Model):
    """An expert's standing declaration: never review this organization's applications."""

    expert = models.ForeignKey(
        "accounts.Expert", on_delete=models.CASCADE, related_name="conflicts"
    )
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=300)
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["expert", "organization"], name="conflict_once"),
        ]

    def __str__(self) -> str:
        return f"{self.expert_id} × {self.organization_id}"


class AssignmentStatus(models.TextChoices):
    ASSIGNED = "assigned", _("Assigned")
    SUBMITTED = "submitted", _("Scored")
    RECUSED = "recused", _("Recused (conflict of interest)")


class Assignment(models.Model):
    """An expert asked to score one application (in one round, for competitions)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="assignments"
    )
    expert = models.ForeignKey(
        "accounts.Expert", on_delete=models.PROTECT, related_name="assignments"
    )
    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=AssignmentStatus.choices, default=AssignmentStatus.ASSIGNED
    )
    comment = models.TextField(_("overall comment"), max_length=4000, blank=True)
    recusal_reason = models.CharField(max_length=300, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # When the expert was last reminded of the open score sheet (the daily reminder task).
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # Once per application and expert (and round, for competitions).
            models.UniqueConstraint(
                fields=["application", "expert"],
                condition=Q(round__isnull=True),
                name="assignment_once",
            ),
            models.UniqueConstraint(
                fields=["application", "expert", "round"],
                condition=Q(round__isnull=False),
                name="assignment_once_per_round",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.expert} ← {self.application}"


class Score(models.Model):
    """One expert's score of one criterion, with a comment."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    value = models.DecimalField(max_digits=5, decimal_places=2)
    comment = models.TextField(max_length=2000, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"], name="score_once"),
            models.CheckConstraint(condition=Q(value__gte=0), name="score_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.value}"
