"""Recommendation directories through their services: who enters (only the opted-in, and
each criterion filters), screening and classifying with who/when/why, publishing, versions
that never change, what changed between versions, and the live flags."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import (
    QualificationFlag,
    QualificationLevel,
    QualificationStatus,
    VerificationStatus,
)
from catalog.models import ListingStatus, ProductVerification
from core.exceptions import InvalidState, NotAllowed
from directories import services
from directories.models import (
    Directory,
    DirectoryEntry,
    DirectoryEvent,
    DirectoryKind,
    DirectoryVersion,
    EntryDecision,
    VersionStatus,
    Willingness,
    WillingnessStatus,
)
from directories.selectors import directories as selectors
from reference.models import Industry
from tests.factories import (
    AdminUserFactory,
    ChainNodeFactory,
    OrganizationFactory,
    PublishedProductFactory,
    QualificationFactory,
    UserFactory,
    member_of,
)

pytestmark = pytest.mark.django_db

NEVER_CHANGE = "Published versions never change."


# --- building blocks (the page tests import these) -----------------------------------------


def opt_in(organization, kind=DirectoryKind.FIRMS, products=()):
    willingness, _created = Willingness.objects.update_or_create(
        organization=organization,
        kind=kind,
        defaults={"status": WillingnessStatus.OPTED_IN, "declared_at": timezone.now()},
    )
    willingness.products.add(*products)
    return willingness


def withdraw(organization, kind=DirectoryKind.FIRMS):
    Willingness.objects.filter(organization=organization, kind=kind).update(
        status=WillingnessStatus.WITHDRAWN
    )


def qualified_firm(
    *,
    name=None,
    level=QualificationLevel.NATIONAL,
    province="32",
    industry=None,
    valid_until=None,
    opted_in=True,
):
    """A verified organization holding a verified qualification, opted in for firms."""
    fields = {"province": province, "industry_id": industry}
    if name:
        fields["name"] = name
    organization = OrganizationFactory(**fields)
    qualification = QualificationFactory(
        organization=organization,
        level=level,
        status=QualificationStatus.VERIFIED,
        valid_until=valid_until,
    )
    organization.qualification_level = level
    organization.save(update_fields=["qualification_level"])
    organization.test_qualification = qualification
    if opted_in:
        opt_in(organization)
    return organization


def opted_in_product(organization=None, **fields):
    """A published product named by its organization's products declaration."""
    organization = organization or qualified_firm(opted_in=False)
    product = PublishedProductFactory(organization=organization, **fields)
    opt_in(organization, DirectoryKind.PRODUCTS, [product])
    return product


def make_directory(admin=None, **criteria):
    admin = admin or AdminUserFactory()
    criteria.setdefault("kind", DirectoryKind.FIRMS)
    criteria.setdefault("title", "2024年专精特新企业推荐目录")
    criteria.setdefault("year", 2024)
    return services.directory_create(actor=admin, **criteria)


def draft_of(directory) -> DirectoryVersion:
    return directory.versions.get(status=VersionStatus.DRAFT)


def entries_of(directory, version=None):
    version = version or draft_of(directory)
    return {entry.organization_id: entry for entry in version.entries.all()}


def propose(directory, admin=None) -> int:
    return services.directory_propose(actor=admin or AdminUserFactory(), directory=directory)


def screened_and_published(directory, admin, *, exclude=()):
    """Include every candidate of the draft (but ``exclude``), then publish it."""
    version = draft_of(directory)
    for entry in version.entries.filter(decision=EntryDecision.CANDIDATE):
        if entry.organization_id in {o.pk for o in exclude}:
            services.entry_exclude(actor=admin, entry=entry, reason="不符合方向")
        else:
            services.entry_include(actor=admin, entry=entry)
    return services.version_publish(actor=admin, version=version)


# --- creating -------------------------------------------------------------------------------


