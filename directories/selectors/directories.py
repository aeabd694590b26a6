"""Reads of recommendation directories: the administrators' lists, a version's entries by
decision, what changed between versions, the live flags of entries, and the public pages
(search and facets over a published version's included entries)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from accounts.models import (
    QUALIFICATION_RANK,
    Organization,
    Qualification,
    QualificationFlag,
    QualificationLevel,
    QualificationStatus,
)
from catalog.models import ChainNode, ListingStatus, Product
from reference.regions import Province

from ..models import (
    Directory,
    DirectoryEntry,
    DirectoryEvent,
    DirectoryKind,
    DirectoryVersion,
    EntryDecision,
    VersionStatus,
    Willingness,
    WillingnessStatus,
)

__all__ = [
    "BECAUSE_LABELS",
    "FLAG_LABELS",
    "PUBLIC_FACETS",
    "EntryFilters",
    "PublicFilters",
    "VersionChanges",
    "because_of",
    "chain_node_options",
    "criteria_summary",
    "decision_counts",
    "directory_events",
    "directory_list",
    "directory_versions",
    "draft_version",
    "entry_flags",
    "latest_published_version",
    "previous_published_version",
    "public_entries",
    "publish_problems",
    "published_directories",
    "published_version",
    "published_versions",
    "version_changes",
    "version_entries",
    "version_export_rows",
    "with_flags",
]

# Flags worked out live for an entry (published versions keep what they said; the flags
# say what has changed since).
WILLINGNESS_WITHDRAWN = "willingness_withdrawn"
QUALIFICATION_LAPSED = "qualification_lapsed"
PRODUCT_UNPUBLISHED = "product_unpublished"
FLAG_LABELS = {
    WILLINGNESS_WITHDRAWN: _("Willingness withdrawn"),
    QUALIFICATION_LAPSED: _("Qualification lapsed"),
    PRODUCT_UNPUBLISHED: _("Product no longer published"),
}
# What a proposal says the candidate met (``DirectoryEntry.proposed_because``).
BECAUSE_LABELS = {
    "willingness": _("Opted in"),
    "qualification": _("Qualification"),
    "province": _("Province"),
    "chain_node": _("Chain node"),
    "industry": _("Industry (GB/T 4754)"),
    "first_use": _("Verified first use"),
    "theme": _("Relevant to the theme"),
}


# --- administrators -----------------------------------------------------------------------


def directory_list() -> QuerySet[Directory]:
    """Every directory with its draft's number and its latest published number."""
    drafts = DirectoryVersion.objects.filter(
        directory=OuterRef("pk"), status=VersionStatus.DRAFT
    ).values("number")[:1]
    published = (
        DirectoryVersion.objects.filter(directory=OuterRef("pk"), status=VersionStatus.PUBLISHED)
        .order_by("-number")
        .values("number")[:1]
    )
    return Directory.objects.select_related("created_by").annotate(
        draft_number=Subquery(drafts), published_number=Subquery(published)
    )


def directory_versions(directory: Directory) -> list[DirectoryVersion]:
    """The versions of a directory, newest first, each with its decision counts."""
    return list(
        directory.versions.select_related("published_by", "created_by")
        .annotate(
            included=Count("entries", filter=Q(entries__decision=EntryDecision.INCLUDED)),
            excluded=Count("entries", filter=Q(entries__decision=EntryDecision.EXCLUDED)),
            candidates=Count("entries", filter=Q(entries__decision=EntryDecision.CANDIDATE)),
        )
        .order_by("-number")
    )


