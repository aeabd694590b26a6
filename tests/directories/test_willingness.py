"""Willingness (企业意愿): declare, change, withdraw, declare again; who may; what leaving
does to the directories being prepared (and what it never does to published ones)."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from accounts.models import MembershipRole, OrganizationKind, VerificationStatus
from core.exceptions import InvalidState, NotAllowed
from directories import selectors, services
from directories.models import (
    Directory,
    DirectoryEntry,
    DirectoryEvent,
    DirectoryKind,
    DirectoryVersion,
    VersionStatus,
    Willingness,
    WillingnessEvent,
    WillingnessStatus,
)
from directories.transitions import WILLINGNESS_TRANSITIONS
from tests.factories import (
    AdminUserFactory,
    OrganizationFactory,
    ProductFactory,
    PublishedProductFactory,
    member_of,
)

pytestmark = pytest.mark.django_db

FIRMS, PRODUCTS = DirectoryKind.FIRMS, DirectoryKind.PRODUCTS


@pytest.fixture
def sme():
    return OrganizationFactory(name="苏州芯动科技有限公司")


@pytest.fixture
def owner(sme):
    return member_of(sme)


def page_url(organization):
    return reverse("directories:willingness", args=[organization.pk])


def declare_url(organization, kind):
    return reverse("directories:willingness_declare", args=[organization.pk, kind])


def withdraw_url(organization, kind):
    return reverse("directories:willingness_withdraw", args=[organization.pk, kind])


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def version_with_entries(organization, kind, status, products=()):
    """A directory version of ``kind`` with the organization's entry (firms) or its
    products' entries, built directly with the models."""
    directory = Directory.objects.create(kind=kind, title=f"{kind} {status}", year=2026)
    version = DirectoryVersion.objects.create(directory=directory, number=1, status=status)
    items = [None] if kind == FIRMS else list(products)
    for product in items:
        DirectoryEntry.objects.create(
            version=version,
            organization=organization,
            product=product,
            title=product.title if product else organization.name,
            organization_name=organization.name,
        )
    return version


# --- the service ------------------------------------------------------------------------------


def test_declare_change_withdraw_and_declare_again_each_record_who_when_and_what(sme, owner):
    first, second = (
        PublishedProductFactory(organization=sme),
        PublishedProductFactory(organization=sme),
    )
    # when it declares
    willingness = services.willingness_declare(
        actor=owner, organization=sme, kind=PRODUCTS, products=[first], note="面向整车厂"
    )
    # then
    assert willingness.status == WillingnessStatus.OPTED_IN
    assert willingness.declared_by == owner and willingness.declared_at is not None
    assert list(willingness.products.all()) == [first]
    # when it changes the products, withdraws, and declares again
    services.willingness_declare(
        actor=owner, organization=sme, kind=PRODUCTS, products=[first, second], note="面向整车厂"
    )
    services.willingness_withdraw(actor=owner, willingness=willingness, note="暂缓")
    services.willingness_declare(actor=owner, organization=sme, kind=PRODUCTS, products=[second])
    # then every step is an event with actor, time and the products named then
    willingness.refresh_from_db()
    assert willingness.status == WillingnessStatus.OPTED_IN
    assert list(willingness.products.all()) == [second]
    events = list(willingness.events.order_by("created_at", "id"))
    assert [e.action for e in events] == ["declared", "changed", "withdraw", "opt_in"]
    assert all(e.actor == owner and e.created_at for e in events)
    assert [e.to_status for e in events] == ["opted_in", "opted_in", "withdrawn", "opted_in"]
    assert events[0].products == [{"id": first.pk, "title": first.title}]
    assert {p["id"] for p in events[1].products} == {first.pk, second.pk}
    assert events[0].note == "面向整车厂" and events[2].note == "暂缓"
    assert events[3].products == [{"id": second.pk, "title": second.title}]


