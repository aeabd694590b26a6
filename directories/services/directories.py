"""Recommendation directories (推荐目录): criteria, candidates the platform proposes,
screening, classification, and numbered versions that never change once published.

A directory is created with its draft version 1. ``directory_propose`` fills the draft with
the opted-in organizations (or products) that meet the criteria; the administrator includes
or excludes each (an exclusion needs its reason), classifies entries by chain node and
category, and publishes. A published version is never written again: every service below
refuses with "Published versions never change." The next version is a new draft that starts
as a copy of the latest published one.

Willingness rules everything: nothing that is not opted in is proposed, and an entry whose
willingness was withdrawn leaves every draft it is in (the willingness services take it out
at once; proposing, starting a version and publishing check again).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import (
    QUALIFICATION_RANK,
    Organization,
    Qualification,
    QualificationLevel,
    QualificationStatus,
    User,
    VerificationStatus,
)
from catalog.models import (
    ChainNode,
    ListingStatus,
    OpenResource,
    Product,
    ProductVerification,
    ResearchResult,
)
from core.exceptions import InvalidState, NotAllowed
from reference.models import Industry
from reference.regions import Province
from search.analysis import get_analyzer
from search.engines import get_engine
from search.engines.base import EngineUnavailable, SearchQuery
from workflow import apply

from .. import rules
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
from ..selectors.directories import publish_problems
from ..transitions import ENTRY_TRANSITIONS, VERSION_TRANSITIONS

__all__ = [
    "MAX_CATEGORIES",
    "directory_create",
    "directory_propose",
    "directory_update",
    "entry_classify",
    "entry_exclude",
    "entry_include",
    "version_publish",
    "version_start_next",
]

MAX_CATEGORIES = 30
CATEGORY_LENGTH = 60
# Hits asked of the search engine for a theme: more than any directory holds.
MAX_THEME_HITS = 5000


def _never_change() -> InvalidState:
    return InvalidState(_("Published versions never change."))


def _not_allowed() -> NotAllowed:
    return NotAllowed(VERSION_TRANSITIONS.not_allowed)


def _ensure_curator(actor) -> None:
    if not rules.can_curate_directories(actor):
        raise _not_allowed()


def _record(
    directory, actor, action, *, version=None, entry=None, subject="", note="", **statuses
) -> None:
    DirectoryEvent.objects.create(
        directory=directory,
        version=version,
        entry=entry,
        subject=(entry.title if entry is not None else subject)[:120],
        actor=actor,
        action=action,
        note=note,
        from_status=statuses.get("from_status", ""),
        to_status=statuses.get("to_status", ""),
    )


def _record_entry_move(entry, actor, action, from_status, to_status, note, transition) -> None:
    version = entry.version
    _record(
        version.directory,
        actor,
        transition.event_action,
        version=version,
        entry=entry,
        note=note,
        from_status=from_status,
        to_status=to_status,
    )


def _record_version_move(version, actor, action, from_status, to_status, note, transition):
    _record(
        version.directory,
        actor,
        transition.event_action,
        version=version,
        note=note,
        from_status=from_status,
        to_status=to_status,
    )


# --- criteria -----------------------------------------------------------------------------


def _clean_categories(categories: Iterable[str]) -> list[str]:
    cleaned: list[str] = []
    for category in categories:
        category = " ".join(str(category).split())
        if category and category not in cleaned:
            cleaned.append(category)
    problems = []
    if len(cleaned) > MAX_CATEGORIES:
        problems.append(_("At most %(count)d categories; merge some.") % {"count": MAX_CATEGORIES})
    too_long = [c for c in cleaned if len(c) > CATEGORY_LENGTH]
    if too_long:
        problems.append(
            _("A category has at most %(limit)d characters: “%(category)s”.")
            % {"limit": CATEGORY_LENGTH, "category": too_long[0][:80]}
        )
    if problems:
        raise ValidationError({"categories": problems})
    return cleaned


def _clean_provinces(provinces: Iterable[str]) -> list[str]:
    provinces = list(dict.fromkeys(str(p) for p in provinces if p))
    unknown = [p for p in provinces if p not in Province.values]
    if unknown:
        raise ValidationError(
            {"provinces": _("Unknown province: %(code)s.") % {"code": unknown[0]}}
        )
    return provinces


def _set_criteria(directory: Directory, data: dict) -> tuple[list, list]:
    """Copy the criteria in ``data`` onto ``directory`` (unsaved); return the chain nodes
    and industries to set once it is saved."""
    for name in ("title", "theme"):
        if name in data:
            setattr(directory, name, " ".join(str(data[name] or "").split()))
    if "scope" in data:
        directory.scope = str(data["scope"] or "").strip()
    if "year" in data:
        directory.year = data["year"]
    if "min_qualification" in data:
        directory.min_qualification = data["min_qualification"]
    if "require_first_use" in data:
        directory.require_first_use = bool(data["require_first_use"])
    if "provinces" in data:
        directory.provinces = _clean_provinces(data["provinces"] or [])
    if "categories" in data:
        directory.categories = _clean_categories(data["categories"] or [])
    directory.full_clean(exclude=["created_by"])
    return list(data.get("chain_nodes") or []), list(data.get("industries") or [])


CRITERIA = (
    "title",
    "year",
    "scope",
    "min_qualification",
    "provinces",
    "chain_nodes",
    "industries",
    "require_first_use",
    "theme",
    "categories",
)


@transaction.atomic
def directory_create(
    *,
    actor: User,
    kind: str,
    title: str,
    year: int,
    scope: str = "",
    min_qualification: str = QualificationLevel.PROVINCIAL,
    provinces: Iterable[str] = (),
    chain_nodes: Iterable[ChainNode] = (),
    industries: Iterable[Industry] = (),
    require_first_use: bool = False,
    theme: str = "",
    categories: Iterable[str] = (),
) -> Directory:
    """Create a directory with its criteria, and its draft version 1 (event "created")."""
    _ensure_curator(actor)
    if kind not in DirectoryKind.values:
        raise ValidationError({"kind": _("Choose a kind of directory.")})
    directory = Directory(kind=kind, created_by=actor)
    nodes, industry_list = _set_criteria(
        directory,
        {
            "title": title,
            "year": year,
            "scope": scope,
            "min_qualification": min_qualification,
            "provinces": provinces,
            "chain_nodes": chain_nodes,
            "industries": industries,
            "require_first_use": require_first_use,
            "theme": theme,
            "categories": categories,
        },
    )
    directory.save()
    directory.chain_nodes.set(nodes)
    directory.industries.set(industry_list)
    version = DirectoryVersion.objects.create(directory=directory, number=1, created_by=actor)
    _record(directory, actor, "created", version=version, note=directory.title)
    return directory


@transaction.atomic
def directory_update(*, actor: User, directory: Directory, **criteria) -> Directory:
    """Change the title, scope or criteria (event "updated"). The kind never changes.

    The new criteria apply to the next proposal; entries already in the draft stay. A
    category still used by an entry of the draft cannot be removed.
    """
    _ensure_curator(actor)
    unknown = set(criteria) - set(CRITERIA)
    if unknown:
        raise TypeError(f"Unknown criteria: {sorted(unknown)}")
    directory = Directory.objects.select_for_update().get(pk=directory.pk)
    nodes, industry_list = _set_criteria(directory, criteria)
    if "categories" in criteria:
        draft = directory.versions.filter(status=VersionStatus.DRAFT).first()
        if draft is not None:
            used = set(
                draft.entries.exclude(category="").values_list("category", flat=True).distinct()
            )
            removed = sorted(used - set(directory.categories))
            if removed:
                raise ValidationError(
                    {
                        "categories": _(
                            "The category “%(category)s” is used by entries of the draft; "
                            "classify them otherwise first."
                        )
                        % {"category": removed[0]}
                    }
                )
    directory.save()
    if "chain_nodes" in criteria:
        directory.chain_nodes.set(nodes)
    if "industries" in criteria:
        directory.industries.set(industry_list)
    _record(directory, actor, "updated", note=directory.title)
    return directory


# --- proposing candidates -----------------------------------------------------------------


@dataclass
class _Candidate:
    organization: Organization
    product: Product | None = None
    qualification: Qualification | None = None
    chain_node: ChainNode | None = None
    relevance: float | None = None
    because: list[list[str]] = field(default_factory=list)

    @property
    def key(self) -> tuple[int, int | None]:
        return (self.organization.pk, self.product.pk if self.product else None)


def _descendants(nodes: Iterable[ChainNode]) -> set[int]:
    """The ids of ``nodes`` and of every node below them."""
    found = {node.pk for node in nodes}
    frontier = set(found)
    while frontier:
        children = set(
            ChainNode.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
        )
        frontier = children - found
        found |= frontier
    return found


def _industry_q(path: str, industries: list[Industry]) -> Q:
    """Records whose industry (at ``path``) falls under any of ``industries`` (GB/T 4754:
    a code's prefix is its parent's code; a section is a letter)."""
    condition = Q()
    for industry in industries:
        if industry.code.isalpha():
            condition |= Q(**{f"{path}__section_id": industry.code}) | Q(
                **{f"{path}_id": industry.code}
            )
        else:
            condition |= Q(**{f"{path}__code__startswith": industry.code})
    return condition


def _qualifying(directory: Directory, organization_ids: Iterable[int]) -> dict[int, Qualification]:
    """The best verified, unexpired qualification of each organization that meets the
    directory's minimum (organizations without one are left out)."""
    minimum = QUALIFICATION_RANK[directory.min_qualification]
    levels = [level for level, rank in QUALIFICATION_RANK.items() if rank >= minimum and rank]
    today = timezone.localdate()
    best: dict[int, Qualification] = {}
    for qualification in Qualification.objects.filter(
        organization_id__in=set(organization_ids),
        status=QualificationStatus.VERIFIED,
        level__in=levels,
    ).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today)):
        current = best.get(qualification.organization_id)
        rank = (QUALIFICATION_RANK[qualification.level], qualification.year, qualification.pk)
        if current is None or rank > (
            QUALIFICATION_RANK[current.level],
            current.year,
            current.pk,
        ):
            best[qualification.organization_id] = qualification
    return best


