"""Collection campaigns (征集, measures 十三 and 十五): a government department collects
problems, R&D demands or research results in a batch, screens what was submitted (accept,
merge, send back), and publishes the accepted ones together: problems and demands as a
榜单 batch of calls of the open-call engine, results as a 成果转移目录 batch.

Statuses change only through ``campaigns.services`` on the tables in
``campaigns.transitions``; every change writes an event row.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import Event


class CampaignKind(models.TextChoices):
    PROBLEMS = "problems", _("Technical problems (技术难题征集)")
    DEMANDS = "demands", _("R&D demands (研发需求目录)")
    RESULTS = "results", _("Research results (成果转移目录)")


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Collecting")
    SCREENING = "screening", _("Screening")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class Campaign(models.Model):
    """A government department's collection campaign."""

    organizer = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("organizer"),
        on_delete=models.PROTECT,
        related_name="campaigns",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("what is collected"), max_length=10, choices=CampaignKind.choices)
    title = models.CharField(_("title"), max_length=150)
    theme = models.CharField(_("theme"), max_length=200)
    description = models.TextField(_("description"), max_length=10000)
    chain_nodes = models.ManyToManyField(
        "catalog.ChainNode", verbose_name=_("chain nodes"), blank=True, related_name="campaigns"
    )
    deadline = models.DateTimeField(_("submission deadline"))
    # The calls published from a problems or demands campaign take applications until
    # ``call_deadline``; where ``requires_nomination``, through the campaign's units.
    call_deadline = models.DateTimeField(
        _("application deadline of the calls"), null=True, blank=True
    )
    requires_nomination = models.BooleanField(
        _("applications are nominated by recommending units"), default=False
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT
    )
    status_note = models.TextField(_("reason"), max_length=2000, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("collection campaign")
        verbose_name_plural = _("collection campaigns")
        ordering = ["-opened_at", "-pk"]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("campaigns:campaign_detail", args=[self.pk])


class CampaignUnit(models.Model):
    """A recommending unit (推荐单位) of a campaign and its quota per call; copied to every
    call the campaign publishes (``challenges.NominationQuota``)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="units")
    unit = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("recommending unit"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    quota = models.PositiveSmallIntegerField(
        _("quota per call"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )

    class Meta:
        ordering = ["campaign", "unit__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit"], name="campaign_unit_once"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} × {self.quota}"


class Batch(models.Model):
    """What a campaign published at once: a 榜单 batch of calls or a directory of results."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="batches")
    number = models.PositiveSmallIntegerField(_("batch"))
    title = models.CharField(_("title"), max_length=150)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_at = models.DateTimeField()

    class Meta:
        verbose_name = _("published batch")
        verbose_name_plural = _("published batches")
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "number"], name="batch_number_once"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("campaigns:batch_detail", args=[self.pk])


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", pgettext_lazy("screening", "Accepted")
    MERGED = "merged", _("Merged")
    RETURNED = "returned", pgettext_lazy("screening", "Sent back")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Submission(models.Model):
    """A problem, demand or result an organization submitted into a campaign.

    A problem or demand becomes a call when its batch is published (``call``); a result
    submission names the organization's published research result (``result``). A merged
    submission points at the one it was merged into, which is published in its stead.
    """

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="submissions")
    organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        related_name="campaign_submissions",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=150)
    summary = models.TextField(_("public summary"), max_length=1000)
    details = models.TextField(_("detailed description"), max_length=20000, blank=True)
    indicators = models.TextField(
        _("indicators"),
        max_length=4000,
        blank=True,
        help_text=_("One per line: indicator, target value."),
    )
    amount = models.DecimalField(
        _("award or budget (yuan)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    anonymous_label = models.CharField(
        _("publish anonymously as"),
        max_length=60,
        blank=True,
        help_text=_("Leave empty to publish under your name, e.g. 某新能源整车企业."),
    )
    result = models.ForeignKey(
        "catalog.ResearchResult",
        verbose_name=_("research result"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="campaign_submissions",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.SUBMITTED,
    )
    screening_note = models.TextField(_("screening note"), max_length=2000, blank=True)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    screened_at = models.DateTimeField(null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged",
    )
    batch = models.ForeignKey(
        Batch, on_delete=models.PROTECT, null=True, blank=True, related_name="submissions"
    )
    call = models.OneToOneField(
        "challenges.Call",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="campaign_submission",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("campaign submission")
        verbose_name_plural = _("campaign submissions")
        ordering = ["campaign", "-created_at", "-pk"]
        indexes = [models.Index(fields=["campaign", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="merged") | Q(merged_into__isnull=False),
                name="submission_merged_names_target",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("campaigns:submission_detail", args=[self.pk])


class CampaignEvent(Event):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="events")

    event_labels = "campaigns.transitions.CAMPAIGN_EVENT_LABELS"


class SubmissionEvent(Event):
    """A screening decision (who, when, why) or another step of a submission."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")

    event_labels = "campaigns.transitions.SUBMISSION_EVENT_LABELS"
