"""Recommendation directories (推荐目录): criteria, numbered versions, screened entries."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import QualificationLevel
from core.models import Event

from .willingness import DirectoryKind


class Directory(models.Model):
    """A directory of firms or of technology products for one year and scope, with the
    criteria its candidates must meet. Its content lives in numbered versions."""

    kind = models.CharField(_("kind of directory"), max_length=12, choices=DirectoryKind.choices)
    title = models.CharField(_("title"), max_length=120)
    year = models.PositiveSmallIntegerField(_("year"))
    scope = models.TextField(
        _("scope"), max_length=2000, blank=True, help_text=_("Whom the directory is for and why.")
    )
    # Criteria a candidate must meet (empty = no condition).
    min_qualification = models.CharField(
        _("minimum qualification"),
        max_length=20,
        choices=QualificationLevel.choices,
        default=QualificationLevel.PROVINCIAL,
    )
    chain_nodes = models.ManyToManyField(
        "catalog.ChainNode", verbose_name=_("chain nodes"), blank=True, related_name="+"
    )
    provinces = models.JSONField(_("provinces"), default=list, blank=True)
    industries = models.ManyToManyField(
        "reference.Industry",
        verbose_name=_("industries (GB/T 4754)"),
        blank=True,
        related_name="+",
    )
    require_first_use = models.BooleanField(
        _("verified first use required"),
        default=False,
        help_text=_("Only products (or firms with a product) that passed a 先试首用 verification."),
    )
    theme = models.CharField(
        _("theme"),
        max_length=200,
        blank=True,
        help_text=_("Words the candidates' listings must be relevant to, found through search."),
    )
    # Categories entries are classified into, one per line in the form.
    categories = models.JSONField(_("categories"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("recommendation directory")
        verbose_name_plural = _("recommendation directories")
        ordering = ["-year", "-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    PUBLISHED = "published", _("Published")


class DirectoryVersion(models.Model):
    """One numbered version of a directory. A draft is screened and classified; once
    published it never changes, and the next version is a new draft."""

    directory = models.ForeignKey(Directory, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=12, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    note = models.TextField(_("what changed"), max_length=2000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)

    class Meta:
        verbose_name = _("directory version")
        verbose_name_plural = _("directory versions")
        ordering = ["directory", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["directory", "number"], name="directories_version_number_unique"
            ),
            models.UniqueConstraint(
                fields=["directory"],
                condition=models.Q(status="draft"),
                name="directories_one_draft_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.directory} v{self.number}"

    @property
    def is_published(self) -> bool:
        return self.status == VersionStatus.PUBLISHED


class EntryDecision(models.TextChoices):
    CANDIDATE = "candidate", _("To screen")
    INCLUDED = "included", _("Included")
    EXCLUDED = "excluded", _("Excluded")


class DirectoryEntry(models.Model):
    """A firm (or one of its products) in a version: proposed, then included or excluded
    with a reason, and classified. What the entry says is copied when it is proposed and
    again when the version is published, so a published version reads the same forever;
    flags (withdrawn willingness, revoked or expired qualification) are worked out live."""

    version = models.ForeignKey(DirectoryVersion, on_delete=models.CASCADE, related_name="entries")
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="directory_entries"
    )
    product = models.ForeignKey(
        "catalog.Product",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="directory_entries",
    )
    # The verified qualification that made the firm eligible, when the criteria asked one.
    qualification = models.ForeignKey(
        "accounts.Qualification",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="directory_entries",
    )
    decision = models.CharField(
        _("decision"), max_length=12, choices=EntryDecision.choices, default=EntryDecision.CANDIDATE
    )
    reason = models.TextField(_("reason"), max_length=1000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    # Classification.
    chain_node = models.ForeignKey(
        "catalog.ChainNode",
        verbose_name=_("chain node"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    category = models.CharField(_("category"), max_length=60, blank=True)
    # Why the platform proposed it: [criterion label, ...] and the theme's search relevance.
    proposed_because = models.JSONField(default=list, blank=True)
    relevance = models.FloatField(null=True, blank=True)
    # What the entry says (copied; see the docstring).
    title = models.CharField(_("name"), max_length=120)
    organization_name = models.CharField(_("organization"), max_length=120)
    province = models.CharField(_("province"), max_length=2, blank=True)
    qualification_level = models.CharField(
        _("qualification"), max_length=20, choices=QualificationLevel.choices, blank=True
    )
    industry_code = models.CharField(_("industry (GB/T 4754)"), max_length=5, blank=True)
    chain_node_name = models.CharField(_("chain node"), max_length=60, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("directory entry")
        verbose_name_plural = _("directory entries")
        ordering = ["version", "chain_node_name", "category", "title", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "organization"],
                condition=models.Q(product__isnull=True),
                name="directories_entry_firm_unique",
            ),
            models.UniqueConstraint(
                fields=["version", "product"],
                condition=models.Q(product__isnull=False),
                name="directories_entry_product_unique",
            ),
        ]
        indexes = [models.Index(fields=["version", "decision"])]

    def __str__(self) -> str:
        return self.title


class DirectoryEvent(Event):
    """A step in a directory's history: created, candidates proposed, an entry included or
    excluded (the note is the reason), classified, a version published or started."""

    directory = models.ForeignKey(Directory, on_delete=models.CASCADE, related_name="events")
    version = models.ForeignKey(
        DirectoryVersion, on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    entry = models.ForeignKey(
        DirectoryEntry, on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )
    subject = models.CharField(max_length=120, blank=True)

    event_labels = "directories.transitions.DIRECTORY_EVENT_LABELS"

    class Meta(Event.Meta):
        ordering = ["-created_at", "-id"]