def _theme_relevance(theme: str, types: list[str], key: str) -> dict[int, float] | None:
    """Relevance (0–1, the best hit 1) of records to the theme, by ``key`` (the hit's
    ``pk`` or ``organization_id``), through the search engine; None without a theme."""
    terms = get_analyzer().query_terms(theme) if theme else []
    if not terms:
        return None
    query = SearchQuery(
        terms={term: 1.0 for term in terms},
        minimum_should_match=len(terms) if len(terms) <= 2 else math.ceil(len(terms) * 0.6),
        filters={"type": types},
        limit=MAX_THEME_HITS,
    )
    try:
        hits = get_engine().search(query).hits
    except EngineUnavailable:
        raise InvalidState(
            _(
                "Search is unavailable just now, so candidates relevant to the theme cannot be "
                "found. Try again shortly."
            )
        ) from None
    best = max((hit.score for hit in hits), default=0.0) or 1.0
    relevance: dict[int, float] = {}
    for hit in hits:
        value = getattr(hit, key)
        if value is None:
            continue
        score = round(hit.score / best, 3)
        relevance[value] = max(relevance.get(value, 0.0), score)
    return relevance


def _listing_nodes(model, node_ids: set[int], organization_ids: Iterable[int]) -> dict[int, int]:
    """A node among ``node_ids`` that each organization's published listings are on."""
    found: dict[int, int] = {}
    for organization_id, node_id in (
        model.objects.filter(
            status=ListingStatus.PUBLISHED,
            organization_id__in=set(organization_ids),
            chain_nodes__in=node_ids,
        )
        .order_by("pk")
        .values_list("organization_id", "chain_nodes")
    ):
        found.setdefault(organization_id, node_id)
    return found