def test_creating_a_directory_makes_its_draft_version_1_and_records_it():
    admin = AdminUserFactory()
    node = ChainNodeFactory()
    directory = make_directory(
        admin,
        provinces=["32", "31"],
        chain_nodes=[node],
        industries=[Industry.objects.get(code="39")],
        categories=["功率半导体", " 传感器 ", "功率半导体", ""],
        theme="  碳化硅   功率模块 ",
    )
    assert directory.created_by == admin
    assert directory.categories == ["功率半导体", "传感器"]
    assert directory.theme == "碳化硅 功率模块"
    assert list(directory.chain_nodes.all()) == [node]
    version = directory.versions.get()
    assert (version.number, version.status, version.created_by) == (1, VersionStatus.DRAFT, admin)
    event = directory.events.get()
    assert (event.action, event.actor, event.version) == ("created", admin, version)


def test_only_administrators_create_update_and_curate():
    user = member_of(OrganizationFactory())
    with pytest.raises(NotAllowed):
        make_directory(user)
    directory = make_directory()
    with pytest.raises(NotAllowed):
        services.directory_update(actor=user, directory=directory, title="改名")
    with pytest.raises(NotAllowed):
        services.directory_propose(actor=user, directory=directory)
    with pytest.raises(NotAllowed):
        services.version_publish(actor=UserFactory(), version=draft_of(directory))
    directory.refresh_from_db()
    assert directory.title == "2024年专精特新企业推荐目录"
    assert DirectoryEntry.objects.count() == 0


def test_updating_the_criteria_is_recorded_and_a_category_in_use_stays():
    admin = AdminUserFactory()
    firm = qualified_firm()
    directory = make_directory(admin, categories=["芯片", "材料"])
    propose(directory, admin)
    entry = entries_of(directory)[firm.pk]
    services.entry_classify(actor=admin, entry=entry, chain_node=None, category="芯片")

    services.directory_update(
        actor=admin, directory=directory, provinces=["32"], categories=["芯片", "装备"]
    )
    directory.refresh_from_db()
    assert directory.provinces == ["32"] and directory.categories == ["芯片", "装备"]
    assert directory.events.filter(action="updated").count() == 1

    with pytest.raises(ValidationError) as refused:
        services.directory_update(actor=admin, directory=directory, categories=["装备"])
    assert "芯片" in str(refused.value)
    directory.refresh_from_db()
    assert directory.categories == ["芯片", "装备"]


# --- proposing ------------------------------------------------------------------------------


def test_only_opted_in_organizations_are_proposed():
    admin = AdminUserFactory()
    opted = qualified_firm()
    never = qualified_firm(opted_in=False)
    withdrawn = qualified_firm()
    withdraw(withdrawn)
    products_only = qualified_firm(opted_in=False)
    opt_in(products_only, DirectoryKind.PRODUCTS)
    unverified = qualified_firm()
    unverified.verification_status = VerificationStatus.PENDING
    unverified.save()
    directory = make_directory(admin)

    assert propose(directory, admin) == 1

    entry = draft_of(directory).entries.get()
    assert entry.organization == opted and entry.decision == EntryDecision.CANDIDATE
    assert entry.title == opted.name and entry.organization_name == opted.name
    assert entry.qualification == opted.test_qualification
    assert entry.qualification_level == QualificationLevel.NATIONAL
    assert entry.province == "32"
    assert ["willingness", DirectoryKind.FIRMS] in entry.proposed_because
    assert never.pk not in entries_of(directory) and products_only.pk not in entries_of(directory)
    event = directory.events.get(action="proposed")
    assert "1" in event.note and event.actor == admin


def test_the_qualification_rule_needs_a_verified_unexpired_qualification_high_enough():
    today = timezone.localdate()
    national = qualified_firm()
    provincial = qualified_firm(level=QualificationLevel.PROVINCIAL)
    expired = qualified_firm(valid_until=today - timedelta(days=1))
    valid_today = qualified_firm(valid_until=today)
    pending = qualified_firm()
    pending.test_qualification.status = QualificationStatus.PENDING
    pending.test_qualification.save()
    revoked = qualified_firm()
    revoked.test_qualification.status = QualificationStatus.REVOKED
    revoked.test_qualification.save()

    little_giants = make_directory(min_qualification=QualificationLevel.NATIONAL)
    propose(little_giants)
    assert set(entries_of(little_giants)) == {national.pk, valid_today.pk}

    srdi = make_directory(min_qualification=QualificationLevel.PROVINCIAL)
    propose(srdi)
    assert set(entries_of(srdi)) == {national.pk, valid_today.pk, provincial.pk}
    assert not {expired.pk, pending.pk, revoked.pk} & set(entries_of(srdi))


