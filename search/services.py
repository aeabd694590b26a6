"""Saved searches: keeping a search, and telling its owner when new records match it.

A saved search keeps the search page's criteria and a watermark, ``checked_until``. The
periodic check (``saved_searches_check``, a Celery beat task) counts the records published
after the watermark that match, moves the watermark and notifies the owner in one
transaction, once per saved search and run. Records the owner's organization published are
left out; only public records are in the index, so nothing the owner cannot see is counted.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.exceptions import InvalidState, NotAllowed
from notifications.services import notify

from . import rules, selectors
from .engines import get_engine
from .engines.base import SearchEngine
from .models import OutboxEntry, SavedSearch
from .owners import organizations_of_users
from .query import SearchParams

__all__ = [
    "SAVED_SEARCH_LIMIT",
    "saved_search_create",
    "saved_search_delete",
    "saved_search_mark_seen",
    "saved_search_pause",
    "saved_search_record_check",
    "saved_search_rename",
    "saved_search_resume",
    "saved_searches_check",
]

SAVED_SEARCH_LIMIT = 20
NAME_MAX_LENGTH = SavedSearch._meta.get_field("name").max_length
# A record is searchable a moment after it is published: its transaction commits, the
# outbox drains, Elasticsearch refreshes. The check only looks at records published at least
# this long ago, and never past the oldest change still waiting in the outbox, so that a
# record indexed late is still counted in a later window rather than skipped.
SETTLE = timedelta(minutes=1)
# Saved searches loaded at a time by the periodic check.
CHECK_BATCH = 200


def fingerprint(params: SearchParams) -> str:
    """Identify the criteria of a search, whatever order its values were ticked in."""
    criteria = {
        "text": " ".join(params.text.split()),
        "filters": {name: sorted(set(values)) for name, values in params.filters.items() if values},
        "min_trl": params.min_trl,
    }
    return hashlib.sha256(
        json.dumps(criteria, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()


def _require_owner(actor, saved_search: SavedSearch) -> None:
    if not rules.can_manage_saved_search(actor, saved_search):
        raise NotAllowed(_("Only the user who saved this search can change it."))


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise InvalidState(_("Give the saved search a name."))
    if len(name) > NAME_MAX_LENGTH:
        raise InvalidState(
            _("A name has at most %(limit)d characters.") % {"limit": NAME_MAX_LENGTH}
        )
    return name


@transaction.atomic
def saved_search_create(*, actor, params: SearchParams, name: str = "") -> SavedSearch:
    """Keep the search ``params`` describe (words, ticked values, minimum TRL) for
    ``actor``, to be told of records published from now on that match it.

    The name defaults to the words searched for, else to the ticked values in words. A user
    keeps each search once and at most ``SAVED_SEARCH_LIMIT`` of them.
    """
    if not rules.can_save_search(actor):
        raise NotAllowed(_("Log in to save a search."))
    # One save at a time per user, so that two at once cannot pass the limit together.
    get_user_model().objects.select_for_update().filter(pk=actor.pk).first()
    key = fingerprint(params)
    existing = SavedSearch.objects.filter(user=actor, fingerprint=key).first()
    if existing is not None:
        raise InvalidState(
            _("You already saved this search as “%(name)s”.") % {"name": existing.name}
        )
    if SavedSearch.objects.filter(user=actor).count() >= SAVED_SEARCH_LIMIT:
        raise InvalidState(
            _(
                "You can keep at most %(limit)d saved searches. "
                "Delete one you no longer need, then save this one."
            )
            % {"limit": SAVED_SEARCH_LIMIT}
        )
    if name.strip():
        name = _clean_name(name)
    else:
        described = params.text or " · ".join(selectors.describe([params])[0])
        name = " ".join(described.split())[:NAME_MAX_LENGTH] or _("All records")
    now = timezone.now()
    return SavedSearch.objects.create(
        user=actor,
        name=name,
        text=params.text,
        filters={facet: list(values) for facet, values in params.filters.items() if values},
        min_trl=params.min_trl,
        fingerprint=key,
        checked_until=now,
        seen_at=now,
    )


@transaction.atomic
def saved_search_rename(*, actor, saved_search: SavedSearch, name: str) -> SavedSearch:
    _require_owner(actor, saved_search)
    saved_search.name = _clean_name(name)
    saved_search.save(update_fields=["name"])
    return saved_search


@transaction.atomic
def saved_search_pause(*, actor, saved_search: SavedSearch) -> SavedSearch:
    """Stop notifying of new matches (they are still counted on the list page)."""
    _require_owner(actor, saved_search)
    saved_search.paused = True
    saved_search.save(update_fields=["paused"])
    return saved_search


@transaction.atomic
def saved_search_resume(*, actor, saved_search: SavedSearch) -> SavedSearch:
    """Notify again of new matches (not of those already counted while it was paused)."""
    _require_owner(actor, saved_search)
    saved_search.paused = False
    saved_search.save(update_fields=["paused"])
    return saved_search


@transaction.atomic
def saved_search_delete(*, actor, saved_search: SavedSearch) -> None:
    _require_owner(actor, saved_search)
    saved_search.delete()


@transaction.atomic
def saved_search_mark_seen(*, actor, saved_search: SavedSearch) -> SavedSearch:
    """The user opened the search's results: what was new so far is seen."""
    _require_owner(actor, saved_search)
    saved_search.seen_at = timezone.now()
    saved_search.unseen_count = 0
    saved_search.save(update_fields=["seen_at", "unseen_count"])
    return saved_search