def _firm_candidates(directory: Directory) -> list[_Candidate]:
    opted_in = Willingness.objects.filter(
        kind=DirectoryKind.FIRMS, status=WillingnessStatus.OPTED_IN
    ).values("organization_id")
    organizations = Organization.objects.filter(
        pk__in=opted_in, verification_status=VerificationStatus.VERIFIED
    ).select_related("industry")
    if directory.provinces:
        organizations = organizations.filter(province__in=directory.provinces)
    industries = list(directory.industries.all())
    if industries:
        organizations = organizations.filter(_industry_q("industry", industries))
    organizations = {o.pk: o for o in organizations}
    qualifications: dict[int, Qualification] = {}
    if QUALIFICATION_RANK[directory.min_qualification]:
        qualifications = _qualifying(directory, organizations)
        organizations = {pk: o for pk, o in organizations.items() if pk in qualifications}
    nodes_of: dict[int, int] = {}
    criteria_nodes = list(directory.chain_nodes.all())
    if criteria_nodes:
        node_ids = _descendants(criteria_nodes)
        for model in (Product, ResearchResult, OpenResource):
            for organization_id, node_id in _listing_nodes(model, node_ids, organizations).items():
                nodes_of.setdefault(organization_id, node_id)
        organizations = {pk: o for pk, o in organizations.items() if pk in nodes_of}
    first_uses: dict[int, str] = {}
    if directory.require_first_use:
        for organization_id, project in (
            ProductVerification.objects.filter(product__organization_id__in=organizations)
            .order_by("-verified_at")
            .values_list("product__organization_id", "project")
        ):
            first_uses.setdefault(organization_id, project)
        organizations = {pk: o for pk, o in organizations.items() if pk in first_uses}
    relevance = _theme_relevance(directory.theme, ["organization", "product"], "organization_id")
    if relevance is not None:
        organizations = {pk: o for pk, o in organizations.items() if pk in relevance}
    nodes = ChainNode.objects.in_bulk(set(nodes_of.values()))
    asked = {"chain_nodes"} if criteria_nodes else set()
    asked |= {"industries"} if industries else set()
    candidates = []
    for pk, organization in organizations.items():
        candidate = _Candidate(
            organization,
            qualification=qualifications.get(pk),
            chain_node=nodes.get(nodes_of.get(pk)),
            relevance=relevance.get(pk) if relevance is not None else None,
        )
        candidate.because = _because(
            directory,
            candidate,
            industry=organization.industry_id or "",
            first_use=first_uses.get(pk, ""),
            asked=asked,
        )
        candidates.append(candidate)
    return candidates