def criteria_summary(directory: Directory) -> list[tuple[object, str]]:
    """The directory's criteria in words: (criterion, what it asks), the unset ones left out."""
    provinces = dict(Province.choices)
    rows: list[tuple[object, str]] = [
        (_("Kind of directory"), str(directory.get_kind_display())),
        (_("Minimum qualification"), str(directory.get_min_qualification_display())),
    ]
    if directory.provinces:
        names = [str(provinces.get(code, code)) for code in directory.provinces]
        rows.append((_("Provinces"), "、".join(names)))
    nodes = [str(node) for node in directory.chain_nodes.select_related("chain")]
    if nodes:
        rows.append((_("Chain nodes (and below)"), "、".join(nodes)))
    industries = [str(industry) for industry in directory.industries.all()]
    if industries:
        rows.append((_("Industries (GB/T 4754)"), "、".join(industries)))
    if directory.require_first_use:
        rows.append((_("Verified first use"), str(_("Required"))))
    if directory.theme:
        rows.append((_("Theme"), directory.theme))
    if directory.categories:
        rows.append((_("Categories"), "、".join(directory.categories)))
    return rows


def draft_version(directory: Directory) -> DirectoryVersion | None:
    return directory.versions.filter(status=VersionStatus.DRAFT).first()


def published_versions(directory: Directory) -> list[DirectoryVersion]:
    """The published versions of a directory, newest first."""
    return list(
        directory.versions.filter(status=VersionStatus.PUBLISHED)
        .select_related("published_by")
        .order_by("-number")
    )


def latest_published_version(directory: Directory) -> DirectoryVersion | None:
    return (
        directory.versions.filter(status=VersionStatus.PUBLISHED)
        .select_related("directory")
        .order_by("-number")
        .first()
    )


def published_version(directory: Directory, number: int | None) -> DirectoryVersion | None:
    """The published version ``number`` of a directory (the latest when None)."""
    if number is None:
        return latest_published_version(directory)
    return (
        directory.versions.filter(status=VersionStatus.PUBLISHED, number=number)
        .select_related("directory")
        .first()
    )


def previous_published_version(version: DirectoryVersion) -> DirectoryVersion | None:
    """The published version before ``version`` (for a draft: the latest published one)."""
    return (
        DirectoryVersion.objects.filter(
            directory_id=version.directory_id,
            status=VersionStatus.PUBLISHED,
            number__lt=version.number,
        )
        .order_by("-number")
        .first()
    )


def directory_events(directory: Directory, *, limit: int = 200) -> list[DirectoryEvent]:
    """The directory's history, oldest first (the last ``limit`` steps)."""
    events = list(
        directory.events.select_related("actor", "version").order_by("-created_at", "-id")[:limit]
    )
    events.reverse()
    return events


def decision_counts(version: DirectoryVersion) -> dict[str, int]:
    counts = {decision: 0 for decision in EntryDecision.values}
    for row in version.entries.values("decision").annotate(count=Count("pk")):
        counts[row["decision"]] = row["count"]
    counts["all"] = sum(counts.values())
    return counts


@dataclass
class EntryFilters:
    decision: str = ""
    text: str = ""
    category: str = ""
    unclassified: bool = False


def version_entries(version: DirectoryVersion, filters: EntryFilters | None = None) -> QuerySet:
    """A version's entries, in the directory's order, narrowed by ``filters``."""
    filters = filters or EntryFilters()
    entries = version.entries.select_related(
        "version__directory", "organization", "product", "qualification", "chain_node", "decided_by"
    )
    if filters.decision in EntryDecision.values:
        entries = entries.filter(decision=filters.decision)
    if filters.text:
        entries = entries.filter(
            Q(title__icontains=filters.text) | Q(organization_name__icontains=filters.text)
        )
    if filters.category:
        entries = entries.filter(category=filters.category)
    if filters.unclassified:
        entries = entries.filter(Q(category="") | Q(chain_node_name=""))
    return entries.order_by("-relevance", "chain_node_name", "category", "title", "pk")


