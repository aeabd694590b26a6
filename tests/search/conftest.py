import pytest


@pytest.fixture(autouse=True)
def _fresh_index(settings, tmp_path):
    """Each search test gets its own empty index."""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
