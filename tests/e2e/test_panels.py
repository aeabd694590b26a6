"""A panel that fails to load leaves a quiet note in its place; the page around it stays."""

import pytest

from tests.e2e.conftest import log_in
from tests.factories import OrganizationFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("status", [404, 500])
def test_a_failed_panel_shows_a_note_and_the_page_stays(page, status):
    organization = OrganizationFactory(name="苏州芯测微电子科技有限公司")
    log_in(page, member_of(organization))
    # the panel's route answers with an error page, as a mis-routed or failing panel would
    page.route(
        "**/recommend/organizations/**",
        lambda route: route.fulfill(status=status, body="<h1>Server Error</h1>"),
    )
    page.goto(f"/organizations/{organization.pk}/")
    note = page.locator(".panel-error")
    note.wait_for()
    assert "暂时无法加载" in note.inner_text()
    assert page.locator("h1").first.inner_text() == organization.name
    assert "Server Error" not in page.content()