def _product_candidates(directory: Directory) -> list[_Candidate]:
    # Products named by their own organization's declaration in force.
    opted_in = Willingness.products.through.objects.filter(
        willingness__kind=DirectoryKind.PRODUCTS,
        willingness__status=WillingnessStatus.OPTED_IN,
        willingness__organization_id=F("product__organization_id"),
    ).values("product_id")
    products = Product.objects.filter(
        pk__in=opted_in,
        status=ListingStatus.PUBLISHED,
        organization__verification_status=VerificationStatus.VERIFIED,
    ).select_related("organization", "industry")
    if directory.provinces:
        products = products.filter(organization__province__in=directory.provinces)
    industries = list(directory.industries.all())
    if industries:
        # The product's own industry; the organization's when the product names none.
        products = products.filter(
            _industry_q("industry", industries)
            | (Q(industry__isnull=True) & _industry_q("organization__industry", industries))
        )
    products = {p.pk: p for p in products.distinct()}
    qualifications: dict[int, Qualification] = {}
    if QUALIFICATION_RANK[directory.min_qualification]:
        qualifications = _qualifying(directory, {p.organization_id for p in products.values()})
        products = {pk: p for pk, p in products.items() if p.organization_id in qualifications}
    node_of: dict[int, int] = {}
    criteria_nodes = list(directory.chain_nodes.all())
    node_filter = {"chain_nodes__in": _descendants(criteria_nodes)} if criteria_nodes else {}
    for product_id, node_id in (
        Product.objects.filter(pk__in=products, **node_filter)
        .exclude(chain_nodes=None)
        .order_by("pk")
        .values_list("pk", "chain_nodes")
    ):
        node_of.setdefault(product_id, node_id)
    if criteria_nodes:
        products = {pk: p for pk, p in products.items() if pk in node_of}
    first_uses: dict[int, str] = {}
    if directory.require_first_use:
        for product_id, project in (
            ProductVerification.objects.filter(product_id__in=products)
            .order_by("-verified_at")
            .values_list("product_id", "project")
        ):
            first_uses.setdefault(product_id, project)
        products = {pk: p for pk, p in products.items() if pk in first_uses}
    relevance = _theme_relevance(directory.theme, ["product"], "pk")
    if relevance is not None:
        products = {pk: p for pk, p in products.items() if pk in relevance}
    nodes = ChainNode.objects.in_bulk(set(node_of.values()))
    asked = {"chain_nodes"} if criteria_nodes else set()
    asked |= {"industries"} if industries else set()
    candidates = []
    for pk, product in products.items():
        candidate = _Candidate(
            product.organization,
            product=product,
            qualification=qualifications.get(product.organization_id),
            chain_node=nodes.get(node_of.get(pk)),
            relevance=relevance.get(pk) if relevance is not None else None,
        )
        candidate.because = _because(
            directory,
            candidate,
            industry=product.industry_id or product.organization.industry_id or "",
            first_use=first_uses.get(pk, ""),
            asked=asked,
        )
        candidates.append(candidate)
    return candidates


