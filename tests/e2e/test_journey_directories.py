"""Journey in Chromium, measure 十二: an official list imported, a firm opting in, a
directory screened and published, a targeted recommendation, the recipient's feedback and
outcome, and the progress dashboard whose figure leads back to the record."""

import csv
import io

import pytest
from django.utils import timezone

from accounts.models import OrganizationKind, QualificationLevel
from directories.models import (
    Directory,
    EntryDecision,
    ImportStatus,
    QualificationImport,
    Recommendation,
    RecommendationStatus,
    VersionStatus,
    Willingness,
)
from tests.e2e.conftest import log_in
from tests.e2e.journeys import expect_success
from tests.factories import AdminUserFactory, OrganizationFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADER = ["企业名称", "统一社会信用代码", "省份", "资质等级", "批次", "年度", "有效期至"]


def official_list(tmp_path, organization) -> str:
    path = tmp_path / "第六批小巨人名单.csv"
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(HEADER)
    writer.writerow([organization.name, organization.credit_code, "江苏省", "小巨人", "第六批",
                     2024, "2029-06-30"])  # fmt: skip
    path.write_text(text.getvalue(), encoding="utf-8")
    return str(path)


def test_from_the_official_list_to_a_recommendation_and_what_it_led_to(page, screenshots, tmp_path):
    # given an administrator, an SME not yet qualified, and a lead enterprise
    admin = AdminUserFactory()
    firm = OrganizationFactory(name="昆山精测光电有限公司", province="32")
    firm_admin = member_of(firm)
    lead = OrganizationFactory(name="上海华准集成电路制造有限公司", kind=OrganizationKind.LEAD)
    buyer = member_of(lead)

    # 1. the administrator uploads the official list, reads the dry run and applies it
    log_in(page, admin)
    page.goto("/review/")
    page.click("a[href='/directories/qualification-imports/']")
    page.set_input_files("#id_file", official_list(tmp_path, firm))
    page.click("form[enctype] button[type=submit]")
    page.wait_for_selector("[data-count=created]")
    assert page.locator("[data-count=created]").inner_text() == "1"
    screenshots(page, "import-report")
    page.click("form[action$='/apply/'] button")
    page.wait_for_selector("[data-preview]")
    assert QualificationImport.objects.get().status == ImportStatus.APPLIED
    firm.refresh_from_db()
    assert firm.qualification_level == QualificationLevel.NATIONAL

    # 2. the firm declares it wants to be recommended
    log_in(page, firm_admin)
    page.click("a[data-willingness-link]")
    card = page.locator("[data-willingness=firms]")
    card.locator("textarea").first.fill("希望进入晶圆厂的检测设备供应商名录。")
    card.locator("button[data-willingness-declare]").click()
    expect_success(page)
    assert Willingness.objects.get(organization=firm).is_opted_in

    # 3. the administrator creates a directory, lets the platform propose candidates,
    # includes the firm, classifies it and publishes version 1
    log_in(page, admin)
    page.goto("/directories/manage/new/")
    page.check("input[name=kind][value=firms]")
    page.fill("#id_title", "2026年集成电路专精特新“小巨人”推荐目录")
    page.fill("#id_year", "2026")
    page.select_option("#id_min_qualification", "national")
    page.fill("#id_categories", "检测设备\n关键材料")
    page.click("form button.btn-primary")
    page.click("button[data-propose]")
    row = page.locator("tr[data-decision=candidate]", has_text=firm.name)
    row.locator("form[action$='/include/'] button").click()
    expect_success(page)
    row = page.locator("tr[data-decision=included]", has_text=firm.name)
    row.locator("form[action$='/classify/'] select[name=category]").select_option("检测设备")
    row.locator("form[action$='/classify/'] button").click()
    expect_success(page)
    screenshots(page, "directory-screened")
    page.locator("[data-publish] form button.btn-primary").click()
    expect_success(page)
    directory = Directory.objects.get()
    version = directory.versions.get()
    assert version.status == VersionStatus.PUBLISHED and version.number == 1
    assert version.entries.get().decision == EntryDecision.INCLUDED

    # the published directory is public, with search
    log_in(page, firm_admin)
    page.goto(f"/directories/{directory.pk}/?q=精测")
    assert page.locator("[data-entry]", has_text=firm.name).count() == 1
    screenshots(page, "published-directory")

    # 4. the administrator registers the lead enterprise as a recipient and recommends
    log_in(page, admin)
    page.goto("/directories/recipients/new/")
    page.select_option("#id_organization", str(lead.pk))
    page.check("input[name=channel][value=acfic]")
    page.fill("#id_needs", "晶圆缺陷检测设备和探针卡的国产供应商。")
    page.click("form button.btn-primary")
    expect_success(page)
    recipient = lead.recipient
    page.goto(f"/directories/versions/{version.pk}/recommend/?recipient={recipient.pk}")
    page.check(f"input[name=entries][value='{version.entries.get().pk}']")
    page.fill("#id_note", "缺陷检测设备已在两家12英寸产线验证。")
    page.click("form[method=post] button.btn-primary")
    expect_success(page)
    recommendation = Recommendation.objects.get()

    # 5. the recipient opens it (viewed), says it is interested and records a first contact
    log_in(page, buyer)
    page.click("a[data-received]")
    page.click(f"a[href='/directories/recommendations/{recommendation.pk}/']")
    page.wait_for_selector("[data-feedback]")
    recommendation.refresh_from_db()
    assert recommendation.status == RecommendationStatus.VIEWED
    page.locator("[data-feedback] form[action$='/interested/'] button").click()
    expect_success(page)
    form = page.locator("form[data-outcome-form]")
    form.locator("select[name=stage]").select_option("contact")
    form.locator("input[name=happened_on]").fill(timezone.localdate().isoformat())
    form.locator("textarea[name=note]").fill("与供应商技术团队首次会议。")
    form.locator("button[type=submit]").click()
    expect_success(page)
    screenshots(page, "recommendation-feedback")
    recommendation.refresh_from_db()
    assert recommendation.status == RecommendationStatus.INTERESTED
    assert recommendation.outcomes.get().stage == "contact"

    # the firm sees to whom it was recommended
    log_in(page, firm_admin)
    page.goto(f"/directories/organizations/{firm.pk}/recommendations/")
    assert page.locator("body", has_text=lead.name).count() == 1

    # 6. the dashboard counts one firm recommended, and the figure leads to the record
    log_in(page, admin)
    page.goto("/progress/")
    target = page.locator("a[data-figure=firms_recommended]").first
    assert target.get_attribute("data-value") == "1"
    screenshots(page, "progress-dashboard")
    target.click()
    assert page.locator("body", has_text=firm.name).count() >= 1
