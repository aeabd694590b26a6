"""Applications to supplier pools and innovation-chain projects through the pages: the
form offers the SME's published products, the application page shows the audit (the
applicant's qualifications with their standing, the products offered, the checks) and the
moves offered, the moves work through HTTP, and only the applicant, the lead and
administrators see an application or an organization's lists."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import (
    OrganizationKind,
    QualificationFlag,
    QualificationLevel,
    QualificationStatus,
)
from catalog.models import ListingStatus, ResourceKind
from chains import services
from chains.models import SupplierApplication, SupplierStatus
from tests.factories import (
    OrganizationFactory,
    PublishedProductFactory,
    QualificationFactory,
    UserFactory,
    member_of,
)

from .test_suppliers import pool, snapshot

pytestmark = pytest.mark.django_db

__all__ = ["pool"]


def create_url(resource) -> str:
    return reverse("chains:supplier_application_create", args=[resource.pk])


def detail_url(application) -> str:
    return reverse("chains:supplier_application_detail", args=[application.pk])


def move_url(application, action: str) -> str:
    return reverse("chains:supplier_application_move", args=[application.pk, action])


def checks_url(application) -> str:
    return reverse("chains:supplier_application_checks", args=[application.pk])


def list_url(organization, **query) -> str:
    url = reverse("chains:supplier_applications_of", args=[organization.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


# --- applying ----------------------------------------------------------------------------------


def test_the_form_offers_only_the_smes_published_products(client, pool):
    PublishedProductFactory(organization=pool.other_sme, title="别家的产品")
    client.force_login(pool.applicant)
    html = client.get(create_url(pool.resource)).text
    for product in pool.products:
        assert product.title in html
    assert "别家的产品" not in html


def test_an_sme_applies_through_the_form(client, pool):
    client.force_login(pool.applicant)
    response = client.post(
        create_url(pool.resource),
        {"statement": "车规级量产经验", "products": [pool.products[0].pk]},
    )
    application = SupplierApplication.objects.get()
    assert response["Location"] == detail_url(application)
    assert list(application.products.all()) == [pool.products[0]]
    assert application.statement == "车规级量产经验"


def test_a_pool_without_product_chosen_keeps_the_form_with_the_error(client, pool):
    client.force_login(pool.applicant)
    response = client.post(create_url(pool.resource), {"statement": "车规级量产经验"})
    assert response.status_code == 200
    assert gettext("Choose at least one product to offer to the supplier pool.") in response.text
    assert "车规级量产经验" in response.text
    assert not SupplierApplication.objects.exists()


def test_a_project_takes_an_application_without_products(client, pool):
    client.force_login(pool.applicant)
    client.post(create_url(pool.project), {"statement": "联合开发低功耗传感器"})
    assert SupplierApplication.objects.get().resource == pool.project


def test_an_sme_without_products_is_told_to_publish_one(client, pool):
    sme = OrganizationFactory(kind=OrganizationKind.SME)
    client.force_login(member_of(sme))
    assert "data-no-products" in client.get(create_url(pool.project)).text


@pytest.mark.parametrize("kind", [ResourceKind.TEST_LINE, ResourceKind.DATA])
def test_a_resource_of_another_kind_takes_no_application_through_the_form(client, pool, kind):
    resource = pool.resource_of(kind)
    client.force_login(pool.applicant)
    assert client.get(create_url(resource))["Location"] == resource.get_absolute_url()
    client.post(create_url(resource), {"statement": "x", "products": [pool.products[0].pk]})
    assert not SupplierApplication.objects.exists()


def test_a_large_enterprise_is_sent_back_with_the_reason(client, pool):
    client.force_login(member_of(OrganizationFactory(kind=OrganizationKind.LARGE)))
    response = client.get(create_url(pool.resource), follow=True)
    assert (
        gettext("Only SMEs apply to supplier pools and innovation-chain projects.") in response.text
    )
    client.post(create_url(pool.resource), {"statement": "x"})
    assert not SupplierApplication.objects.exists()


def test_a_second_open_application_is_refused(client, pool):
    pool.apply()
    client.force_login(pool.colleague)
    response = client.post(
        create_url(pool.resource), {"statement": "再次申请", "products": [pool.products[0].pk]}
    )
    assert response["Location"] == pool.resource.get_absolute_url()
    assert SupplierApplication.objects.count() == 1


def test_the_resource_panel_shows_the_lead_the_applications_waiting(client, pool):
    pool.apply()
    client.force_login(pool.owner_member)
    html = client.get(reverse("chains:resource_actions", args=[pool.resource.pk])).text
    assert 'data-open-count="1"' in html
    assert f"{list_url(pool.lead)}?side=received&amp;resource={pool.resource.pk}" in html


def test_the_resource_panel_shows_the_applicant_its_application(client, pool):
    application = pool.apply()
    client.force_login(pool.colleague)
    html = client.get(reverse("chains:resource_actions", args=[pool.resource.pk])).text
    assert f'data-existing="{application.pk}"' in html


# --- the application page ----------------------------------------------------------------------


@pytest.mark.parametrize("who", ["applicant", "colleague", "owner", "owner_member", "admin"])
def test_the_applicant_the_lead_and_administrators_see_the_application(client, pool, who):
    application = pool.apply()
    client.force_login(getattr(pool, who))
    page = client.get(detail_url(application))
    assert page.status_code == 200
    assert "年供货能力3000万颗" in page.text
    for product in pool.products:
        assert f'data-product="{product.pk}"' in page.text


def test_nobody_else_sees_an_application(client, pool):
    application = pool.apply()
    stranger = member_of(OrganizationFactory(kind=OrganizationKind.LEAD))
    for user in (pool.outsider, stranger, UserFactory()):
        client.force_login(user)
        assert client.get(detail_url(application)).status_code == 404
        assert client.post(move_url(application, "admit")).status_code == 404
        assert client.post(checks_url(application)).status_code == 404
    client.logout()
    assert client.get(detail_url(application)).status_code == 302
    application.refresh_from_db()
    assert application.status == SupplierStatus.SUBMITTED


def test_the_audit_shows_the_qualifications_with_their_standing(client, pool):
    QualificationFactory(
        organization=pool.sme,
        level=QualificationLevel.NATIONAL,
        status=QualificationStatus.VERIFIED,
        valid_until=timezone.localdate() - timedelta(days=3),
        batch="第三批",
    )
    pool.sme.qualification_flag = QualificationFlag.EXPIRED
    pool.sme.lapsed_qualification_level = QualificationLevel.NATIONAL
    pool.sme.save()
    valid = QualificationFactory(
        organization=pool.sme,
        level=QualificationLevel.PROVINCIAL,
        status=QualificationStatus.VERIFIED,
        valid_until=timezone.localdate() + timedelta(days=300),
        year=2024,
    )
    application = pool.apply()
    client.force_login(pool.owner)
    html = client.get(detail_url(application)).text
    assert 'data-qualification-flag="expired"' in html
    assert 'data-qualification-standing="expired"' in html
    assert 'data-qualification-standing="verified"' in html
    assert f"{valid.valid_until:%Y-%m-%d}" in html
    assert "data-organization-verified" in html


def test_an_applicant_without_qualification_says_so(client, pool):
    application = pool.apply()
    client.force_login(pool.owner)
    assert "data-no-qualification" in client.get(detail_url(application)).text


def test_the_lead_is_offered_the_audit_and_the_applicant_the_withdrawal(client, pool):
    application = pool.apply()
    client.force_login(pool.owner)
    html = client.get(detail_url(application)).text
    for action in ("start_audit", "admit", "reject"):
        assert f'data-move="{action}"' in html
    assert 'data-move="withdraw"' not in html
    assert "data-save-checks" not in html  # only once the audit started
    client.force_login(pool.applicant)
    html = client.get(detail_url(application)).text
    assert 'data-move="withdraw"' in html
    assert 'data-move="admit"' not in html and "data-audit-form" not in html


def test_the_lead_audits_through_the_pages(client, pool):
    application = pool.apply()
    client.force_login(pool.owner_member)

    client.post(move_url(application, "start_audit"))
    application.refresh_from_db()
    assert application.status == SupplierStatus.UNDER_AUDIT
    assert "data-save-checks" in client.get(detail_url(application)).text

    client.post(
        checks_url(application), {"checks": ["qualification", "site_visit"], "note": "已到厂"}
    )
    application.refresh_from_db()
    assert application.checks["site_visit"] and not application.checks["samples"]
    html = client.get(detail_url(application)).text
    assert 'data-check="site_visit" data-checked' in html
    assert "已到厂" in html

    client.post(
        move_url(application, "admit"), {"checks": ["qualification", "products"], "note": "准入"}
    )
    application.refresh_from_db()
    assert application.status == SupplierStatus.ADMITTED
    assert application.checks["products"] and not application.checks["site_visit"]


def test_the_applicant_does_not_see_the_working_note_but_sees_the_reason(client, pool):
    application = pool.apply()
    services.supplier_application_start_audit(actor=pool.owner, application=application)
    services.supplier_application_record_checks(
        actor=pool.owner, application=application, checks=[], note="内部备注"
    )
    client.force_login(pool.applicant)
    assert "内部备注" not in client.get(detail_url(application)).text
    services.supplier_application_reject(actor=pool.owner, application=application, note="缺少认证")
    assert "缺少认证" in client.get(detail_url(application)).text


def test_not_admitting_without_a_reason_changes_nothing(client, pool):
    application = pool.apply()
    before = snapshot(application)
    client.force_login(pool.owner)
    response = client.post(
        move_url(application, "reject"), {"checks": ["qualification"]}, follow=True
    )
    assert gettext("Give the reason so the applicant knows what to improve.") in response.text
    assert snapshot(application) == before
    client.post(move_url(application, "reject"), {"note": "产能不足"})
    application.refresh_from_db()
    assert application.status == SupplierStatus.REJECTED


def test_an_unknown_check_changes_nothing(client, pool):
    application = pool.apply()
    services.supplier_application_start_audit(actor=pool.owner, application=application)
    before = snapshot(application)
    client.force_login(pool.owner)
    client.post(checks_url(application), {"checks": ["bribe"]})
    client.post(move_url(application, "admit"), {"checks": ["bribe"]})
    assert snapshot(application) == before


def test_the_applicant_cannot_audit_and_withdraws_through_the_page(client, pool):
    application = pool.apply()
    before = snapshot(application)
    client.force_login(pool.applicant)
    response = client.post(move_url(application, "admit"), {"checks": ["products"]}, follow=True)
    assert (
        gettext("Only the lead enterprise audits; only the applicant withdraws.") in response.text
    )
    client.post(move_url(application, "start_audit"))
    client.post(checks_url(application), {"checks": ["products"]})
    assert snapshot(application) == before
    client.post(move_url(application, "withdraw"))
    application.refresh_from_db()
    assert application.status == SupplierStatus.WITHDRAWN


def test_an_unknown_move_is_404(client, pool):
    application = pool.apply()
    client.force_login(pool.owner)
    assert client.post(move_url(application, "bribe")).status_code == 404
    assert client.get(move_url(application, "admit")).status_code == 405


# --- the lists and the workspace -----------------------------------------------------------


def test_the_lead_lists_the_applications_to_it_and_the_applicant_its_own(client, pool):
    mine = pool.apply()
    theirs = pool.apply(
        actor=pool.outsider, products=[PublishedProductFactory(organization=pool.other_sme)]
    )
    client.force_login(pool.owner)
    html = client.get(list_url(pool.lead)).text
    assert f'data-supplier-application="{mine.pk}"' in html
    assert f'data-supplier-application="{theirs.pk}"' in html
    assert pool.products[0].title in html
    html = client.get(list_url(pool.lead, status="admitted")).text
    assert f'data-supplier-application="{mine.pk}"' not in html
    client.force_login(pool.applicant)
    html = client.get(list_url(pool.sme)).text
    assert f'data-supplier-application="{mine.pk}"' in html
    assert f'data-supplier-application="{theirs.pk}"' not in html


def test_the_list_filters_by_resource(client, pool):
    mine = pool.apply()
    other = pool.apply(resource=pool.project)
    client.force_login(pool.owner)
    html = client.get(list_url(pool.lead, side="received", resource=pool.project.pk)).text
    assert f'data-supplier-application="{other.pk}"' in html
    assert f'data-supplier-application="{mine.pk}"' not in html


def test_only_members_and_administrators_see_the_lists(client, pool):
    pool.apply()
    client.force_login(pool.outsider)
    assert client.get(list_url(pool.lead)).status_code == 404
    assert client.get(list_url(pool.sme)).status_code == 404
    client.force_login(pool.admin)
    assert client.get(list_url(pool.sme)).status_code == 200


def test_the_workspace_panel_lists_applications_both_ways(client, pool):
    mine = pool.apply()
    client.force_login(pool.owner)
    html = client.get(reverse("chains:access_dashboard")).text
    assert f'data-supplier-application="{mine.pk}"' in html
    assert 'data-link="supplier-received"' in html
    client.force_login(pool.applicant)
    html = client.get(reverse("chains:access_dashboard")).text
    assert f'data-supplier-application="{mine.pk}"' in html
    assert 'data-side="received"' not in html


def test_an_unpublished_pools_form_is_404(client, pool):
    draft = pool.resource_of(ResourceKind.SUPPLIER, ListingStatus.DRAFT)
    client.force_login(pool.applicant)
    assert client.get(create_url(draft)).status_code == 404
    assert not SupplierApplication.objects.exists()


def test_the_list_runs_a_constant_number_of_queries(client, pool):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(list_url(pool.lead, side="received")).status_code == 200
        return len(captured)

    pool.apply()
    client.force_login(pool.owner)
    before = queries()
    for _ in range(3):
        sme = OrganizationFactory(kind=OrganizationKind.SME)
        pool.apply(actor=member_of(sme), products=[PublishedProductFactory(organization=sme)])
    assert queries() == before
