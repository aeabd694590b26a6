from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """In-app notifications: rows first (never lost), live delivery on top later."""

    name = "notifications"
    verbose_name = _("Notifications")