def test_a_firms_declaration_names_no_products(sme, owner):
    product = PublishedProductFactory(organization=sme)
    willingness = services.willingness_declare(
        actor=owner, organization=sme, kind=FIRMS, products=[product]
    )
    assert willingness.products.count() == 0
    assert willingness.events.get().products == []


def test_submitting_the_same_declaration_again_is_refused_and_records_nothing(sme, owner):
    services.willingness_declare(actor=owner, organization=sme, kind=FIRMS, note="x")
    with pytest.raises(InvalidState) as refused:
        services.willingness_declare(actor=owner, organization=sme, kind=FIRMS, note="x")
    assert str(refused.value.message) == str(WILLINGNESS_TRANSITIONS["opt_in"].refused)
    assert WillingnessEvent.objects.count() == 1


def test_withdrawing_twice_is_refused(sme, owner):
    willingness = services.willingness_declare(actor=owner, organization=sme, kind=FIRMS)
    services.willingness_withdraw(actor=owner, willingness=willingness)
    with pytest.raises(InvalidState):
        services.willingness_withdraw(actor=owner, willingness=willingness)
    assert WillingnessEvent.objects.count() == 2


@pytest.mark.parametrize(
    "change",
    [
        {"kind": OrganizationKind.LEAD},
        {"kind": OrganizationKind.UNIVERSITY},
        {"verification_status": VerificationStatus.PENDING},
        {"verification_status": VerificationStatus.REJECTED},
    ],
)
def test_only_a_verified_sme_declares(change):
    organization = OrganizationFactory(**change)
    owner = member_of(organization)
    with pytest.raises(InvalidState) as refused:
        services.willingness_declare(actor=owner, organization=organization, kind=FIRMS)
    assert refused.value.message
    assert not Willingness.objects.exists()


def test_a_member_who_is_not_an_administrator_and_an_outsider_cannot_declare(sme, owner):
    member = member_of(sme, role=MembershipRole.MEMBER)
    outsider = member_of(OrganizationFactory())
    for actor in (member, outsider, AdminUserFactory()):
        with pytest.raises(NotAllowed):
            services.willingness_declare(actor=actor, organization=sme, kind=FIRMS)
    willingness = services.willingness_declare(actor=owner, organization=sme, kind=FIRMS)
    for actor in (member, outsider):
        with pytest.raises(NotAllowed):
            services.willingness_withdraw(actor=actor, willingness=willingness)
    willingness.refresh_from_db()
    assert willingness.is_opted_in and willingness.events.count() == 1


def test_products_must_be_published_products_of_the_organization(sme, owner):
    foreign = PublishedProductFactory()
    draft = ProductFactory(organization=sme)
    mine = PublishedProductFactory(organization=sme)
    for products in ([foreign], [mine, foreign], [draft], [], [mine.pk + 1000]):
        with pytest.raises(InvalidState):
            services.willingness_declare(
                actor=owner, organization=sme, kind=PRODUCTS, products=products
            )
    assert not Willingness.objects.exists()
    # ids work as well as products
    willingness = services.willingness_declare(
        actor=owner, organization=sme, kind=PRODUCTS, products=[mine.pk]
    )
    assert list(willingness.products.all()) == [mine]


def test_withdrawing_removes_draft_entries_and_never_touches_published_ones(sme, owner):
    admin = AdminUserFactory()
    published = version_with_entries(sme, FIRMS, VersionStatus.PUBLISHED)
    draft = DirectoryVersion.objects.create(
        directory=published.directory, number=2, status=VersionStatus.DRAFT, created_by=admin
    )
    DirectoryEntry.objects.create(
        version=draft, organization=sme, title=sme.name, organization_name=sme.name
    )
    other = OrganizationFactory()
    DirectoryEntry.objects.create(
        version=draft, organization=other, title=other.name, organization_name=other.name
    )
    willingness = services.willingness_declare(actor=owner, organization=sme, kind=FIRMS)
    # when
    services.willingness_withdraw(actor=owner, willingness=willingness, note="暂不参与")
    # then the draft lost the firm (and only it), with an event; the published one kept it
    assert list(draft.entries.values_list("organization", flat=True)) == [other.pk]
    assert published.entries.filter(organization=sme).count() == 1
    event = DirectoryEvent.objects.get(action="withdrawn")
    assert (event.directory, event.version, event.subject) == (
        published.directory,
        draft,
        sme.name,
    )
    assert event.actor == owner and event.note == "暂不参与"


