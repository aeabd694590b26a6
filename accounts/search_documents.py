"""Labels for the organization facets (organizations themselves are indexed by catalog,
which also knows what they publish)."""

from search.labels import register_labels
from search.owners import register_organizations_of_users

from .models import Membership, MembershipStatus, OrganizationKind, QualificationLevel

register_labels("org_kind", lambda values: dict(OrganizationKind.choices))
register_labels("qualification", lambda values: dict(QualificationLevel.choices))


def _organizations_of_users(user_ids: set[int]) -> dict[int, int]:
    return dict(
        Membership.objects.filter(user_id__in=user_ids, status=MembershipStatus.ACTIVE).values_list(
            "user_id", "organization_id"
        )
    )


register_organizations_of_users(_organizations_of_users)