def test_each_criterion_filters_the_candidates():
    node = ChainNodeFactory()
    child = ChainNodeFactory(chain=node.chain, parent=node)
    other_node = ChainNodeFactory()
    in_jiangsu = qualified_firm(province="32", industry="391")
    in_shanghai = qualified_firm(province="31", industry="381")
    PublishedProductFactory(organization=in_jiangsu).chain_nodes.add(child)
    draft_product = PublishedProductFactory(organization=in_shanghai)
    draft_product.chain_nodes.add(node)
    draft_product.status = ListingStatus.DRAFT
    draft_product.save()
    PublishedProductFactory(organization=in_shanghai).chain_nodes.add(other_node)
    verified_product = PublishedProductFactory(organization=in_shanghai)
    ProductVerification.objects.create(
        product=verified_product,
        user_organization=OrganizationFactory(),
        project="车规级功率模块首用验证",
    )

    def proposed(**criteria):
        directory = make_directory(**criteria)
        propose(directory)
        return set(entries_of(directory))

    assert proposed() == {in_jiangsu.pk, in_shanghai.pk}
    assert proposed(provinces=["31"]) == {in_shanghai.pk}
    assert proposed(industries=[Industry.objects.get(code="39")]) == {in_jiangsu.pk}
    assert proposed(industries=[Industry.objects.get(code="C")]) == {in_jiangsu.pk, in_shanghai.pk}
    # A published listing on the node or below it (a draft listing does not count).
    assert proposed(chain_nodes=[node]) == {in_jiangsu.pk}
    assert proposed(require_first_use=True) == {in_shanghai.pk}

    directory = make_directory(chain_nodes=[node], require_first_use=False)
    propose(directory)
    entry = entries_of(directory)[in_jiangsu.pk]
    assert entry.chain_node == child
    assert ["chain_node", child.name] in entry.proposed_because


def test_a_product_directory_proposes_only_products_named_by_an_opted_in_declaration():
    firm = qualified_firm(opted_in=False)
    named = opted_in_product(firm, title="车规级碳化硅模块")
    PublishedProductFactory(organization=firm, title="未申报的产品")
    unpublished = PublishedProductFactory(organization=firm, status=ListingStatus.ARCHIVED)
    opt_in(firm, DirectoryKind.PRODUCTS, [unpublished])
    unqualified = OrganizationFactory()
    opted_in_product(unqualified)
    first_use = opted_in_product()
    ProductVerification.objects.create(
        product=first_use, user_organization=OrganizationFactory(), project="首用"
    )
    directory = make_directory(kind=DirectoryKind.PRODUCTS)

    assert propose(directory) == 2

    products = {entry.product_id: entry for entry in draft_of(directory).entries.all()}
    assert set(products) == {named.pk, first_use.pk}
    assert products[named.pk].title == "车规级碳化硅模块"
    assert products[named.pk].organization_name == firm.name

    verified_only = make_directory(kind=DirectoryKind.PRODUCTS, require_first_use=True)
    propose(verified_only)
    assert [e.product_id for e in draft_of(verified_only).entries.all()] == [first_use.pk]


def test_the_theme_keeps_only_candidates_relevant_through_search(settings, tmp_path):
    from search import outbox

    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    sic = qualified_firm(name="苏州碳化硅器件有限公司")
    PublishedProductFactory(
        organization=sic, title="车规级碳化硅功率模块", keywords=["碳化硅"], description="碳化硅"
    )
    sensors = qualified_firm(name="无锡传感科技有限公司")
    PublishedProductFactory(
        organization=sensors,
        title="压力传感器",
        summary="工业压力测量",
        keywords=["压力传感器"],
        description="高精度压力传感器。",
    )
    for organization in (sic, sensors):
        outbox.index_later("organization", organization.pk)
        for product in organization.products.all():
            outbox.index_later("product", product.pk)
    outbox.drain()
    directory = make_directory(theme="碳化硅")

    propose(directory)

    entries = entries_of(directory)
    assert set(entries) == {sic.pk}
    assert entries[sic.pk].relevance == 1.0
    assert ["theme", "碳化硅"] in entries[sic.pk].proposed_because