def test_withdrawing_products_removes_their_draft_entries_only(sme, owner):
    product = PublishedProductFactory(organization=sme)
    firms_draft = version_with_entries(sme, FIRMS, VersionStatus.DRAFT)
    products_draft = version_with_entries(sme, PRODUCTS, VersionStatus.DRAFT, [product])
    products_published = version_with_entries(sme, PRODUCTS, VersionStatus.PUBLISHED, [product])
    willingness = services.willingness_declare(
        actor=owner, organization=sme, kind=PRODUCTS, products=[product]
    )
    services.willingness_withdraw(actor=owner, willingness=willingness)
    assert products_draft.entries.count() == 0
    assert firms_draft.entries.count() == 1  # its firms declaration is another matter
    assert products_published.entries.count() == 1
    assert DirectoryEvent.objects.get().subject == product.title


def test_taking_a_product_out_removes_that_products_draft_entries(sme, owner):
    kept, dropped = (
        PublishedProductFactory(organization=sme),
        PublishedProductFactory(organization=sme),
    )
    draft = version_with_entries(sme, PRODUCTS, VersionStatus.DRAFT, [kept, dropped])
    published = version_with_entries(sme, PRODUCTS, VersionStatus.PUBLISHED, [kept, dropped])
    services.willingness_declare(
        actor=owner, organization=sme, kind=PRODUCTS, products=[kept, dropped]
    )
    services.willingness_declare(actor=owner, organization=sme, kind=PRODUCTS, products=[kept])
    assert list(draft.entries.values_list("product", flat=True)) == [kept.pk]
    assert published.entries.count() == 2
    assert list(DirectoryEvent.objects.values_list("subject", flat=True)) == [dropped.title]


def test_opted_in_selectors_list_only_declarations_in_force(sme, owner):
    product, unpublished_later = PublishedProductFactory(organization=sme), None
    other = OrganizationFactory()
    other_owner = member_of(other)
    unpublished_later = PublishedProductFactory(organization=other)
    services.willingness_declare(actor=owner, organization=sme, kind=FIRMS)
    services.willingness_declare(actor=owner, organization=sme, kind=PRODUCTS, products=[product])
    withdrawn = services.willingness_declare(
        actor=other_owner, organization=other, kind=PRODUCTS, products=[unpublished_later]
    )
    services.willingness_withdraw(actor=other_owner, willingness=withdrawn)
    assert list(selectors.opted_in_organizations(FIRMS)) == [sme]
    assert list(selectors.opted_in_organizations(PRODUCTS)) == [sme]
    assert list(selectors.opted_in_products()) == [product]
    # a product no longer published leaves the list even while the declaration stands
    product.status = "archived"
    product.save(update_fields=["status"])
    assert list(selectors.opted_in_products()) == []


# --- the page ---------------------------------------------------------------------------------


