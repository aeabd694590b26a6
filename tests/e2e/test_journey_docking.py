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


def test_a_docking_event_with_a_booked_meeting(page, screenshots):
    from datetime import timedelta

    from django.utils import timezone

    from docking.models import DockingEvent, Meeting, MeetingSeat, MeetingStatus
    from tests.factories import PublishedProductFactory

    # given an open docking event, an institute with a result and an SME with a product
    start = (timezone.localtime() + timedelta(days=7)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    event = DockingEvent.objects.create(
        title="长三角新能源汽车供需对接会",
        theme="电驱动与热管理的成果与需求对接",
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        place="合肥滨湖国际会展中心",
        slot_minutes=20,
        registration_closes_at=start - timedelta(days=1),
        status="open",
    )
    institute = OrganizationFactory(kind=OrganizationKind.INSTITUTE, name="合肥热管理技术研究所")
    researcher = member_of(institute)
    ResearchResultFactory(
        organization=institute, title="热泵空调低温制热强化技术", status=ListingStatus.PUBLISHED
    )
    sme = OrganizationFactory(name="芜湖久智热控科技有限公司")
    engineer = member_of(sme)
    PublishedProductFactory(organization=sme, title="新能源汽车热管理电子膨胀阀")

    # 1. both register with what they bring
    for user in (researcher, engineer):
        log_in(page, user)
        page.goto(f"/docking/events/{event.pk}/")
        page.click("a[data-register]")
        page.locator("form input[type=checkbox]").first.check()
        page.click("form button.btn-primary")
        expect_success(page)
    assert event.registrations.count() == 2

    # 2. the SME asks the institute for a meeting in a free slot
    page.goto(f"/docking/events/{event.pk}/")
    form = page.locator("form[data-request-form=any]")
    form.locator("select[name=invitee]").select_option(
        str(event.registrations.get(organization=institute).pk)
    )
    form.locator("select[name=starts_at]").select_option(index=0)
    form.locator("button[type=submit]").click()
    expect_success(page)
    meeting = Meeting.objects.get()

    # 3. the institute accepts: the slot is theirs, and no longer free for either
    log_in(page, researcher)
    page.goto(f"/docking/events/{event.pk}/")
    page.locator(f"tr[data-meeting='{meeting.pk}'] form[data-move=accept] button").click()
    expect_success(page)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.ACCEPTED
    assert MeetingSeat.objects.filter(starts_at=meeting.starts_at).count() == 2
    screenshots(page, "event-meeting")
