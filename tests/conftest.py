import pytest


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    """Keep uploads of each test in its own temporary directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _static_files_without_manifest(settings):
    """Pages render without running collectstatic first (production serves the manifest)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _chinese_by_default(settings):
    settings.LANGUAGE_CODE = "zh-hans"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """PBKDF2 is slow on purpose; tests only need passwords that round-trip."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Transactional tests empty every table afterwards, the migrated GB/T 4754 rows too;
    put them back (an idempotent insert) for the tests that run after such a test."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    from reference.loaders import load_industries
    from reference.models import Industry

    load_industries(Industry)


@pytest.fixture(autouse=True)
def _search_index(settings, tmp_path_factory):
    """Services queue index updates in the outbox; tests that exercise search drain it
    themselves (see tests/search), the others leave the rows be."""
    settings.SEARCH_INDEX_ON_COMMIT = False
    settings.SEARCH_INDEX_DIR = tmp_path_factory.getbasetemp() / "search-index"
    settings.ELASTICSEARCH_URL = ""


# --- every route is requested by some test ----------------------------------------------------

REQUESTED_ROUTES: set[str] = set()
COVERAGE_TEST = "test_every_route_is_requested_by_some_test"


@pytest.fixture(autouse=True, scope="session")
def _record_requested_routes():
    """Remember the route of every request the suite makes (test client and live server)."""
    from django.core.handlers.base import BaseHandler

    original = BaseHandler.resolve_request

    def resolve_request(self, request):
        match = original(self, request)
        REQUESTED_ROUTES.add(match.route)
        return match

    BaseHandler.resolve_request = resolve_request
    yield
    BaseHandler.resolve_request = original


def pytest_collection_modifyitems(session, config, items):
    """Run the route-coverage test last, and only judge coverage when the whole suite ran."""
    last = [item for item in items if item.name == COVERAGE_TEST]
    if last:
        items[:] = [item for item in items if item.name != COVERAGE_TEST] + last
    whole = (
        not config.getoption("keyword")
        and not config.getoption("markexpr")
        and not config.getoption("lf", False)
        and all(arg.rstrip("/") in ("tests", str(config.rootpath / "tests")) for arg in config.args)
    )
    config.whole_suite_selected = whole