def _because(
    directory: Directory,
    candidate: _Candidate,
    *,
    industry: str,
    first_use: str,
    asked: set[str],
) -> list[list[str]]:
    """Which criteria the candidate met, as [criterion, value, ...] lists (the selectors
    name them); ``asked`` says which criteria the directory sets."""
    because = [["willingness", directory.kind]]
    if candidate.qualification is not None:
        qualification = candidate.qualification
        because.append(
            ["qualification", qualification.level, f"{qualification.year} {qualification.batch}"]
        )
    if directory.provinces:
        because.append(["province", candidate.organization.province])
    if candidate.chain_node is not None and "chain_nodes" in asked:
        because.append(["chain_node", candidate.chain_node.name])
    if industry and "industries" in asked:
        because.append(["industry", industry])
    if first_use:
        because.append(["first_use", first_use])
    if candidate.relevance is not None:
        because.append(["theme", directory.theme])
    return because


def _copy(entry: DirectoryEntry) -> None:
    """Copy what the entry says from the records it points at (see the model's docstring)."""
    organization, product = entry.organization, entry.product
    entry.title = (product.title if product is not None else organization.name)[:120]
    entry.organization_name = organization.name[:120]
    entry.province = organization.province or ""
    if entry.qualification_id:
        entry.qualification_level = entry.qualification.level
    else:
        level = organization.qualification_level
        entry.qualification_level = "" if level == QualificationLevel.NONE else level
    industry = (product.industry_id if product is not None else None) or organization.industry_id
    entry.industry_code = (industry or "")[:5]
    entry.chain_node_name = entry.chain_node.name[:60] if entry.chain_node_id else ""


COPIED = [
    "title",
    "organization_name",
    "province",
    "qualification_level",
    "industry_code",
    "chain_node_name",
]


def _draft_of(directory: Directory) -> DirectoryVersion:
    draft = (
        DirectoryVersion.objects.select_for_update()
        .filter(directory=directory, status=VersionStatus.DRAFT)
        .first()
    )
    if draft is None:
        raise _never_change()
    return draft


def _withdrawn(version: DirectoryVersion):
    """The entries of ``version`` whose willingness is no longer in force."""
    kind = version.directory.kind
    entries = version.entries.all()
    opted_in = Willingness.objects.filter(kind=kind, status=WillingnessStatus.OPTED_IN)
    if kind == DirectoryKind.PRODUCTS:
        named = Willingness.products.through.objects.filter(willingness__in=opted_in).values(
            "product_id"
        )
        return entries.filter(Q(product__isnull=True) | ~Q(product_id__in=named))
    return entries.exclude(organization_id__in=opted_in.values("organization_id"))


def _drop_withdrawn(version: DirectoryVersion, actor) -> int:
    """Take the entries whose willingness is no longer in force out of a draft (each a
    "withdrawn" event); return how many left."""
    if version.is_published:
        return 0
    dropped = list(_withdrawn(version))
    for entry in dropped:
        _record(
            version.directory,
            actor,
            "withdrawn",
            version=version,
            subject=entry.title,
            note=entry.title,
            from_status=entry.decision,
        )
    DirectoryEntry.objects.filter(pk__in=[e.pk for e in dropped]).delete()
    return len(dropped)