def test_proposing_again_keeps_decisions_and_removes_only_stale_unscreened_candidates():
    admin = AdminUserFactory()
    kept = qualified_firm(province="32")
    excluded = qualified_firm(province="31")
    stale = qualified_firm(province="31")
    directory = make_directory(admin, categories=["芯片"])
    propose(directory, admin)
    entries = entries_of(directory)
    services.entry_include(actor=admin, entry=entries[kept.pk], reason="方向契合")
    services.entry_classify(actor=admin, entry=entries[kept.pk], chain_node=None, category="芯片")
    services.entry_exclude(actor=admin, entry=entries[excluded.pk], reason="规模不足")
    newcomer = qualified_firm(province="32")

    services.directory_update(actor=admin, directory=directory, provinces=["32"])
    assert propose(directory, admin) == 1

    entries = entries_of(directory)
    assert set(entries) == {kept.pk, excluded.pk, newcomer.pk}
    assert stale.pk not in entries
    assert entries[kept.pk].decision == EntryDecision.INCLUDED
    assert entries[kept.pk].reason == "方向契合" and entries[kept.pk].category == "芯片"
    assert entries[excluded.pk].decision == EntryDecision.EXCLUDED
    assert entries[excluded.pk].reason == "规模不足"
    assert entries[newcomer.pk].decision == EntryDecision.CANDIDATE


def test_proposing_takes_withdrawn_entries_out_of_the_draft():
    admin = AdminUserFactory()
    firm = qualified_firm()
    directory = make_directory(admin)
    propose(directory, admin)
    services.entry_include(actor=admin, entry=entries_of(directory)[firm.pk])
    withdraw(firm)

    assert propose(directory, admin) == 0

    assert not draft_of(directory).entries.exists()
    event = directory.events.get(action="withdrawn")
    assert event.subject == firm.name


# --- screening and classifying --------------------------------------------------------------


def test_including_and_excluding_record_who_when_and_why():
    admin = AdminUserFactory()
    firm = qualified_firm()
    directory = make_directory(admin)
    propose(directory, admin)
    entry = entries_of(directory)[firm.pk]

    services.entry_exclude(actor=admin, entry=entry, reason="  近三年无新产品  ")

    entry.refresh_from_db()
    assert entry.decision == EntryDecision.EXCLUDED
    assert (entry.decided_by, entry.reason) == (admin, "近三年无新产品")
    assert entry.decided_at is not None
    event = DirectoryEvent.objects.get(entry=entry)
    assert (event.action, event.actor, event.note) == ("exclude", admin, "近三年无新产品")
    assert (event.from_status, event.to_status) == (EntryDecision.CANDIDATE, EntryDecision.EXCLUDED)

    other_admin = AdminUserFactory()
    services.entry_include(actor=other_admin, entry=entry, reason="复核后纳入")
    entry.refresh_from_db()
    assert entry.decision == EntryDecision.INCLUDED
    assert (entry.decided_by, entry.reason) == (other_admin, "复核后纳入")
    assert DirectoryEvent.objects.filter(entry=entry, action="include").count() == 1


def test_an_exclusion_without_a_reason_is_refused_and_changes_nothing():
    admin = AdminUserFactory()
    firm = qualified_firm()
    directory = make_directory(admin)
    propose(directory, admin)
    entry = entries_of(directory)[firm.pk]

    with pytest.raises(InvalidState) as refused:
        services.entry_exclude(actor=admin, entry=entry, reason="   ")

    assert str(refused.value) == gettext(
        "Give the reason for excluding it; it is kept with the decision."
    )
    entry.refresh_from_db()
    assert entry.decision == EntryDecision.CANDIDATE and entry.decided_by is None
    assert not DirectoryEvent.objects.filter(entry=entry).exists()


def test_classifying_puts_an_entry_under_a_node_and_one_of_the_categories():
    admin = AdminUserFactory()
    firm = qualified_firm()
    node = ChainNodeFactory(name="晶圆制造")
    directory = make_directory(admin, categories=["芯片", "材料"])
    propose(directory, admin)
    entry = entries_of(directory)[firm.pk]

    services.entry_classify(actor=admin, entry=entry, chain_node=node, category="材料")

    entry.refresh_from_db()
    assert (entry.chain_node, entry.chain_node_name, entry.category) == (node, "晶圆制造", "材料")
    event = directory.events.get(action="classified")
    assert event.entry == entry and "材料" in event.note and "晶圆制造" in event.note

    with pytest.raises(InvalidState):
        services.entry_classify(actor=admin, entry=entry, chain_node=None, category="不存在")
    entry.refresh_from_db()
    assert entry.category == "材料"


