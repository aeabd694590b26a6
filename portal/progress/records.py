"""The records behind a figure as a table: headings, and per record its cells and the page
it has, when the viewer may open one.

Each kind of record names the relations its cells read, so a page of records costs a fixed
number of queries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import rules as account_rules
from accounts.models import Organization
from catalog.models import (
    ChainNode,
    IndustryChain,
    ListingStatus,
    OpenResource,
    Product,
    ResearchResult,
)
from catalog.models import ProductVerification as FirstUse
from centres.models import CentreMember
from challenges import rules as call_rules
from challenges.models import Application, Award, Call, Tranche
from directories.models import Directory, DirectoryVersion, Outcome, Recommendation
from docking import rules as docking_rules
from docking.models import Deal, Interest

__all__ = ["RecordRow", "record_headings", "record_rows", "records_ordered"]


@dataclass(frozen=True)
class RecordRow:
    cells: Sequence
    url: str | None

    @property
    def shown(self) -> list[str]:
        """The cells as the page shows them: dates as dates, nothing for no value."""
        return [_shown(cell) for cell in self.cells]


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class _Kind:
    headings: Sequence[str]
    related: Sequence[str]
    order: Sequence[str]
    row: Callable[[Model, object], RecordRow]


def _organization_url(viewer, organization: Organization) -> str | None:
    if not account_rules.can_view_organization(viewer, organization):
        return None
    return reverse("portal:organization_detail", args=[organization.pk])


def _listing_url(viewer, listing) -> str | None:
    if listing.status == ListingStatus.PUBLISHED or account_rules.is_platform_admin(viewer):
        return listing.get_absolute_url()
    return None


def _call_url(viewer, call: Call) -> str | None:
    return call.get_absolute_url() if call_rules.can_view_call(viewer, call) else None


def _recommendation_url(viewer, recommendation: Recommendation) -> str | None:
    """The recommendation's page for administrators; for the others overseeing the platform,
    the firm's profile (a recommendation is shown only to those it concerns)."""
    if account_rules.is_platform_admin(viewer):
        return reverse("directories:recommendation_detail", args=[recommendation.pk])
    return _organization_url(viewer, recommendation.entry.organization)


def _directory_url(viewer, directory: Directory, version: DirectoryVersion | None = None) -> str:
    """The curation page for administrators, the public page of the directory otherwise."""
    if not account_rules.is_platform_admin(viewer):
        return reverse("directories:published_detail", args=[directory.pk])
    if version is not None:
        return reverse("directories:version_detail", args=[version.pk])
    return reverse("directories:directory_detail", args=[directory.pk])


def _organization_row(organization: Organization, viewer) -> RecordRow:
    return RecordRow(
        [
            organization.name,
            organization.get_kind_display(),
            organization.get_province_display(),
            organization.get_qualification_level_display(),
        ],
        _organization_url(viewer, organization),
    )


def _product_row(product: Product, viewer) -> RecordRow:
    return RecordRow(
        [product.title, product.organization.name, product.get_status_display()],
        _listing_url(viewer, product),
    )


def _listing_row(listing, viewer) -> RecordRow:
    return RecordRow(
        [listing.title, listing.organization.name, listing.published_at],
        _listing_url(viewer, listing),
    )


def _version_label(version: DirectoryVersion) -> str:
    return f"{version.directory.title} v{version.number}"


def _recommendation_row(recommendation: Recommendation, viewer) -> RecordRow:
    entry = recommendation.entry
    return RecordRow(
        [
            entry.title,
            entry.organization_name,
            _version_label(entry.version),
            recommendation.recipient.organization.name,
            recommendation.recipient.get_channel_display(),
            recommendation.get_status_display(),
            recommendation.created_at,
        ],
        _recommendation_url(viewer, recommendation),
    )


def _outcome_row(outcome: Outcome, viewer) -> RecordRow:
    recommendation = outcome.recommendation
    return RecordRow(
        [
            outcome.get_stage_display(),
            outcome.happened_on,
            recommendation.entry.title,
            recommendation.recipient.organization.name,
            outcome.amount,
        ],
        _recommendation_url(viewer, recommendation),
    )


def _version_row(version: DirectoryVersion, viewer) -> RecordRow:
    directory = version.directory
    return RecordRow(
        [
            directory.title,
            version.number,
            directory.get_kind_display(),
            directory.year,
            version.published_at,
        ],
        _directory_url(viewer, directory, version),
    )


