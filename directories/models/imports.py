"""Official lists of qualified firms imported by administrators, and where each qualification
recorded from them came from."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Qualification
from uploads.storage import private_storage


class ImportStatus(models.TextChoices):
    CHECKING = "checking", _("Being checked")
    DRY_RUN = "dry_run", _("Checked, not applied")
    UNREADABLE = "unreadable", _("Could not be read")
    APPLYING = "applying", _("Being applied")
    APPLIED = "applied", _("Applied")


class QualificationImport(models.Model):
    """One uploaded list (csv or xlsx) of 专精特新 / 小巨人 firms, and what checking or
    applying it found. The file is kept in private storage so applying re-reads exactly
    what was checked."""

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    file_name = models.CharField(_("file name"), max_length=200)
    file = models.FileField(upload_to="qualification-imports/%Y/%m/", storage=private_storage)
    status = models.CharField(
        _("status"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.CHECKING
    )
    # Why the file could not be read, or why the last attempt to apply it imported nothing.
    problem = models.TextField(_("problem"), max_length=2000, blank=True)
    # Rows the file holds as far as can be told before reading it (for the progress bar).
    rows_expected = models.PositiveIntegerField(null=True, blank=True)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_created = models.PositiveIntegerField(_("to create"), default=0)
    rows_updated = models.PositiveIntegerField(_("to update"), default=0)
    rows_unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    rows_rejected = models.PositiveIntegerField(_("rejected"), default=0)
    organizations_created = models.PositiveIntegerField(_("new organizations"), default=0)
    # The first rejected rows: [{"row": 7, "name": ..., "credit_code": ..., "reasons": [...]}].
    rejections = models.JSONField(default=list, blank=True)
    # The first rows of the file with what happens to each: [{"row", "name", "outcome", ...}].
    preview = models.JSONField(default=list, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("qualification list import")
        verbose_name_plural = _("qualification list imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def is_running(self) -> bool:
        return self.status in (ImportStatus.CHECKING, ImportStatus.APPLYING)

    @property
    def can_apply(self) -> bool:
        return self.status == ImportStatus.DRY_RUN and self.rows_rejected == 0


class QualificationSource(models.Model):
    """Where a qualification verified from an official list came from: the import, the row
    of the file, the batch, and the expiry or review date the list gave."""

    qualification = models.OneToOneField(
        Qualification, on_delete=models.CASCADE, related_name="source"
    )
    qualification_import = models.ForeignKey(
        QualificationImport, on_delete=models.PROTECT, related_name="sources"
    )
    row_number = models.PositiveIntegerField(_("row"))
    batch = models.CharField(_("batch"), max_length=30)
    review_date = models.DateField(_("expiry or review date"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("qualification source")
        verbose_name_plural = _("qualification sources")
        ordering = ["qualification_import", "row_number"]

    def __str__(self) -> str:
        return f"{self.qualification_import_id}:{self.row_number}"
