"""一条龙 demonstration directions (measure 十) through the services: only administrators
manage a direction and decide on pairs; only provincial departments recommend, and only
while the direction collects candidates; every pair names a verified SME with one of its
published products and an application unit that is not the supplier; key products and
processes sit on the direction's chain; filling the call invites exactly the shortlisted
pairs, all or nothing; suggestions come from the directories, the map and matching.
Every refusal changes nothing. The builders at the top serve the page tests too."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import (
    MembershipRole,
    Organization,
    OrganizationKind,
    QualificationLevel,
    User,
)
from catalog.models import ChainNode, IndustryChain, Product
from chains import selectors, services
from chains.models import (
    CandidatePair,
    DemonstrationDirection,
    DirectionEvent,
    DirectionItem,
    DirectionStatus,
    ItemKind,
    PairSource,
    PairStatus,
)
from challenges.models import (
    ApplicationStatus,
    Call,
    CallKind,
    Invitation,
)
from core.exceptions import InvalidState, NotAllowed
from directories.models import (
    Directory,
    DirectoryEntry,
    DirectoryKind,
    DirectoryVersion,
    EntryDecision,
    VersionStatus,
)
from notifications.models import Notification
from search import outbox
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    CallFactory,
    ChainNodeFactory,
    IndustryChainFactory,
    OrganizationFactory,
    ProductFactory,
    PublishedProductFactory,
    UserFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_index(settings, tmp_path):
    """Each test matches against its own index."""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"


# --- builders (imported by the page tests) ------------------------------------------------------


def shown(message: str, **params) -> str:
    """A message as the (Chinese) pages show it."""
    with translation.override("zh-hans"):
        text = translation.gettext(message)
    return text % params if params else text


def little_giant(**extra) -> Organization:
    return OrganizationFactory(qualification_level=QualificationLevel.NATIONAL, **extra)


def department(**extra) -> Organization:
    return OrganizationFactory(kind=OrganizationKind.GOVERNMENT, **extra)


def demonstration_call(**extra) -> Call:
    return CallFactory(
        kind=CallKind.DEMONSTRATION,
        issuer=department(name=extra.pop("issuer_name", None) or _name("经济和信息化厅")),
        eligible_kinds=["sme"],
        min_qualification=QualificationLevel.NATIONAL,
        title=extra.pop("title", "新能源汽车热管理系统一条龙示范应用推荐"),
        **extra,
    )


def _name(suffix: str) -> str:
    return f"示范{Organization.objects.count() + 1}{suffix}"


@dataclass
class World:
    """A direction's cast: the NEV chain with a thermal node (under a parent) and another
    chain; an administrator; two provincial departments, each with a member; a little giant
    with a published product on the node and its administrator; a lead enterprise that will
    use it; an outsider; a collecting direction with one key product on the node; and a
    published demonstration call with a handler of its issuer."""

    chain: IndustryChain
    parent: ChainNode
    node: ChainNode
    foreign_node: ChainNode
    admin: User
    department: Organization
    gov: User
    other_department: Organization
    other_gov: User
    supplier: Organization
    supplier_admin: User
    product: Product
    user_firm: Organization
    outsider: User
    direction: DemonstrationDirection
    item: DirectionItem
    call: Call
    handler: User

    def recommend(self, **extra) -> CandidatePair:
        data = {
            "actor": self.gov,
            "item": self.item,
            "supplier": self.supplier,
            "product": self.product,
            "user_firm": self.user_firm,
            "note": "热泵空调模块已在省内整车厂小批量装车",
        }
        data.update(extra)
        return services.pair_recommend(**data)

    def shortlisted(self, supplier=None, product=None, user_firm=None) -> CandidatePair:
        supplier = supplier or self.supplier
        pair = services.pair_add(
            actor=self.admin,
            item=self.item,
            supplier=supplier,
            product=product,
            user_firm=user_firm or self.user_firm,
            source=PairSource.MAP,
        )
        return services.pair_shortlist(actor=self.admin, pair=pair)


def make_world() -> World:
    chain = IndustryChainFactory(name="新能源汽车", slug="nev-test")
    parent = ChainNodeFactory(chain=chain, key="thermal-chassis", name="热管理与底盘")
    node = ChainNodeFactory(chain=chain, parent=parent, key="thermal", name="整车热管理")
    foreign_node = ChainNodeFactory(key="wafer", name="硅片与衬底")
    admin = AdminUserFactory()
    own, other = department(name="安徽省经济和信息化厅"), department(name="江苏省工业和信息化厅")
    supplier = little_giant(name="芜湖鸠兹热管理科技有限公司")
    product = PublishedProductFactory(
        organization=supplier,
        title="R744二氧化碳热泵空调模块",
        summary="低温制热性能好的二氧化碳热泵。",
        keywords=["热泵", "二氧化碳"],
    )
    product.chain_nodes.add(node)
    user_firm = OrganizationFactory(
        kind=OrganizationKind.LEAD, name="合肥擎远新能源汽车股份有限公司"
    )
    direction = services.direction_create(
        actor=admin,
        chain=chain,
        title="整车热管理系统",
        summary="热泵空调与电池热管理一体化的整车热管理系统示范应用。",
        year=2025,
    )
    item = services.item_add(
        actor=admin,
        direction=direction,
        kind=ItemKind.PRODUCT,
        name="二氧化碳热泵空调模块",
        description="-10℃制热COP不低于2.0",
        chain_node=node,
    )
    services.direction_open(actor=admin, direction=direction)
    call = demonstration_call()
    services.direction_link_call(actor=admin, direction=direction, call=call)
    direction.refresh_from_db()
    return World(
        chain=chain,
        parent=parent,
        node=node,
        foreign_node=foreign_node,
        admin=admin,
        department=own,
        gov=member_of(own, role=MembershipRole.MEMBER),
        other_department=other,
        other_gov=member_of(other, role=MembershipRole.MEMBER),
        supplier=supplier,
        supplier_admin=member_of(supplier),
        product=product,
        user_firm=user_firm,
        outsider=member_of(OrganizationFactory()),
        direction=direction,
        item=item,
        call=call,
        handler=handler_of(call),
    )


@pytest.fixture
def world() -> World:
    return make_world()


def told(user) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user))


def snapshot() -> tuple:
    """What a refused action must leave as it was."""
    return (
        list(DemonstrationDirection.objects.values_list("pk", "title", "status", "call_id")),
        list(DirectionItem.objects.values_list("pk", "name", "chain_node_id")),
        list(CandidatePair.objects.values_list("pk", "status", "decision_note", "invitation_id")),
        DirectionEvent.objects.count(),
        Invitation.objects.count(),
        Notification.objects.count(),
    )


# --- directions and their key products and processes -------------------------------------------


def test_an_administrator_creates_a_direction_being_prepared_with_its_history(world):
    direction = services.direction_create(
        actor=world.admin,
        chain=world.chain,
        title="动力电池系统",
        summary="电池包一条龙",
        year=2026,
    )

    assert direction.status == DirectionStatus.DRAFT
    assert direction.created_by == world.admin
    assert list(direction.events.values_list("action", "actor")) == [("created", world.admin.pk)]


@pytest.mark.parametrize("who", ["gov", "supplier_admin", "outsider", "handler"])
def test_only_administrators_manage_directions(world, who):
    actor = getattr(world, who)
    before = snapshot()
    refusals = [
        lambda: services.direction_create(
            actor=actor, chain=world.chain, title="x", summary="y", year=2025
        ),
        lambda: services.direction_update(
            actor=actor,
            direction=world.direction,
            chain=world.chain,
            title="x",
            summary="y",
            year=2025,
        ),
        lambda: services.item_add(
            actor=actor, direction=world.direction, kind="product", name="x", chain_node=world.node
        ),
        lambda: services.item_remove(actor=actor, item=world.item),
        lambda: services.direction_close(actor=actor, direction=world.direction),
        lambda: services.direction_link_call(actor=actor, direction=world.direction, call=None),
    ]
    for refused in refusals:
        with pytest.raises(NotAllowed):
            refused()
    assert snapshot() == before


def test_a_key_product_must_sit_on_a_node_of_the_directions_chain(world):
    before = snapshot()

    with pytest.raises(ValidationError) as refusal:
        services.item_add(
            actor=world.admin,
            direction=world.direction,
            kind=ItemKind.PROCESS,
            name="碳化硅衬底切片",
            chain_node=world.foreign_node,
        )

    assert "chain_node" in refusal.value.message_dict
    assert world.chain.name in refusal.value.message_dict["chain_node"][0]
    with pytest.raises(ValidationError):
        services.item_update(
            actor=world.admin,
            item=world.item,
            kind=ItemKind.PRODUCT,
            name=world.item.name,
            chain_node=world.foreign_node,
        )
    assert snapshot() == before


def test_items_are_added_in_order_and_recorded(world):
    second = services.item_add(
        actor=world.admin,
        direction=world.direction,
        kind=ItemKind.PROCESS,
        name="电池热管理集成工艺",
        chain_node=world.parent,
    )
    assert second.position == world.item.position + 1
    assert world.direction.events.filter(action="item_added").count() == 2


def test_the_chain_cannot_change_under_placed_items_and_an_item_with_pairs_stays(world):
    other_chain = IndustryChainFactory()
    world.recommend()
    before = snapshot()

    with pytest.raises(ValidationError):
        services.direction_update(
            actor=world.admin,
            direction=world.direction,
            chain=other_chain,
            title="x",
            summary="y",
            year=2025,
        )
    with pytest.raises(InvalidState):
        services.item_remove(actor=world.admin, item=world.item)
    assert snapshot() == before


def test_an_item_without_pairs_is_removed_with_a_trace(world):
    services.item_remove(actor=world.admin, item=world.item)
    assert not DirectionItem.objects.exists()
    assert world.direction.events.filter(action="item_removed", note=world.item.name).exists()


def test_open_needs_an_item_then_close_and_reopen_go_through_the_engine(world):
    empty = services.direction_create(
        actor=world.admin, chain=world.chain, title="空方向", summary="待定", year=2025
    )
    with pytest.raises(InvalidState):
        services.direction_open(actor=world.admin, direction=empty)
    empty.refresh_from_db()
    assert empty.status == DirectionStatus.DRAFT

    services.direction_close(actor=world.admin, direction=world.direction)
    with pytest.raises(InvalidState):
        services.direction_close(actor=world.admin, direction=world.direction)
    services.direction_reopen(actor=world.admin, direction=world.direction)

    world.direction.refresh_from_db()
    assert world.direction.status == DirectionStatus.COLLECTING
    actions = list(
        world.direction.events.order_by("created_at", "id").values_list("action", flat=True)
    )
    assert actions[-2:] == ["close", "reopen"]


def test_only_a_demonstration_call_is_linked(world):
    challenge = CallFactory(kind=CallKind.CHALLENGE)
    before = snapshot()
    with pytest.raises(ValidationError):
        services.direction_link_call(actor=world.admin, direction=world.direction, call=challenge)
    assert snapshot() == before


# --- departments recommend ---------------------------------------------------------------------


def test_a_department_recommends_a_pair_and_the_administrators_are_told(world):
    pair = world.recommend()

    assert pair.source == PairSource.DEPARTMENT
    assert pair.recommended_by_organization == world.department
    assert pair.status == PairStatus.PROPOSED
    assert (pair.supplier, pair.product, pair.user_firm) == (
        world.supplier,
        world.product,
        world.user_firm,
    )
    assert DirectionEvent.objects.filter(pair=pair, action="pair_proposed").exists()
    (notification,) = told(world.admin)
    assert notification.params["department"] == world.department.name
    assert notification.url == reverse("chains:direction_detail", args=[world.direction.pk])


@pytest.mark.parametrize("who", ["admin", "supplier_admin", "outsider", "unverified", "stranger"])
def test_only_members_of_verified_departments_recommend(world, who):
    if who == "unverified":
        actor = member_of(department(verification_status="pending"))
    elif who == "stranger":
        actor = UserFactory()
    else:
        actor = getattr(world, who)
    before = snapshot()
    with pytest.raises(NotAllowed):
        world.recommend(actor=actor)
    assert snapshot() == before


@pytest.mark.parametrize("status", [DirectionStatus.DRAFT, DirectionStatus.CLOSED])
def test_recommendations_are_taken_only_while_collecting(world, status):
    DemonstrationDirection.objects.filter(pk=world.direction.pk).update(status=status)
    before = snapshot()
    with pytest.raises(InvalidState) as refusal:
        world.recommend()
    assert refusal.value.message == shown(
        "Recommendations are taken while the direction collects candidates."
    )
    assert snapshot() == before


def test_the_supplier_cannot_be_its_own_application_unit(world):
    before = snapshot()
    with pytest.raises(ValidationError) as refusal:
        world.recommend(user_firm=world.supplier)
    assert list(refusal.value.message_dict) == ["user_firm"]
    assert snapshot() == before


@pytest.mark.parametrize("problem", ["another_firms", "unpublished"])
def test_the_product_must_be_a_published_product_of_the_supplier(world, problem):
    if problem == "another_firms":
        product = PublishedProductFactory(organization=little_giant())
    else:
        product = ProductFactory(organization=world.supplier)
    before = snapshot()
    with pytest.raises(ValidationError) as refusal:
        world.recommend(product=product)
    assert list(refusal.value.message_dict) == ["product"]
    assert product.title in refusal.value.message_dict["product"][0]
    assert snapshot() == before


@pytest.mark.parametrize("problem", ["lead", "unverified"])
def test_the_supplier_must_be_a_verified_sme(world, problem):
    if problem == "lead":
        supplier = OrganizationFactory(kind=OrganizationKind.LEAD)
    else:
        supplier = little_giant(verification_status="pending")
    product = PublishedProductFactory(organization=supplier)
    before = snapshot()
    with pytest.raises(ValidationError) as refusal:
        world.recommend(supplier=supplier, product=product)
    assert "supplier" in refusal.value.message_dict
    assert snapshot() == before


def test_the_same_pair_is_not_proposed_twice(world):
    world.recommend()
    before = snapshot()
    with pytest.raises(InvalidState) as refusal:
        world.recommend(actor=world.other_gov)
    assert world.supplier.name in refusal.value.message
    assert snapshot() == before


def test_a_department_sees_only_its_own_proposals(world):
    own = world.recommend()
    other_firm = OrganizationFactory(kind=OrganizationKind.LARGE)
    theirs = world.recommend(actor=world.other_gov, user_firm=other_firm)

    assert list(selectors.department_proposals(world.department)) == [own]
    assert list(selectors.department_proposals(world.other_department)) == [theirs]


# --- decisions ------------------------------------------------------------------------------------


def test_shortlisting_tells_the_department_and_the_supplier(world):
    pair = world.recommend()

    services.pair_shortlist(actor=world.admin, pair=pair)

    pair.refresh_from_db()
    assert pair.status == PairStatus.SHORTLISTED
    (to_department,) = told(world.gov)
    assert to_department.verb == "direction.pair_shortlisted"
    (to_supplier,) = told(world.supplier_admin)
    assert to_supplier.verb == "direction.supplier_shortlisted"
    assert to_supplier.params["item"] == world.item.name
    assert told(world.other_gov) == []


def test_declining_needs_the_reason_the_department_reads(world):
    pair = world.recommend()
    before = snapshot()
    with pytest.raises(InvalidState):
        services.pair_decline(actor=world.admin, pair=pair, reason="  ")
    assert snapshot() == before

    services.pair_decline(actor=world.admin, pair=pair, reason="产品尚未完成车规认证")

    pair.refresh_from_db()
    assert (pair.status, pair.decision_note) == (PairStatus.DECLINED, "产品尚未完成车规认证")
    (notification,) = told(world.gov)
    assert notification.params["reason"] == "产品尚未完成车规认证"
    assert DirectionEvent.objects.get(pair=pair, action="decline").note == "产品尚未完成车规认证"
    # reconsidering takes it back to proposed; the history keeps the reason
    services.pair_reconsider(actor=world.admin, pair=pair)
    pair.refresh_from_db()
    assert (pair.status, pair.decision_note) == (PairStatus.PROPOSED, "")


@pytest.mark.parametrize("who", ["gov", "supplier_admin", "handler"])
def test_only_administrators_decide_on_pairs(world, who):
    pair = world.recommend()
    before = snapshot()
    for action in ("shortlist", "decline"):
        with pytest.raises(NotAllowed):
            services.pair_move(actor=getattr(world, who), pair=pair, action=action, note="不合适")
    assert snapshot() == before


def test_an_administrator_adds_a_suggested_supplier_without_an_application_unit_yet(world):
    pair = services.pair_add(
        actor=world.admin, item=world.item, supplier=world.supplier, source=PairSource.DIRECTORY
    )
    assert (pair.source, pair.user_firm, pair.product, pair.recommended_by_organization) == (
        PairSource.DIRECTORY,
        None,
        None,
        None,
    )
    with pytest.raises(InvalidState):
        services.pair_add(
            actor=world.admin, item=world.item, supplier=world.supplier, source=PairSource.MAP
        )


# --- filling the demonstration call -----------------------------------------------------------


def test_filling_the_call_invites_exactly_the_shortlisted_pairs(world):
    shortlisted = world.shortlisted(product=world.product)
    second_supplier = little_giant(name="宁波甬驰电机科技有限公司")
    second = world.shortlisted(supplier=second_supplier)
    proposed = world.recommend(user_firm=OrganizationFactory(kind=OrganizationKind.LARGE))
    declined_supplier = little_giant()
    declined = services.pair_add(
        actor=world.admin, item=world.item, supplier=declined_supplier, source=PairSource.MATCHING
    )
    services.pair_decline(actor=world.admin, pair=declined, reason="不在本省")

    invited = services.direction_fill_call(actor=world.handler, direction=world.direction)

    assert {pair.pk for pair in invited} == {shortlisted.pk, second.pk}
    for pair in (shortlisted, second):
        pair.refresh_from_db()
        assert pair.status == PairStatus.INVITED
        assert pair.invitation.call == world.call
        assert pair.invitation.organization == pair.supplier
    assert set(Invitation.objects.values_list("organization", flat=True)) == {
        world.supplier.pk,
        second_supplier.pk,
    }
    for pair, status in ((proposed, PairStatus.PROPOSED), (declined, PairStatus.DECLINED)):
        pair.refresh_from_db()
        assert (pair.status, pair.invitation) == (status, None)
    # the open-call engine told the invited supplier
    assert "call.invited" in [n.verb for n in told(world.supplier_admin)]
    assert DirectionEvent.objects.filter(action="invite", actor=world.handler).count() == 2


def test_filling_is_all_or_nothing_and_names_every_refused_supplier(world):
    world.shortlisted(product=world.product)
    applied = little_giant(name="已申报科技有限公司")
    world.shortlisted(supplier=applied)
    ApplicationFactory(call=world.call, applicant=applied, status=ApplicationStatus.SUBMITTED)
    before = snapshot()

    with pytest.raises(InvalidState) as refusal:
        services.direction_fill_call(actor=world.handler, direction=world.direction)

    assert applied.name in refusal.value.message
    assert snapshot() == before
    assert not Invitation.objects.exists()


def test_a_platform_administrator_who_does_not_handle_the_call_is_told_whom_to_ask(world):
    world.shortlisted()
    before = snapshot()
    with pytest.raises(NotAllowed) as refusal:
        services.direction_fill_call(actor=world.admin, direction=world.direction)
    assert world.call.issuer.name in refusal.value.message
    assert snapshot() == before


def test_filling_needs_an_open_call_and_a_shortlisted_pair(world):
    with pytest.raises(InvalidState):
        services.direction_fill_call(actor=world.handler, direction=world.direction)
    world.shortlisted()
    Call.objects.filter(pk=world.call.pk).update(deadline=timezone.now())
    before = snapshot()
    with pytest.raises(InvalidState):
        services.direction_fill_call(actor=world.handler, direction=world.direction)
    assert snapshot() == before


def test_a_new_pair_of_a_supplier_already_taken_into_the_call_joins_its_invitation(world):
    first = world.shortlisted(product=world.product)
    services.direction_fill_call(actor=world.handler, direction=world.direction)
    another_user = OrganizationFactory(kind=OrganizationKind.LARGE)
    second = world.shortlisted(user_firm=another_user)

    services.direction_fill_call(actor=world.handler, direction=world.direction)

    first.refresh_from_db()
    second.refresh_from_db()
    assert second.status == PairStatus.INVITED
    assert second.invitation == first.invitation
    assert Invitation.objects.count() == 1


def test_a_supplier_invited_to_the_call_from_elsewhere_is_reported(world):
    world.shortlisted()
    Invitation.objects.create(call=world.call, organization=world.supplier)
    before = snapshot()
    with pytest.raises(InvalidState) as refusal:
        services.direction_fill_call(actor=world.handler, direction=world.direction)
    assert world.supplier.name in refusal.value.message
    assert snapshot() == before


def test_the_call_stays_linked_once_pairs_were_invited(world):
    world.shortlisted()
    services.direction_fill_call(actor=world.handler, direction=world.direction)
    with pytest.raises(InvalidState):
        services.direction_link_call(actor=world.admin, direction=world.direction, call=None)


# --- suggestions --------------------------------------------------------------------------------


def published_entry(organization, *, product=None, node=None) -> DirectoryEntry:
    directory = Directory.objects.create(
        kind=DirectoryKind.PRODUCTS if product else DirectoryKind.FIRMS,
        title=f"专精特新推荐目录{Directory.objects.count() + 1}",
        year=2025,
    )
    version = DirectoryVersion.objects.create(
        directory=directory, number=1, status=VersionStatus.PUBLISHED, published_at=timezone.now()
    )
    return DirectoryEntry.objects.create(
        version=version,
        organization=organization,
        product=product,
        decision=EntryDecision.INCLUDED,
        chain_node=node,
        title=product.title if product else organization.name,
        organization_name=organization.name,
    )


def test_suggestions_list_directory_entries_and_little_giants_on_the_node(world):
    in_directory = OrganizationFactory(
        name="目录内专精特新企业", qualification_level=QualificationLevel.PROVINCIAL
    )
    published_entry(in_directory, node=world.node)
    by_product = PublishedProductFactory(organization=little_giant(name="目录产品企业"))
    by_product.chain_nodes.add(world.node)
    published_entry(by_product.organization, product=by_product)
    elsewhere = little_giant(name="别处目录企业")
    published_entry(elsewhere, node=world.foreign_node)
    provincial = OrganizationFactory(qualification_level=QualificationLevel.PROVINCIAL)
    PublishedProductFactory(organization=provincial).chain_nodes.add(world.node)
    draft = ProductFactory(organization=little_giant(name="草稿产品企业"))
    draft.chain_nodes.add(world.node)
    world.recommend()

    suggestions = selectors.item_suggestions(world.item)

    directory_names = [s.supplier.name for s in suggestions.directory]
    assert set(directory_names) == {in_directory.name, by_product.organization.name}
    map_rows = [(s.supplier.name, s.product) for s in suggestions.map]
    assert map_rows == sorted(
        [(world.supplier.name, world.product), (by_product.organization.name, by_product)]
    )
    (existing,) = [s for s in suggestions.map if s.supplier == world.supplier]
    assert existing.is_pair and [p.status for p in existing.pairs] == [PairStatus.PROPOSED]


def test_an_unclassified_firm_entry_is_suggested_with_its_product_on_the_node(world):
    firm = little_giant(name="目录内未分类企业")
    on_node = PublishedProductFactory(organization=firm, title="热管理集成阀组")
    on_node.chain_nodes.add(world.node)
    PublishedProductFactory(organization=firm, title="别的产品")
    published_entry(firm)
    published_entry(little_giant(name="无相关产品企业"))

    (suggestion,) = selectors.item_suggestions(world.item).directory

    assert (suggestion.supplier, suggestion.product) == (firm, on_node)
    assert suggestion.found_in.endswith("v1")


def test_a_key_product_on_a_parent_node_covers_the_nodes_below(world):
    item = services.item_add(
        actor=world.admin,
        direction=world.direction,
        kind="process",
        name="热管理",
        chain_node=world.parent,
    )
    suggestions = selectors.item_suggestions(item)
    assert [s.supplier for s in suggestions.map] == [world.supplier]


def test_matching_suggests_smes_from_the_items_text_and_explains_why(world):
    unrelated = PublishedProductFactory(
        organization=little_giant(),
        title="工业冷却水泵",
        summary="耐腐蚀离心泵。",
        description="不锈钢叶轮。",
        keywords=["水泵"],
    )
    for item in (world.product, unrelated):
        outbox.index_later("product", item.pk)
        outbox.index_later("organization", item.organization_id)
    outbox.drain()

    suggestions = selectors.item_suggestions(world.item)

    assert [s.supplier for s in suggestions.matching] == [world.supplier]
    (suggestion,) = suggestions.matching
    assert suggestion.source == PairSource.MATCHING
    assert "二氧化碳" in [term for term, _weight in suggestion.why["terms"]]
    assert any(world.node.name in value for _label, value in suggestion.why["facets"])


def test_matching_down_leaves_the_other_suggestions(world, monkeypatch):
    from search.engines.base import EngineUnavailable

    def down(*args, **kwargs):
        raise EngineUnavailable("down")

    monkeypatch.setattr("chains.selectors.directions.find_matches", down)
    suggestions = selectors.item_suggestions(world.item)
    assert suggestions.matching_unavailable
    assert [s.supplier for s in suggestions.map] == [world.supplier]


def test_every_move_people_can_make_has_a_service():
    assert services.DIRECTION_MOVES.missing() == []
    assert services.PAIR_MOVES.missing() == []
