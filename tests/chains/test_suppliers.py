"""Applications to supplier pools and innovation-chain projects, through the services: a
verified SME applies with a statement and some of its published products; only the lead's
members start the audit, record what they checked and admit or not (with a reason); only
the applicant withdraws before the decision; every refusal changes nothing; both sides are
told."""

from dataclasses import dataclass

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import MembershipRole, OrganizationKind, VerificationStatus
from catalog.models import ListingStatus, OpenResource, ResourceKind
from chains import services
from chains.models import SupplierApplication, SupplierApplicationEvent, SupplierStatus
from core.exceptions import InvalidState, NotAllowed
from notifications.models import Notification
from tests.factories import (
    AdminUserFactory,
    OpenResourceFactory,
    OrganizationFactory,
    ProductFactory,
    PublishedProductFactory,
    UserFactory,
    member_of,
)

pytestmark = pytest.mark.django_db


@dataclass
class Pool:
    lead: object
    owner: object
    owner_member: object
    resource: OpenResource
    project: OpenResource
    sme: object
    applicant: object
    colleague: object
    products: list
    other_sme: object
    outsider: object
    admin: object

    def apply(self, actor=None, resource=None, products=None, statement="年供货能力3000万颗"):
        return services.supplier_application_submit(
            actor=actor or self.applicant,
            resource=resource or self.resource,
            statement=statement,
            products=self.products if products is None else products,
        )

    def resource_of(self, kind, status=ListingStatus.PUBLISHED) -> OpenResource:
        return OpenResourceFactory(
            organization=self.lead, kind=kind, status=status, published_at=timezone.now()
        )


@pytest.fixture
def pool() -> Pool:
    lead = OrganizationFactory(kind=OrganizationKind.LEAD, name="深圳鹏远智能终端集团有限公司")
    sme = OrganizationFactory(kind=OrganizationKind.SME, name="合肥瑞感微电子有限公司")
    other_sme = OrganizationFactory(kind=OrganizationKind.SME)

    def resource(kind, title):
        return OpenResourceFactory(
            organization=lead,
            kind=kind,
            title=title,
            status=ListingStatus.PUBLISHED,
            published_at=timezone.now(),
        )

    return Pool(
        lead=lead,
        owner=member_of(lead),
        owner_member=member_of(lead, role=MembershipRole.MEMBER),
        resource=resource(ResourceKind.SUPPLIER, "电源管理与传感器芯片国产供应商招募"),
        project=resource(ResourceKind.PROJECT, "下一代可穿戴平台创新链联合攻关"),
        sme=sme,
        applicant=member_of(sme),
        colleague=member_of(sme, role=MembershipRole.MEMBER),
        products=[
            PublishedProductFactory(organization=sme, title="六轴惯性传感器"),
            PublishedProductFactory(organization=sme, title="数字气压传感器"),
        ],
        other_sme=other_sme,
        outsider=member_of(other_sme),
        admin=AdminUserFactory(),
    )


def snapshot(application: SupplierApplication) -> tuple:
    application.refresh_from_db()
    return (
        application.status,
        application.checks,
        application.audit_note,
        application.audited_by_id,
        application.audited_at,
        SupplierApplicationEvent.objects.filter(application=application).count(),
        Notification.objects.count(),
    )


def told(verb: str) -> set:
    return set(Notification.objects.filter(verb=verb).values_list("recipient_id", flat=True))


# --- applying ----------------------------------------------------------------------------------


def test_a_verified_sme_applies_with_its_products_and_the_lead_is_told(pool):
    application = pool.apply()

    assert application.status == SupplierStatus.SUBMITTED
    assert (application.applicant, application.submitted_by) == (pool.sme, pool.applicant)
    assert set(application.products.all()) == set(pool.products)
    assert application.statement == "年供货能力3000万颗"
    event = application.events.get()
    assert (event.action, event.actor, event.to_status) == (
        "submitted",
        pool.applicant,
        "submitted",
    )
    assert told("supplier.submitted") == {pool.owner.pk, pool.owner_member.pk, pool.colleague.pk}
    notification = Notification.objects.get(recipient=pool.owner)
    assert notification.url == f"/supplier-applications/{application.pk}/"
    assert notification.params == {
        "applicant": pool.sme.name,
        "owner": pool.lead.name,
        "resource": pool.resource.title,
    }


def test_an_innovation_chain_project_takes_an_application_without_products(pool):
    application = pool.apply(resource=pool.project, products=[])
    assert application.status == SupplierStatus.SUBMITTED
    assert not application.products.exists()


def test_a_supplier_pool_needs_at_least_one_product(pool):
    with pytest.raises(ValidationError) as raised:
        pool.apply(products=[])
    assert set(raised.value.message_dict) == {"products"}
    assert not SupplierApplication.objects.exists()


