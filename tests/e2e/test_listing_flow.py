"""A product goes from an SME's draft to the public catalog, in a real browser."""

import pytest

from catalog.models import ListingStatus, Product
from tests.factories import AdminUserFactory, ChainNodeFactory, OrganizationFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "secret-pass-1")
    page.click("form button[type=submit]")
    page.wait_for_url("**/dashboard/")


def log_out(page) -> None:
    page.context.clear_cookies()


def test_sme_lists_a_product_and_an_administrator_publishes_it(page):
    # given a verified SME with a member, a chain node and an administrator
    organization = OrganizationFactory(name="苏州芯测微电子科技有限公司")
    sme_user = member_of(organization)
    node = ChainNodeFactory(name="晶圆测试")
    admin = AdminUserFactory()

    # when the SME member fills in the product form and submits it for review
    log_in(page, sme_user.username)
    page.click("text=+ 产品")
    page.fill("#id_title", "XC-VP系列MEMS垂直探针卡")
    page.fill("#id_summary", "面向12英寸晶圆CP测试，最小针距40μm。")
    page.fill("#id_description", "光刻电铸工艺批量制造钯合金垂直探针。")
    page.fill("#id_keywords", "探针卡、晶圆测试")
    page.fill("#id_specifications", "最小针距: 40 μm")
    page.check(f"input[name=chain_nodes][value='{node.pk}']")
    page.select_option("#id_industry_division", "35")
    # The classes arrive by htmx; a locator waits for them (wait_for_function would evaluate
    # a string, which the page's Content-Security-Policy rightly refuses).
    page.locator("#id_industry_class option[value='3562']").wait_for(state="attached")
    page.select_option("#id_industry_class", "3562")
    page.click("text=保存草稿")
    page.click("button:has-text('提交审核')")
    page.wait_for_selector("text=待审核")

    product = Product.objects.get(title="XC-VP系列MEMS垂直探针卡")
    assert product.status == ListingStatus.PENDING_REVIEW
    assert product.industry_id == "3562"

    # then an administrator finds it in the review queue and publishes it
    log_out(page)
    log_in(page, admin.username)
    page.goto("/review/")
    row = page.locator("div.row-between", has_text="XC-VP系列MEMS垂直探针卡")
    row.locator("button:has-text('发布')").click()
    page.wait_for_selector(".alert-success")
    product.refresh_from_db()
    assert product.status == ListingStatus.PUBLISHED

    # and an anonymous visitor finds it in the catalog, in Chinese and in English
    log_out(page)
    page.goto("/products/")
    page.fill("#q", "探针卡")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=XC-VP系列MEMS垂直探针卡")
    page.select_option("#language-select", "en")
    page.wait_for_selector("h1:has-text('Technology products')")
