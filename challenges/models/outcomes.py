"""What a call ends in: awards (挂帅), objections (异议) during publicity, milestones."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from uploads.storage import private_storage

from .applications import Application
from .calls import Call


class AwardStatus(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("award status", "Proposed")
    FINAL = "final", _("Final")
    REVOKED = "revoked", _("Revoked")


class Award(models.Model):
    """A winner of a call (挂帅); several for a horse race."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="awards")
    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="award")
    amount = models.DecimalField(
        _("amount (yuan)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    status = models.CharField(
        max_length=10, choices=AwardStatus.choices, default=AwardStatus.PROPOSED
    )
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.call} → {self.application.applicant}"


class Distinction(models.TextChoices):
    WINNER = "winner", pgettext_lazy("competition", "Winner")
    FINALIST = "finalist", pgettext_lazy("competition", "Finalist")


class CompetitionResult(models.Model):
    """A competition's winner or finalist, with its rank and score frozen when the award
    became final (以赛促创): the certificate page shows it, and invitations to related calls
    carry it."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="competition_results")
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="competition_result"
    )
    distinction = models.CharField(_("distinction"), max_length=10, choices=Distinction.choices)
    rank = models.PositiveSmallIntegerField(_("rank"))
    score = models.DecimalField(_("score"), max_digits=7, decimal_places=2, null=True, blank=True)
    # The number printed on the certificate, which anyone can look up.
    code = models.CharField(_("certificate number"), max_length=40, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("competition result")
        verbose_name_plural = _("competition results")
        ordering = ["call", "rank", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["call", "rank"], name="competition_rank_once"),
        ]

    def __str__(self) -> str:
        return f"{self.call_id} #{self.rank}"


class ObjectionStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("objection status", "Open")
    UPHELD = "upheld", _("Upheld")
    DISMISSED = "dismissed", _("Dismissed")


class Objection(models.Model):
    """An objection (异议) filed during the publicity period; an administrator resolves it."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="objections")
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("objection"), max_length=4000)
    status = models.CharField(
        max_length=10, choices=ObjectionStatus.choices, default=ObjectionStatus.OPEN
    )
    resolution = models.TextField(_("resolution"), max_length=4000, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:40]


class MilestoneStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    AGREED = "agreed", _("Agreed")
    SUBMITTED = "submitted", _("Reported")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned")


class Milestone(models.Model):
    """A milestone (里程碑) agreed between the issuer and a winner."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="milestones"
    )
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("milestone"), max_length=120)
    due_date = models.DateField(_("due date"))
    deliverables = models.TextField(_("deliverables"), max_length=4000)
    status = models.CharField(
        max_length=10, choices=MilestoneStatus.choices, default=MilestoneStatus.PROPOSED
    )
    report = models.TextField(_("progress report"), max_length=10000, blank=True)
    report_file = models.FileField(
        upload_to="milestones/%Y/%m/", storage=private_storage, blank=True
    )
    report_file_name = models.CharField(max_length=150, blank=True)
    reported_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("review note"), max_length=4000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["application", "due_date", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class EvidenceKind(models.TextChoices):
    AGREEMENT = "agreement", _("Trial agreement")
    PLAN = "plan", _("Verification plan")
    TEST_REPORT = "test_report", _("Third-party test report")
    PURCHASE = "purchase", _("First purchase or contract")


# What a verification project's winner must have on file before final acceptance records
# its first use (the first purchase may follow the acceptance).
EVIDENCE_BEFORE_ACCEPTANCE = (EvidenceKind.AGREEMENT, EvidenceKind.PLAN, EvidenceKind.TEST_REPORT)


class FirstUseEvidence(models.Model):
    """A document of a verification project (先试首用): the trial agreement, the verification
    plan, the third-party test report, or the first purchase or contract by the user firm."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="first_use_evidence"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=EvidenceKind.choices)
    title = models.CharField(_("title"), max_length=150)
    issued_by = models.CharField(
        _("issued by"), max_length=120, help_text=_("For a test report, the testing body.")
    )
    issued_on = models.DateField(_("date"))
    reference = models.CharField(_("number"), max_length=60, blank=True)
    amount = models.DecimalField(
        _("amount (10,000 yuan)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    file = models.FileField(upload_to="first-use/%Y/%m/", storage=private_storage)
    file_name = models.CharField(max_length=150)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("first-use evidence")
        verbose_name_plural = _("first-use evidence")
        ordering = ["application", "kind", "issued_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"


class TrancheStatus(models.TextChoices):
    PENDING = "pending", _("Pending release")
    RELEASED = "released", _("Released")
    CANCELLED = "cancelled", _("Cancelled")


class Tranche(models.Model):
    """A part of an award's amount tied to one milestone, released when the milestone is
    accepted (money against milestones). The tranches of an award never add up to more than
    its amount (checked under the award's row lock)."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="tranches")
    milestone = models.OneToOneField(
        Milestone, verbose_name=_("milestone"), on_delete=models.PROTECT, related_name="tranche"
    )
    amount = models.DecimalField(
        _("amount (yuan)"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    status = models.CharField(
        _("status"), max_length=10, choices=TrancheStatus.choices, default=TrancheStatus.PENDING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    released_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tranche")
        verbose_name_plural = _("tranches")
        ordering = ["award", "milestone__due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="tranche_amount_positive"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="released") | models.Q(released_at__isnull=False),
                name="tranche_released_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award_id}: {self.amount}"
