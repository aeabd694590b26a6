"""Applications (揭榜) and their parts: indicator responses, consortium partners,
attachments, round entries."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import OrganizationKind, QualificationLevel
from uploads.storage import private_storage

from .calls import Call, Indicator, Round


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    NOMINATION = "nomination", _("Awaiting nomination (待推荐)")
    SUBMITTED = "submitted", _("Submitted")
    ELIGIBLE = "eligible", _("Eligible")
    INELIGIBLE = "ineligible", _("Ineligible")
    SHORTLISTED = "shortlisted", _("Shortlisted (入围)")
    AWARDED = "awarded", _("Awarded (中榜)")
    NOT_AWARDED = "not_awarded", _("Not awarded")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# What of its applications a call's issuer may see: those that reached it (submitted
# directly, or nominated by their recommending unit). A draft, an application still with its
# unit, and one that never left it (returned, not nominated in time, withdrawn first) has no
# submission time.
REACHED_ISSUER = Q(submitted_at__isnull=False) & ~Q(status__in=["draft", "nomination"])


class Application(models.Model):
    """An organization's application to a call (揭榜), alone or leading a consortium."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="applications")
    applicant = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("lead applicant"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    product = models.ForeignKey(
        "catalog.Product",
        verbose_name=_("product"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
    )
    technical_approach = models.TextField(_("technical approach"), max_length=20000, blank=True)
    team = models.TextField(_("team"), max_length=5000, blank=True)
    prior_results = models.TextField(_("prior results"), max_length=5000, blank=True)
    budget = models.DecimalField(
        _("budget (yuan)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    schedule = models.TextField(_("schedule"), max_length=5000, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    status_note = models.TextField(_("note"), max_length=2000, blank=True)
    current_round = models.ForeignKey(
        Round, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    user_firm = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("user firm (应用单位)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verification_uses",
        help_text=_("For a verification project: the enterprise that tries the product first."),
    )
    # Where the call requires nomination: the recommending unit (推荐单位) the applicant chose.
    recommending_unit = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("recommending unit (推荐单位)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominated_applications",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)

    # Facts frozen at submission: bonus points follow what held then, not later changes.
    # Empty until the application is submitted.
    lead_qualification_level = models.CharField(
        _("lead applicant's qualification at submission"),
        max_length=20,
        choices=QualificationLevel.choices,
        blank=True,
    )
    lead_qualification = models.ForeignKey(
        "accounts.Qualification",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The verified qualification that proved the level at submission."),
    )
    lead_qualification_batch = models.CharField(max_length=30, blank=True)
    lead_qualification_year = models.PositiveSmallIntegerField(null=True, blank=True)
    lead_qualification_issuer = models.CharField(max_length=100, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            # One live application per organization and call; a withdrawn one may be
            # followed by a new one.
            models.UniqueConstraint(
                fields=["call", "applicant"],
                condition=~Q(status="withdrawn"),
                name="application_one_live_per_org",
            ),
        ]
        indexes = [models.Index(fields=["call", "status"])]

    def __str__(self) -> str:
        return f"{self.applicant} → {self.call}"

    def get_absolute_url(self) -> str:
        return reverse("challenges:application_detail", args=[self.pk])

    @property
    def reached_issuer(self) -> bool:
        """Whether the issuer's side may see it (``REACHED_ISSUER``)."""
        return self.submitted_at is not None and self.status not in (
            ApplicationStatus.DRAFT,
            ApplicationStatus.NOMINATION,
        )

    @property
    def has_frozen_facts(self) -> bool:
        return bool(self.lead_qualification_level)


class IndicatorResponse(models.Model):
    """How the application meets one of the call's indicators."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="indicator_responses"
    )
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    response = models.TextField(_("how it is met"), max_length=2000)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "indicator"], name="indicator_response_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.response[:40]


class PartnerStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")


class ConsortiumPartner(models.Model):
    """A partner organization of a consortium application (联合体); it must confirm."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="partners")
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="partnerships"
    )
    role = models.CharField(_("role in the consortium"), max_length=120, blank=True)
    status = models.CharField(
        max_length=10, choices=PartnerStatus.choices, default=PartnerStatus.INVITED
    )
    # Frozen when the lead applicant submits, like the lead's qualification.
    organization_kind = models.CharField(
        _("kind of organization at submission"),
        max_length=20,
        choices=OrganizationKind.choices,
        blank=True,
    )
    qualification_level = models.CharField(
        _("qualification at submission"),
        max_length=20,
        choices=QualificationLevel.choices,
        blank=True,
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "organization"], name="partner_once"),
        ]

    def __str__(self) -> str:
        return str(self.organization)


class ApplicationAttachment(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to="applications/%Y/%m/", storage=private_storage)
    original_name = models.CharField(max_length=150)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.original_name


class RoundEntry(models.Model):
    """An application's part in a later competition round: its update and the outcome."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="round_entries"
    )
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="entries")
    statement = models.TextField(_("update for this round"), max_length=5000, blank=True)
    advanced = models.BooleanField(null=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "round"], name="round_entry_once"),
        ]

    def __str__(self) -> str:
        return f"{self.application_id} @ {self.round_id}"
