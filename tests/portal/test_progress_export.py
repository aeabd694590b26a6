"""The dashboard's tables as an xlsx workbook: the same figures as the page under the same
filters, every breakdown, and text that would compute neutralised."""

from __future__ import annotations

import io
import re

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from catalog.models import IndustryChain
from core.spreadsheets import XLSX_CONTENT_TYPE
from directories.models import RecommendationStatus as Status
from portal import progress
from tests.factories import AdminUserFactory
from tests.portal.progress_data import build_progress_data, government_member

pytestmark = pytest.mark.django_db

PROGRESS = reverse("portal:progress")
EXPORT = reverse("portal:progress_export")


@pytest.fixture
def data():
    return build_progress_data()


@pytest.fixture
def admin_client(client):
    client.force_login(AdminUserFactory())
    return client


def workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    assert response["Content-Disposition"].startswith('attachment; filename="progress-')
    return load_workbook(io.BytesIO(response.content))


def page_figures(client, params) -> list[int]:
    html = client.get(PROGRESS, params).content.decode()
    return [
        int(re.search(rf'data-figure="{key}" data-value="([0-9]+)"', html)[1])
        for key in progress.DASHBOARD_FIGURES
    ]


@pytest.mark.parametrize("params", [{}, {"channel": "sasac"}, {"province": "32", "year": "NOW"}])
def test_the_figures_sheet_has_the_figures_of_the_page(admin_client, data, params):
    params = {k: (data.now.year if v == "NOW" else v) for k, v in params.items()}
    book = workbook(admin_client.get(EXPORT, params))
    figures = list(book.worksheets[0].iter_rows(values_only=True))
    assert len(figures) == 1 + len(progress.DASHBOARD_FIGURES)
    assert [row[1] for row in figures[1:]] == page_figures(admin_client, params)
    # The targets of measure 十二 and the share reached.
    assert figures[1][2] == 1000 and figures[2][2] == 1500
    assert figures[1][3] == round(100 * figures[1][1] / 1000, 1)


def test_every_breakdown_has_a_sheet_with_every_figure(admin_client, data):
    book = workbook(admin_client.get(EXPORT))
    # Figures, province, chain, channel, month, parts, filters.
    assert len(book.worksheets) == 7
    province, chain, channel, month = (
        list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets[1:5]
    )
    assert all(len(row) == 1 + len(progress.DASHBOARD_FIGURES) for row in province + channel)
    # Interests, handshakes and deals have no industrial chain: no column in that sheet.
    with_chain = [key for key in progress.DASHBOARD_FIGURES if progress.FIGURES[key].chain]
    assert len(with_chain) == len(progress.DASHBOARD_FIGURES) - 3
    assert all(len(row) == 1 + len(with_chain) for row in chain)
    firms = progress.DASHBOARD_FIGURES.index("firms_recommended") + 1
    by_channel = {row[0]: row[firms] for row in channel[1:]}
    assert sorted(by_channel.values()) == [2, 2]
    by_chain = {row[0]: row[firms] for row in chain[1:]}
    assert by_chain == {"集成电路": 1, "新能源汽车": 1}
    assert len(month) == 13
    parts = list(book.worksheets[5].iter_rows(min_row=2, values_only=True))
    with translation.override("zh-hans"):
        figure, sent = str(progress.FIGURES["recommendations"].label), str(Status.SENT.label)
    assert [row[2] for row in parts if row[:2] == (figure, sent)] == [2]


def test_text_that_would_compute_is_neutralised(admin_client, data):
    chain = data.chains["a"]
    IndustryChain.objects.filter(pk=chain.pk).update(name='=HYPERLINK("http://x")')
    book = workbook(admin_client.get(EXPORT))
    names = [row[0] for row in book.worksheets[2].iter_rows(min_row=2, values_only=True)]
    assert '\'=HYPERLINK("http://x")' in names
    assert not any(str(name).startswith("=") for name in names)


def test_the_filters_are_written_in_words(admin_client, data):
    book = workbook(admin_client.get(EXPORT, {"chain": data.chains["b"].pk, "year": 2025}))
    filters = dict(list(book.worksheets[-1].iter_rows(min_row=2, values_only=True)))
    assert "新能源汽车" in filters.values()
    assert "2025" in filters.values()


def test_a_government_member_downloads_the_tables(client, data):
    client.force_login(government_member())
    assert workbook(client.get(EXPORT)).worksheets[0].max_row == 1 + len(progress.DASHBOARD_FIGURES)
