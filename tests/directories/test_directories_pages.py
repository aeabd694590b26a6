"""Recommendation directories through HTTP: the administrators' pages (create, propose,
screen, classify, publish, the next version, export) and the public pages (search, facets,
older versions, flags); everyone else gets 404 and changes nothing."""

from __future__ import annotations

import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext
from openpyxl import load_workbook

from accounts.models import QualificationLevel, QualificationStatus
from directories import services
from directories.models import (
    Directory,
    DirectoryEntry,
    DirectoryEvent,
    DirectoryKind,
    EntryDecision,
    VersionStatus,
)
from tests.factories import (
    AdminUserFactory,
    ChainNodeFactory,
    OrganizationFactory,
    UserFactory,
    member_of,
)

from .test_directories import (
    draft_of,
    entries_of,
    make_directory,
    opted_in_product,
    propose,
    qualified_firm,
    screened_and_published,
    withdraw,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return AdminUserFactory()


def url(name, *args):
    return reverse(f"directories:{name}", args=args)


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_an_administrator_creates_a_directory_through_the_form(client, admin):
    client.force_login(admin)
    node = ChainNodeFactory()
    page = client.get(url("directory_list"))
    assert page.status_code == 200 and url("directory_create") in page.text
    assert client.get(url("directory_create")).status_code == 200

    response = client.post(
        url("directory_create"),
        {
            "kind": DirectoryKind.FIRMS,
            "title": "长三角功率半导体企业推荐目录",
            "year": 2024,
            "scope": "面向央企采购",
            "min_qualification": QualificationLevel.NATIONAL,
            "provinces": ["32", "31"],
            "chain_nodes": [node.pk],
            "industries": ["39"],
            "theme": "碳化硅",
            "categories": "功率器件\n材料\n",
        },
    )

    directory = Directory.objects.get()
    assert response.status_code == 302
    assert response.url == url("directory_detail", directory.pk)
    assert directory.created_by == admin
    assert directory.categories == ["功率器件", "材料"]
    assert directory.provinces == ["32", "31"]
    assert [i.code for i in directory.industries.all()] == ["39"]
    assert draft_of(directory).number == 1
    detail = client.get(response.url)
    assert detail.status_code == 200
    assert "长三角功率半导体企业推荐目录" in detail.text and "碳化硅" in detail.text
    assert "长三角功率半导体企业推荐目录" in client.get(url("directory_list")).text


def test_a_directory_without_a_title_is_refused_with_the_form_and_nothing_is_created(client, admin):
    client.force_login(admin)
    response = client.post(url("directory_create"), {"kind": "firms", "year": 2024})
    assert response.status_code == 200 and response.context["form"].errors["title"]
    assert Directory.objects.count() == 0


def test_editing_the_criteria(client, admin):
    directory = make_directory(admin, categories=["芯片"])
    client.force_login(admin)
    page = client.get(url("directory_edit", directory.pk))
    assert page.status_code == 200 and "芯片" in page.text

    response = client.post(
        url("directory_edit", directory.pk),
        {
            "title": "新标题",
            "year": 2025,
            "min_qualification": QualificationLevel.PROVINCIAL,
            "categories": "芯片\n装备",
            "kind": DirectoryKind.PRODUCTS,  # not a field of the edit form: ignored
        },
    )

    assert response.status_code == 302
    directory.refresh_from_db()
    assert (directory.title, directory.year, directory.kind) == ("新标题", 2025, "firms")
    assert directory.categories == ["芯片", "装备"]


def test_proposing_screening_classifying_and_publishing_through_the_pages(client, admin):
    kept = qualified_firm(name="苏州碳化硅器件有限公司")
    dropped = qualified_firm(name="无锡封装测试有限公司")
    qualified_firm(name="未申报的企业", opted_in=False)
    node = ChainNodeFactory(name="功率器件")
    directory = make_directory(admin, categories=["芯片", "材料"])
    detail_url = url("directory_detail", directory.pk)
    client.force_login(admin)

    response = client.post(url("directory_propose", directory.pk), follow=True)
    assert response.status_code == 200
    assert "苏州碳化硅器件有限公司" in response.text and "未申报的企业" not in response.text
    entries = entries_of(directory)
    assert set(entries) == {kept.pk, dropped.pk}
    # Publishing is offered as blocked, with why.
    assert url("version_publish", draft_of(directory).pk) not in response.text
    assert response.text.count("data-problem") == 2  # unscreened, none included

    refused = client.post(url("version_publish", draft_of(directory).pk), follow=True)
    assert draft_of(directory).status == VersionStatus.DRAFT
    assert any("2" in message for message in messages_of(refused))

    # An exclusion without a reason is refused and changes nothing.
    entry = entries[dropped.pk]
    response = client.post(url("entry_exclude", entry.pk), {"reason": ""}, follow=True)
    assert gettext("Give the reason for excluding it; it is kept with the decision.") in (
        " ".join(messages_of(response))
    )
    entry.refresh_from_db()
    assert entry.decision == EntryDecision.CANDIDATE and entry.decided_by is None

    response = client.post(
        url("entry_exclude", entry.pk),
        {"reason": "主营业务不符", "next": f"{detail_url}?decision=candidate"},
    )
    assert response.status_code == 302 and response.url == f"{detail_url}?decision=candidate"
    entry.refresh_from_db()
    assert (entry.decision, entry.reason, entry.decided_by) == ("excluded", "主营业务不符", admin)

    entry = entries[kept.pk]
    client.post(url("entry_include", entry.pk), {"reason": "核心供应商"})
    client.post(url("entry_classify", entry.pk), {"chain_node": node.pk, "category": "芯片"})
    entry.refresh_from_db()
    assert (entry.decision, entry.decided_by, entry.reason) == ("included", admin, "核心供应商")
    assert (entry.chain_node, entry.category) == (node, "芯片")
    refused = client.post(url("entry_classify", entry.pk), {"category": "不存在"}, follow=True)
    assert messages_of(refused)
    entry.refresh_from_db()
    assert entry.category == "芯片"

    page = client.get(detail_url)
    assert 'data-tab="included">' in page.text
    assert re.search(r'data-tab="excluded">[^<]*\(<span data-count>1</span>\)', page.text)
    assert "主营业务不符" in page.text
    assert client.get(detail_url, {"decision": "excluded"}).text.count('data-entry="') == 1
    version = draft_of(directory)
    publish_url = url("version_publish", version.pk)
    assert publish_url in page.text
    confirm = gettext("Publish? A published version never changes; later edits go to a new one.")
    assert f'data-confirm="{confirm}"' in page.text.replace("&#x27;", "'")

    response = client.post(publish_url, {"note": "首批目录"})

    assert response.status_code == 302 and response.url == url("version_detail", version.pk)
    version.refresh_from_db()
    assert version.status == VersionStatus.PUBLISHED and version.published_by == admin
    history = client.get(detail_url).text
    assert "data-start-next" in history and "首批目录" in history


def test_a_published_version_has_no_forms_and_its_entries_refuse_every_change(client, admin):
    firm = qualified_firm()
    directory = make_directory(admin, categories=["芯片"])
    propose(directory, admin)
    version = screened_and_published(directory, admin)
    entry = version.entries.get()
    before = DirectoryEntry.objects.values().get(pk=entry.pk)
    events = DirectoryEvent.objects.count()
    client.force_login(admin)

    page = client.get(url("version_detail", version.pk))

    assert page.status_code == 200 and firm.name in page.text
    for name in ("entry_include", "entry_exclude", "entry_classify"):
        assert url(name, entry.pk) not in page.text
    assert url("version_publish", version.pk) not in page.text
    assert 'name="reason"' not in page.text
    for name, data in (
        ("entry_include", {}),
        ("entry_exclude", {"reason": "理由"}),
        ("entry_classify", {"category": "芯片"}),
    ):
        response = client.post(url(name, entry.pk), data, follow=True)
        assert gettext("Published versions never change.") in messages_of(response)
    response = client.post(url("version_publish", version.pk), follow=True)
    assert gettext("Published versions never change.") in messages_of(response)
    response = client.post(url("directory_propose", directory.pk), follow=True)
    assert gettext("Published versions never change.") in messages_of(response)
    assert DirectoryEntry.objects.values().get(pk=entry.pk) == before
    assert DirectoryEvent.objects.count() == events


def test_the_next_version_shows_what_changed(client, admin):
    stays, leaves = qualified_firm(name="留下的企业"), qualified_firm(name="离开的企业")
    directory = make_directory(admin, categories=["芯片", "材料"])
    propose(directory, admin)
    first = screened_and_published(directory, admin)
    client.force_login(admin)

    response = client.post(url("version_start_next", directory.pk))

    assert response.status_code == 302
    second = draft_of(directory)
    assert second.number == 2 and second.entries.count() == 2
    entries = entries_of(directory, second)
    qualified_firm(name="新来的企业")
    client.post(url("directory_propose", directory.pk))
    client.post(url("entry_exclude", entries[leaves.pk].pk), {"reason": "已注销"})
    client.post(url("entry_classify", entries[stays.pk].pk), {"category": "材料"})
    newcomer = second.entries.get(decision=EntryDecision.CANDIDATE)
    client.post(url("entry_include", newcomer.pk))
    client.post(url("version_publish", second.pk))
    second.refresh_from_db()
    assert second.is_published

    page = client.get(url("version_detail", second.pk))
    assert '<b data-changed="added">1</b>' in page.text
    assert '<b data-changed="removed">1</b>' in page.text
    assert '<b data-changed="reclassified">1</b>' in page.text
    assert "新来的企业" in page.text and "离开的企业" in page.text
    public = client.get(url("published_detail", directory.pk))
    assert '<b data-changed="added">1</b>' in public.text
    older = client.get(url("published_detail", directory.pk), {"version": first.number})
    assert "data-older-version" in older.text and "离开的企业" in older.text
    assert "新来的企业" not in older.text.split("data-changes")[0]


def test_the_export_holds_the_included_entries_and_neutralises_formulas(client, admin):
    formula = qualified_firm(name='=HYPERLINK("http://evil")科技有限公司', industry="391")
    lapsed = qualified_firm(name="资质撤销的企业", level=QualificationLevel.PROVINCIAL)
    excluded = qualified_firm(name="被排除的企业")
    node = ChainNodeFactory(name="功率器件")
    directory = make_directory(admin, categories=["芯片"])
    propose(directory, admin)
    entry = entries_of(directory)[formula.pk]
    services.entry_classify(actor=admin, entry=entry, chain_node=node, category="芯片")
    version = screened_and_published(directory, admin, exclude=[excluded])
    lapsed.test_qualification.status = QualificationStatus.REVOKED
    lapsed.test_qualification.save()
    client.force_login(admin)

    response = client.get(url("version_export", version.pk))

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'directory-{directory.pk}-v1.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 3 and rows[0][0] == gettext("No.")
    by_name = {row[1]: row for row in rows[1:]}
    assert set(by_name) == {'\'=HYPERLINK("http://evil")科技有限公司', "资质撤销的企业"}
    row = by_name['\'=HYPERLINK("http://evil")科技有限公司']
    assert row[2] == row[1]  # the organization's name, neutralised too
    assert row[3:8] == (
        gettext("Jiangsu"),
        gettext("National little giant (小巨人)"),
        "功率器件",
        "芯片",
        "391",
    )
    assert row[8] in (None, "")
    assert by_name["资质撤销的企业"][8] == gettext("Qualification lapsed")


def test_the_public_page_searches_and_its_facet_counts_equal_the_entries_shown(client, admin):
    node_a, node_b = ChainNodeFactory(name="衬底"), ChainNodeFactory(name="模块")
    firms = [
        qualified_firm(name="江苏衬底甲公司", province="32"),
        qualified_firm(name="江苏模块乙公司", province="32", level=QualificationLevel.PROVINCIAL),
        qualified_firm(name="上海模块丙公司", province="31"),
        qualified_firm(name="浙江衬底丁公司", province="33"),
    ]
    excluded = qualified_firm(name="排除的戊公司", province="32")
    directory = make_directory(admin, categories=["材料", "器件"])
    propose(directory, admin)
    entries = entries_of(directory)
    for firm, node, category in zip(
        firms, [node_a, node_b, node_b, node_a], ["材料", "器件", "器件", "材料"], strict=True
    ):
        services.entry_classify(
            actor=admin, entry=entries[firm.pk], chain_node=node, category=category
        )
    screened_and_published(directory, admin, exclude=[excluded])

    page = client.get(url("published_list"))
    assert page.status_code == 200 and directory.title in page.text
    detail_url = url("published_detail", directory.pk)
    page = client.get(detail_url)
    assert page.status_code == 200
    assert 'data-total="4"' in page.text and "排除的戊公司" not in page.text
    assert page.text.count('class="card result-card"') == 4

    searched = client.get(detail_url, {"q": "模块"})
    assert 'data-total="2"' in searched.text and "江苏衬底甲公司" not in searched.text

    facets = re.findall(r'data-facet="(\w+)" data-value="([^"]*)" data-count="(\d+)"', page.text)
    assert {(name, value) for name, value, _count in facets} >= {
        ("province", "32"),
        ("chain_node", "衬底"),
        ("category", "器件"),
        ("qualification", "national"),
        ("qualification", "provincial"),
    }
    for name, value, count in facets:
        shown = client.get(detail_url, {name: value})
        assert f'data-total="{count}"' in shown.text, (name, value)
        assert shown.text.count('class="card result-card"') == int(count)
    # Ticked values narrow the other facets' counts, not their own facet's.
    narrowed = client.get(detail_url, {"province": "32", "q": "公司"})
    assert 'data-facet="province" data-value="31" data-count="1"' in narrowed.text
    assert 'data-facet="category" data-value="器件" data-count="1"' in narrowed.text
    assert 'data-total="2"' in narrowed.text
    both = client.get(detail_url, {"province": ["32", "31"], "category": "器件"})
    assert 'data-total="2"' in both.text


def test_the_public_page_shows_flags_and_product_entries_link_to_their_pages(client, admin):
    product = opted_in_product(title="车规级碳化硅模块")
    directory = make_directory(admin, kind=DirectoryKind.PRODUCTS)
    propose(directory, admin)
    screened_and_published(directory, admin)
    qualification = product.organization.qualifications.get()
    qualification.status = QualificationStatus.REVOKED
    qualification.save()
    withdraw(product.organization, DirectoryKind.PRODUCTS)

    page = client.get(url("published_detail", directory.pk))

    assert reverse("catalog:product_detail", args=[product.pk]) in page.text
    assert reverse("portal:organization_detail", args=[product.organization.pk]) in page.text
    assert 'data-flag="willingness_withdrawn"' in page.text
    assert 'data-flag="qualification_lapsed"' in page.text


def test_public_pages_refuse_drafts_unknown_versions_and_hostile_parameters(client, admin):
    qualified_firm()
    directory = make_directory(admin)
    propose(directory, admin)
    detail_url = url("published_detail", directory.pk)
    assert client.get(detail_url).status_code == 404
    assert directory.title not in client.get(url("published_list")).text
    screened_and_published(directory, admin)
    assert client.get(detail_url).status_code == 200
    assert client.get(detail_url, {"version": 2}).status_code == 404
    hostile = {"version": "99999999999999999999", "page": "x", "province": "<b>", "q": "%"}
    assert client.get(detail_url, hostile).status_code in (200, 404)
    assert client.get(detail_url, {"version": "abc", "chain_node": "9" * 30}).status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "user", "member", "org_admin"])