# --- publishing and versions ----------------------------------------------------------------


def test_publishing_is_refused_while_candidates_are_unscreened_or_nothing_is_included():
    admin = AdminUserFactory()
    first, second = qualified_firm(), qualified_firm()
    directory = make_directory(admin)
    version = draft_of(directory)

    with pytest.raises(InvalidState) as refused:
        services.version_publish(actor=admin, version=version)
    assert gettext("Include at least one entry before publishing.") in str(refused.value)

    propose(directory, admin)
    services.entry_include(actor=admin, entry=entries_of(directory)[first.pk])
    with pytest.raises(InvalidState) as refused:
        services.version_publish(actor=admin, version=version)
    assert "1" in str(refused.value)
    version.refresh_from_db()
    assert version.status == VersionStatus.DRAFT and version.published_at is None

    services.entry_exclude(actor=admin, entry=entries_of(directory)[second.pk], reason="重复")
    services.version_publish(actor=admin, version=version, note="首批")
    version.refresh_from_db()
    assert version.status == VersionStatus.PUBLISHED
    assert (version.published_by, version.note) == (admin, "首批")
    assert directory.events.filter(action="publish", version=version).count() == 1


def test_publishing_copies_what_the_included_entries_say_afresh():
    admin = AdminUserFactory()
    firm = qualified_firm(name="旧名称科技有限公司")
    directory = make_directory(admin)
    propose(directory, admin)
    firm.name = "新名称科技有限公司"
    firm.province = "33"
    firm.save()

    screened_and_published(directory, admin)

    entry = entries_of(directory, directory.versions.get(number=1))[firm.pk]
    assert (entry.title, entry.organization_name, entry.province) == (
        "新名称科技有限公司",
        "新名称科技有限公司",
        "33",
    )
    # Later changes of the organization leave the published entry as it was.
    firm.name = "再次改名科技有限公司"
    firm.save()
    entry.refresh_from_db()
    assert entry.title == "新名称科技有限公司"


def test_every_service_refuses_to_change_a_published_version():
    admin = AdminUserFactory()
    firm = qualified_firm()
    node = ChainNodeFactory()
    directory = make_directory(admin, categories=["芯片"])
    propose(directory, admin)
    version = screened_and_published(directory, admin)
    entry = version.entries.get()
    assert entry.organization == firm
    before = DirectoryEntry.objects.values().get(pk=entry.pk)
    events = DirectoryEvent.objects.count()
    message = gettext(NEVER_CHANGE)

    attempts = [
        lambda: services.entry_include(actor=admin, entry=entry),
        lambda: services.entry_exclude(actor=admin, entry=entry, reason="理由"),
        lambda: services.entry_classify(actor=admin, entry=entry, chain_node=node, category="芯片"),
        lambda: services.version_publish(actor=admin, version=version),
        lambda: services.directory_propose(actor=admin, directory=directory),
    ]
    for attempt in attempts:
        with pytest.raises(InvalidState) as refused:
            attempt()
        assert str(refused.value) == message

    assert DirectoryEntry.objects.values().get(pk=entry.pk) == before
    assert DirectoryEvent.objects.count() == events
    version.refresh_from_db()
    assert version.status == VersionStatus.PUBLISHED


