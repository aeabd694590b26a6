"""Imports and sources are read here; lists are uploaded and applied on the platform's page,
through the services (see core/admin.py)."""

from django.contrib import admin

from core.admin import ReadOnlyAdmin

from .models import QualificationImport, QualificationSource


@admin.register(QualificationImport)
class QualificationImportAdmin(ReadOnlyAdmin):
    list_display = [
        "file_name",
        "status",
        "rows_total",
        "rows_created",
        "rows_updated",
        "rows_rejected",
        "uploaded_by",
        "created_at",
    ]
    list_filter = ["status"]
    search_fields = ["file_name"]


@admin.register(QualificationSource)
class QualificationSourceAdmin(ReadOnlyAdmin):
    list_display = ["qualification", "qualification_import", "row_number", "batch", "review_date"]
    list_select_related = ["qualification__organization", "qualification_import"]
    search_fields = ["qualification__organization__name", "batch"]
