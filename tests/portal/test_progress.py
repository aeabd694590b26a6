"""The progress dashboard of measures 十–十五: who sees it, what its figures count, and that
every figure and every bar links to a list of exactly as many records, filters included."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import MembershipStatus, OrganizationKind, VerificationStatus
from directories.models import Recommendation
from portal import progress
from tests.factories import (
    AdminUserFactory,
    MembershipFactory,
    OrganizationFactory,
    member_of,
)
from tests.portal.progress_data import build_progress_data, government_member

pytestmark = pytest.mark.django_db

PROGRESS = reverse("portal:progress")
RECORDS = reverse("portal:progress_records")
DASHBOARD = reverse("portal:dashboard")

# An anchor carrying the figure it shows: href first, data-value somewhere after it.
LINK = re.compile(r'<a\b[^>]*?href="([^"]+)"[^>]*?data-value="([0-9]+)"', re.S)
COUNT = re.compile(r'data-count="([0-9]+)"')


@pytest.fixture
def data():
    return build_progress_data()


@pytest.fixture
def admin_client(client):
    client.force_login(AdminUserFactory())
    return client


def figure_links(html: str) -> list[tuple[str, int]]:
    return [(unescape(href), int(value)) for href, value in LINK.findall(html)]


def value_of(html: str, key: str) -> int:
    found = re.search(rf'data-figure="{key}" data-value="([0-9]+)"', html)
    assert found, key
    return int(found[1])


def records_count(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    return int(COUNT.search(response.content.decode())[1])


# --- who sees it -----------------------------------------------------------------------------


def test_an_administrator_sees_the_dashboard_with_the_targets(admin_client, data):
    response = admin_client.get(PROGRESS)
    html = response.content.decode()
    assert response.status_code == 200
    assert value_of(html, "firms_recommended") == 3
    assert value_of(html, "products_recommended") == 2
    assert "1000" in html and "1500" in html
    assert 'data-nav="progress"' in html


def test_a_member_of_a_verified_government_department_sees_it(client, data):
    client.force_login(government_member())
    response = client.get(PROGRESS)
    assert response.status_code == 200
    assert value_of(response.content.decode(), "recommendations") == 6


@pytest.mark.parametrize(
    "persona",
    ["sme", "lead", "unverified_government", "pending_government_member", "no_organization"],
)
def test_everyone_else_gets_a_404_on_every_progress_page(client, data, persona):
    if persona == "sme":
        user = member_of(OrganizationFactory())
    elif persona == "lead":
        user = member_of(OrganizationFactory(kind=OrganizationKind.LEAD))
    elif persona == "unverified_government":
        user = member_of(
            OrganizationFactory(
                kind=OrganizationKind.GOVERNMENT, verification_status=VerificationStatus.PENDING
            )
        )
    elif persona == "pending_government_member":
        department = OrganizationFactory(kind=OrganizationKind.GOVERNMENT)
        user = MembershipFactory(organization=department, status=MembershipStatus.PENDING).user
    else:
        user = AdminUserFactory(is_staff=False)
    client.force_login(user)
    for url in (
        PROGRESS,
        RECORDS + "?key=firms_recommended",
        reverse("portal:progress_export"),
        reverse("portal:report"),
        reverse("portal:report_export"),
    ):
        assert client.get(url).status_code == 404, url
    assert 'data-nav="progress"' not in client.get(DASHBOARD).content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, data):
    for url in (PROGRESS, RECORDS + "?key=calls", reverse("portal:progress_export")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_an_unknown_figure_is_a_404(admin_client, data):
    assert admin_client.get(RECORDS + "?key=nothing").status_code == 404
    assert admin_client.get(RECORDS).status_code == 404


# --- what the figures count -----------------------------------------------------------------


def test_the_figures_count_what_they_say(admin_client, data):
    html = admin_client.get(PROGRESS).content.decode()
    assert {key: value_of(html, key) for key in progress.DASHBOARD_FIGURES} == {
        # sme1 (twice), sme2, sme3: distinct firms.
        "firms_recommended": 3,
        "products_recommended": 2,
        "recommendations": 6,
        "outcomes": 4,
        # The version being prepared is not counted.
        "directory_versions": 2,
        # Ever published: the withdrawn call counts, the draft does not.
        "calls": 6,
        # Submitted: the draft does not count.
        "applications": 5,
        # Final awards: the proposed one does not count.
        "awards": 2,
        # Measure 十四: the (withdrawn) selection call is a centre's, with sme3's application
        # (a little giant) and sme3 as its participant; tranches: one released, one pending
        # (the cancelled one is not committed).
        "centre_calls": 1,
        "centre_applications": 1,
        "centre_priority_applications": 1,
        "centre_participants": 1,
        "funds_committed": 2,
        "funds_released": 1,
        "first_uses": 2,
        # Every interest; accepted ones (not the pending or declined); confirmed deals only.
        "interests": 5,
        "handshakes": 3,
        "deals": 1,
    }


def test_filters_narrow_every_figure(admin_client, data):
    year = data.years_ago.year
    html = admin_client.get(PROGRESS, {"year": year}).content.decode()
    assert value_of(html, "firms_recommended") == 1  # sme2, recommended that year
    assert value_of(html, "products_recommended") == 0
    assert value_of(html, "directory_versions") == 1
    assert value_of(html, "calls") == 1
    assert value_of(html, "first_uses") == 1
    # The university's interest in the R&D demand, accepted that year; its deal unconfirmed.
    assert value_of(html, "interests") == 1
    assert value_of(html, "handshakes") == 1
    assert value_of(html, "deals") == 0

    html = admin_client.get(PROGRESS, {"year": data.now.year}).content.decode()
    # The licence was accepted and signed this year though expressed about three months ago.
    assert value_of(html, "deals") == 1

    html = admin_client.get(PROGRESS, {"channel": "sasac"}).content.decode()
    assert value_of(html, "firms_recommended") == 2  # sme1 and sme2, through 中电集团
    assert value_of(html, "recommendations") == 3
    assert value_of(html, "calls") == 2  # published by the SASAC recipient (not its draft)
    assert value_of(html, "first_uses") == 1  # used first at the SASAC recipient

    html = admin_client.get(PROGRESS, {"province": "33"}).content.decode()
    assert value_of(html, "firms_recommended") == 1
    assert value_of(html, "applications") == 1
    assert value_of(html, "interests") == 1  # by the province of the interested sme2
    assert value_of(html, "handshakes") == 1
    assert value_of(html, "deals") == 0

    html = admin_client.get(PROGRESS, {"chain": data.chains["a"].pk}).content.decode()
    assert value_of(html, "firms_recommended") == 1  # only sme1's entry is on chain A
    assert value_of(html, "calls") == 1


def test_hostile_or_unknown_filters_are_ignored(admin_client, data):
    response = admin_client.get(
        PROGRESS, {"year": "1e9", "province": "99", "channel": "x", "chain": "-1", "metric": "?"}
    )
    assert response.status_code == 200
    assert value_of(response.content.decode(), "recommendations") == 6


FILTER_SETS = [
    {},
    {"year": "LAST"},
    {"year": "THIS"},
    {"channel": "sasac"},
    {"channel": "acfic", "province": "32"},
    {"province": "33"},
    {"chain": "A"},
    {"chain": "B", "channel": "acfic"},
]


@pytest.mark.parametrize("filters", FILTER_SETS)
def test_every_number_on_the_dashboard_equals_the_records_it_links_to(admin_client, data, filters):
    params = {}
    for name, value in filters.items():
        if name == "year":
            value = data.years_ago.year if value == "LAST" else data.now.year
        if name == "chain":
            value = data.chains[value.lower()].pk
        params[name] = value
    checked = {}
    for metric in progress.DASHBOARD_FIGURES:
        html = admin_client.get(PROGRESS, {**params, "metric": metric}).content.decode()
        links = figure_links(html)
        # Two targets, nine figures, the province/chain/channel/month charts, three part charts.
        assert len(links) > 30
        for url, value in links:
            assert url.startswith(RECORDS)
            if url not in checked:
                checked[url] = records_count(admin_client, url)
            assert checked[url] == value, url
    assert any(checked.values())


def test_a_chart_bar_lists_exactly_its_records(admin_client, data):
    html = admin_client.get(PROGRESS, {"metric": "firms_recommended"}).content.decode()
    bar = re.search(r'href="([^"]+)" data-bar="sasac" data-value="([0-9]+)"', html)
    url, value = unescape(bar[1]), int(bar[2])
    page = admin_client.get(url).content.decode()
    assert value == 2
    assert page.count("<tr data-record>") == 2
    assert data.organizations["sme1"].name in page
    assert data.organizations["sme2"].name in page
    assert data.organizations["sme3"].name not in page


def test_the_month_chart_shows_the_last_twelve_months_and_links_each(admin_client, data):
    html = admin_client.get(PROGRESS, {"metric": "recommendations"}).content.decode()
    chart = html.split('data-chart="recommendations:month"')[1].split("</figure>")[0]
    months = re.findall(r'data-bar="([0-9]{4}-[0-9]{2})" data-value="([0-9]+)"', chart)
    assert len(months) == 12
    this_month = timezone.localtime(data.now).strftime("%Y-%m")
    assert months[-1][0] == this_month
    # r1, r4 and r6 were made this month.
    assert int(months[-1][1]) == 3


def test_the_report_year_filter_chooses_the_months(admin_client, data):
    year = data.years_ago.year
    html = admin_client.get(PROGRESS, {"year": year}).content.decode()
    chart = html.split('data-chart="recommendations:month"')[1].split("</figure>")[0]
    months = re.findall(r'data-bar="([0-9]{4}-[0-9]{2})" data-value="([0-9]+)"', chart)
    assert [month for month, _value in months] == [f"{year}-{n:02d}" for n in range(1, 13)]
    assert dict(months)[f"{year}-01"] == "1"


# --- the records behind a figure --------------------------------------------------------------


def test_records_are_paginated_and_link_to_their_pages(admin_client, data):
    sasac = data.recipients["sasac"]
    entries = [Recommendation.objects.get(pk=data.recommendations["r1"].pk).entry]
    for number in range(30):
        organization = OrganizationFactory(name=f"分页科技{number:02d}")
        entry = entries[0].__class__.objects.create(
            version=entries[0].version,
            organization=organization,
            decision="included",
            title=organization.name,
            organization_name=organization.name,
        )
        Recommendation.objects.create(entry=entry, recipient=sasac)
    url = RECORDS + "?key=firms_recommended"
    first = admin_client.get(url).content.decode()
    second = admin_client.get(url + "&page=2").content.decode()
    assert COUNT.search(first)[1] == "33"
    assert first.count("<tr data-record>") == 25
    assert second.count("<tr data-record>") == 8
    sme1 = data.organizations["sme1"]
    assert reverse("portal:organization_detail", args=[sme1.pk]) in first + second


def test_records_of_recommendations_link_to_the_recommendation_for_administrators_only(
    admin_client, client, data
):
    recommendation = data.recommendations["r1"]
    detail = reverse("directories:recommendation_detail", args=[recommendation.pk])
    url = RECORDS + "?key=recommendations"
    assert detail in admin_client.get(url).content.decode()
    client.force_login(government_member())
    page = client.get(url).content.decode()
    assert detail not in page
    assert COUNT.search(page)[1] == "6"


def test_records_honour_a_part_and_a_month(admin_client, data):
    assert records_count(admin_client, RECORDS + "?key=recommendations&part=sent") == 2
    assert records_count(admin_client, RECORDS + "?key=calls&part=verification") == 1
    month = timezone.localtime(data.earlier).strftime("%Y-%m")
    assert records_count(admin_client, f"{RECORDS}?key=recommendations&month={month}") == 2
    # A part the figure does not have is ignored.
    assert records_count(admin_client, RECORDS + "?key=first_uses&part=sent") == 2


def test_the_selectors_list_the_same_records_the_figure_counts(data):
    for key, figure in progress.FIGURES.items():
        for filters in (
            progress.Filters(),
            progress.Filters(year=data.now.year),
            progress.Filters(channel="acfic"),
            progress.Filters(province="32", chain=data.chains["a"].pk),
        ):
            records = list(progress.figure_records(figure, filters))
            assert len(records) == len(set(records)) == progress.figure_count(figure, filters), key


# --- the administrators' panel and the navigation -------------------------------------------


def test_the_administrators_panel_has_live_counts_and_links(admin_client, data):
    html = admin_client.get(DASHBOARD).content.decode()
    assert 'data-admin-panel="full"' in html
    for name in ("qualification_import_list", "directory_list", "recipient_list"):
        assert reverse(f"directories:{name}") in html
    assert reverse("directories:recommendation_list") in html
    assert reverse("portal:progress") in html and reverse("portal:report") in html
    panel = html.split('data-admin-panel="full"')[1].split("</section>")[0]
    card = (
        r'data-panel-link="(\w+)">\s*<h3[^>]*>[^<]*</h3>\s*'
        r'<p class="panel-count" data-count="([0-9]+)"'
    )
    counts = dict(re.findall(card, panel))
    # One draft version, two active recipients, two recommendations not yet viewed.
    assert counts == {"imports": "0", "directories": "1", "recipients": "2", "recommendations": "2"}
    assert value_of(panel, "firms_recommended") == 3


def test_government_members_get_a_shorter_panel(client, data):
    client.force_login(government_member())
    html = client.get(DASHBOARD).content.decode()
    assert 'data-admin-panel="short"' in html
    assert reverse("directories:directory_list") not in html
    assert reverse("portal:progress") in html
    assert 'data-nav="progress"' in html


def test_members_of_other_organizations_get_no_panel(client, data):
    client.force_login(member_of(data.organizations["sme1"]))
    html = client.get(DASHBOARD).content.decode()
    assert "data-admin-panel" not in html
    assert 'data-nav="progress"' not in html