def because_of(entry: DirectoryEntry) -> list[tuple[str, str]]:
    """Why the platform proposed the entry: (criterion, detail) pairs in words."""
    provinces = dict(Province.choices)
    levels = dict(QualificationLevel.choices)
    kinds = dict(DirectoryKind.choices)
    result = []
    for item in entry.proposed_because or []:
        if not isinstance(item, list | tuple) or not item:
            continue
        key, values = str(item[0]), [str(v) for v in item[1:]]
        label = BECAUSE_LABELS.get(key, key)
        if key == "willingness":
            detail = str(kinds.get(values[0], "")) if values else ""
        elif key == "qualification":
            detail = " ".join(
                [str(levels.get(values[0], values[0])), *values[1:]] if values else []
            )
        elif key == "province":
            detail = str(provinces.get(values[0], values[0])) if values else ""
        else:
            detail = " ".join(values)
        if key == "theme" and entry.relevance is not None:
            detail = f"{detail} ({entry.relevance:.2f})"
        result.append((str(label), detail))
    return result


def publish_problems(version: DirectoryVersion) -> list[str]:
    """Why the draft cannot be published yet (empty when it can)."""
    problems = []
    unscreened = version.entries.filter(decision=EntryDecision.CANDIDATE).count()
    if unscreened:
        problems.append(
            ngettext(
                "%(count)d candidate is still to be screened: include or exclude it first.",
                "%(count)d candidates are still to be screened: include or exclude each first.",
                unscreened,
            )
            % {"count": unscreened}
        )
    if not version.entries.filter(decision=EntryDecision.INCLUDED).exists():
        problems.append(gettext("Include at least one entry before publishing."))
    return problems


# --- what changed -------------------------------------------------------------------------


@dataclass
class VersionChanges:
    """What a version changed against the previous published one (None for the first)."""

    previous: DirectoryVersion | None
    added: list[DirectoryEntry] = field(default_factory=list)
    removed: list[DirectoryEntry] = field(default_factory=list)
    # (the entry before, the entry now)
    reclassified: list[tuple[DirectoryEntry, DirectoryEntry]] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or self.reclassified)


def _included(version: DirectoryVersion) -> dict[tuple[int, int | None], DirectoryEntry]:
    return {
        (entry.organization_id, entry.product_id): entry
        for entry in version.entries.filter(decision=EntryDecision.INCLUDED).order_by(
            "chain_node_name", "category", "title", "pk"
        )
    }


def version_changes(version: DirectoryVersion) -> VersionChanges:
    """Entries added, removed and reclassified (chain node or category) in ``version``'s
    included entries, compared with the previous published version."""
    previous = previous_published_version(version)
    changes = VersionChanges(previous=previous)
    if previous is None:
        return changes
    before, now = _included(previous), _included(version)
    changes.added = [entry for key, entry in now.items() if key not in before]
    changes.removed = [entry for key, entry in before.items() if key not in now]
    for key, entry in now.items():
        old = before.get(key)
        if old is not None and (old.chain_node_name, old.category) != (
            entry.chain_node_name,
            entry.category,
        ):
            changes.reclassified.append((old, entry))
    return changes


# --- flags --------------------------------------------------------------------------------


