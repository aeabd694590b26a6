"""What the engines index: one flat document shape for every type, and the registry apps fill.

Apps declare their types in ``<app>/search_documents.py`` (imported by this app's
``ready()``); ``search`` never imports them. Only public records are indexed, and only their
public fields, so a search can never return or count a draft or a confidential detail.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

# Keyword fields every document may carry; the engines build facets and filters on them.
# ``type`` is the record type only (call, product, result, resource, organization); what
# kind of call or resource, or how mature a result is, are facets of their own.
FACET_FIELDS = (
    "type",
    "call_kind",
    "resource_kind",
    "maturity",
    "status",
    "province",
    "org_kind",
    "qualification",
    "chain",
    "chain_node",
    "industry",
    "section",
    "field",
    "eligible_kind",
    "eligible_province",
    "min_qualification",
)


@dataclass
class SearchDocument:
    """A record as the engines see it."""

    type: str
    pk: int
    title: str
    body: str
    url: str
    summary: str = ""
    organization: str = ""
    organization_id: int | None = None
    published_at: datetime | None = None
    deadline: datetime | None = None
    trl: int | None = None
    verified: bool = False
    keywords: list[str] = field(default_factory=list)
    facets: dict[str, list[str]] = field(default_factory=dict)
    # Set by the indexer: the analyzed terms of title and body, and the outbox version.
    title_terms: list[str] = field(default_factory=list)
    body_terms: list[str] = field(default_factory=list)
    version: int = 0

    @property
    def id(self) -> str:
        return f"{self.type}:{self.pk}"

    @property
    def terms(self) -> set[str]:
        return set(self.title_terms) | set(self.body_terms)


class DocumentType:
    """How one model appears in search. Subclass in ``<app>/search_documents.py``."""

    name: str = ""
    label: object = ""
    # A small number, unique among the types and never reused: it is part of every
    # document's date-sort key (see ``search.engines.base.sort_key``).
    number: int = 0

    def get_queryset(self):
        """All records that may be public, with what ``to_document`` needs joined."""
        raise NotImplementedError

    def is_public(self, instance) -> bool:
        raise NotImplementedError

    def to_document(self, instance) -> SearchDocument:
        raise NotImplementedError

    def related(self, instance) -> Iterable[tuple[str, int]]:
        """Other documents that show this record's data (re-indexed along with it)."""
        return ()

    def load(self, pks: Iterable[int]) -> dict[int, object]:
        return self.get_queryset().in_bulk(list(pks))


_SENTINEL = 987654321
_url_patterns: dict[str, str] = {}


def url_for(view_name: str, pk: int) -> str:
    """``reverse(view_name, args=[pk])``, resolved once per view (rebuilds index millions)."""
    pattern = _url_patterns.get(view_name)
    if pattern is None:
        from django.urls import reverse

        pattern = reverse(view_name, args=[_SENTINEL]).replace(str(_SENTINEL), "{pk}")
        _url_patterns[view_name] = pattern
    return pattern.format(pk=pk)


_types: dict[str, DocumentType] = {}
# Type numbers fit in this many bits of the date-sort key.
TYPE_NUMBER_BITS = 4


def register(document_type: type[DocumentType]) -> type[DocumentType]:
    """Class decorator: make a document type known to the search app."""
    instance = document_type()
    if not instance.name:
        raise ValueError("A document type needs a name.")
    if not 1 <= instance.number < 2**TYPE_NUMBER_BITS:
        raise ValueError(
            f"Document type {instance.name!r} needs a number from 1 to "
            f"{2**TYPE_NUMBER_BITS - 1}, got {instance.number!r}."
        )
    for other in _types.values():
        if other.number == instance.number and other.name != instance.name:
            raise ValueError(
                f"Document types {other.name!r} and {instance.name!r} share the number "
                f"{instance.number}."
            )
    _types[instance.name] = instance
    return document_type


def document_types() -> dict[str, DocumentType]:
    return dict(_types)


def document_type(name: str) -> DocumentType:
    return _types[name]


def type_number(name: str) -> int:
    """The number of a registered document type (for sort keys)."""
    try:
        return _types[name].number
    except KeyError:
        raise ValueError(f"Unknown search document type: {name!r}") from None
