"""At phone width the key facts and the apply button come first, and filters fold away."""

import pytest

from tests.e2e.conftest import log_in
from tests.factories import CallFactory, IndicatorFactory, OrganizationFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="zh-CN", viewport=PHONE, is_mobile=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_the_deadline_and_the_apply_button_are_near_the_top_of_a_long_call(phone, screenshots):
    call = CallFactory(background="研发背景。" * 400, deliverables="交付物说明。" * 200)
    for number in range(8):
        IndicatorFactory(call=call, name=f"指标{number}")
    log_in(phone, member_of(OrganizationFactory()))
    phone.goto(call.get_absolute_url())
    apply = phone.locator("button:has-text('揭榜')").first
    deadline = phone.locator("dt:has-text('截止时间')").first
    screenshots(phone, "call-on-a-phone")
    assert deadline.bounding_box()["y"] < PHONE["height"]
    assert apply.bounding_box()["y"] < 2 * PHONE["height"]
    page_height = phone.evaluate("document.documentElement.scrollHeight")
    assert page_height > 4 * PHONE["height"]  # the page really is long


def test_the_filters_of_a_list_are_a_folded_drawer_on_a_phone(phone, screenshots):
    CallFactory.create_batch(3)
    phone.goto("/calls/")
    drawer = phone.locator("details.filter-drawer")
    assert drawer.get_attribute("open") is None
    assert phone.locator("#results a").first.bounding_box()["y"] < PHONE["height"]
    drawer.locator("summary").click()
    assert drawer.get_attribute("open") is not None
    screenshots(phone, "call-list-filters-open")
