"""The registry of innovation centres is kept on the platform's pages, through the services;
the admin only reads it (see core/admin.py)."""

from django.contrib import admin

from core.admin import ReadOnlyAdmin

from .models import CentreMember, InnovationCentre


@admin.register(InnovationCentre)
class InnovationCentreAdmin(ReadOnlyAdmin):
    list_display = ["name", "level", "field", "province", "operator", "is_active"]
    list_filter = ["level", "is_active"]
    list_select_related = ["operator"]
    search_fields = ["name", "field"]


@admin.register(CentreMember)
class CentreMemberAdmin(ReadOnlyAdmin):
    list_display = ["centre", "organization", "role", "joined_on", "via_call", "added_by"]
    list_filter = ["role"]
    list_select_related = ["centre", "organization", "via_call", "added_by"]
    search_fields = ["centre__name", "organization__name"]
