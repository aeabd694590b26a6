"""The expert profile and the password change."""

import pytest
from django.urls import reverse

from tests.accounts.conftest import PASSWORD
from tests.accounts.forms_posted.helpers import url
from tests.factories import ExpertFactory, UserFactory

pytestmark = pytest.mark.django_db


# --- the expert profile --------------------------------------------------------------------


def test_an_expert_updates_the_profile(client):
    expert = ExpertFactory()
    client.force_login(expert.user)

    response = client.post(
        url("expert_profile"),
        {"title": "研究员", "affiliation": "中科院微电子所", "expertise": "封装", "bio": "二十年"},
    )

    assert response["Location"] == reverse("portal:dashboard")
    expert.refresh_from_db()
    assert (expert.title, expert.affiliation) == ("研究员", "中科院微电子所")


def test_a_bad_expert_profile_shows_errors_and_keeps_the_old_one(client):
    expert = ExpertFactory()
    client.force_login(expert.user)

    response = client.post(
        url("expert_profile"), {"title": "职" * 500, "affiliation": "", "expertise": "封装"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    expert.refresh_from_db()
    assert expert.affiliation == "华东半导体研究院"


def test_a_user_who_is_not_an_expert_has_no_expert_profile(client):
    client.force_login(UserFactory())

    response = client.post(url("expert_profile"), {"title": "自封专家", "affiliation": "无"})

    assert response.status_code == 404


# --- the password --------------------------------------------------------------------------


def test_a_user_changes_the_password(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        url("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Hefei-Rui-2025!",
            "new_password2": "Hefei-Rui-2025!",
        },
    )

    assert response["Location"] == url("password_change_done")
    user.refresh_from_db()
    assert user.check_password("Hefei-Rui-2025!")


@pytest.mark.parametrize(
    ("old", "new1", "new2", "field"),
    [
        ("wrong-old-pass", "Hefei-Rui-2025!", "Hefei-Rui-2025!", "old_password"),
        (PASSWORD, "Hefei-Rui-2025!", "Hefei-Rui-2026!", "new_password2"),
        (PASSWORD, "12345678", "12345678", "new_password2"),
    ],
)
def test_a_bad_password_change_shows_the_error_and_keeps_the_old_password(
    client, old, new1, new2, field
):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        url("password_change"),
        {"old_password": old, "new_password1": new1, "new_password2": new2},
    )

    assert response.status_code == 200
    assert field in response.context["form"].errors
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_anonymous_visitors_cannot_change_a_password(client):
    response = client.post(
        url("password_change"),
        {"old_password": PASSWORD, "new_password1": "x-Y-z-123!", "new_password2": "x-Y-z-123!"},
    )

    assert response.status_code == 302
    assert url("login") in response["Location"]
