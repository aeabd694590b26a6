"""Measure 十一: engineering verification platforms and test beds, booked for verification
projects (calls of kind "verification")."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import Event
from reference.regions import Province


class VerificationPlatform(models.Model):
    """An engineering verification platform or test bed (验证平台 / 试验验证平台)."""

    owner = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="verification_platforms",
    )
    name = models.CharField(_("name"), max_length=120, unique=True)
    capabilities = models.TextField(
        _("capabilities"), max_length=4000, help_text=_("What it can test and verify.")
    )
    capacity = models.PositiveSmallIntegerField(
        _("projects at a time"),
        default=1,
        help_text=_("How many verification projects it can host at the same time."),
    )
    province = models.CharField(_("province"), max_length=2, choices=Province.choices)
    city = models.CharField(_("city"), max_length=50, blank=True)
    chain_nodes = models.ManyToManyField(
        "catalog.ChainNode", verbose_name=_("chain nodes"), blank=True, related_name="+"
    )
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("takes bookings"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("verification platform")
        verbose_name_plural = _("verification platforms")
        ordering = ["province", "name"]

    def __str__(self) -> str:
        return self.name


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


class PlatformBooking(models.Model):
    """A verification project booked on a platform for some dates; the platform's owner
    confirms it within its capacity or declines it."""

    platform = models.ForeignKey(
        VerificationPlatform, on_delete=models.PROTECT, related_name="bookings"
    )
    call = models.ForeignKey(
        "challenges.Call",
        verbose_name=_("verification project"),
        on_delete=models.CASCADE,
        related_name="platform_bookings",
    )
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"))
    purpose = models.TextField(_("what will be verified"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=12, choices=BookingStatus.choices, default=BookingStatus.REQUESTED
    )
    decision_note = models.TextField(_("note"), max_length=2000, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("platform booking")
        verbose_name_plural = _("platform bookings")
        ordering = ["platform", "start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="verification_booking_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.platform}: {self.call}"


class BookingEvent(Event):
    booking = models.ForeignKey(PlatformBooking, on_delete=models.CASCADE, related_name="events")

    event_labels = "verification.transitions.BOOKING_EVENT_LABELS"
