"""Journey in Chromium, measures 十 and 十一: a 一条龙 demonstration direction, a provincial
department's candidate pair, the demonstration call filled from it, then the supplier's
product in a verification project whose evidence lets the final acceptance record the first
use at the user firm, shown on the product's page."""

import pytest

from accounts.models import OrganizationKind, QualificationLevel
from catalog.models import ProductVerification
from chains.models import CandidatePair, DemonstrationDirection, PairStatus
from challenges.models import CallKind, CallStatus, Invitation
from tests.e2e.conftest import log_in
from tests.e2e.journeys import PDF, expect_success
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    CallFactory,
    ChainNodeFactory,
    MilestoneFactory,
    OrganizationFactory,
    PublishedProductFactory,
    handler_of,
    member_of,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_a_demonstration_direction_to_a_first_use_on_record(page, screenshots, tmp_path):
    # given a chain node, a little giant with a product on it, the enterprise that will use
    # it, a provincial department with its open demonstration call, and an administrator
    admin = AdminUserFactory()
    node = ChainNodeFactory(name="热管理系统", key="thermal")
    supplier = OrganizationFactory(
        name="芜湖久智热控科技有限公司", qualification_level=QualificationLevel.NATIONAL
    )
    supplier_admin = member_of(supplier)
    product = PublishedProductFactory(organization=supplier, title="新能源汽车热管理电子膨胀阀")
    product.chain_nodes.add(node)
    user_firm = OrganizationFactory(name="重庆渝东汽车有限公司", kind=OrganizationKind.LARGE)
    department = OrganizationFactory(name="安徽省经济和信息化厅", kind=OrganizationKind.GOVERNMENT)
    call = CallFactory(
        kind=CallKind.DEMONSTRATION,
        issuer=department,
        title="新能源汽车热管理系统“一条龙”示范应用推荐",
        eligible_kinds=["sme"],
    )
    officer = handler_of(call)

    # 1. the administrator sets out the direction and its key product, opens it and links
    # the demonstration call
    log_in(page, admin)
    page.goto("/demonstration/new/")
    page.select_option("#id_chain", str(node.chain_id))
    page.fill("#id_title", "新能源汽车热管理系统一条龙示范")
    page.fill("#id_summary", "热泵空调、电子膨胀阀和热管理控制器的整车级示范应用。")
    page.fill("#id_year", "2026")
    page.click("form button.btn-primary")
    page.click("a[data-add-item]")
    page.check("input[name=kind][value=product]")
    page.fill("#id_name", "电子膨胀阀")
    page.fill("#id_description", "耐压4.5MPa，步进精度0.1%。")
    page.select_option("#id_chain_node", str(node.pk))
    page.click("form button.btn-primary")
    page.click("button[data-move=open]")
    expect_success(page)
    page.select_option("form[data-call-form] select[name=call]", str(call.pk))
    page.click("form[data-call-form] button")
    expect_success(page)
    direction = DemonstrationDirection.objects.get()
    assert direction.status == "collecting" and direction.call == call

    # 2. the provincial department recommends a supplier / application-unit pair
    log_in(page, officer)
    page.goto(f"/demonstration/{direction.pk}/")
    form = page.locator("#recommend form")
    form.locator("select[name=supplier]").select_option(str(supplier.pk))
    form.locator("select[name=product]").select_option(str(product.pk))
    form.locator("select[name=user_firm]").select_option(str(user_firm.pk))
    form.locator("textarea[name=note]").fill("已在两家整车企业小批量装车。")
    form.locator("button[type=submit]").click()
    expect_success(page)
    pair = CandidatePair.objects.get()
    assert pair.recommended_by_organization == department

    # 3. the administrator shortlists it
    log_in(page, admin)
    page.goto(f"/demonstration/{direction.pk}/")
    page.locator(f"tr[data-pair='{pair.pk}'] button[data-pair-move=shortlist]").click()
    expect_success(page)
    screenshots(page, "direction-shortlisted")

    # 4. the department, handling the call, fills it: the supplier is invited
    log_in(page, officer)
    page.goto(f"/demonstration/{direction.pk}/")
    page.click("button[data-fill]")
    expect_success(page)
    pair.refresh_from_db()
    assert pair.status == PairStatus.INVITED
    assert Invitation.objects.filter(call=call, organization=supplier).exists()

    # 5. the product goes into a verification project at the user firm: work done, the
    # supplier files the evidence, the issuer accepts, and the first use is on record
    project = CallFactory(
        kind=CallKind.VERIFICATION,
        issuer=user_firm,
        title="电子膨胀阀整车热泵系统工程化应用验证",
        status=CallStatus.IN_PROGRESS,
        eligible_kinds=["sme"],
    )
    winner = ApplicationFactory(
        call=project, applicant=supplier, product=product, status="awarded", user_firm=user_firm
    )
    MilestoneFactory(application=winner, status="accepted")
    document = tmp_path / "证明材料.pdf"
    document.write_bytes(PDF)
    log_in(page, supplier_admin)
    page.goto(project.get_absolute_url())
    for kind, title in (
        ("agreement", "试用协议"),
        ("plan", "验证方案"),
        ("test_report", "第三方检测报告"),
    ):
        page.locator(f"[data-winner='{winner.pk}'] details summary").click()
        form = page.locator(f"[data-winner='{winner.pk}'] form[enctype]")
        form.locator("select[name$=-kind]").select_option(kind)
        form.locator("input[name$=-title]").fill(title)
        form.locator("input[name$=-issued_by]").fill("国家汽车质量检验检测中心")
        form.locator("input[name$=-issued_on]").fill("2026-11-20")
        form.locator("input[type=file]").set_input_files(str(document))
        form.locator("button[type=submit]").click()
        expect_success(page)
    screenshots(page, "evidence-filed")

    log_in(page, handler_of(project))
    page.goto(f"/calls/{project.pk}/manage/")
    page.locator(f"form[action='/calls/{project.pk}/do/accept/'] button").click()
    expect_success(page)
    project.refresh_from_db()
    assert project.status == CallStatus.ACCEPTED
    first_use = ProductVerification.objects.get()
    assert (first_use.product, first_use.user_organization) == (product, user_firm)

    # the product's page shows the first use with its evidence
    page.goto(product.get_absolute_url())
    panel = page.locator("[data-first-uses], [data-first-use]").first
    panel.wait_for()
    assert page.locator("body", has_text=user_firm.name).count() >= 1
    assert page.locator("body", has_text="第三方检测报告").count() >= 1
    screenshots(page, "product-first-use")
