"""Willingness (企业意愿): an organization's opt-in to being recommended, per kind of
directory, and for which of its products."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import Event


class DirectoryKind(models.TextChoices):
    FIRMS = "firms", _("Firms")
    PRODUCTS = "products", _("Technology products")


class WillingnessStatus(models.TextChoices):
    OPTED_IN = "opted_in", _("Wants to be recommended")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Willingness(models.Model):
    """The current declaration of one organization for one kind of directory. Each
    declaration, change and withdrawal is a ``WillingnessEvent`` (who, when, what)."""

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="willingness"
    )
    kind = models.CharField(_("kind of directory"), max_length=12, choices=DirectoryKind.choices)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=WillingnessStatus.choices,
        default=WillingnessStatus.OPTED_IN,
    )
    # For a directory of products: the products the organization wants recommended.
    products = models.ManyToManyField(
        "catalog.Product", verbose_name=_("products"), blank=True, related_name="willingness"
    )
    note = models.TextField(
        _("what you hope for"),
        max_length=1000,
        blank=True,
        help_text=_("For example the kind of partner or the chain you want to supply."),
    )
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    declared_at = models.DateTimeField(_("declared on"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("willingness to be recommended")
        verbose_name_plural = _("willingness declarations")
        ordering = ["organization", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "kind"], name="directories_willingness_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.get_kind_display()}: {self.get_status_display()}"

    @property
    def is_opted_in(self) -> bool:
        return self.status == WillingnessStatus.OPTED_IN


class WillingnessEvent(Event):
    """One declaration, change or withdrawal, with the products named at that moment."""

    willingness = models.ForeignKey(Willingness, on_delete=models.CASCADE, related_name="events")
    products = models.JSONField(default=list, blank=True)

    event_labels = "directories.transitions.WILLINGNESS_EVENT_LABELS"

    class Meta(Event.Meta):
        ordering = ["-created_at", "-id"]
