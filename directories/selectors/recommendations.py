"""Reads for recipients and targeted recommendation (定向推荐): the registry, what was
addressed to a recipient, to whom a firm was recommended, the administrators' list and its
export, which entries are flagged, and the matching that suggests entries for a recipient.

Matching is search's (``search.matching``): a recipient's stated needs and the text of its
open calls are the source; products (and, for a directory of firms, organizations) are
looked for; the hits are mapped onto the version's included entries, a product entry by
its product and a firm entry by its organization (a firm is also found through one of its
products).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.models import QUALIFICATION_RANK, Organization
from accounts.rules import is_org_admin
from catalog.models import ChainNode
from challenges.models import Call, CallStatus
from challenges.selectors import relevance_level
from core.ids import parse_id
from search.engines.base import EngineUnavailable
from search.labels import labels_for
from search.matching import (
    BOOSTS,
    CHAIN_NODE_FACET,
    PROVINCE_FACET,
    TRL_FACET,
    Match,
    MatchSource,
    find_matches,
)

from ..models import (
    Channel,
    Directory,
    DirectoryEntry,
    DirectoryKind,
    DirectoryVersion,
    EntryDecision,
    Outcome,
    OutcomeStage,
    Recipient,
    Recommendation,
    RecommendationStatus,
    VersionStatus,
)
from .directories import FLAG_LABELS, entry_flags

__all__ = [
    "FEEDBACK_STATUSES",
    "Candidates",
    "RecommendationFilters",
    "Suggestion",
    "already_recommended",
    "calls_open_for_invitation",
    "directory_choices",
    "entry_key",
    "explanation_of",
    "explanations_for_display",
    "flags_in_words",
    "open_calls_of",
    "outcome_export_rows",
    "recipient_choices",
    "recipient_list",
    "recipient_source",
    "recommendation_candidates",
    "recommendation_list",
    "recommendation_summary",
    "recommendations_of_firm",
    "recommendations_received",
    "versions_to_recommend_from",
]

# The answers a recipient gives (being viewed is not one).
FEEDBACK_STATUSES = (
    RecommendationStatus.INTERESTED,
    RecommendationStatus.CONTACTED,
    RecommendationStatus.NOT_RELEVANT,
)
# How many matches are mapped onto a version's entries; a directory holds hundreds.
MATCH_POOL = 300
# Key terms kept in an explanation, the heaviest first.
EXPLAINED_TERMS = 8


# --- recipients ------------------------------------------------------------------------------


def open_calls_of(organization: Organization | int) -> QuerySet[Call]:
    """The organization's calls taking applications now (what it needs, in its own words)."""
    return Call.objects.filter(
        issuer=organization, status=CallStatus.PUBLISHED, deadline__gt=timezone.now()
    ).order_by("deadline", "pk")


def calls_open_for_invitation(user, organization: Organization) -> QuerySet[Call]:
    """The organization's open calls ``user`` handles (its administrators handle them all);
    ``challenges.services.call_invite`` checks the same again. Not the anonymous ones: the
    recommended firm knows whom it was recommended to (measure 十三)."""
    calls = open_calls_of(organization).filter(anonymous=False)
    if is_org_admin(user, organization):
        return calls
    return calls.filter(handlers=user).distinct()


def _chain_nodes():
    return ChainNode.objects.select_related("chain")


def recipient_list(*, channel: str = "") -> QuerySet[Recipient]:
    """Every recipient with its chain nodes, open calls and counts of recommendations
    received, viewed and answered (a constant number of queries)."""
    now = timezone.now()
    recipients = (
        Recipient.objects.select_related("organization")
        .prefetch_related(
            Prefetch("chain_nodes", queryset=_chain_nodes()),
            Prefetch(
                "organization__calls",
                queryset=Call.objects.filter(
                    status=CallStatus.PUBLISHED, deadline__gt=now
                ).order_by("deadline", "pk"),
                to_attr="open_calls",
            ),
        )
        .annotate(
            recommendation_count=Count("recommendations", distinct=True),
            viewed_count=Count(
                "recommendations",
                filter=~Q(recommendations__status=RecommendationStatus.SENT),
                distinct=True,
            ),
            feedback_count=Count(
                "recommendations",
                filter=Q(recommendations__status__in=FEEDBACK_STATUSES),
                distinct=True,
            ),
        )
        .order_by("-is_active", "channel", "organization__name")
    )
    if channel in Channel.values:
        recipients = recipients.filter(channel=channel)
    return recipients


