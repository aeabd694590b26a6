from django.contrib import admin

from core.admin import ReadOnlyAdmin

from .models import Notification


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    """Notifications are written by services when something happens; read them here."""

    list_display = ["recipient", "verb", "created_at", "read_at"]
    list_filter = ["verb"]