def test_administrators_pages_are_not_found_for_anyone_else_and_change_nothing(client, admin, who):
    firm = qualified_firm()
    if who == "user":
        client.force_login(UserFactory())
    elif who == "member":
        client.force_login(member_of(OrganizationFactory()))
    elif who == "org_admin":
        client.force_login(member_of(firm))
    directory = make_directory(admin, categories=["芯片"])
    propose(directory, admin)
    version = draft_of(directory)
    entry = version.entries.get()
    expected = 302 if who == "anonymous" else 404  # anonymous visitors are sent to log in
    pages = [
        url("directory_list"),
        url("directory_create"),
        url("directory_detail", directory.pk),
        url("directory_edit", directory.pk),
        url("version_detail", version.pk),
        url("version_export", version.pk),
    ]
    for page in pages:
        assert client.get(page).status_code == expected, page
    posts = [
        (url("directory_create"), {"kind": "firms", "title": "偷建", "year": 2024}),
        (url("directory_edit", directory.pk), {"title": "偷改", "year": 2024}),
        (url("directory_propose", directory.pk), {}),
        (url("version_start_next", directory.pk), {}),
        (url("entry_include", entry.pk), {}),
        (url("entry_exclude", entry.pk), {"reason": "x"}),
        (url("entry_classify", entry.pk), {"category": "芯片"}),
        (url("version_publish", version.pk), {}),
    ]
    for page, data in posts:
        assert client.post(page, data).status_code == expected, page
    directory.refresh_from_db()
    assert directory.title == "2024年专精特新企业推荐目录" and Directory.objects.count() == 1
    entry.refresh_from_db()
    assert entry.decision == EntryDecision.CANDIDATE and entry.category == ""
    version.refresh_from_db()
    assert version.status == VersionStatus.DRAFT
    assert directory.versions.count() == 1


def test_the_pages_run_a_fixed_number_of_queries_whatever_the_number_of_entries(client, admin):
    """No query per entry (flags, names, decisions) on the draft, version and public pages."""
    directory = make_directory(admin, categories=["芯片"])
    client.force_login(admin)

    def counts():
        propose(directory, admin)
        version = draft_of(directory)
        found = {}
        for name, path in (
            ("draft", url("directory_detail", directory.pk)),
            ("version", url("version_detail", version.pk)),
        ):
            client.get(path)
            with CaptureQueriesContext(connection) as captured:
                assert client.get(path).status_code == 200
            found[name] = len(captured)
        return found

    for _ in range(2):
        qualified_firm()
    small = counts()
    for _ in range(10):
        qualified_firm()
    assert counts() == small

    screened_and_published(directory, admin)
    public = url("published_detail", directory.pk)

    def next_version(more: int) -> int:
        services.version_start_next(actor=admin, directory=directory)
        for _ in range(more):
            qualified_firm()
        propose(directory, admin)
        screened_and_published(directory, admin)
        client.get(public)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(public).status_code == 200
        return len(captured)

    small = next_version(1)
    assert next_version(20) == small
