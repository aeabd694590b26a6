"""Journey in Chromium, measure 十五: an SME finds a research result, says it is interested,
the institute accepts (the contacts appear only then), they exchange messages and record a
licence deal, which the other side confirms."""

import pytest

from accounts.models import OrganizationKind
from catalog.models import ListingStatus
from docking.models import Interest, InterestStatus, Message
from tests.e2e.conftest import log_in
from tests.e2e.journeys import expect_success
from tests.factories import OrganizationFactory, ResearchResultFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_sme_takes_a_licence_of_an_institutes_result(page, screenshots):
    # given an institute with a published result and an SME
    institute = OrganizationFactory(
        kind=OrganizationKind.INSTITUTE,
        name="华东电力电子研究院",
        contact_name="赵研究员",
        contact_phone="021-66668888",
    )
    researcher = member_of(institute)
    result = ResearchResultFactory(
        organization=institute,
        title="碳化硅模块低温纳米银烧结互连技术",
        status=ListingStatus.PUBLISHED,
    )
    sme = OrganizationFactory(name="无锡立芯半导体有限公司", contact_phone="0510-12345678")
    engineer = member_of(sme)

    # 1. the SME finds the result and says what it wants
    log_in(page, engineer)
    page.goto("/results/")
    page.click(f"a:has-text('{result.title}')")
    page.click("a[data-action=interest]")
    page.check("input[name=wants][value=licence]")
    page.fill("textarea[name=note]", "希望获得该技术在车规模块产线上的非独占许可。")
    page.click("form button.btn-primary")
    expect_success(page)
    interest = Interest.objects.get()
    assert interest.status == InterestStatus.PENDING
    assert page.locator("[data-contacts-hidden]").count() == 1
    assert page.locator("body", has_text="021-66668888").count() == 0

    # 2. the institute accepts: now both sides see each other's contacts
    log_in(page, researcher)
    page.goto(f"/docking/interests/{interest.pk}/")
    assert page.locator("body", has_text="0510-12345678").count() == 0
    page.click("form[data-move=accept] button")
    expect_success(page)
    assert page.locator("body", has_text="0510-12345678").count() >= 1

    # 3. they exchange messages
    page.click("a[data-conversation-open]")
    page.fill("textarea[name=body]", "欢迎。许可费用和技术服务方式可以下周面谈。")
    page.click("form[data-message-form] button[type=submit]")
    expect_success(page)
    log_in(page, engineer)
    page.goto("/docking/conversations/")
    page.click(f"a:has-text('{result.title}')")
    assert page.locator("[data-message-side=theirs]").count() == 1
    page.fill("textarea[name=body]", "好的，我们周二上午到贵院。")
    page.click("form[data-message-form] button[type=submit]")
    expect_success(page)
    assert Message.objects.count() == 2
    screenshots(page, "conversation")

    # 4. the SME records the licence; the institute confirms it
    page.goto(f"/docking/interests/{interest.pk}/")
    form = page.locator("form[data-move=record-deal]")
    form.locator("select[name=kind]").select_option("licence")
    form.locator("input[name=amount]").fill("120")
    form.locator("input[name=signed_on]").fill("2026-11-28")
    form.locator("input[name=contract_number]").fill("HD-2026-118")
    form.locator("button[type=submit]").click()
    expect_success(page)
    log_in(page, researcher)
    page.goto(f"/docking/interests/{interest.pk}/")
    page.click("form[data-move=confirm-deal] button")
    expect_success(page)
    interest.refresh_from_db()
    assert interest.status == InterestStatus.DEAL
    assert interest.deal.kind == "licence" and interest.deal.is_confirmed
    screenshots(page, "deal")
