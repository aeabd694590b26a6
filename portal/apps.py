from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """Pages that gather several apps: home, the organization dashboard, the review queue."""

    name = "portal"
    verbose_name = _("Portal")
