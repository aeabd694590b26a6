from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Fictional demo data (``manage.py seed_demo``); it may import every domain app."""

    name = "demo"
    verbose_name = _("Demo data")
