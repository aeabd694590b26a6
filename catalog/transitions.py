"""The review life cycle every listing follows, as one table.

draft → pending_review → published → archived, with rejected (and a reason) on the side.
Owners are the active members of the listing's organization; reviewers are platform
administrators.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from django.utils.translation import gettext_lazy as _

from .models import ListingStatus as S


class Actor(Enum):
    OWNER = "owner"
    REVIEWER = "reviewer"


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str]
    target: str
    actors: frozenset[Actor]
    label: object
    needs_note: bool = False


_TABLE = (
    Transition(
        "submit",
        frozenset({S.DRAFT, S.REJECTED}),
        S.PENDING_REVIEW,
        frozenset({Actor.OWNER}),
        _("Submit for review"),
    ),
    Transition(
        "withdraw",
        frozenset({S.PENDING_REVIEW}),
        S.DRAFT,
        frozenset({Actor.OWNER}),
        _("Withdraw from review"),
    ),
    Transition(
        "publish",
        frozenset({S.PENDING_REVIEW}),
        S.PUBLISHED,
        frozenset({Actor.REVIEWER}),
        _("Publish"),
    ),
    Transition(
        "reject",
        frozenset({S.PENDING_REVIEW}),
        S.REJECTED,
        frozenset({Actor.REVIEWER}),
        _("Reject"),
        needs_note=True,
    ),
    Transition(
        "archive",
        frozenset({S.PUBLISHED}),
        S.ARCHIVED,
        frozenset({Actor.OWNER, Actor.REVIEWER}),
        _("Archive"),
    ),
    Transition(
        "reopen", frozenset({S.ARCHIVED}), S.DRAFT, frozenset({Actor.OWNER}), _("Reopen as draft")
    ),
)

TRANSITIONS: dict[str, Transition] = {t.action: t for t in _TABLE}


def available_actions(status: str, actors: set[Actor]) -> list[Transition]:
    """Return the transitions someone in the given roles may take from ``status``."""
    return [t for t in _TABLE if status in t.sources and t.actors & actors]
