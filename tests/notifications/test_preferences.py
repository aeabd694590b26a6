"""Each user chooses, per category of notification, in the platform only, also by e-mail at
once, or a daily digest; a bad choice is refused with a message and changes nothing."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext

from notifications.categories import CATEGORIES
from notifications.models import NotificationPreference
from notifications.selectors import preference_modes
from notifications.services import notification_preferences_set
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PAGE = reverse("notifications:preferences")


def checked(html: str) -> dict[str, str]:
    """The mode ticked for each category on the page."""
    return {
        name: value
        for tag in re.findall(r"<input [^>]*>", html)
        if "checked" in tag
        for name, value in re.findall(r'name="(\w+)" value="(\w+)"', tag)
    }


def every(mode: str) -> dict[str, str]:
    return {category.key: mode for category in CATEGORIES}


def test_the_page_lists_every_category_with_in_the_platform_only_ticked_at_first(client):
    client.force_login(UserFactory())

    response = client.get(PAGE)

    assert response.status_code == 200
    assert checked(response.text) == every("in_app")
    for category in CATEGORIES:
        assert str(category.label) in response.text  # in Chinese once translated
    for _value, label in NotificationPreference.Mode.choices:
        assert str(label) in response.text
    assert "data-no-email" not in response.text


def test_the_notifications_list_and_the_user_menu_link_to_the_page(client):
    client.force_login(UserFactory())

    page = client.get(reverse("notifications:list")).text

    assert "data-notification-preferences-link" in page
    assert "data-nav-notification-preferences" in page
    assert f'href="{PAGE}"' in page


def test_saving_keeps_the_choices_and_shows_them_again(client):
    user = UserFactory()
    client.force_login(user)
    choices = {**every("in_app"), "applications": "immediate", "docking": "digest"}

    response = client.post(PAGE, choices, follow=True)

    assert response.redirect_chain == [(PAGE, 302)]
    assert gettext("Your notification preferences were saved.") in response.text
    assert checked(response.text) == choices
    assert preference_modes(user) == choices


def test_a_mode_that_does_not_exist_is_refused_and_changes_nothing(client):
    user = UserFactory()
    notification_preferences_set(actor=user, modes={"calls": "digest"})
    client.force_login(user)

    response = client.post(PAGE, {**every("immediate"), "reviews": "hourly"})

    assert response.status_code == 200
    assert "data-error-summary" in response.text
    assert 'href="#id_reviews"' in response.text  # the summary links to the field
    assert preference_modes(user) == {**every("in_app"), "calls": "digest"}


def test_a_missing_choice_is_refused_and_changes_nothing(client):
    user = UserFactory()
    client.force_login(user)
    choices = every("digest")
    del choices["campaigns"]

    response = client.post(PAGE, choices)

    assert "data-error-summary" in response.text
    assert NotificationPreference.objects.filter(user=user).count() == 0


def test_the_service_refuses_an_unknown_category_or_mode_as_a_whole():
    user = UserFactory()

    with pytest.raises(ValidationError) as refused:
        notification_preferences_set(
            actor=user, modes={"calls": "digest", "weather": "immediate", "reviews": "x"}
        )

    assert set(refused.value.error_dict) == {"weather", "reviews"}
    assert NotificationPreference.objects.filter(user=user).count() == 0


def test_a_user_without_an_e_mail_address_is_told_nothing_is_e_mailed(client):
    client.force_login(UserFactory(email=""))

    response = client.get(PAGE)

    assert "data-no-email" in response.text


def test_the_page_is_for_signed_in_users_only(client):
    response = client.get(PAGE)

    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
