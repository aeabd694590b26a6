"""The administrators' panel of the workspace: the curation work of measure 十二 waiting for
them, and where the platform stands against the measure's targets. A fixed number of
queries (one per count)."""

from __future__ import annotations

from django.utils import timezone

from directories.models import (
    DirectoryVersion,
    ImportStatus,
    QualificationImport,
    Recipient,
    Recommendation,
    RecommendationStatus,
    VersionStatus,
)

from .dashboard import figure_view
from .figures import FIGURES, Filters

__all__ = ["admin_panel"]


def admin_panel(*, is_platform_admin: bool) -> dict:
    """The counts of the panel: the targets for everyone who oversees the platform, and the
    curation queues for platform administrators."""
    panel = {
        "targets": [
            figure_view(FIGURES[key], Filters())
            for key in ("firms_recommended", "products_recommended")
        ],
        "year": timezone.localdate().year,
        "full": is_platform_admin,
    }
    if is_platform_admin:
        panel.update(
            imports_to_apply=QualificationImport.objects.filter(
                status=ImportStatus.DRY_RUN
            ).count(),
            directories_in_preparation=DirectoryVersion.objects.filter(
                status=VersionStatus.DRAFT
            ).count(),
            recipients=Recipient.objects.filter(is_active=True).count(),
            awaiting_feedback=Recommendation.objects.filter(
                status=RecommendationStatus.SENT
            ).count(),
        )
    return panel
