"""Reads of the innovation-centre registry. Import from here:
``from centres import selectors``."""

from .registry import (
    CentreFilters,
    centre_list,
    centre_participant_count,
    members_by_role,
    participants_added,
)

__all__ = [
    "CentreFilters",
    "centre_list",
    "centre_participant_count",
    "members_by_role",
    "participants_added",
]