def entry_flags(entries: Iterable[DirectoryEntry]) -> dict[int, list[str]]:
    """The live flags of each entry (by pk): willingness withdrawn (for the directory's
    kind; for products also the product no longer named), qualification lapsed (the
    entry's qualification no longer verified or past its date, or the organization's
    qualification flagged), product no longer published. A constant number of queries."""
    entries = list(entries)
    if not entries:
        return {}
    organization_ids = {e.organization_id for e in entries}
    product_ids = {e.product_id for e in entries if e.product_id}
    kinds = {e.version.directory.kind for e in entries}
    opted_in = set(
        Willingness.objects.filter(
            organization_id__in=organization_ids,
            status=WillingnessStatus.OPTED_IN,
            kind__in=kinds,
        ).values_list("organization_id", "kind")
    )
    named = set(
        Willingness.products.through.objects.filter(
            willingness__status=WillingnessStatus.OPTED_IN,
            willingness__kind=DirectoryKind.PRODUCTS,
            product_id__in=product_ids,
        ).values_list("product_id", flat=True)
    )
    flagged_organizations = set(
        Organization.objects.filter(pk__in=organization_ids)
        .exclude(qualification_flag=QualificationFlag.NONE)
        .values_list("pk", flat=True)
    )
    today = timezone.localdate()
    lapsed_qualifications = set(
        Qualification.objects.filter(
            pk__in={e.qualification_id for e in entries if e.qualification_id}
        )
        .filter(~Q(status=QualificationStatus.VERIFIED) | Q(valid_until__lt=today))
        .values_list("pk", flat=True)
    )
    unpublished = set(
        Product.objects.filter(pk__in=product_ids)
        .exclude(status=ListingStatus.PUBLISHED)
        .values_list("pk", flat=True)
    )
    flags: dict[int, list[str]] = {}
    for entry in entries:
        found = []
        kind = entry.version.directory.kind
        if (entry.organization_id, kind) not in opted_in or (
            kind == DirectoryKind.PRODUCTS and entry.product_id not in named
        ):
            found.append(WILLINGNESS_WITHDRAWN)
        if entry.qualification_id in lapsed_qualifications or (
            entry.organization_id in flagged_organizations
        ):
            found.append(QUALIFICATION_LAPSED)
        if entry.product_id and entry.product_id in unpublished:
            found.append(PRODUCT_UNPUBLISHED)
        flags[entry.pk] = found
    return flags


def with_flags(entries: Iterable[DirectoryEntry]) -> list[DirectoryEntry]:
    """The entries, each with ``flags`` (a list of (key, label)) and the names of its
    province and qualification level, ready for a page."""
    entries = list(entries)
    flags = entry_flags(entries)
    provinces = dict(Province.choices)
    levels = dict(QualificationLevel.choices)
    for entry in entries:
        entry.flag_keys = flags.get(entry.pk, [])
        entry.flags = [(key, FLAG_LABELS[key]) for key in entry.flag_keys]
        entry.province_name = provinces.get(entry.province, entry.province)
        entry.qualification_name = (
            levels.get(entry.qualification_level, "") if entry.qualification_level else ""
        )
    return entries


# --- public pages -------------------------------------------------------------------------


def published_directories() -> list[tuple[Directory, DirectoryVersion]]:
    """Directories with a published version, each with its latest one (with its count of
    included entries), newest year first."""
    directories = list(
        Directory.objects.filter(versions__status=VersionStatus.PUBLISHED).distinct()
    )
    latest = {}
    for version in (
        DirectoryVersion.objects.filter(directory__in=directories, status=VersionStatus.PUBLISHED)
        .annotate(included=Count("entries", filter=Q(entries__decision=EntryDecision.INCLUDED)))
        .order_by("directory_id", "number")
    ):
        latest[version.directory_id] = version
    return [(d, latest[d.pk]) for d in directories if d.pk in latest]


# The facets of a published directory's page: query parameter → entry field.
PUBLIC_FACETS = {
    "province": "province",
    "chain_node": "chain_node_name",
    "category": "category",
    "qualification": "qualification_level",
}
FACET_TITLES = {
    "province": _("Province"),
    "chain_node": _("Chain node"),
    "category": _("Category"),
    "qualification": _("Qualification"),
}
FACET_VALUES_LIMIT = 20


@dataclass
class PublicFilters:
    text: str = ""
    selected: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_querydict(cls, params) -> PublicFilters:
        selected = {}
        for name in PUBLIC_FACETS:
            values = [v[:60] for v in params.getlist(name) if v][:20]
            if values:
                selected[name] = list(dict.fromkeys(values))
        return cls(text=params.get("q", "").strip()[:100], selected=selected)


@dataclass
class PublicListing:
    entries: QuerySet
    # (name, title, [(value, label, count, selected)])
    facets: list[tuple[str, object, list[tuple[str, str, int, bool]]]]


