"""The expert pool: appointing experts and keeping their profiles."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from core.exceptions import InvalidState, NotAllowed

from .. import rules
from ..models import Expert, User

__all__ = [
    "expert_appoint",
    "expert_update",
]


@transaction.atomic
def expert_appoint(
    *, actor: User, user: User, title: str, affiliation: str, expertise: str, bio: str = ""
) -> Expert:
    """Add a user to the expert pool (administrators only)."""
    if not rules.can_appoint_expert(actor):
        raise NotAllowed(_("Only platform administrators can appoint experts."))
    if Expert.objects.filter(user=user).exists():
        raise InvalidState(_("This user is already in the expert pool."))
    expert = Expert(
        user=user,
        title=title,
        affiliation=affiliation,
        expertise=expertise,
        bio=bio,
        appointed_by=actor,
    )
    expert.full_clean()
    expert.save()
    return expert


@transaction.atomic
def expert_update(*, actor: User, expert: Expert, data: dict[str, Any]) -> Expert:
    """Let an expert (or an administrator) keep the profile current."""
    if actor.pk != expert.user_id and not rules.is_platform_admin(actor):
        raise NotAllowed(_("You can only edit your own expert profile."))
    industries = data.pop("industries", None)
    for field in ("title", "affiliation", "expertise", "bio"):
        if field in data:
            setattr(expert, field, data[field])
    expert.full_clean()
    expert.save()
    if industries is not None:
        expert.industries.set(industries)
    return expert
