"""Every form that comes back with mistakes lists them at the top, each linking to its field."""

import pytest
from django.urls import reverse

from accounts.models import OrganizationKind
from tests.factories import OrganizationFactory, member_of

pytestmark = pytest.mark.django_db


def test_a_listing_form_with_a_missing_title_links_the_summary_to_the_field(client):
    client.force_login(member_of(OrganizationFactory(kind=OrganizationKind.SME)))
    response = client.post(reverse("catalog:product_create"), {"summary": "概述"})
    page = response.text
    assert "data-error-summary" in page
    start = page.index("data-error-summary")
    summary = page[start : page.index("</div>", start)]
    assert 'href="#id_title"' in summary
    assert 'href="#id_description"' in summary
    assert "：" in summary  # the label and the error, joined the Chinese way
