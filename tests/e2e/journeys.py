"""What the browser journeys (``test_journey_*.py``) share.

Every role's journey goes through the pages only, in a real browser (Chromium). Each test
plays real roles logging in through the login page; the database is only read to check what
the pages did, and to set up who exists (organizations, people, experts). Key pages are saved
as screenshots (see tests/e2e/conftest.py).
"""

from datetime import timedelta

from django.utils import timezone

from tests.e2e.conftest import log_in

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def in_days(days: int) -> str:
    return (timezone.localtime() + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


def expect_success(page) -> None:
    page.wait_for_selector(".alert-success")


def score_every_sheet(page, expert, values: dict[str, str]) -> None:
    """Log in as the expert and submit each assigned score sheet with ``values`` by label."""
    log_in(page, expert.user)
    while True:
        page.goto("/expert/")
        due = page.locator("a.btn-primary:has-text('评分')")
        if due.count() == 0:
            return
        due.first.click()
        page.wait_for_selector("h1:has-text('评分表')")
        for label, value in values.items():
            page.get_by_label(label, exact=False).first.fill(value)
        page.click("button:has-text('提交评分')")
        expect_success(page)
