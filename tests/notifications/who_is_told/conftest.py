"""Fixtures of the who-is-told tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def told(django_capture_on_commit_callbacks):
    """``told(cast, move)``: make the move, return who was told what (see ``Cast.told``)."""

    def run(cast, move):
        return cast.told(move, django_capture_on_commit_callbacks)

    return run


@pytest.fixture(autouse=True)
def _own_index(settings, tmp_path):
    """Who is told of a publication includes the organizations matching search finds: an
    empty index of this test's own, so documents left by earlier tests match nobody."""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