def _directory_row(directory: Directory, viewer) -> RecordRow:
    return RecordRow(
        [directory.title, directory.get_kind_display(), directory.year],
        _directory_url(viewer, directory),
    )


def _call_row(call: Call, viewer) -> RecordRow:
    return RecordRow(
        [
            call.title,
            call.get_kind_display(),
            # An anonymous call's issuer is named to administrators only (measure 十三).
            call_rules.issuer_name_for(viewer, call),
            call.published_at,
            call.get_status_display(),
        ],
        _call_url(viewer, call),
    )


def _application_row(application: Application, viewer) -> RecordRow:
    # An application's page is for its applicant, the issuer's side and administrators; the
    # others overseeing the platform open the call instead.
    if account_rules.is_platform_admin(viewer):
        url = application.get_absolute_url()
    else:
        url = _call_url(viewer, application.call)
    return RecordRow(
        [
            application.applicant.name,
            application.call.title,
            application.call.get_kind_display(),
            application.submitted_at,
            application.get_status_display(),
        ],
        url,
    )


def _award_row(award: Award, viewer) -> RecordRow:
    return RecordRow(
        [
            award.call.title,
            award.call.get_kind_display(),
            award.application.applicant.name,
            award.amount,
            award.created_at,
        ],
        _call_url(viewer, award.call),
    )


def _first_use_row(first_use: FirstUse, viewer) -> RecordRow:
    return RecordRow(
        [
            first_use.product.title,
            first_use.product.organization.name,
            first_use.user_organization.name,
            first_use.project,
            first_use.verified_at,
        ],
        _listing_url(viewer, first_use.product),
    )


def _chain_row(chain: IndustryChain, viewer) -> RecordRow:
    return RecordRow([chain.name], chain.get_absolute_url())


def _node_row(node: ChainNode, viewer) -> RecordRow:
    return RecordRow(
        [node.chain.name, node.name, node.get_stage_display()], node.chain.get_absolute_url()
    )


def _interest_url(viewer, interest: Interest) -> str | None:
    """The interest's page for those who may see it (administrators); the target's page
    for the others overseeing the platform, when they may see it."""
    if docking_rules.can_view_interest(viewer, interest):
        return reverse("docking:interest_detail", args=[interest.pk])
    target = interest.target
    if isinstance(target, Call):
        return _call_url(viewer, target)
    return _listing_url(viewer, target)


def _owner_name(interest: Interest, viewer) -> str:
    """The owner's name; for an anonymous call's issuer, as the viewer may read it."""
    if interest.call_id:
        return call_rules.issuer_name_for(viewer, interest.call)
    return interest.owner.name


def _interest_row(interest: Interest, viewer) -> RecordRow:
    target = interest.target
    return RecordRow(
        [
            interest.requester.name,
            target.title,
            _owner_name(interest, viewer),
            interest.get_wants_display(),
            interest.created_at,
            interest.get_status_display(),
        ],
        _interest_url(viewer, interest),
    )


def _deal_row(deal: Deal, viewer) -> RecordRow:
    interest = deal.interest
    return RecordRow(
        [
            interest.target.title,
            _owner_name(interest, viewer),
            interest.requester.name,
            deal.get_kind_display(),
            deal.amount,
            deal.signed_on,
        ],
        _interest_url(viewer, interest),
    )


def _tranche_row(tranche: Tranche, viewer) -> RecordRow:
    # Money against milestones: the application's page for administrators, else the call.
    application = tranche.award.application
    if account_rules.is_platform_admin(viewer):
        url = application.get_absolute_url()
    else:
        url = _call_url(viewer, application.call)
    return RecordRow(
        [
            application.call.title,
            application.applicant.name,
            tranche.milestone.title,
            tranche.amount,
            tranche.get_status_display(),
            tranche.created_at,
            tranche.released_at,
        ],
        url,
    )


def _centre_member_row(member: CentreMember, viewer) -> RecordRow:
    return RecordRow(
        [
            member.centre.name,
            member.organization.name,
            member.get_role_display(),
            member.via_call.title if member.via_call else "",
            member.joined_on,
        ],
        member.centre.get_absolute_url(),
    )


_INTEREST_RELATED = ("requester", "owner", "result", "product", "resource", "call__issuer")

_LISTING_HEADINGS = (_("Title"), _("Organization"), _("Published on"))

