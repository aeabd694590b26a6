"""The Django admin reads domain records; it never writes around the services.

A save in the admin would skip what every service does (check who may, record the event,
queue the search outbox and notifications), so domain models are registered with
``ReadOnlyAdmin``, and the changes operators need are admin actions that call a service.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin, messages


class ReadOnlyAdmin(admin.ModelAdmin):
    """List, search and view records; no add, change or delete form."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


def service_action(
    name: str,
    description,
    call: Callable,
    *,
    done,
    error_types: tuple[type[Exception], ...],
) -> Callable:
    """Return the admin action ``name`` that calls ``call(actor, obj)`` for each record.

    Refusals (``error_types``) are reported per record and change nothing for that record;
    the others still go through, each in its own transaction (the service's).
    """

    def action(modeladmin, request, queryset):
        succeeded = 0
        for obj in queryset:
            try:
                call(request.user, obj)
            except error_types as error:
                message = getattr(error, "message", None) or "; ".join(
                    getattr(error, "messages", [str(error)])
                )
                modeladmin.message_user(request, f"{obj}: {message}", messages.WARNING)
            else:
                succeeded += 1
        if succeeded:
            modeladmin.message_user(request, done % {"count": succeeded}, messages.SUCCESS)

    action.__name__ = name
    action.short_description = description
    # Changing status is not "change" permission (the forms are gone): view is enough.
    action.allowed_permissions = ("view",)
    return action
