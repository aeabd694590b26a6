"""Reads that gather several apps for the portal pages."""

from __future__ import annotations

from django.db.models import Count, Q

from accounts.models import Organization, QualificationLevel, VerificationStatus


def organization_counts() -> dict[str, int]:
    """Return verified organizations in total, by qualification, and universities/institutes."""
    return Organization.objects.filter(verification_status=VerificationStatus.VERIFIED).aggregate(
        organizations=Count("pk"),
        little_giants=Count("pk", filter=Q(qualification_level=QualificationLevel.NATIONAL)),
        provincial=Count("pk", filter=Q(qualification_level=QualificationLevel.PROVINCIAL)),
        institutions=Count("pk", filter=Q(kind__in=["university", "institute"])),
    )