# --- the periodic check -----------------------------------------------------------------------


def settled_until(now: datetime) -> datetime:
    """The latest publication time up to which the index is taken to be complete."""
    until = now - SETTLE
    oldest = OutboxEntry.objects.order_by("pk").values_list("created_at", flat=True).first()
    if oldest is not None:
        until = min(until, oldest - SETTLE)
    return until


def saved_searches_check(*, now: datetime | None = None, engine: SearchEngine | None = None) -> int:
    """Count the new matches of every saved search of an active user and notify the
    owners of those not paused; return how many notifications were sent.

    Running it again finds nothing new: each saved search's watermark moves with its
    notification. Raise ``EngineUnavailable`` when the engine is down; the watermarks not
    moved yet stay, and the next run counts those windows.
    """
    until = settled_until(now or timezone.now())
    engine = engine or get_engine()
    due = SavedSearch.objects.filter(checked_until__lt=until, user__is_active=True).order_by("pk")
    sent, last = 0, 0
    while batch := list(due.filter(pk__gt=last)[:CHECK_BATCH]):
        organizations = organizations_of_users({saved.user_id for saved in batch})
        for saved in batch:
            count = selectors.new_matches_count(
                saved,
                since=saved.checked_until,
                until=until,
                exclude_organization_id=organizations.get(saved.user_id),
                engine=engine,
            )
            sent += saved_search_record_check(saved_search=saved, until=until, count=count)
        last = batch[-1].pk
    return sent


@transaction.atomic
def saved_search_record_check(*, saved_search: SavedSearch, until: datetime, count: int) -> int:
    """Record that ``count`` new matches were found after ``saved_search.checked_until`` up
    to ``until``: move the watermark, add them to the unseen ones and, unless the search is
    paused, notify its owner. Return how many notifications were sent (0 or 1).

    Only a run that moves the watermark from where it counted records anything: another
    run that counted the same window at the same time finds the watermark moved and stops.
    """
    moved = SavedSearch.objects.filter(
        pk=saved_search.pk, checked_until=saved_search.checked_until
    ).update(checked_until=until, unseen_count=F("unseen_count") + count)
    if not moved or not count:
        return 0
    current = SavedSearch.objects.select_related("user").get(pk=saved_search.pk)
    if current.paused:
        return 0
    return notify(
        recipients=[current.user],
        verb="search.new_matches",
        message=gettext_noop("New results for your saved search “%(name)s”: %(count)s"),
        params={"name": current.name, "count": count},
        url=reverse("search:saved_search_open", args=[current.pk]),
    )