def recipient_choices() -> QuerySet[Recipient]:
    """Active recipients, for choosing whom to recommend to."""
    return Recipient.objects.filter(is_active=True).select_related("organization")


def versions_to_recommend_from() -> QuerySet[DirectoryVersion]:
    """Published versions, newest first, to recommend from."""
    return (
        DirectoryVersion.objects.filter(status=VersionStatus.PUBLISHED)
        .select_related("directory")
        .order_by("-directory__year", "directory__title", "-number")
    )


# --- recommendations -------------------------------------------------------------------------


def _recommendations() -> QuerySet[Recommendation]:
    return Recommendation.objects.select_related(
        "entry__version__directory",
        "entry__organization",
        "entry__product",
        "recipient__organization",
        "recommended_by",
    ).order_by("-created_at", "-pk")


@dataclass
class RecommendationFilters:
    """The administrators' list filters, read from a query string (unknown values ignored)."""

    status: str = ""
    channel: str = ""
    directory: int | None = None

    @classmethod
    def from_query(cls, query) -> RecommendationFilters:
        status = query.get("status", "")
        channel = query.get("channel", "")
        return cls(
            status=status if status in RecommendationStatus.values else "",
            channel=channel if channel in Channel.values else "",
            directory=parse_id(query.get("directory", "")),
        )

    def as_query(self) -> dict[str, str]:
        values = {"status": self.status, "channel": self.channel}
        values["directory"] = str(self.directory) if self.directory else ""
        return {name: value for name, value in values.items() if value}


def recommendation_list(filters: RecommendationFilters | None = None) -> QuerySet[Recommendation]:
    """All recommendations (administrators), with how many outcomes each led to."""
    filters = filters or RecommendationFilters()
    recommendations = _recommendations().annotate(outcome_count=Count("outcomes"))
    if filters.status:
        recommendations = recommendations.filter(status=filters.status)
    if filters.channel:
        recommendations = recommendations.filter(recipient__channel=filters.channel)
    if filters.directory:
        recommendations = recommendations.filter(entry__version__directory_id=filters.directory)
    return recommendations


def directory_choices() -> list[tuple[str, str]]:
    """Directories that were recommended from, for the list's filter."""
    directories = Directory.objects.filter(versions__status=VersionStatus.PUBLISHED).distinct()
    return [(str(d.pk), f"{d.year} {d.title}") for d in directories]


def recommendations_received(recipient: Recipient) -> QuerySet[Recommendation]:
    """What was addressed to the recipient, newest first (only that)."""
    return _recommendations().filter(recipient=recipient).annotate(outcome_count=Count("outcomes"))


def recommendations_of_firm(organization: Organization) -> QuerySet[Recommendation]:
    """To whom the organization (or one of its products) was recommended, with the outcomes."""
    return (
        _recommendations()
        .filter(entry__organization=organization)
        .prefetch_related(Prefetch("outcomes", queryset=Outcome.objects.order_by("happened_on")))
    )


def recommendation_summary(organization: Organization) -> dict:
    """What the workspace shows: for a recipient, what it received (and has not opened);
    for a firm, how often it was recommended."""
    recipient = Recipient.objects.filter(organization=organization).first()
    summary = {
        "recipient": recipient,
        "received": 0,
        "unread": 0,
        "recommended": Recommendation.objects.filter(entry__organization=organization).count(),
    }
    if recipient is not None:
        counts = recipient.recommendations.aggregate(
            received=Count("pk"), unread=Count("pk", filter=Q(status=RecommendationStatus.SENT))
        )
        summary.update(counts)
    return summary


def outcome_export_rows(recommendations: Iterable[Recommendation]):
    """One row per outcome (a recommendation without one gets a row of its own), in the
    export's columns. Reads the outcomes in chunks of the recommendations."""
    stages = dict(OutcomeStage.choices)
    statuses = dict(RecommendationStatus.choices)
    channels = dict(Channel.choices)
    for recommendation in recommendations:
        entry = recommendation.entry
        base = [
            entry.version.directory.title,
            entry.version.number,
            entry.title,
            entry.organization_name or entry.organization.name,
            recommendation.recipient.organization.name,
            str(channels.get(recommendation.recipient.channel, "")),
            timezone.localtime(recommendation.created_at).date(),
            str(statuses.get(recommendation.status, recommendation.status)),
            recommendation.feedback_note,
        ]
        outcomes = list(recommendation.outcomes.all())
        if not outcomes:
            yield [*base, "", None, None, ""]
        for outcome in outcomes:
            yield [
                *base,
                str(stages.get(outcome.stage, outcome.stage)),
                outcome.happened_on,
                outcome.amount,
                outcome.note,
            ]


