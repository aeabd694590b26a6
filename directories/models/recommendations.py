"""Recipients of recommendations, targeted recommendations (定向推荐) with the recipient's
feedback, and what they led to (对接成效)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import Event

from .directories import DirectoryEntry


class Channel(models.TextChoices):
    SASAC = "sasac", _("Central SOEs (国资委)")
    ACFIC = "acfic", _("Private enterprises (全国工商联)")


class Recipient(models.Model):
    """A large backbone or lead enterprise that receives recommendations, through its
    channel, with what it needs (its calls show beside these)."""

    organization = models.OneToOneField(
        "accounts.Organization",
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="recipient",
    )
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    needs = models.TextField(
        _("stated needs"),
        max_length=4000,
        blank=True,
        help_text=_("What the enterprise looks for in suppliers and partners."),
    )
    chain_nodes = models.ManyToManyField(
        "catalog.ChainNode", verbose_name=_("chain nodes"), blank=True, related_name="+"
    )
    is_active = models.BooleanField(_("receives recommendations"), default=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        ordering = ["channel", "organization__name"]

    def __str__(self) -> str:
        return str(self.organization)


class RecommendationStatus(models.TextChoices):
    SENT = "sent", _("Not yet viewed")
    VIEWED = "viewed", _("Viewed")
    INTERESTED = "interested", _("Interested")
    CONTACTED = "contacted", _("Contacted")
    NOT_RELEVANT = "not_relevant", _("Not relevant")


class Recommendation(models.Model):
    """One entry of a published directory version recommended to one recipient."""

    entry = models.ForeignKey(
        DirectoryEntry, on_delete=models.PROTECT, related_name="recommendations"
    )
    recipient = models.ForeignKey(
        Recipient, on_delete=models.PROTECT, related_name="recommendations"
    )
    note = models.TextField(_("why it fits"), max_length=2000, blank=True)
    # The matching explanation shown when it was suggested: {"score", "terms", "facets", ...}.
    explanation = models.JSONField(default=dict, blank=True)
    recommended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("recommended on"), auto_now_add=True)
    status = models.CharField(
        _("feedback"),
        max_length=14,
        choices=RecommendationStatus.choices,
        default=RecommendationStatus.SENT,
    )
    feedback_note = models.TextField(_("feedback note"), max_length=2000, blank=True)
    feedback_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    feedback_at = models.DateTimeField(null=True, blank=True)
    # When the recipient invited the firm to one of its calls from here.
    invitation = models.ForeignKey(
        "challenges.Invitation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recommendations",
    )

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "recipient"], name="directories_recommendation_unique"
            ),
        ]
        indexes = [models.Index(fields=["recipient", "status"])]

    def __str__(self) -> str:
        return f"{self.entry} → {self.recipient}"


class RecommendationEvent(Event):
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="events"
    )

    event_labels = "directories.transitions.RECOMMENDATION_EVENT_LABELS"


class OutcomeStage(models.TextChoices):
    CONTACT = "contact", pgettext_lazy("outcome stage", "Contact")
    TRIAL = "trial", _("Trial")
    CONTRACT = "contract", _("Purchase or contract")
    SUPPLY = "supply", _("Supply")


class Outcome(models.Model):
    """What a recommendation (or the invitation sent from it) led to, recorded by either
    side with its date: contact, trial, purchase or contract, supply."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="outcomes"
    )
    stage = models.CharField(_("stage"), max_length=10, choices=OutcomeStage.choices)
    happened_on = models.DateField(_("date"))
    amount = models.DecimalField(
        _("amount (10,000 yuan)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    note = models.TextField(_("note"), max_length=2000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Which side recorded it: the recipient or the recommended firm.
    recorded_for = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["happened_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | models.Q(amount__gte=0),
                name="directories_outcome_amount_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recommendation}: {self.get_stage_display()}"