def test_the_next_version_copies_the_latest_published_one_and_the_diff_shows_the_changes():
    admin = AdminUserFactory()
    stays, leaves, moves = qualified_firm(), qualified_firm(), qualified_firm()
    directory = make_directory(admin, categories=["芯片", "材料"])
    propose(directory, admin)
    entries = entries_of(directory)
    services.entry_classify(actor=admin, entry=entries[moves.pk], chain_node=None, category="芯片")
    first = screened_and_published(directory, admin)

    with pytest.raises(NotAllowed):
        services.version_start_next(actor=UserFactory(), directory=directory)
    second = services.version_start_next(actor=admin, directory=directory)

    assert (second.number, second.status) == (2, VersionStatus.DRAFT)
    copied = entries_of(directory, second)
    assert set(copied) == {stays.pk, leaves.pk, moves.pk}
    assert all(e.decision == EntryDecision.INCLUDED for e in copied.values())
    assert copied[moves.pk].category == "芯片"
    assert copied[moves.pk].decided_by == admin
    with pytest.raises(InvalidState):
        services.version_start_next(actor=admin, directory=directory)

    newcomer = qualified_firm()
    assert propose(directory, admin) == 1
    copied = entries_of(directory, second)
    services.entry_exclude(actor=admin, entry=copied[leaves.pk], reason="已被兼并")
    services.entry_classify(actor=admin, entry=copied[moves.pk], chain_node=None, category="材料")
    services.entry_include(actor=admin, entry=copied[newcomer.pk])
    services.version_publish(actor=admin, version=second)

    changes = selectors.version_changes(second)
    assert changes.previous == first
    assert [e.organization_id for e in changes.added] == [newcomer.pk]
    assert [e.organization_id for e in changes.removed] == [leaves.pk]
    assert [(old.category, new.category) for old, new in changes.reclassified] == [("芯片", "材料")]
    assert selectors.version_changes(first).previous is None
    # The first version still reads as it was published.
    assert set(entries_of(directory, first)) == {stays.pk, leaves.pk, moves.pk}
    assert entries_of(directory, first)[moves.pk].category == "芯片"


def test_a_firm_that_withdrew_leaves_the_next_draft_but_stays_flagged_in_the_published_one():
    admin = AdminUserFactory()
    firm, other = qualified_firm(), qualified_firm()
    directory = make_directory(admin)
    propose(directory, admin)
    first = screened_and_published(directory, admin)
    withdraw(firm)

    second = services.version_start_next(actor=admin, directory=directory)

    assert set(entries_of(directory, second)) == {other.pk}
    published = {e.organization_id: e for e in first.entries.all()}
    assert set(published) == {firm.pk, other.pk}
    flags = selectors.entry_flags(published.values())
    assert flags[published[firm.pk].pk] == ["willingness_withdrawn"]
    assert flags[published[other.pk].pk] == []


# --- flags ----------------------------------------------------------------------------------


def test_flags_for_revoked_or_expired_qualifications_and_unpublished_products():
    admin = AdminUserFactory()
    revoked, expired, flagged, fine = (qualified_firm() for _ in range(4))
    directory = make_directory(admin)
    propose(directory, admin)
    version = screened_and_published(directory, admin)
    revoked.test_qualification.status = QualificationStatus.REVOKED
    revoked.test_qualification.save()
    expired.test_qualification.valid_until = timezone.localdate() - timedelta(days=1)
    expired.test_qualification.save()
    flagged.qualification_flag = QualificationFlag.REVIEW_FAILED
    flagged.save()

    entries = {e.organization_id: e for e in version.entries.all()}
    flags = selectors.entry_flags(entries.values())

    assert flags[entries[revoked.pk].pk] == ["qualification_lapsed"]
    assert flags[entries[expired.pk].pk] == ["qualification_lapsed"]
    assert flags[entries[flagged.pk].pk] == ["qualification_lapsed"]
    assert flags[entries[fine.pk].pk] == []

    product = opted_in_product()
    products = make_directory(admin, kind=DirectoryKind.PRODUCTS)
    propose(products, admin)
    published = screened_and_published(products, admin)
    entry = published.entries.get()
    product.status = ListingStatus.ARCHIVED
    product.save()
    assert selectors.entry_flags([entry])[entry.pk] == ["product_unpublished"]
    Willingness.objects.get(organization=product.organization, kind="products").products.clear()
    assert selectors.entry_flags([entry])[entry.pk] == [
        "willingness_withdrawn",
        "product_unpublished",
    ]


def test_directory_list_names_the_draft_and_the_latest_published_version():
    admin = AdminUserFactory()
    qualified_firm()
    directory = make_directory(admin)
    propose(directory, admin)
    screened_and_published(directory, admin)
    services.version_start_next(actor=admin, directory=directory)
    listed = selectors.directory_list().get(pk=directory.pk)
    assert (listed.draft_number, listed.published_number) == (2, 1)
    assert Directory.objects.count() == 1
