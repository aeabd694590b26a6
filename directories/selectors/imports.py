"""Reads for importing official lists: the imports, and the records one chunk of a list is
compared with (a constant number of queries per chunk)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import QuerySet

from accounts.models import Organization, Qualification

from ..models import QualificationImport, QualificationSource

__all__ = [
    "organizations_by_credit_code",
    "organizations_by_name",
    "qualification_import_list",
    "qualifications_by_key",
    "sources_of",
    "sources_of_import",
]


def qualification_import_list(*, limit: int = 20) -> QuerySet[QualificationImport]:
    return QualificationImport.objects.select_related("uploaded_by", "applied_by")[:limit]


def organizations_by_credit_code(codes: Iterable[str]) -> dict[str, Organization]:
    return {o.credit_code: o for o in Organization.objects.filter(credit_code__in=set(codes))}


def organizations_by_name(names: Iterable[str]) -> dict[str, Organization]:
    return {o.name: o for o in Organization.objects.filter(name__in=set(names))}


def qualifications_by_key(
    organization_ids: Iterable[int],
) -> dict[tuple[int, str, int, str], list[Qualification]]:
    """The qualifications of these organizations by (organization, level, year, batch)."""
    found = defaultdict(list)
    for qualification in Qualification.objects.filter(
        organization_id__in=set(organization_ids)
    ).order_by("pk"):
        key = (qualification.organization_id, qualification.level, qualification.year)
        found[(*key, qualification.batch)].append(qualification)
    return found


def sources_of(qualification_ids: Iterable[int]) -> dict[int, QualificationSource]:
    return {
        s.qualification_id: s
        for s in QualificationSource.objects.filter(qualification_id__in=set(qualification_ids))
    }


def sources_of_import(qualification_import: QualificationImport, *, limit: int = 50):
    return (
        QualificationSource.objects.filter(qualification_import=qualification_import)
        .select_related("qualification__organization")
        .order_by("row_number")[:limit]
    )