def _facet_labels(name: str, values: list[str]) -> dict[str, str]:
    if name == "province":
        return {k: str(v) for k, v in Province.choices}
    if name == "qualification":
        return {k: str(v) for k, v in QualificationLevel.choices}
    return {v: v for v in values}


def public_entries(version: DirectoryVersion, filters: PublicFilters) -> PublicListing:
    """The included entries of a published version matching the words and the ticked
    facet values (ORed within a facet, ANDed across), and each facet's counts: how many
    entries would show with that value ticked (its own facet's ticks left out)."""
    base = version.entries.filter(decision=EntryDecision.INCLUDED)
    if filters.text:
        base = base.filter(
            Q(title__icontains=filters.text) | Q(organization_name__icontains=filters.text)
        )

    def narrowed(queryset, leave_out: str | None = None):
        for name, values in filters.selected.items():
            if name != leave_out:
                queryset = queryset.filter(**{f"{PUBLIC_FACETS[name]}__in": values})
        return queryset

    facets = []
    for name, column in PUBLIC_FACETS.items():
        rows = (
            narrowed(base, leave_out=name)
            .exclude(**{column: ""})
            .values(column)
            .annotate(count=Count("pk"))
            .order_by("-count", column)
        )
        counts = {row[column]: row["count"] for row in rows}
        selected = filters.selected.get(name, [])
        values = list(counts)[:FACET_VALUES_LIMIT]
        values += [v for v in selected if v not in values]
        if name == "qualification":
            values.sort(key=lambda v: -QUALIFICATION_RANK.get(v, -1))
        labels = _facet_labels(name, values)
        options = [(v, labels.get(v, v), counts.get(v, 0), v in selected) for v in values]
        if options:
            facets.append((name, FACET_TITLES[name], options))
    entries = (
        narrowed(base)
        .select_related("organization", "product", "version__directory")
        .order_by("chain_node_name", "category", "title", "pk")
    )
    return PublicListing(entries=entries, facets=facets)


# --- export -------------------------------------------------------------------------------


def version_export_rows(version: DirectoryVersion) -> Iterable[list]:
    """One row per included entry of the version (the export's sheet): number, name,
    organization, province, qualification, chain node, category, industry code, flags."""
    provinces = dict(Province.choices)
    levels = dict(QualificationLevel.choices)
    entries = list(
        version.entries.filter(decision=EntryDecision.INCLUDED)
        .select_related("version__directory")
        .order_by("chain_node_name", "category", "title", "pk")
    )
    flags = entry_flags(entries)
    for number, entry in enumerate(entries, start=1):
        yield [
            number,
            entry.title,
            entry.organization_name,
            str(provinces.get(entry.province, entry.province)),
            str(levels.get(entry.qualification_level, entry.qualification_level)),
            entry.chain_node_name,
            entry.category,
            entry.industry_code,
            "、".join(str(FLAG_LABELS[key]) for key in flags.get(entry.pk, [])),
        ]


def chain_node_options(directory: Directory) -> list[tuple[str, list[tuple[int, str]]]]:
    """Chain nodes to classify entries under, grouped by chain: the directory's nodes and
    those below them, or every node when the directory names none."""
    nodes = ChainNode.objects.select_related("chain", "parent").order_by(
        "chain__position", "chain__name", "position", "pk"
    )
    chosen = list(directory.chain_nodes.all())
    if chosen:
        ids = {node.pk for node in chosen}
        frontier = set(ids)
        while frontier:
            frontier = (
                set(ChainNode.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
                - ids
            )
            ids |= frontier
        nodes = nodes.filter(pk__in=ids)
    groups: dict[str, list[tuple[int, str]]] = {}
    for node in nodes:
        label = f"{node.parent.name} › {node.name}" if node.parent_id else node.name
        groups.setdefault(node.chain.name, []).append((node.pk, label))
    return list(groups.items())
