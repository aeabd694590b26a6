"""Who may import official lists and see what an import found.

Predicates take the user first and answer with a bool; access helpers return the object or
raise ``Http404`` for both "missing" and "forbidden".
"""

from __future__ import annotations

from django.http import Http404

from accounts.rules import is_platform_admin

from .models import QualificationImport
from .transitions import ADMIN


def can_import_qualifications(user) -> bool:
    return is_platform_admin(user)


def import_roles(user) -> set[str]:
    return {ADMIN} if can_import_qualifications(user) else set()


def access_qualification_import(user, pk: int) -> QualificationImport:
    """Return the import for an administrator; 404 for everyone else and for a missing one."""
    if not can_import_qualifications(user):
        raise Http404
    found = QualificationImport.objects.select_related("uploaded_by", "applied_by").filter(pk=pk)
    qualification_import = found.first()
    if qualification_import is None:
        raise Http404
    return qualification_import


# Willingness (企业意愿).


# Directories: curation and public pages.


# Recipients, recommendations, feedback and outcomes.
