"""The year-end implementation report (落实情况) of measures 十–十五: a printable page and an
xlsx workbook, one section per measure, every figure linking to its records."""

from __future__ import annotations

import io
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core.spreadsheets import XLSX_CONTENT_TYPE
from portal import progress
from tests.factories import AdminUserFactory, OrganizationFactory, member_of
from tests.portal.progress_data import build_progress_data, government_member

pytestmark = pytest.mark.django_db

REPORT = reverse("portal:report")
REPORT_EXPORT = reverse("portal:report_export")
FIGURE = re.compile(r'<a href="([^"]+)" data-figure="([\w:]+)" data-value="([0-9]+)"')
PART = re.compile(r'<a href="([^"]+)" data-bar="([\w:]+)" data-value="([0-9]+)"')
COUNT = re.compile(r'data-count="([0-9]+)"')
MEASURES = ["十", "十一", "十二", "十三", "十四", "十五"]


@pytest.fixture
def data():
    return build_progress_data()


@pytest.fixture
def admin_client(client):
    client.force_login(AdminUserFactory())
    return client


def figures_of(html: str) -> dict[str, int]:
    return {key: int(value) for _url, key, value in FIGURE.findall(html)}


def test_the_report_has_one_section_per_measure_10_to_15(admin_client, data):
    response = admin_client.get(REPORT, {"year": data.now.year})
    html = response.content.decode()
    assert response.status_code == 200
    assert re.findall(r'data-measure="(\w+)"', html) == MEASURES
    assert f'data-report="{data.now.year}"' in html


def test_the_report_counts_the_year_asked_for(admin_client, data):
    this_year = figures_of(admin_client.get(REPORT, {"year": data.now.year}).content.decode())
    # Demonstration, challenge, competition, selection calls were published now.
    assert this_year["calls:demonstration"] == 1
    assert this_year["calls:challenge"] == 1
    assert this_year["calls:competition"] == 1
    assert this_year["calls:selection"] == 1
    assert this_year["little_giant_applications:selection"] == 1  # sme3 is a little giant
    assert this_year["research_results"] == 1
    assert this_year["open_resources"] == 1
    assert this_year["chains"] == 2
    assert this_year["awards:competition"] == 1
    # Measure 十五: interests expressed, accepted and the confirmed licence, in the year
    # (two interests were expressed and one accepted about three months ago).
    earlier = int(timezone.localtime(data.earlier).year == data.now.year)
    assert this_year["interests"] == 2 + 2 * earlier
    assert this_year["handshakes"] == 1 + earlier
    assert this_year["deals"] == 1

    old = figures_of(admin_client.get(REPORT, {"year": data.years_ago.year}).content.decode())
    assert old["calls:rnd_demand"] == 1
    assert old["applications:rnd_demand"] == 1
    assert old["firms_recommended"] == 1
    assert old["directory_versions"] == 1
    assert old["first_uses"] == 1
    assert old["calls:challenge"] == 0
    # The university's interest in the R&D demand: accepted, its deal not confirmed.
    assert old["interests"] == 1
    assert old["handshakes"] == 1
    assert old["deals"] == 0
    # Structure is counted as it stands; nodes as at the end of that year (no product yet).
    assert old["chains"] == 2
    assert old["little_giant_nodes"] == 0


def test_the_report_defaults_to_the_current_year_and_ignores_a_bad_one(admin_client, data):
    for params in ({}, {"year": "twenty"}, {"year": "99999"}):
        html = admin_client.get(REPORT, params).content.decode()
        assert f'data-report="{timezone.localdate().year}"' in html


@pytest.mark.parametrize("which", ["now", "years_ago"])
def test_every_figure_of_the_report_equals_the_records_it_links_to(admin_client, data, which):
    year = getattr(data, which).year
    html = admin_client.get(REPORT, {"year": year}).content.decode()
    links = FIGURE.findall(html) + PART.findall(html)
    assert len(links) > 30
    for url, key, value in links:
        page = admin_client.get(unescape(url))
        assert page.status_code == 200
        assert COUNT.search(page.content.decode())[1] == value, key


def test_a_government_member_reads_the_report(client, data):
    client.force_login(government_member())
    assert client.get(REPORT).status_code == 200
    response = client.get(REPORT_EXPORT)
    assert response.status_code == 200


@pytest.mark.parametrize("kind", ["sme", "lead"])
def test_the_report_is_refused_to_other_members(client, data, kind):
    client.force_login(member_of(OrganizationFactory(kind=kind)))
    assert client.get(REPORT).status_code == 404
    assert client.get(REPORT_EXPORT).status_code == 404


def test_the_report_is_refused_to_anonymous_visitors(client, data):
    for url in (REPORT, REPORT_EXPORT):
        assert client.get(url)["Location"].startswith(reverse("accounts:login"))


def test_the_report_downloads_as_xlsx_with_the_same_figures(admin_client, data):
    year = data.now.year
    page = figures_of(admin_client.get(REPORT, {"year": year}).content.decode())
    response = admin_client.get(REPORT_EXPORT, {"year": year})
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    assert f"implementation-report-{year}.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows[0]) == 4
    body = rows[1:]
    # One row per figure (and one per part of feedback and outcome stages).
    lines = [line for measure in progress.MEASURES for line in measure.lines]
    parts = sum(len(progress.FIGURES[line.key].parts) for line in lines if line.with_parts)
    assert len(body) == len(lines) + parts
    assert len({row[0] for row in body}) == 6
    figure_rows = [row for row in body if row[3]]
    assert [row[2] for row in figure_rows] == [
        page[f"{line.key}:{line.part}" if line.part else line.key] for line in lines
    ]