def test_an_administrator_declares_changes_withdraws_and_declares_again_through_the_page(
    client, sme, owner
):
    first = PublishedProductFactory(organization=sme, title="车规级碳化硅模块")
    second = PublishedProductFactory(organization=sme, title="高压驱动芯片")
    PublishedProductFactory(title="别家的产品")  # not offered
    client.force_login(owner)

    page = client.get(page_url(sme))

    assert page.status_code == 200
    assert first.title in page.text and second.title in page.text
    assert "别家的产品" not in page.text
    assert declare_url(sme, FIRMS) in page.text and declare_url(sme, PRODUCTS) in page.text
    # declare for products
    response = client.post(
        declare_url(sme, PRODUCTS), {"products-products": [first.pk], "products-note": "供应整车厂"}
    )
    assert response.status_code == 302 and response.url == page_url(sme)
    willingness = Willingness.objects.get(kind=PRODUCTS)
    assert list(willingness.products.all()) == [first]
    assert willingness.note == "供应整车厂" and willingness.declared_by == owner
    # change: add the second product
    client.post(declare_url(sme, PRODUCTS), {"products-products": [first.pk, second.pk]})
    assert willingness.products.count() == 2
    # the page offers withdrawal, with the table's question
    page = client.get(page_url(sme))
    assert withdraw_url(sme, PRODUCTS) in page.text
    assert f'data-confirm="{WILLINGNESS_TRANSITIONS["withdraw"].confirm}"' in page.text
    assert withdraw_url(sme, FIRMS) not in page.text  # nothing declared there
    # withdraw, then declare again
    response = client.post(withdraw_url(sme, PRODUCTS), {"note": "调整产品线"})
    assert response.status_code == 302
    willingness.refresh_from_db()
    assert willingness.status == WillingnessStatus.WITHDRAWN
    client.post(declare_url(sme, PRODUCTS), {"products-products": [second.pk]})
    willingness.refresh_from_db()
    assert willingness.is_opted_in and list(willingness.products.all()) == [second]
    # the history: one row per step, with who and when
    page = client.get(page_url(sme))
    rows = page.text.count("data-willingness-event=")
    assert rows == 4
    for action in ("declared", "changed", "withdraw", "opt_in"):
        assert f'data-willingness-event="{action}"' in page.text
    assert page.text.count(owner.name) >= 4 and "调整产品线" in page.text
    stamp = willingness.events.first().created_at
    assert stamp.astimezone().strftime("%Y-%m-%d") in page.text


def test_a_firms_declaration_through_the_page(client, sme, owner):
    client.force_login(owner)
    response = client.post(declare_url(sme, FIRMS), {"firms-note": "希望对接央企"}, follow=True)
    assert response.status_code == 200
    assert messages_of(response) == [gettext("Your declaration is recorded.")]
    willingness = Willingness.objects.get()
    assert (willingness.kind, willingness.note) == (FIRMS, "希望对接央企")
    assert 'data-willingness-event="declared"' in response.text


def test_naming_no_product_or_a_foreign_one_is_refused_on_the_page(client, sme, owner):
    foreign = PublishedProductFactory()
    PublishedProductFactory(organization=sme)
    client.force_login(owner)
    response = client.post(declare_url(sme, PRODUCTS), {"products-note": "x"})
    assert response.status_code == 200 and response.context["kinds"][1]["form"].errors
    response = client.post(declare_url(sme, PRODUCTS), {"products-products": [foreign.pk]})
    assert response.status_code == 200 and "products" in response.context["kinds"][1]["form"].errors
    assert not Willingness.objects.exists()


def test_the_same_declaration_again_says_so_on_the_page(client, sme, owner):
    client.force_login(owner)
    client.post(declare_url(sme, FIRMS), {"firms-note": "同上"}, follow=True)
    response = client.post(declare_url(sme, FIRMS), {"firms-note": "同上"}, follow=True)
    assert messages_of(response) == [str(WILLINGNESS_TRANSITIONS["opt_in"].refused)]
    assert WillingnessEvent.objects.count() == 1


def test_a_member_sees_the_declarations_but_cannot_change_them(client, sme, owner):
    willingness = services.willingness_declare(
        actor=owner, organization=sme, kind=FIRMS, note="原说明"
    )
    member = member_of(sme, role=MembershipRole.MEMBER)
    client.force_login(member)
    page = client.get(page_url(sme))
    assert page.status_code == 200 and "原说明" in page.text
    assert declare_url(sme, FIRMS) not in page.text and withdraw_url(sme, FIRMS) not in page.text
    # posting anyway changes nothing
    client.post(declare_url(sme, FIRMS), {"firms-note": "改了"})
    client.post(withdraw_url(sme, FIRMS))
    client.post(declare_url(sme, PRODUCTS), {"products-note": "x"})
    willingness.refresh_from_db()
    assert willingness.is_opted_in and willingness.note == "原说明"
    assert Willingness.objects.count() == 1 and WillingnessEvent.objects.count() == 1