@transaction.atomic
def directory_propose(*, actor: User, directory: Directory) -> int:
    """Fill the draft with the opted-in candidates that meet the criteria; return how many
    were added.

    Entries already in the draft keep their decisions and classification (what they say
    is copied again). Candidates never screened that no longer meet the criteria leave;
    entries whose willingness was withdrawn leave whatever their decision.
    """
    _ensure_curator(actor)
    directory = Directory.objects.select_for_update().get(pk=directory.pk)
    version = _draft_of(directory)
    withdrawn = _drop_withdrawn(version, actor)
    if directory.kind == DirectoryKind.PRODUCTS:
        candidates = _product_candidates(directory)
    else:
        candidates = _firm_candidates(directory)
    existing = {
        (entry.organization_id, entry.product_id): entry
        for entry in version.entries.select_related(
            "organization", "product", "qualification", "chain_node"
        )
    }
    added, refreshed = [], []
    for candidate in candidates:
        entry = existing.pop(candidate.key, None)
        if entry is None:
            entry = DirectoryEntry(
                version=version,
                organization=candidate.organization,
                product=candidate.product,
                chain_node=candidate.chain_node,
            )
            added.append(entry)
        else:
            refreshed.append(entry)
        entry.qualification = candidate.qualification
        entry.proposed_because = candidate.because
        entry.relevance = candidate.relevance
        _copy(entry)
    DirectoryEntry.objects.bulk_create(added)
    DirectoryEntry.objects.bulk_update(
        refreshed, ["qualification", "proposed_because", "relevance", *COPIED]
    )
    stale = [
        entry.pk
        for entry in existing.values()
        if entry.decision == EntryDecision.CANDIDATE and entry.decided_at is None
    ]
    DirectoryEntry.objects.filter(pk__in=stale).delete()
    notes = [
        ngettext("%(count)d candidate added.", "%(count)d candidates added.", len(added))
        % {"count": len(added)},
        ngettext(
            "%(count)d already in the draft.", "%(count)d already in the draft.", len(refreshed)
        )
        % {"count": len(refreshed)},
    ]
    if stale:
        notes.append(
            ngettext(
                "%(count)d candidate no longer meets the criteria and left.",
                "%(count)d candidates no longer meet the criteria and left.",
                len(stale),
            )
            % {"count": len(stale)}
        )
    if withdrawn:
        notes.append(
            ngettext(
                "%(count)d entry left: willingness withdrawn.",
                "%(count)d entries left: willingness withdrawn.",
                withdrawn,
            )
            % {"count": withdrawn}
        )
    _record(directory, actor, "proposed", version=version, note=" ".join(notes))
    return len(added)


# --- screening and classifying ------------------------------------------------------------


def _lock_entry(entry: DirectoryEntry) -> DirectoryEntry:
    locked = (
        DirectoryEntry.objects.select_for_update()
        .select_related("version__directory")
        .get(pk=entry.pk)
    )
    if locked.version.is_published:
        raise _never_change()
    return locked


def _decide(actor, entry: DirectoryEntry, action: str, reason: str) -> DirectoryEntry:
    _ensure_curator(actor)
    entry = _lock_entry(entry)
    entry.reason = (reason or "").strip()
    entry.decided_by = actor
    entry.decided_at = timezone.now()
    return apply(
        ENTRY_TRANSITIONS,
        entry,
        action,
        actor=actor,
        roles=rules.directory_roles(actor),
        note=entry.reason,
        fields=["reason", "decided_by", "decided_at"],
        record=_record_entry_move,
    )


@transaction.atomic
def entry_include(*, actor: User, entry: DirectoryEntry, reason: str = "") -> DirectoryEntry:
    """Include a candidate (or an excluded entry) in the draft; the reason is optional."""
    return _decide(actor, entry, "include", reason)