# --- entries: flags and earlier recommendations ------------------------------------------------


def entry_key(entry: DirectoryEntry) -> tuple[str, int]:
    """What cannot be recommended twice to a recipient from one directory: the product of a
    product entry, the organization of a firm entry."""
    if entry.product_id:
        return ("product", entry.product_id)
    return ("organization", entry.organization_id)


def flags_in_words(entries: Iterable[DirectoryEntry]) -> dict[int, list[str]]:
    """Why each entry may not be recommended now, by entry id (empty list: it may): the
    live flags of ``directories.selectors.directories.entry_flags``, in words."""
    return {
        pk: [str(FLAG_LABELS[key]) for key in keys] for pk, keys in entry_flags(entries).items()
    }


def already_recommended(
    recipient: Recipient, directory: Directory
) -> dict[tuple[str, int], Recommendation]:
    """The recipient's recommendations from ``directory`` (any version), by ``entry_key``."""
    earlier = (
        Recommendation.objects.filter(recipient=recipient, entry__version__directory=directory)
        .select_related("entry__version", "entry__organization")
        .order_by("created_at", "pk")
    )
    found: dict[tuple[str, int], Recommendation] = {}
    for recommendation in earlier:
        found.setdefault(entry_key(recommendation.entry), recommendation)
    return found


# --- matching ---------------------------------------------------------------------------------


def _node_ids(nodes) -> list[str]:
    """Node ids as the index has them: a node also counts under its parent."""
    ids = set()
    for node in nodes:
        ids.add(str(node.pk))
        if node.parent_id:
            ids.add(str(node.parent_id))
    return sorted(ids)


def recipient_source(recipient: Recipient, directory: Directory, calls=None) -> MatchSource:
    """What fits a recipient: its stated needs (counted twice) and the text of its open
    calls (confidential details left out), its chain nodes and its calls'; products, and for
    a directory of firms organizations too, at the directory's minimum qualification."""
    if calls is None:
        calls = open_calls_of(recipient.organization_id).prefetch_related("chain_nodes")
    calls = list(calls)
    texts = [recipient.needs, recipient.needs]
    for call in calls:
        details = "" if call.has_terms else call.details
        texts.append(
            " ".join(
                [call.title, call.title, call.summary, call.background, call.deliverables, details]
            )
        )
    nodes = [*recipient.chain_nodes.all(), *(n for call in calls for n in call.chain_nodes.all())]
    filters = {}
    minimum = QUALIFICATION_RANK[directory.min_qualification]
    if minimum:
        filters["qualification"] = [
            level for level, rank in QUALIFICATION_RANK.items() if rank >= minimum
        ]
    types = ["product"] if directory.kind == DirectoryKind.PRODUCTS else ["organization", "product"]
    return MatchSource(
        text=" ".join(texts),
        types=types,
        filters=filters,
        chain_nodes=_node_ids(nodes),
        exclude_organization=recipient.organization_id,
    )


_FACET_KEYS = (("chain_node", CHAIN_NODE_FACET), ("province", PROVINCE_FACET), ("trl", TRL_FACET))
_FACET_LABELS = dict(_FACET_KEYS)


def _facet_key(label) -> str:
    for key, known in _FACET_KEYS:
        if label is known:
            return key
    return str(label)


def _boost_key(label) -> str:
    for key, (_value, known) in BOOSTS.items():
        if label is known:
            return key
    return str(label)


def explanation_of(match: Match, best: float) -> dict:
    """What a recommendation keeps of the match that suggested it (JSON, language-neutral:
    facets and boosts by key, labelled when shown)."""
    hit = match.hit
    return {
        "score": round(match.score, 4),
        "share": round(match.score / best, 4) if best else 0.0,
        "coverage": round(match.coverage, 4),
        "terms": [[term, round(weight, 3)] for term, weight in match.matched_terms][
            :EXPLAINED_TERMS
        ],
        "facets": [[_facet_key(label), value] for label, value in match.matched_facets],
        "boosts": [[_boost_key(label), value] for label, value in match.boosts],
        "via": {"type": hit.type, "id": hit.pk, "title": hit.title},
    }


