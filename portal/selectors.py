"""Reads that gather several apps for the portal pages."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone

from accounts.models import Organization, QualificationLevel, VerificationStatus
from challenges.models import PUBLIC_CALL_STATUSES, Call, CallStatus


def organization_counts() -> dict[str, int]:
    """Return verified organizations in total, by qualification, and universities/institutes."""
    return Organization.objects.filter(verification_status=VerificationStatus.VERIFIED).aggregate(
        organizations=Count("pk"),
        little_giants=Count("pk", filter=Q(qualification_level=QualificationLevel.NATIONAL)),
        provincial=Count("pk", filter=Q(qualification_level=QualificationLevel.PROVINCIAL)),
        institutions=Count("pk", filter=Q(kind__in=["university", "institute"])),
    )


def call_counts() -> dict[str, int]:
    """Return public calls in total and those open for applications now."""
    return Call.objects.filter(status__in=PUBLIC_CALL_STATUSES).aggregate(
        calls=Count("pk"),
        open_calls=Count("pk", filter=Q(status=CallStatus.PUBLISHED, deadline__gt=timezone.now())),
    )
