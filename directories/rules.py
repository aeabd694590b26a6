"""Who may import official lists and see what an import found.

Predicates take the user first and answer with a bool; access helpers return the object or
raise ``Http404`` for both "missing" and "forbidden".
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization, OrganizationKind
from accounts.rules import is_member, is_org_admin, is_platform_admin

from .models import (
    Directory,
    DirectoryEntry,
    DirectoryVersion,
    QualificationImport,
    Recipient,
    Recommendation,
    VersionStatus,
)
from .transitions import ADMIN, OWNER, RECIPIENT


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


def can_see_willingness(user, organization: Organization) -> bool:
    """An organization's declarations: its members, and the platform administrators who
    curate the directories (they read; only the organization declares)."""
    return is_member(user, organization) or is_platform_admin(user)


def can_declare_willingness(user, organization: Organization) -> bool:
    """Declare, change or withdraw: the organization's administrators."""
    return is_org_admin(user, organization)


def willingness_roles(user, organization: Organization) -> set[str]:
    """Roles towards an organization's declarations, for ``transitions``."""
    return {OWNER} if can_declare_willingness(user, organization) else set()


def willingness_problems(organization: Organization) -> list:
    """Why the organization cannot declare willingness (empty: it can). Directories list
    verified SMEs and their products only."""
    problems = []
    if organization.kind != OrganizationKind.SME:
        problems.append(
            _("Only SMEs declare willingness: directories recommend SMEs and their products.")
        )
    if not organization.is_verified:
        problems.append(
            _("The organization must be verified by an administrator before it can declare.")
        )
    return problems


def access_willingness_organization(user, pk: int) -> Organization:
    """Return the organization whose declarations its members see; 404 otherwise."""
    organization = Organization.objects.filter(pk=pk).first()
    if organization is None or not can_see_willingness(user, organization):
        raise Http404
    return organization


# Directories: curation and public pages.


def can_curate_directories(user) -> bool:
    """Create directories, propose, screen, classify and publish: platform administrators."""
    return is_platform_admin(user)


def directory_roles(user) -> set[str]:
    """Roles towards a directory's versions and entries, for ``transitions``."""
    return {ADMIN} if can_curate_directories(user) else set()


def access_directory(user, pk: int) -> Directory:
    """Return the directory for an administrator; 404 for everyone else and a missing one."""
    if not can_curate_directories(user):
        raise Http404
    directory = Directory.objects.select_related("created_by").filter(pk=pk).first()
    if directory is None:
        raise Http404
    return directory


def access_version(user, pk: int) -> DirectoryVersion:
    """Return any version (draft or published) for an administrator; 404 otherwise."""
    if not can_curate_directories(user):
        raise Http404
    version = (
        DirectoryVersion.objects.select_related("directory", "published_by", "created_by")
        .filter(pk=pk)
        .first()
    )
    if version is None:
        raise Http404
    return version


def access_entry(user, pk: int) -> DirectoryEntry:
    """Return an entry for an administrator; 404 otherwise."""
    if not can_curate_directories(user):
        raise Http404
    entry = DirectoryEntry.objects.select_related("version__directory").filter(pk=pk).first()
    if entry is None:
        raise Http404
    return entry


def access_published_directory(user, pk: int) -> Directory:
    """Return a directory with at least one published version, for anyone (anonymous
    visitors too); 404 for one never published and a missing one."""
    published = Directory.objects.filter(pk=pk, versions__status=VersionStatus.PUBLISHED)
    directory = published.distinct().first()
    if directory is None:
        raise Http404
    return directory


# Recipients, recommendations, feedback and outcomes.


def can_manage_recipients(user) -> bool:
    """Register, edit, deactivate and reactivate recipients: platform administrators."""
    return is_platform_admin(user)


def can_recommend(user) -> bool:
    """Recommend directory entries to recipients, and read every recommendation."""
    return is_platform_admin(user)


def is_recipient_member(user, recommendation: Recommendation) -> bool:
    return is_member(user, recommendation.recipient.organization)


def is_firm_member(user, recommendation: Recommendation) -> bool:
    return is_member(user, recommendation.entry.organization)


def can_view_recommendation(user, recommendation: Recommendation) -> bool:
    """The recipient it is addressed to, the firm recommended, platform administrators."""
    if is_platform_admin(user):
        return True
    if is_recipient_member(user, recommendation):
        return True
    return is_firm_member(user, recommendation)


def can_see_feedback_note(user, recommendation: Recommendation) -> bool:
    """Why the recipient answered as it did: the recipient and administrators (the firm
    sees the answer, not the reason)."""
    if is_platform_admin(user):
        return True
    return is_recipient_member(user, recommendation)


def recommendation_roles(user, recommendation: Recommendation) -> set[str]:
    """Roles towards a recommendation's feedback, for ``transitions``."""
    return {RECIPIENT} if is_recipient_member(user, recommendation) else set()


def can_invite_from_recommendation(user, recommendation: Recommendation) -> bool:
    """Invite the recommended firm to one of the recipient's calls: the recipient's members
    (the call itself then asks for one of its handlers)."""
    return is_recipient_member(user, recommendation)


def outcome_side(user, recommendation: Recommendation) -> Organization | None:
    """The organization a user records outcomes for: the recipient's or the firm's."""
    if is_recipient_member(user, recommendation):
        return recommendation.recipient.organization
    if is_firm_member(user, recommendation):
        return recommendation.entry.organization
    return None


def can_record_outcome(user, recommendation: Recommendation) -> bool:
    return outcome_side(user, recommendation) is not None


def access_recipient(user, pk: int) -> Recipient:
    """Return the recipient for an administrator; 404 for everyone else and a missing one."""
    if not can_manage_recipients(user):
        raise Http404
    recipient = Recipient.objects.select_related("organization").filter(pk=pk).first()
    if recipient is None:
        raise Http404
    return recipient


def access_recommendation(user, pk: int) -> Recommendation:
    """Return the recommendation for those who may see it; 404 otherwise."""
    found = Recommendation.objects.select_related(
        "entry__version__directory",
        "entry__organization",
        "entry__product",
        "recipient__organization",
        "recommended_by",
        "feedback_by",
        "invitation__call",
    ).filter(pk=pk)
    recommendation = found.first()
    if recommendation is None or not can_view_recommendation(user, recommendation):
        raise Http404
    return recommendation


def access_recipient_of_member(user, organization_pk: int) -> Recipient:
    """Return the recipient record of the organization for its members (what was addressed
    to it); 404 for everyone else and for an organization that receives nothing."""
    recipient = (
        Recipient.objects.select_related("organization")
        .filter(organization_id=organization_pk)
        .first()
    )
    if recipient is None or not is_member(user, recipient.organization):
        raise Http404
    return recipient


def access_firm_of_member(user, organization_pk: int) -> Organization:
    """Return the organization for its members (to whom it was recommended); 404 otherwise."""
    organization = Organization.objects.filter(pk=organization_pk).first()
    if organization is None or not is_member(user, organization):
        raise Http404
    return organization