@pytest.mark.parametrize(
    "product",
    [
        lambda pool: PublishedProductFactory(organization=pool.other_sme),
        lambda pool: ProductFactory(organization=pool.sme, status=ListingStatus.DRAFT),
    ],
    ids=["another firm's", "unpublished"],
)
def test_only_the_applicants_published_products_are_offered(pool, product):
    with pytest.raises(ValidationError) as raised:
        pool.apply(products=[pool.products[0], product(pool)])
    assert set(raised.value.message_dict) == {"products"}
    assert not SupplierApplication.objects.exists()


@pytest.mark.parametrize("statement", ["", "  ", "长" * 4001])
def test_the_statement_is_required_and_limited(pool, statement):
    with pytest.raises(ValidationError) as raised:
        pool.apply(statement=statement)
    assert "statement" in raised.value.message_dict
    assert not SupplierApplication.objects.exists()


@pytest.mark.parametrize("kind", [ResourceKind.TEST_LINE, ResourceKind.LAB, ResourceKind.DATA])
def test_test_lines_laboratories_and_data_take_no_application(pool, kind):
    with pytest.raises(InvalidState):
        pool.apply(resource=pool.resource_of(kind))
    assert not SupplierApplication.objects.exists()
    assert not Notification.objects.exists()


def test_an_unpublished_pool_takes_no_application(pool):
    with pytest.raises(InvalidState):
        pool.apply(resource=pool.resource_of(ResourceKind.SUPPLIER, ListingStatus.ARCHIVED))
    assert not SupplierApplication.objects.exists()


@pytest.mark.parametrize(
    "organization",
    [
        {"kind": OrganizationKind.LEAD},
        {"kind": OrganizationKind.LARGE},
        {"kind": OrganizationKind.UNIVERSITY},
        {"kind": OrganizationKind.SME, "verification_status": VerificationStatus.PENDING},
    ],
)
def test_only_verified_smes_apply(pool, organization):
    actor = member_of(OrganizationFactory(**organization))
    with pytest.raises(NotAllowed):
        pool.apply(actor=actor, products=[])
    assert not SupplierApplication.objects.exists()


def test_the_lead_and_users_without_organization_cannot_apply(pool):
    for actor in (pool.owner, UserFactory(), pool.admin):
        with pytest.raises(NotAllowed):
            pool.apply(actor=actor, products=[])
    assert not SupplierApplication.objects.exists()


def test_one_open_application_per_organization_and_resource(pool):
    first = pool.apply()
    with pytest.raises(InvalidState):
        pool.apply(actor=pool.colleague)
    services.supplier_application_start_audit(actor=pool.owner, application=first)
    with pytest.raises(InvalidState):
        pool.apply(actor=pool.colleague)
    assert SupplierApplication.objects.count() == 1
    # another organization, another resource: fine
    pool.apply(actor=pool.outsider, products=[PublishedProductFactory(organization=pool.other_sme)])
    pool.apply(resource=pool.project)
    # not admitted: it may apply again
    services.supplier_application_reject(actor=pool.owner, application=first, note="产能不足")
    assert pool.apply(actor=pool.colleague).status == SupplierStatus.SUBMITTED


def test_an_admitted_firm_does_not_apply_again(pool):
    first = pool.apply()
    services.supplier_application_admit(actor=pool.owner, application=first)
    with pytest.raises(InvalidState):
        pool.apply()
    assert SupplierApplication.objects.count() == 1


# --- the audit ---------------------------------------------------------------------------------


def test_the_lead_starts_the_audit_and_the_applicant_is_told(pool):
    application = pool.apply()
    Notification.objects.all().delete()

    services.supplier_application_start_audit(actor=pool.owner_member, application=application)

    application.refresh_from_db()
    assert application.status == SupplierStatus.UNDER_AUDIT
    assert application.audited_by == pool.owner_member
    event = application.events.order_by("pk").last()
    assert (event.action, event.from_status, event.to_status) == (
        "start_audit",
        "submitted",
        "under_audit",
    )
    assert told("supplier.start_audit") == {pool.applicant.pk, pool.colleague.pk, pool.owner.pk}


def test_the_lead_records_its_checks_during_the_audit(pool):
    application = pool.apply()
    services.supplier_application_start_audit(actor=pool.owner, application=application)
    notifications = Notification.objects.count()

    services.supplier_application_record_checks(
        actor=pool.owner_member,
        application=application,
        checks=["qualification", "site_visit"],
        note="现场审核通过",
    )

    application.refresh_from_db()
    assert application.checks == {
        "qualification": True,
        "products": False,
        "quality_system": False,
        "site_visit": True,
        "samples": False,
    }
    assert application.audit_note == "现场审核通过"
    assert application.status == SupplierStatus.UNDER_AUDIT
    assert Notification.objects.count() == notifications


def test_checks_are_recorded_only_by_the_lead_while_under_audit(pool):
    application = pool.apply()
    before = snapshot(application)
    with pytest.raises(InvalidState):
        services.supplier_application_record_checks(
            actor=pool.owner, application=application, checks=["qualification"]
        )
    services.supplier_application_start_audit(actor=pool.owner, application=application)
    before = snapshot(application)
    for actor in (pool.applicant, pool.outsider, pool.admin):
        with pytest.raises(NotAllowed):
            services.supplier_application_record_checks(
                actor=actor, application=application, checks=["qualification"]
            )
    with pytest.raises(ValidationError):
        services.supplier_application_record_checks(
            actor=pool.owner, application=application, checks=["bribe"]
        )
    assert snapshot(application) == before


