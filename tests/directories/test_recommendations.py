"""Targeted recommendation (定向推荐) by administrators: the service (all or nothing, who and
why recorded, who is told, every refusal changing nothing) and the recommend page with
matching suggestions explained. The builders at the top serve the other recommendation
test modules too."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import (
    MembershipRole,
    Organization,
    OrganizationKind,
    QualificationFlag,
    QualificationLevel,
    User,
)
from core.exceptions import InvalidState, NotAllowed
from directories import services
from directories.models import (
    Channel,
    Directory,
    DirectoryEntry,
    DirectoryKind,
    DirectoryVersion,
    EntryDecision,
    Recipient,
    Recommendation,
    RecommendationEvent,
    RecommendationStatus,
    VersionStatus,
    Willingness,
    WillingnessStatus,
)
from notifications.models import Notification
from search import outbox
from tests.factories import (
    AdminUserFactory,
    CallFactory,
    ChainNodeFactory,
    OrganizationFactory,
    PublishedProductFactory,
    UserFactory,
    member_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_index(settings, tmp_path):
    """Each test matches against its own index."""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"


# --- builders (imported by the other recommendation test modules) -------------------------------


def shown(message: str, **params) -> str:
    """A message as the (Chinese) pages show it."""
    with translation.override("zh-hans"):
        text = translation.gettext(message)
    return text % params if params else text


def make_version(
    kind: str = DirectoryKind.FIRMS,
    *,
    directory: Directory | None = None,
    number: int = 1,
    status: str = VersionStatus.PUBLISHED,
) -> DirectoryVersion:
    if directory is None:
        directory = Directory.objects.create(
            kind=kind, title=f"{kind}推荐目录{Directory.objects.count() + 1}", year=2024
        )
    return DirectoryVersion.objects.create(
        directory=directory,
        number=number,
        status=status,
        published_at=timezone.now() if status == VersionStatus.PUBLISHED else None,
    )


def opt_in(organization: Organization, kind: str, *products) -> Willingness:
    willingness, _created = Willingness.objects.get_or_create(
        organization=organization, kind=kind, defaults={"declared_at": timezone.now()}
    )
    willingness.products.add(*products)
    return willingness


def little_giant(**extra) -> Organization:
    return OrganizationFactory(qualification_level=QualificationLevel.NATIONAL, **extra)


def make_entry(
    version: DirectoryVersion,
    organization: Organization | None = None,
    *,
    product=None,
    decision: str = EntryDecision.INCLUDED,
    willing: bool = True,
) -> DirectoryEntry:
    """An entry of ``version`` (a firm, or a product when given), opted in by default."""
    if product is not None:
        organization = product.organization
    organization = organization or little_giant()
    if willing:
        kind = version.directory.kind
        opt_in(organization, kind, *([product] if product is not None else []))
    return DirectoryEntry.objects.create(
        version=version,
        organization=organization,
        product=product,
        decision=decision,
        title=product.title if product is not None else organization.name,
        organization_name=organization.name,
        qualification_level=organization.qualification_level,
    )


def make_recipient(
    *, channel: str = Channel.SASAC, needs: str = "", kind=OrganizationKind.LEAD, **extra
) -> Recipient:
    organization = OrganizationFactory(kind=kind, name=extra.pop("name", None) or _lead_name())
    return Recipient.objects.create(
        organization=organization, channel=channel, needs=needs, **extra
    )


def _lead_name() -> str:
    return f"中国示范集团有限公司{Organization.objects.count() + 1}"


@dataclass
class World:
    """One recommendation's cast: an administrator, a published firm directory with one
    firm entry, a recipient with an administrator and a plain member, the firm's
    administrator and a plain member, and an outsider."""

    admin: User
    version: DirectoryVersion
    entry: DirectoryEntry
    firm: Organization
    firm_admin: User
    firm_member: User
    recipient: Recipient
    recipient_admin: User
    recipient_member: User
    outsider: User

    def recommend(self, **extra) -> Recommendation:
        (recommendation,) = services.recommend(
            actor=self.admin, entries=[self.entry], recipient=self.recipient, **extra
        )
        return recommendation


def make_world() -> World:
    version = make_version()
    firm = little_giant(name="苏州碳化硅器件有限公司")
    entry = make_entry(version, firm)
    recipient = make_recipient(needs="车规级碳化硅功率模块供应商")
    return World(
        admin=AdminUserFactory(),
        version=version,
        entry=entry,
        firm=firm,
        firm_admin=member_of(firm),
        firm_member=member_of(firm, role=MembershipRole.MEMBER),
        recipient=recipient,
        recipient_admin=member_of(recipient.organization),
        recipient_member=member_of(recipient.organization, role=MembershipRole.MEMBER),
        outsider=member_of(OrganizationFactory()),
    )


@pytest.fixture
def world() -> World:
    return make_world()


def told(user) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user))


# --- the service ---------------------------------------------------------------------------------


def test_recommending_records_who_when_why_and_tells_the_recipient_and_the_firm(world):
    explanation = {"score": 0.8, "terms": [["碳化硅", 1.0]], "facets": [], "boosts": []}

    recommendation = world.recommend(
        note="  满足贵集团电驱平台需求  ", explanations={world.entry.pk: explanation}
    )

    recommendation.refresh_from_db()
    assert recommendation.recommended_by == world.admin
    assert recommendation.created_at is not None
    assert recommendation.note == "满足贵集团电驱平台需求"
    assert recommendation.explanation == explanation
    assert recommendation.status == RecommendationStatus.SENT
    (event,) = RecommendationEvent.objects.filter(recommendation=recommendation)
    assert (event.action, event.actor, event.note) == (
        "recommended",
        world.admin,
        recommendation.note,
    )
    detail = reverse("directories:recommendation_detail", args=[recommendation.pk])
    for user in (world.recipient_admin, world.recipient_member):
        (notification,) = told(user)
        assert notification.url == detail
        assert notification.params["entry"] == world.entry.title
    (notification,) = told(world.firm_admin)
    assert notification.url == detail
    assert notification.params["recipient"] == world.recipient.organization.name
    assert told(world.firm_member) == [] and told(world.outsider) == []
    assert told(world.admin) == []


def test_a_batch_tells_the_recipient_once_with_a_link_to_what_it_received(world):
    second = make_entry(world.version)

    made = services.recommend(
        actor=world.admin, entries=[world.entry, second], recipient=world.recipient
    )

    assert len(made) == 2
    (notification,) = told(world.recipient_member)
    assert notification.params["count"] == 2
    assert notification.url == reverse(
        "directories:recommendations_received", args=[world.recipient.organization_id]
    )


def test_only_platform_administrators_recommend(world):
    for actor in (world.recipient_admin, world.firm_admin, UserFactory()):
        with pytest.raises(NotAllowed):
            services.recommend(actor=actor, entries=[world.entry], recipient=world.recipient)
    assert Recommendation.objects.count() == 0


def test_recommending_the_same_firm_again_from_the_directory_is_refused_naming_it(world):
    first = world.recommend()
    # the next version of the same directory lists the same firm again
    world.version.directory.versions.update(status=VersionStatus.PUBLISHED)
    next_version = make_version(directory=world.version.directory, number=2)
    again = make_entry(next_version, world.firm)

    with pytest.raises(InvalidState) as refusal:
        services.recommend(actor=world.admin, entries=[again], recipient=world.recipient)

    message = str(refusal.value.message)
    assert world.firm.name in message and world.recipient.organization.name in message
    assert world.version.directory.title in message
    assert timezone.localtime(first.created_at).strftime("%Y-%m-%d") in message
    assert Recommendation.objects.count() == 1


def test_the_same_product_from_another_directory_may_be_recommended_again(world):
    product = PublishedProductFactory(organization=world.firm)
    products = make_version(DirectoryKind.PRODUCTS)
    other_products = make_version(DirectoryKind.PRODUCTS)
    services.recommend(
        actor=world.admin,
        entries=[make_entry(products, product=product)],
        recipient=world.recipient,
    )

    services.recommend(
        actor=world.admin,
        entries=[make_entry(other_products, product=product)],
        recipient=world.recipient,
    )

    with pytest.raises(InvalidState):
        second_version = make_version(directory=products.directory, number=2)
        services.recommend(
            actor=world.admin,
            entries=[make_entry(second_version, product=product)],
            recipient=world.recipient,
        )
    assert Recommendation.objects.count() == 2


def test_the_same_firm_to_another_recipient_is_fine(world):
    world.recommend()
    other = make_recipient(channel=Channel.ACFIC)
    services.recommend(actor=world.admin, entries=[world.entry], recipient=other)
    assert Recommendation.objects.count() == 2


@pytest.mark.parametrize(
    "problem", ["draft", "excluded", "withdrawn", "lapsed", "product_dropped", "inactive"]
)
def test_each_refusal_changes_nothing_and_says_why(world, problem):
    good = make_entry(world.version)
    entry = world.entry
    if problem == "draft":
        draft = make_version(status=VersionStatus.DRAFT)
        entry = make_entry(draft, world.firm)
    elif problem == "excluded":
        entry = make_entry(world.version, decision=EntryDecision.EXCLUDED)
    elif problem == "withdrawn":
        Willingness.objects.filter(organization=world.firm).update(
            status=WillingnessStatus.WITHDRAWN
        )
    elif problem == "lapsed":
        Organization.objects.filter(pk=world.firm.pk).update(
            qualification_flag=QualificationFlag.EXPIRED
        )
    elif problem == "product_dropped":
        product = PublishedProductFactory(organization=world.firm)
        entry = make_entry(make_version(DirectoryKind.PRODUCTS), product=product)
        Willingness.objects.get(
            organization=world.firm, kind=DirectoryKind.PRODUCTS
        ).products.clear()
    elif problem == "inactive":
        Recipient.objects.filter(pk=world.recipient.pk).update(is_active=False)

    with pytest.raises(InvalidState) as refusal:
        services.recommend(actor=world.admin, entries=[good, entry], recipient=world.recipient)

    message = str(refusal.value.message)
    if problem == "inactive":
        assert world.recipient.organization.name in message
    else:
        assert entry.title in message and good.title not in message
    assert Recommendation.objects.count() == 0
    assert RecommendationEvent.objects.count() == 0
    assert Notification.objects.count() == 0


def test_a_flagged_entry_is_refused_with_the_flag_named(world):
    Willingness.objects.filter(organization=world.firm).update(status=WillingnessStatus.WITHDRAWN)
    with pytest.raises(InvalidState) as refusal:
        world.recommend()
    assert shown("Willingness withdrawn") in str(refusal.value.message)


def test_nothing_chosen_is_refused(world):
    with pytest.raises(InvalidState):
        services.recommend(actor=world.admin, entries=[], recipient=world.recipient)


# --- the recommend page --------------------------------------------------------------------------


def index(*objects) -> None:
    for item in objects:
        name = "product" if item.__class__.__name__ == "Product" else "organization"
        outbox.index_later(name, item.pk)
    outbox.drain()


def recommend_url(version, recipient=None) -> str:
    url = reverse("directories:recommend", args=[version.pk])
    return f"{url}?recipient={recipient.pk}" if recipient is not None else url


def rows_of(html: str, marker: str) -> list[int]:
    import re

    return [int(pk) for pk in re.findall(rf'<tr data-entry="(\d+)"{marker}', html)]


def test_matching_suggests_the_entries_that_fit_the_recipient_and_explains_why(client):
    # given a product directory with a silicon-carbide module and an unrelated product
    node = ChainNodeFactory(name="功率器件")
    version = make_version(DirectoryKind.PRODUCTS)
    module = PublishedProductFactory(
        organization=little_giant(), title="车规级碳化硅功率模块", keywords=["碳化硅", "功率模块"]
    )
    module.chain_nodes.add(node)
    pump = PublishedProductFactory(
        organization=little_giant(),
        title="工业冷却水泵",
        summary="用于化工厂的耐腐蚀离心泵。",
        description="不锈钢叶轮，流量大。",
        keywords=["水泵", "离心泵"],
    )
    fitting = make_entry(version, product=module)
    unrelated = make_entry(version, product=pump)
    # and a recipient needing such modules, with an open call about them
    recipient = make_recipient(needs="寻找碳化硅功率模块供应商")
    recipient.chain_nodes.add(node)
    CallFactory(issuer=recipient.organization, title="碳化硅功率模块封装攻关")
    index(module, pump, module.organization, pump.organization)
    admin = AdminUserFactory()
    client.force_login(admin)

    page = client.get(recommend_url(version, recipient))

    assert page.status_code == 200
    html = page.text
    assert rows_of(html, " data-suggested") == [fitting.pk]
    assert unrelated.pk in rows_of(html, ">")
    assert "碳化硅" in html[html.index(f'data-entry="{fitting.pk}"') :].split("</tr>")[0]
    assert "功率器件" in html  # the shared chain node, named

    # when the administrator recommends both, the suggested one keeps its explanation
    response = client.post(
        recommend_url(version, recipient),
        {"entries": [fitting.pk, unrelated.pk], "note": "两款产品供参考"},
    )

    assert response.status_code == 302
    suggested = Recommendation.objects.get(entry=fitting)
    assert "碳化硅" in [term for term, _weight in suggested.explanation["terms"]]
    assert [key for key, _node in suggested.explanation["facets"]] == ["chain_node"]
    assert "chain_node" in [key for key, _value in suggested.explanation["boosts"]]
    assert Recommendation.objects.get(entry=unrelated).explanation == {}
    assert suggested.note == "两款产品供参考"
    # then the page marks both as already recommended, with no box to tick
    again = client.get(recommend_url(version, recipient)).text
    assert again.count("data-earlier") == 2
    assert 'name="entries"' not in again


def test_a_firm_directory_finds_a_firm_through_its_product(client):
    version = make_version(DirectoryKind.FIRMS)
    firm = little_giant(description="")
    product = PublishedProductFactory(
        organization=firm, title="碳化硅外延片", keywords=["碳化硅", "外延片"]
    )
    entry = make_entry(version, firm)
    recipient = make_recipient(needs="碳化硅外延片 采购")
    index(product, firm)
    client.force_login(AdminUserFactory())

    html = client.get(recommend_url(version, recipient)).text

    assert rows_of(html, " data-suggested") == [entry.pk]


def test_the_page_lists_every_entry_when_the_engine_is_down(client, world, monkeypatch):
    from search.engines.base import EngineUnavailable

    def down(*args, **kwargs):
        raise EngineUnavailable("down")

    monkeypatch.setattr("directories.selectors.recommendations.find_matches", down)
    client.force_login(world.admin)

    html = client.get(recommend_url(world.version, world.recipient)).text

    assert "data-matching-unavailable" in html
    assert rows_of(html, ">") == [world.entry.pk]


def test_a_flagged_entry_shows_its_flag_and_no_box_and_a_forced_post_changes_nothing(client, world):
    Organization.objects.filter(pk=world.firm.pk).update(
        qualification_flag=QualificationFlag.REVIEW_FAILED
    )
    client.force_login(world.admin)

    html = client.get(recommend_url(world.version, world.recipient)).text
    assert "data-flag" in html and 'name="entries"' not in html

    response = client.post(
        recommend_url(world.version, world.recipient), {"entries": [world.entry.pk]}
    )
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert Recommendation.objects.count() == 0


def test_choosing_nothing_shows_the_form_error(client, world):
    client.force_login(world.admin)
    response = client.post(recommend_url(world.version, world.recipient), {"note": "x"})
    assert response.status_code == 200 and "data-error-summary" in response.text
    assert Recommendation.objects.count() == 0


def test_the_page_first_asks_for_a_recipient_and_an_unpublished_version_recommends_nothing(
    client, world
):
    client.force_login(world.admin)
    html = client.get(recommend_url(world.version)).text
    assert world.recipient.organization.name in html and "data-entry" not in html

    draft = make_version(status=VersionStatus.DRAFT)
    make_entry(draft)
    page = client.get(recommend_url(draft, world.recipient))
    assert "data-not-published" in page.text and "data-entry" not in page.text
    client.post(recommend_url(draft, world.recipient), {"entries": [draft.entries.get().pk]})
    assert Recommendation.objects.count() == 0


@pytest.mark.parametrize("who", ["anonymous", "recipient", "firm", "outsider"])
def test_the_recommend_page_is_not_found_for_anyone_but_administrators(client, world, who):
    user = {
        "recipient": world.recipient_admin,
        "firm": world.firm_admin,
        "outsider": world.outsider,
    }.get(who)
    if user is not None:
        client.force_login(user)
    url = recommend_url(world.version, world.recipient)
    assert client.get(url).status_code == (302 if who == "anonymous" else 404)
    response = client.post(url, {"entries": [world.entry.pk]})
    assert response.status_code == (302 if who == "anonymous" else 404)
    assert Recommendation.objects.count() == 0
