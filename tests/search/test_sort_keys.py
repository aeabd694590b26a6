"""Date-sort keys: one integer per document, unique across every type."""

from datetime import UTC, datetime, timedelta

import pytest

from search.documents import DocumentType, register
from search.engines.base import MAX_SORT_PK, sort_key

MOMENT = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
TYPES = ("call", "product", "result", "resource", "organization")


def test_records_of_any_type_sharing_a_second_get_different_keys():
    keys = {sort_key(MOMENT, type_, pk) for type_ in TYPES for pk in (0, 1, 1001, MAX_SORT_PK)}
    assert len(keys) == len(TYPES) * 4
    assert all(0 <= key < 2**63 for key in keys)


def test_a_later_second_always_sorts_after_whatever_the_type_and_pk():
    assert sort_key(MOMENT + timedelta(seconds=1), "call", 0) > sort_key(
        MOMENT, "organization", MAX_SORT_PK
    )


def test_dates_outside_the_window_sort_at_its_ends_and_stay_unique():
    early = sort_key(datetime(1990, 1, 1, tzinfo=UTC), "product", 7)
    late = sort_key(datetime(2999, 1, 1, tzinfo=UTC), "product", 7)
    assert early == sort_key(None, "product", 7) < sort_key(MOMENT, "product", 7) < late
    assert late < 2**63
    assert late != sort_key(datetime(2999, 1, 1, tzinfo=UTC), "result", 7)


def test_a_pk_out_of_range_is_refused_clearly():
    with pytest.raises(ValueError, match="out"):
        sort_key(MOMENT, "product", MAX_SORT_PK + 1)
    with pytest.raises(ValueError, match="out"):
        sort_key(MOMENT, "product", -1)


def test_an_unknown_type_is_refused():
    with pytest.raises(ValueError, match="Unknown search document type"):
        sort_key(MOMENT, "nonsense", 1)


def test_document_types_need_a_number_of_their_own():
    class Unnumbered(DocumentType):
        name = "unnumbered"

    class Clashing(DocumentType):
        name = "clashing"
        number = 1  # the call's

    with pytest.raises(ValueError, match="number"):
        register(Unnumbered)
    with pytest.raises(ValueError, match="share the number"):
        register(Clashing)