KINDS: dict[type[Model], _Kind] = {
    Organization: _Kind(
        (_("Name"), _("Kind"), _("Province"), _("Qualification")), (), ("name",), _organization_row
    ),
    Product: _Kind(
        (_("Product"), _("Organization"), _("Status")),
        ("organization",),
        ("title", "pk"),
        _product_row,
    ),
    Recommendation: _Kind(
        (
            _("Entry"),
            _("Firm"),
            _("Directory"),
            _("Recipient"),
            _("Channel"),
            _("Feedback"),
            _("Recommended on"),
        ),
        ("entry__organization", "entry__version__directory", "recipient__organization"),
        ("-created_at", "-pk"),
        _recommendation_row,
    ),
    Outcome: _Kind(
        (_("Stage"), _("Date"), _("Entry"), _("Recipient"), _("Amount (10,000 yuan)")),
        ("recommendation__entry__organization", "recommendation__recipient__organization"),
        ("-happened_on", "-pk"),
        _outcome_row,
    ),
    DirectoryVersion: _Kind(
        (_("Directory"), _("Version"), _("Kind"), _("Year"), _("Published on")),
        ("directory",),
        ("-published_at", "-pk"),
        _version_row,
    ),
    Directory: _Kind(
        (_("Directory"), _("Kind"), _("Year")), (), ("-year", "title"), _directory_row
    ),
    Call: _Kind(
        (_("Call"), _("Kind"), _("Issuer"), _("Published on"), _("Status")),
        ("issuer",),
        ("-published_at", "-pk"),
        _call_row,
    ),
    Application: _Kind(
        (_("Applicant"), _("Call"), _("Kind of call"), _("Submitted on"), _("Status")),
        ("applicant", "call"),
        ("-submitted_at", "-pk"),
        _application_row,
    ),
    Award: _Kind(
        (_("Call"), _("Kind of call"), _("Winner"), _("Amount (yuan)"), _("Awarded on")),
        ("call", "application__applicant"),
        ("-created_at", "-pk"),
        _award_row,
    ),
    Tranche: _Kind(
        (
            _("Call"),
            _("Winner"),
            _("Milestone"),
            _("Amount (yuan)"),
            _("Status"),
            _("Set on"),
            _("Released on"),
        ),
        ("award__application__call", "award__application__applicant", "milestone"),
        ("-created_at", "-pk"),
        _tranche_row,
    ),
    CentreMember: _Kind(
        (
            _("Innovation centre"),
            _("Organization"),
            _("Role"),
            _("Through the call"),
            _("Joined on"),
        ),
        ("centre", "organization", "via_call"),
        ("-created_at", "-pk"),
        _centre_member_row,
    ),
    FirstUse: _Kind(
        (_("Product"), _("Firm"), _("User firm"), _("Verification project"), _("Verified on")),
        ("product__organization", "user_organization"),
        ("-verified_at", "-pk"),
        _first_use_row,
    ),
    IndustryChain: _Kind((_("Industrial chain"),), (), ("position", "name"), _chain_row),
    ChainNode: _Kind(
        (_("Industrial chain"), _("Chain node"), _("Stage")),
        ("chain",),
        ("chain__position", "chain__name", "position", "pk"),
        _node_row,
    ),
    OpenResource: _Kind(
        _LISTING_HEADINGS, ("organization",), ("-published_at", "-pk"), _listing_row
    ),
    ResearchResult: _Kind(
        _LISTING_HEADINGS, ("organization",), ("-published_at", "-pk"), _listing_row
    ),
    Interest: _Kind(
        (
            _("Interested organization"),
            _("Target"),
            _("Owner"),
            _("Wants"),
            _("Expressed on"),
            _("Status"),
        ),
        _INTEREST_RELATED,
        ("-created_at", "-pk"),
        _interest_row,
    ),
    Deal: _Kind(
        (
            _("Target"),
            _("Owner"),
            _("Interested organization"),
            _("Kind of contract"),
            _("Amount (10,000 yuan)"),
            _("Signed on"),
        ),
        tuple(f"interest__{path}" for path in _INTEREST_RELATED),
        ("-signed_on", "-pk"),
        _deal_row,
    ),
}


def records_ordered(records: QuerySet) -> QuerySet:
    """``records`` with what their rows read, in the order the list shows them."""
    kind = KINDS[records.model]
    return records.select_related(*kind.related).order_by(*kind.order)


def record_headings(model: type[Model]) -> Sequence[str]:
    return KINDS[model].headings


def record_rows(records: Iterable[Model], viewer) -> list[RecordRow]:
    rows = []
    for record in records:
        rows.append(KINDS[type(record)].row(record, viewer))
    return rows
