"""Two browsers side by side see each other's actions arrive live: the platform served by
daphne (ASGI, as in production) on PostgreSQL and channels-redis, driven by Chromium.

The server is a separate process on the test's PostgreSQL database; the test is
transactional, so what it sets up is committed and the server reads it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote
from urllib.request import urlopen

import pytest
from django.conf import settings
from django.db import connection, connections
from django.test import Client
from django.utils import translation

from accounts.models import OrganizationKind
from catalog.models import ListingStatus
from docking.models import Interest
from notifications.models import Notification
from tests.e2e.conftest import CHROMIUM_ARGS, chromium_path
from tests.factories import OrganizationFactory, ResearchResultFactory, member_of
from tests.services import need, need_redis

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def asgi_server():
    """Serve the platform with daphne on the test database; yield its base URL."""
    need("postgres", connection.vendor == "postgresql", "DATABASE_URL is not a PostgreSQL URL")
    need_redis()
    db = connection.settings_dict
    port = free_port()
    with tempfile.TemporaryDirectory() as var_dir:
        environment = {
            **os.environ,
            "DATABASE_URL": (
                f"postgres://{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}"
                f"@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
            ),
            "REDIS_URL": settings.REDIS_URL,
            "DEBUG": "1",  # static files straight from the source tree
            "SECRET_KEY": settings.SECRET_KEY,  # the sessions the test signs in are valid
            "VAR_DIR": var_dir,
            "SEARCH_INDEX_ON_COMMIT": "0",
        }
        log = Path(var_dir) / "daphne.log"
        with log.open("w") as output:
            server = subprocess.Popen(
                [
                    str(Path(sys.executable).with_name("daphne")),
                    "-b",
                    "127.0.0.1",
                    "-p",
                    str(port),
                    "config.asgi:application",
                ],
                cwd=settings.BASE_DIR,
                env=environment,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
            url = f"http://127.0.0.1:{port}"
            try:
                for _ in range(60):
                    try:
                        urlopen(f"{url}/accounts/login/", timeout=2).close()
                        break
                    except OSError:
                        time.sleep(0.5)
                else:
                    pytest.fail(f"daphne did not start:\n{log.read_text()}")
                yield url
            finally:
                server.terminate()
                server.wait(timeout=20)
                _wait_for_sessions_to_end()


def _wait_for_sessions_to_end() -> None:
    """PostgreSQL ends the server's sessions a moment after the process; the test database
    can only be dropped once they are gone."""
    for _ in range(50):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0] == 0:
                return
        time.sleep(0.1)


@pytest.fixture
def browser():
    path = chromium_path()
    need("browser", path is not None, "no Chromium found (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # the test's ORM steps, beside Playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def signed_in_page(browser, base_url: str, user):
    """A browser of its own where ``user`` is signed in (the server shares the session
    store and the secret key)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=base_url, locale="zh-CN")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("dialog", lambda dialog: dialog.accept())  # irreversible steps ask first
    return page


def wait_for_socket(page) -> None:
    """The page's websocket is open once its (empty) status region exists."""
    page.wait_for_selector("[data-live-toast]", state="attached")


def test_two_browsers_see_each_others_actions_arrive_live(asgi_server, browser):
    try:
        two_browsers_side_by_side(asgi_server, browser)
    finally:
        # Under Playwright's sync API the test body has a database connection of its own
        # (another context); close it, or the test database cannot be dropped.
        connections.close_all()


def two_browsers_side_by_side(asgi_server, browser) -> None:
    # given an institute's researcher and an SME's engineer, each in their own browser
    institute = OrganizationFactory(kind=OrganizationKind.INSTITUTE, name="华东电力电子研究院")
    researcher = member_of(institute)
    result = ResearchResultFactory(
        organization=institute, title="碳化硅模块低温烧结互连技术", status=ListingStatus.PUBLISHED
    )
    engineer = member_of(OrganizationFactory(name="无锡立芯半导体有限公司"))
    researcher_page = signed_in_page(browser, asgi_server, researcher)
    engineer_page = signed_in_page(browser, asgi_server, engineer)
    errors = []
    for page in (researcher_page, engineer_page):
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    researcher_page.goto("/notifications/")
    wait_for_socket(researcher_page)
    assert researcher_page.locator("[data-unread-badge]").count() == 0

    # when the engineer says the SME is interested in the result
    engineer_page.goto(f"/results/{result.pk}/")
    engineer_page.click("a[data-action=interest]")
    engineer_page.check("input[name=wants][value=licence]")
    engineer_page.fill("textarea[name=note]", "希望获得非独占许可。")
    engineer_page.click("form button.btn-primary")
    engineer_page.wait_for_load_state()

    # then the researcher's open page shows it without a reload: badge, list row and notice
    researcher_page.wait_for_selector("[data-unread-badge]")
    assert researcher_page.locator("[data-unread-badge]").inner_text() == "1"
    row = researcher_page.locator("[data-notification-list] form[data-notification]").first
    assert "无锡立芯半导体有限公司" in row.inner_text()
    assert "无锡立芯半导体有限公司" in researcher_page.locator("[data-live-toast]").inner_text()

    # and when the researcher accepts, the engineer's open page hears it the same way
    engineer_page.goto("/notifications/")
    wait_for_socket(engineer_page)
    interest = Interest.objects.get()
    researcher_page.goto(f"/docking/interests/{interest.pk}/")
    researcher_page.click("form[data-move=accept] button")
    researcher_page.wait_for_load_state()
    engineer_page.wait_for_selector("[data-unread-badge]")
    told = Notification.objects.filter(recipient=engineer).latest("pk")
    with translation.override("zh-hans"):
        expected = told.text
    live_rows = engineer_page.locator("[data-notification-list] form[data-notification-id]")
    assert live_rows.count() == 1
    assert expected in live_rows.first.inner_text()
    assert engineer_page.locator("[data-live-toast]").inner_text() == expected
    assert not [text for text in errors if "Content Security Policy" in text]