@transaction.atomic
def entry_exclude(*, actor: User, entry: DirectoryEntry, reason: str) -> DirectoryEntry:
    """Leave an entry out of the draft; the reason is required and kept with the decision."""
    return _decide(actor, entry, "exclude", reason)


@transaction.atomic
def entry_classify(
    *, actor: User, entry: DirectoryEntry, chain_node: ChainNode | None, category: str
) -> DirectoryEntry:
    """Put an entry of the draft under a chain node and one of the directory's categories
    (either may be left empty); event "classified"."""
    _ensure_curator(actor)
    entry = _lock_entry(entry)
    category = " ".join((category or "").split())
    directory = entry.version.directory
    if category and category not in directory.categories:
        raise InvalidState(
            _("Choose one of the directory's categories: %(categories)s.")
            % {"categories": "、".join(directory.categories) or _("none defined yet")}
        )
    entry.chain_node = chain_node
    entry.chain_node_name = chain_node.name[:60] if chain_node is not None else ""
    entry.category = category
    entry.save(update_fields=["chain_node", "chain_node_name", "category"])
    note = " / ".join(part for part in (entry.chain_node_name, category) if part) or _(
        "Unclassified"
    )
    _record(directory, actor, "classified", version=entry.version, entry=entry, note=note)
    return entry


# --- versions -----------------------------------------------------------------------------


@transaction.atomic
def version_publish(*, actor: User, version: DirectoryVersion, note: str = "") -> DirectoryVersion:
    """Publish the draft: refused while candidates are unscreened or nothing is included.
    What the included entries say is copied afresh; from now on the version never changes.
    """
    _ensure_curator(actor)
    version = (
        DirectoryVersion.objects.select_for_update().select_related("directory").get(pk=version.pk)
    )
    if version.is_published:
        raise _never_change()
    _drop_withdrawn(version, actor)
    version.note = (note or "").strip()[:2000]
    version.published_by = actor
    version.published_at = timezone.now()
    apply(
        VERSION_TRANSITIONS,
        version,
        "publish",
        actor=actor,
        roles=rules.directory_roles(actor),
        note=version.note,
        fields=["note", "published_by", "published_at"],
        problems=lambda: publish_problems(version),
        record=_record_version_move,
    )
    included = list(
        version.entries.filter(decision=EntryDecision.INCLUDED).select_related(
            "organization", "product", "qualification", "chain_node"
        )
    )
    for entry in included:
        _copy(entry)
    DirectoryEntry.objects.bulk_update(included, COPIED)
    return version


COPIED_ON_NEXT = [
    "organization_id",
    "product_id",
    "qualification_id",
    "decision",
    "reason",
    "decided_by_id",
    "decided_at",
    "chain_node_id",
    "category",
    "proposed_because",
    "relevance",
    *COPIED,
]


@transaction.atomic
def version_start_next(*, actor: User, directory: Directory) -> DirectoryVersion:
    """Start draft N+1 as a copy of every entry of the latest published version (decisions,
    reasons, classification); refused while a draft exists. Entries whose willingness was
    withdrawn since then leave the new draft at once (the rule of measure 十二)."""
    _ensure_curator(actor)
    directory = Directory.objects.select_for_update().get(pk=directory.pk)
    draft = directory.versions.filter(status=VersionStatus.DRAFT).first()
    if draft is not None:
        raise InvalidState(
            _("Version %(number)d is already being prepared; publish it first.")
            % {"number": draft.number}
        )
    latest = directory.versions.filter(status=VersionStatus.PUBLISHED).order_by("-number").first()
    number = (directory.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    version = DirectoryVersion.objects.create(directory=directory, number=number, created_by=actor)
    if latest is not None:
        DirectoryEntry.objects.bulk_create(
            [
                DirectoryEntry(
                    version=version, **{name: getattr(entry, name) for name in COPIED_ON_NEXT}
                )
                for entry in latest.entries.order_by("pk")
            ]
        )
    _record(
        directory,
        actor,
        "version_started",
        version=version,
        note=_("Version %(number)d, from version %(previous)d.")
        % {"number": number, "previous": latest.number if latest else 0},
    )
    _drop_withdrawn(version, actor)
    return version