def test_others_get_404_and_change_nothing(client, sme, owner):
    willingness = services.willingness_declare(actor=owner, organization=sme, kind=FIRMS)
    client.force_login(member_of(OrganizationFactory()))
    assert client.get(page_url(sme)).status_code == 404
    assert client.post(declare_url(sme, FIRMS), {"firms-note": "x"}).status_code == 404
    assert client.post(withdraw_url(sme, FIRMS)).status_code == 404
    willingness.refresh_from_db()
    assert willingness.is_opted_in and WillingnessEvent.objects.count() == 1


def test_a_platform_administrator_reads_the_declarations_but_cannot_change_them(client, sme, owner):
    willingness = services.willingness_declare(
        actor=owner, organization=sme, kind=FIRMS, note="原说明"
    )
    client.force_login(AdminUserFactory())
    page = client.get(page_url(sme))
    assert page.status_code == 200 and "原说明" in page.text
    assert "data-willingness-declare" not in page.text
    assert "data-willingness-withdraw" not in page.text
    refused = client.post(withdraw_url(sme, FIRMS), follow=True)
    assert [m.level_tag for m in refused.context["messages"]] == ["error"]
    client.post(declare_url(sme, FIRMS), {"firms-note": "改"})
    willingness.refresh_from_db()
    assert willingness.is_opted_in and willingness.note == "原说明"
    assert WillingnessEvent.objects.count() == 1


def test_anonymous_visitors_are_sent_to_log_in_and_change_nothing(client, sme, owner):
    willingness = services.willingness_declare(actor=owner, organization=sme, kind=FIRMS)
    for response in (
        client.get(page_url(sme)),
        client.post(declare_url(sme, FIRMS), {"firms-note": "x"}),
        client.post(withdraw_url(sme, FIRMS)),
    ):
        assert response.status_code == 302 and reverse("accounts:login") in response.url
    willingness.refresh_from_db()
    assert willingness.is_opted_in and WillingnessEvent.objects.count() == 1


def test_an_unknown_kind_or_organization_is_404(client, sme, owner):
    client.force_login(owner)
    assert client.post(declare_url(sme, "chains"), {}).status_code == 404
    assert client.post(withdraw_url(sme, "chains")).status_code == 404
    assert client.post(withdraw_url(sme, FIRMS)).status_code == 404  # nothing declared
    assert client.get(reverse("directories:willingness", args=[sme.pk + 999])).status_code == 404


def test_an_enterprise_that_is_not_an_sme_is_told_why_and_offered_no_form(client):
    lead = OrganizationFactory(kind=OrganizationKind.LEAD)
    owner = member_of(lead)
    client.force_login(owner)
    page = client.get(page_url(lead))
    assert page.status_code == 200 and "data-willingness-problem" in page.text
    assert declare_url(lead, FIRMS) not in page.text
    response = client.post(declare_url(lead, FIRMS), {"firms-note": "x"}, follow=True)
    assert messages_of(response) and not Willingness.objects.exists()


def test_an_unverified_sme_is_refused(client):
    pending = OrganizationFactory(verification_status=VerificationStatus.PENDING)
    client.force_login(member_of(pending))
    response = client.post(declare_url(pending, FIRMS), {"firms-note": "x"}, follow=True)
    assert messages_of(response) and not Willingness.objects.exists()


def test_the_dashboard_and_the_organization_page_lead_to_the_willingness_page(client, sme, owner):
    client.force_login(owner)
    assert page_url(sme) in client.get(reverse("portal:dashboard")).text
    assert page_url(sme) in client.get(reverse("portal:organization_detail", args=[sme.pk])).text
    lead = OrganizationFactory(kind=OrganizationKind.LEAD)
    client.force_login(member_of(lead))
    assert "data-willingness-link" not in client.get(reverse("portal:dashboard")).text