def explanations_for_display(explanations: Iterable[dict | None]) -> list[dict | None]:
    """Explanations as ``portal/_match_why.html`` shows them, facets and boosts labelled;
    chain nodes named in one query for all of them."""
    explanations = list(explanations)
    node_values = {
        value
        for explanation in explanations
        if explanation
        for key, value in explanation.get("facets", [])
        if key == "chain_node"
    }
    node_names = labels_for("chain_node", node_values) if node_values else {}
    shown = []
    for explanation in explanations:
        if not explanation:
            shown.append(None)
            continue
        level = relevance_level(explanation.get("share", 0.0))
        facets = []
        for key, value in explanation.get("facets", []):
            label = _FACET_LABELS.get(key, key)
            facets.append((label, node_names.get(value, value) if key == "chain_node" else value))
        boosts = [
            (BOOSTS[key][1] if key in BOOSTS else key, value)
            for key, value in explanation.get("boosts", [])
        ]
        shown.append(
            {
                "terms": [tuple(pair) for pair in explanation.get("terms", [])],
                "coverage": explanation.get("coverage"),
                "facets": facets,
                "boosts": boosts,
                "via": explanation.get("via") or {},
                "level": level[0] if level else "",
                "level_label": level[1] if level else "",
            }
        )
    return shown


@dataclass
class Suggestion:
    """An included entry of a version, as the recommend page shows it for one recipient."""

    entry: DirectoryEntry
    flags: list[str] = field(default_factory=list)
    earlier: Recommendation | None = None
    explanation: dict | None = None
    why: dict | None = None

    @property
    def can_recommend(self) -> bool:
        return not self.flags and self.earlier is None


@dataclass
class Candidates:
    suggested: list[Suggestion]
    others: list[Suggestion]
    unavailable: bool = False
    computed_at: datetime | None = None

    @property
    def explanations(self) -> dict[int, dict]:
        return {s.entry.pk: s.explanation for s in self.suggested if s.explanation}


def recommendation_candidates(
    version: DirectoryVersion, recipient: Recipient, *, engine=None
) -> Candidates:
    """The version's included entries for one recipient: those matching suggests first,
    best first, each explained; then every other entry in the directory's order. Each says
    whether it is flagged or was already recommended to the recipient from this directory.

    When the search engine is unavailable every entry is listed among the others.
    """
    directory = version.directory
    entries = list(
        version.entries.filter(decision=EntryDecision.INCLUDED).select_related(
            "organization", "product", "version__directory"
        )
    )
    flags = flags_in_words(entries)
    earlier = already_recommended(recipient, directory)
    by_product = {entry.product_id: entry for entry in entries if entry.product_id}
    by_firm = {entry.organization_id: entry for entry in entries if not entry.product_id}
    unavailable = False
    try:
        matches = find_matches(
            recipient_source(recipient, directory), engine=engine, limit=MATCH_POOL, pool=MATCH_POOL
        )
    except EngineUnavailable:
        matches, unavailable = [], True
    best = max((match.score for match in matches), default=0.0) or 1.0
    explained: dict[int, dict] = {}
    for match in matches:
        hit = match.hit
        if hit.type == "product":
            entry = by_product.get(hit.pk) or by_firm.get(hit.organization_id)
        elif hit.type == "organization":
            entry = by_firm.get(hit.pk)
        else:
            entry = None
        if entry is None or entry.pk in explained:
            continue
        if relevance_level(match.score / best) is None:
            continue
        explained[entry.pk] = explanation_of(match, best)

    def suggestion(entry: DirectoryEntry) -> Suggestion:
        return Suggestion(
            entry=entry,
            flags=flags.get(entry.pk, []),
            earlier=earlier.get(entry_key(entry)),
            explanation=explained.get(entry.pk),
        )

    suggested = sorted(
        (suggestion(entry) for entry in entries if entry.pk in explained),
        key=lambda s: (-s.explanation["score"], s.entry.pk),
    )
    for item, why in zip(
        suggested, explanations_for_display(s.explanation for s in suggested), strict=True
    ):
        item.why = why
    others = [suggestion(entry) for entry in entries if entry.pk not in explained]
    return Candidates(suggested, others, unavailable, timezone.now())