@pytest.mark.parametrize("audit_first", [False, True])
def test_the_lead_admits_with_what_it_checked(pool, audit_first):
    application = pool.apply()
    if audit_first:
        services.supplier_application_start_audit(actor=pool.owner, application=application)
    Notification.objects.all().delete()

    services.supplier_application_admit(
        actor=pool.owner,
        application=application,
        checks=["qualification", "products"],
        note="纳入名录",
    )

    application.refresh_from_db()
    assert application.status == SupplierStatus.ADMITTED
    assert application.checks["qualification"] and application.checks["products"]
    assert not application.checks["site_visit"]
    assert (application.audited_by, application.audit_note) == (pool.owner, "纳入名录")
    assert application.audited_at is not None
    assert application.events.order_by("pk").last().note == "纳入名录"
    assert told("supplier.admit") == {pool.applicant.pk, pool.colleague.pk, pool.owner_member.pk}


def test_admitting_keeps_the_checks_saved_during_the_audit(pool):
    application = pool.apply()
    services.supplier_application_start_audit(actor=pool.owner, application=application)
    services.supplier_application_record_checks(
        actor=pool.owner, application=application, checks=["samples"], note="样品合格"
    )
    services.supplier_application_move(actor=pool.owner, application=application, action="admit")
    application.refresh_from_db()
    assert application.checks["samples"] is True
    assert application.audit_note == "样品合格"


def test_not_admitting_needs_the_reason(pool):
    application = pool.apply()
    before = snapshot(application)
    with pytest.raises(InvalidState):
        services.supplier_application_reject(actor=pool.owner, application=application, note="")
    assert snapshot(application) == before

    services.supplier_application_reject(
        actor=pool.owner,
        application=application,
        note="缺少IATF 16949认证",
        checks=["qualification"],
    )

    application.refresh_from_db()
    assert application.status == SupplierStatus.REJECTED
    assert application.audit_note == "缺少IATF 16949认证"
    assert told("supplier.reject") >= {pool.applicant.pk, pool.colleague.pk}


@pytest.mark.parametrize("who", ["applicant", "colleague", "outsider", "admin"])
@pytest.mark.parametrize("action", ["start_audit", "admit", "reject"])
def test_only_the_lead_audits(pool, who, action):
    application = pool.apply()
    before = snapshot(application)
    with pytest.raises(NotAllowed):
        services.supplier_application_move(
            actor=getattr(pool, who), application=application, action=action, note="理由"
        )
    assert snapshot(application) == before


def test_the_lead_of_another_resource_cannot_audit(pool):
    application = pool.apply()
    before = snapshot(application)
    stranger = member_of(OrganizationFactory(kind=OrganizationKind.LEAD))
    with pytest.raises(NotAllowed):
        services.supplier_application_admit(
            actor=stranger, application=application, checks=["products"]
        )
    assert snapshot(application) == before


@pytest.mark.parametrize("audit_first", [False, True])
def test_the_applicant_withdraws_before_the_decision(pool, audit_first):
    application = pool.apply()
    if audit_first:
        services.supplier_application_start_audit(actor=pool.owner, application=application)
    services.supplier_application_withdraw(
        actor=pool.colleague, application=application, note="产线调整"
    )
    application.refresh_from_db()
    assert application.status == SupplierStatus.WITHDRAWN
    assert told("supplier.withdraw") == {pool.owner.pk, pool.owner_member.pk, pool.applicant.pk}


@pytest.mark.parametrize("who", ["owner", "outsider", "admin"])
def test_only_the_applicant_withdraws(pool, who):
    application = pool.apply()
    before = snapshot(application)
    with pytest.raises(NotAllowed):
        services.supplier_application_withdraw(actor=getattr(pool, who), application=application)
    assert snapshot(application) == before


@pytest.mark.parametrize("final", ["admit", "reject", "withdraw"])
def test_a_decided_application_moves_no_more(pool, final):
    application = pool.apply()
    actor = pool.applicant if final == "withdraw" else pool.owner
    services.supplier_application_move(
        actor=actor, application=application, action=final, note="理由"
    )
    before = snapshot(application)
    for action, who in (
        ("start_audit", pool.owner),
        ("admit", pool.owner),
        ("reject", pool.owner),
        ("withdraw", pool.applicant),
    ):
        with pytest.raises(InvalidState):
            services.supplier_application_move(
                actor=who, application=application, action=action, note="x"
            )
    assert snapshot(application) == before


def test_the_audit_starts_once(pool):
    application = pool.apply()
    services.supplier_application_start_audit(actor=pool.owner, application=application)
    before = snapshot(application)
    with pytest.raises(InvalidState):
        services.supplier_application_start_audit(actor=pool.owner, application=application)
    assert snapshot(application) == before
