"""Labels for the organization facets (organizations themselves are indexed by catalog,
which also knows what they publish)."""

from search.labels import register_labels

from .models import OrganizationKind, QualificationLevel

register_labels("org_kind", lambda values: dict(OrganizationKind.choices))
register_labels("qualification", lambda values: dict(QualificationLevel.choices))
