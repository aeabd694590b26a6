"""Changing a password while logged in, and resetting a forgotten one by e-mail."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts import services
from tests.factories import UserFactory

from .conftest import PASSWORD, links_in, log_in, new_client
from .test_login_throttling import lock_out

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
DASHBOARD = reverse("portal:dashboard")
NEW_PASSWORD = "plum-blossom-river-42"


def ask_for_reset(client, email: str):
    return client.post(reverse("accounts:password_reset"), {"email": email})


def reset_link(message) -> str:
    (link,) = links_in(message)
    return link.removeprefix(SITE)


def test_forgotten_password_round_trip_through_the_pages(english):
    user = UserFactory(username="liu", email="liu@example.cn")

    login_page = english.get(reverse("accounts:login")).text
    assert f'href="{reverse("accounts:password_reset")}"' in login_page
    response = ask_for_reset(english, "LIU@example.cn")
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert "Check your mail" in english.get(response["Location"]).text

    (message,) = mail.outbox
    assert message.to == ["liu@example.cn"]
    form_page = english.get(reset_link(message), follow=True)
    assert "Choose a new password" in form_page.text
    set_url = form_page.redirect_chain[-1][0]
    done = english.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == reverse("accounts:password_reset_complete")
    assert "You can log in with it now" in english.get(done["Location"]).text

    assert log_in(english, "liu", PASSWORD).status_code == 200  # the old one no longer works
    assert log_in(english, "liu", NEW_PASSWORD)["Location"] == DASHBOARD
    english.post(reverse("accounts:logout"))
    used = english.get(reset_link(message), follow=True)
    assert "Reset link not valid" in used.text
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_the_reset_page_does_not_tell_whether_an_address_has_an_account(english):
    UserFactory(email="known@example.cn")

    known = ask_for_reset(english, "known@example.cn")
    unknown = ask_for_reset(english, "nobody@example.cn")

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [message.to for message in mail.outbox] == [["known@example.cn"]]


def test_the_reset_mail_is_plain_text_chinese_first():
    UserFactory(username="sun", name="孙丽", email="sun@example.cn")
    ask_for_reset(new_client(), "sun@example.cn")

    (message,) = mail.outbox
    assert message.subject.startswith("重设密码")
    assert not getattr(message, "alternatives", [])  # no HTML part
    body = message.body
    assert "&amp;" not in body and "<" not in body  # not HTML-escaped
    assert body.index("孙丽，您好") < body.index("Hello 孙丽")
    assert body.count("sun") >= 2  # the login name, in both languages


def test_a_reset_lifts_the_lockout_of_the_login_name(english):
    user = UserFactory(email="locked@example.cn")
    lock_out(english, user.username)
    assert log_in(english, user.username).status_code == 429

    ask_for_reset(english, "locked@example.cn")
    set_url = english.get(reset_link(mail.outbox[0]), follow=True).redirect_chain[-1][0]
    english.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert log_in(english, user.username, NEW_PASSWORD)["Location"] == DASHBOARD


def test_changing_the_password_needs_the_old_one(english):
    user = UserFactory()
    log_in(english, user.username)
    url = reverse("accounts:password_change")
    assert f'href="{url}"' in english.get(DASHBOARD).text  # in the user menu

    wrong = english.post(
        url,
        {"old_password": "not-it", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert wrong.status_code == 200
    assert "old_password" in wrong.context["form"].errors
    user.refresh_from_db()
    assert user.check_password(PASSWORD)

    right = english.post(
        url,
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert right["Location"] == reverse("accounts:password_change_done")
    assert english.get(DASHBOARD).status_code == 200  # still logged in
    english.post(reverse("accounts:logout"))
    assert log_in(english, user.username, NEW_PASSWORD)["Location"] == DASHBOARD


def test_a_weak_new_password_shows_the_validators_message(english):
    user = UserFactory()
    log_in(english, user.username)
    response = english.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert response.status_code == 200
    assert "This password is too common." in response.text
    assert "This password is entirely numeric." in response.text
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_changing_the_password_needs_a_login(client):
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_password_service_validates_and_sets_the_password():
    user = UserFactory()
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.user_password_set(user=user, password="123")
    services.user_password_set(user=user, password=NEW_PASSWORD)
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
