"""In-app notifications. The text is a message id plus parameters, translated when shown,
so each recipient reads it in the language they chose."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    verb = models.CharField(max_length=60, help_text="Machine-readable kind, e.g. call.published.")
    message = models.CharField(max_length=300)
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # E-mail delivery: when the mail sent at once went out, and when a daily digest held it.
    emailed_at = models.DateTimeField(null=True, blank=True)
    digested_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at", "-created_at"])]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        """The message in the active language, with its parameters filled in."""
        try:
            return gettext(self.message) % self.params
        except (KeyError, TypeError, ValueError):
            return gettext(self.message)


class NotificationPreference(models.Model):
    """How a user receives one category of notifications (``categories.CATEGORIES``).

    Without a row the user reads them in the platform only. Every notification is stored
    and shown in the platform whatever the mode; the mode only adds e-mail.
    """

    class Mode(models.TextChoices):
        IN_APP = "in_app", _("In the platform only")
        IMMEDIATE = "immediate", _("Also by e-mail at once")
        DIGEST = "digest", _("In a daily e-mail digest")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    category = models.CharField(max_length=40)
    mode = models.CharField(max_length=20, choices=Mode.choices, default=Mode.IN_APP)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "category"], name="one_notification_preference_per_category"
            ),
            models.CheckConstraint(
                condition=models.Q(mode__in=["in_app", "immediate", "digest"]),
                name="notification_preference_mode_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.category}: {self.mode}"
