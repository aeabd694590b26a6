from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and organizations")

    def ready(self) -> None:
        from notifications.live import register_organizations_of

        from .selectors import active_organization_ids

        # A user's live page also hears what is pushed to the organizations they act for.
        register_organizations_of(active_organization_ids)
