"""The call form reads in sections, and a mistake is listed at the top with a link to it."""

import pytest
from django.urls import reverse

from accounts.models import OrganizationKind
from challenges.forms import CallForm
from challenges.models import Call, CallKind
from tests.factories import OrganizationFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", CallKind.values)
def test_every_field_of_the_call_form_is_in_a_section(kind):
    form = CallForm(kind=kind)
    in_sections = {field.name for _anchor, _title, fields in form.sections() for field in fields}
    assert set(form.fields) == in_sections


def test_the_call_form_page_shows_its_sections_and_their_contents(client):
    client.force_login(member_of(OrganizationFactory(kind=OrganizationKind.LEAD)))
    page = client.get(reverse("challenges:call_create", args=["challenge"])).text
    assert page.count('<fieldset class="form-section"') == 6
    assert 'href="#section-1"' in page and 'id="section-6"' in page


def test_a_call_form_with_mistakes_lists_them_at_the_top_with_links_and_saves_nothing(client):
    client.force_login(member_of(OrganizationFactory(kind=OrganizationKind.LEAD)))
    response = client.post(
        reverse("challenges:call_create", args=["challenge"]),
        {"title": "", "summary": "概述", "deadline": "不是日期", "winner_cap": "1"},
    )
    assert response.status_code == 200
    page = response.text
    summary = page[
        page.index("data-error-summary") : page.index("</div>", page.index("data-error-summary"))
    ]
    assert 'href="#id_title"' in summary
    assert 'href="#id_deadline"' in summary
    assert not Call.objects.exists()
