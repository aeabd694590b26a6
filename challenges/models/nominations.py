"""Nomination by recommending units (推荐单位, measure 十三): a call that requires it names
the units and their quotas; each application passes through the unit its applicant chose,
which pre-reviews it and nominates it (within the quota) or returns it."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .applications import Application
from .calls import Call


class NominationQuota(models.Model):
    """A recommending unit of a call and how many applications it may nominate."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="nomination_quotas")
    unit = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("recommending unit"),
        on_delete=models.PROTECT,
        related_name="nomination_quotas",
    )
    quota = models.PositiveSmallIntegerField(
        _("quota"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )

    class Meta:
        verbose_name = _("nomination quota")
        verbose_name_plural = _("nomination quotas")
        ordering = ["call", "unit__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["call", "unit"], name="nomination_quota_once"),
            models.CheckConstraint(condition=Q(quota__gte=1), name="nomination_quota_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} × {self.quota} @ {self.call_id}"


class NominationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting pre-review")
    NOMINATED = "nominated", _("Nominated")
    RETURNED = "returned", pgettext_lazy("nomination status", "Returned")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Nomination(models.Model):
    """An application submitted through a recommending unit, and the unit's decision.

    ``review`` is the unit's pre-review opinion (推荐意见): the unit, the call's handlers and
    platform administrators read it, the applicant does not. ``reason`` says why it was
    returned and is shown to the applicant.
    """

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="nominations"
    )
    unit = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="nominations"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=NominationStatus.choices,
        default=NominationStatus.PENDING,
    )
    review = models.TextField(_("pre-review opinion (推荐意见)"), max_length=4000, blank=True)
    reason = models.TextField(_("reason for returning"), max_length=2000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One nomination in play per application; returned and withdrawn ones stay as
            # history.
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(status__in=["pending", "nominated"]),
                name="nomination_one_live_per_application",
            ),
        ]
        indexes = [models.Index(fields=["unit", "status"])]

    def __str__(self) -> str:
        return f"{self.application_id} via {self.unit_id}"
