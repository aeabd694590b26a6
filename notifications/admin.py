from django.contrib import admin

from core.admin import ReadOnlyAdmin

from .models import Notification, NotificationPreference


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    """Notifications are written by services when something happens; read them here."""

    list_display = ["recipient", "verb", "created_at", "read_at", "emailed_at", "digested_at"]
    list_filter = ["verb"]


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(ReadOnlyAdmin):
    """Users choose these on their preferences page (``notification_preferences_set``)."""

    list_display = ["user", "category", "mode", "updated_at"]
    list_filter = ["category", "mode"]
