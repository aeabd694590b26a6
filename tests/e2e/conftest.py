"""Browser tests: Playwright drives the machine's Chromium against Django's live server.

Screenshots of key pages go to ``E2E_SCREENSHOT_DIR`` (CI names it and keeps it; by default
``var/e2e-screenshots``), one folder per test.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from tests.services import need

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "secret-pass-1"


def chromium_path() -> str | None:
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return explicit if os.path.exists(explicit) else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


# Package scope: Playwright's sync API keeps an event loop running in this thread while it
# is open, which the tests after the journeys (websockets driven with ``async_to_sync``, and
# the platform's own pushes) cannot share; it is closed when the journeys are done.
@pytest.fixture(scope="package")
def browser():
    path = chromium_path()
    need("browser", path is not None, "no Chromium found (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra installs it
        need("browser", False, "the playwright package is not installed")
    # Playwright's sync API runs an event loop in this thread; the test body still needs
    # the ORM for its given/then steps, which Django would otherwise refuse here.
    earlier = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if earlier is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = earlier


@pytest.fixture(scope="session", autouse=True)
def _one_request_at_a_time():
    """Serve the browser's requests one at a time.

    The test database is SQLite in memory, and the live server's request threads share the
    test's one connection to it. A page whose panels load in parallel (the workspace loads
    several) then ran queries from several threads on that connection at once, and once in a
    while they deadlocked inside SQLite. Django's single-threaded server closes every
    connection after its response, so the browser's parallel requests simply queue.
    """
    from django.core.servers.basehttp import WSGIServer
    from django.test.testcases import LiveServerThread

    class OneAtATime(WSGIServer):
        # The server thread itself takes the shared connection (LiveServerThread.run).
        def __init__(self, *args, connections_override=None, **kwargs):
            super().__init__(*args, **kwargs)

    threaded = LiveServerThread.server_class
    LiveServerThread.server_class = OneAtATime
    yield
    LiveServerThread.server_class = threaded


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="zh-CN", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    # Irreversible steps ask for confirmation (data-confirm); the journeys say yes.
    page.on("dialog", lambda dialog: dialog.accept())
    yield page
    context.close()


@pytest.fixture
def screenshots(request):
    """Return ``shot(page, name)``, saving a full-page PNG of a key page for people to see."""
    base = Path(os.environ.get("E2E_SCREENSHOT_DIR") or Path(settings.VAR_DIR) / "e2e-screenshots")
    folder = base / re.sub(r"[^\w-]+", "_", request.node.name)
    folder.mkdir(parents=True, exist_ok=True)
    counter = iter(range(1, 100))

    def shot(page, name: str) -> Path:
        path = folder / f"{next(counter):02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return shot


def log_in(page, user, password: str = PASSWORD) -> None:
    """Log in through the login page as ``user`` (a fresh session)."""
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    page.click("form button[type=submit]")
    page.wait_for_url("**/dashboard/")


@pytest.fixture
def indexing(settings):
    """Index every change right after its commit, as the running platform does."""
    settings.SEARCH_INDEX_ON_COMMIT = True
