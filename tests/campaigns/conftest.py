import pytest


@pytest.fixture(autouse=True)
def _own_index(settings, tmp_path):
    """Pre-matching and the demo seeders write to the index; a folder per test keeps those
    documents (whose database rows roll back) from matching the records of later tests."""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
