"""The money figures of the progress dashboard (money against milestones, measure 十四): the
number counts tranches like any figure, and the sum shown beside it is the sum of the very
tranches its list shows, under every filter."""

from __future__ import annotations

import re
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse

from tests.factories import AdminUserFactory
from tests.portal.progress_data import build_progress_data

pytestmark = pytest.mark.django_db

PROGRESS = reverse("portal:progress")
FIGURE = re.compile(
    r'<a\b[^>]*?href="([^"]+)" data-figure="(funds_\w+)" data-value="([0-9]+)">.*?'
    r'data-sum="([0-9.]+)"',
    re.S,
)


@pytest.fixture
def data():
    return build_progress_data()


@pytest.fixture
def admin_client(client):
    client.force_login(AdminUserFactory())
    return client


def money_figures(html: str) -> dict[str, tuple[str, int, Decimal]]:
    return {
        key: (unescape(href), int(count), Decimal(total))
        for href, key, count, total in FIGURE.findall(html)
    }


def test_the_dashboard_sums_committed_and_released_funds(admin_client, data):
    figures = money_figures(admin_client.get(PROGRESS).content.decode())
    assert {key: value[1:] for key, value in figures.items()} == {
        "funds_committed": (2, Decimal("500000")),
        "funds_released": (1, Decimal("300000")),
    }


@pytest.mark.parametrize(
    "filters", [{}, {"year": "THIS"}, {"year": "LAST"}, {"province": "33"}, {"channel": "acfic"}]
)
def test_each_sum_equals_the_sum_of_the_list_behind_it(admin_client, data, filters):
    params = dict(filters)
    if "year" in params:
        params["year"] = data.now.year if params["year"] == "THIS" else data.years_ago.year
    figures = money_figures(admin_client.get(PROGRESS, params).content.decode())
    assert set(figures) == {"funds_committed", "funds_released"}
    for url, count, total in figures.values():
        page = admin_client.get(url).content.decode()
        assert int(re.search(r'data-count="([0-9]+)"', page)[1]) == count
        assert Decimal(re.search(r'data-sum="([0-9.]+)"', page)[1]) == total
        assert page.count("<tr data-record>") == count
