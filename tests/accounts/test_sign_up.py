"""Sign-up by e-mail activation, which never tells whether an address has an account."""

import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts import services
from accounts.models import User
from tests.factories import UserFactory

from .conftest import links_in, log_in

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
DASHBOARD = reverse("portal:dashboard")


def details(**overrides) -> dict:
    data = {
        "username": "chen",
        "name": "陈思远",
        "email": "Chen@Example.cn",
        "password1": "a-long-passphrase-9",
        "password2": "a-long-passphrase-9",
    }
    data.update(overrides)
    return data


@pytest.fixture
def sign_up(english, django_capture_on_commit_callbacks):
    """Post the sign-up form and let the e-mails go out (they leave after commit)."""

    def post(**overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return english.post(reverse("accounts:sign_up"), details(**overrides))

    return post


def without_csrf(page: str) -> str:
    """The page without its CSRF token, which is masked afresh on every response."""
    return re.sub(r'(csrfmiddlewaretoken" value=|X-CSRFToken": )"[^"]+"', "", page)


def activation_link(message) -> str:
    (link,) = [link for link in links_in(message) if "/accounts/activate/" in link]
    return link.removeprefix(SITE)


def test_sign_up_creates_an_inactive_account_and_mails_the_activation_link(sign_up, english):
    response = sign_up()

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:sign_up_done")
    page = english.get(response["Location"]).text
    assert "Check your mail" in page
    user = User.objects.get(username="chen")
    assert user.email == "chen@example.cn"
    assert not user.is_active
    (message,) = mail.outbox
    assert message.to == ["chen@example.cn"]
    assert "激活账户" in message.subject
    assert activation_link(message)
    assert english.get(DASHBOARD).status_code == 302  # not logged in yet


def test_the_activation_link_and_the_password_activate_and_log_in(sign_up, english):
    sign_up()
    link = activation_link(mail.outbox[0])

    page = english.get(link)
    assert page.status_code == 200
    assert "Activate your account" in page.text
    assert not User.objects.get(username="chen").is_active  # opening the link is not enough

    wrong = english.post(link, {"password": "not-my-password"})
    assert wrong.status_code == 200
    assert "This is not the password chosen when signing up." in wrong.text
    assert not User.objects.get(username="chen").is_active

    response = english.post(link, {"password": "a-long-passphrase-9"})
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    assert User.objects.get(username="chen").is_active
    assert english.get(DASHBOARD).status_code == 200

    english.post(reverse("accounts:logout"))
    used = english.get(link)
    assert used.status_code == 404
    assert "Activation link not valid" in used.text
    assert log_in(english, "chen", "a-long-passphrase-9").status_code == 302


def test_a_forged_or_garbled_activation_link_is_refused(english):
    user = User.objects.create_user(
        username="li", email="li@example.cn", name="李", password="x", is_active=False
    )
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(user.pk))
    for uidb64, token in [(uid, "abc-123"), ("!!", "abc-123"), ("MTIzNDU2Nzg", "abc-123")]:
        url = reverse("accounts:activate", args=[uidb64, token])
        assert english.get(url).status_code == 404
        assert english.post(url, {"password": "x"}).status_code == 404
    user.refresh_from_db()
    assert not user.is_active


def test_an_address_that_has_an_account_gets_the_same_page_and_its_owner_an_e_mail(
    sign_up, english
):
    owner = UserFactory(username="wang", email="taken@example.cn")

    fresh = sign_up(username="someone", email="fresh@example.cn")
    taken = sign_up(username="other", email="TAKEN@example.cn")

    assert (taken.status_code, taken["Location"]) == (fresh.status_code, fresh["Location"])
    assert without_csrf(english.get(taken["Location"]).text) == without_csrf(
        english.get(fresh["Location"]).text
    )
    assert not User.objects.filter(username="other").exists()
    owner.refresh_from_db()
    assert owner.username == "wang" and owner.is_active
    assert owner.check_password("secret-pass-1")

    notice = mail.outbox[-1]
    assert notice.to == ["taken@example.cn"]
    assert "有人用您的邮箱注册" in notice.subject
    assert "wang" in notice.body
    links = [link.removeprefix(SITE) for link in links_in(notice)]
    assert reverse("accounts:login") in links
    assert reverse("accounts:password_reset") in links
    assert not any("/accounts/activate/" in link for link in links)


def test_a_taken_login_name_is_refused_alike_whatever_the_address(sign_up):
    UserFactory(username="chen", email="chen-old@example.cn")

    with_new_address = sign_up(username="Chen", email="new@example.cn")
    with_known_address = sign_up(username="Chen", email="chen-old@example.cn")

    for response in (with_new_address, with_known_address):
        assert response.status_code == 200
        assert response.context["form"].errors == {
            "username": ["This login name is not available. Please choose another."]
        }
    assert mail.outbox == []
    assert User.objects.count() == 1


def test_a_weak_password_is_explained_on_the_sign_up_form(sign_up):
    response = sign_up(password1="12345678", password2="12345678")
    assert response.status_code == 200
    assert "This password is too common." in response.context["form"].errors["password2"]
    assert not User.objects.exists()


def test_logging_in_before_activation_says_to_follow_the_mail_and_sends_it_again(
    sign_up, english, django_capture_on_commit_callbacks
):
    sign_up()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = log_in(english, "chen", "a-long-passphrase-9")
    assert response.status_code == 200
    assert "This account is not activated yet." in response.text
    (message,) = mail.outbox
    assert message.to == ["chen@example.cn"]
    assert (
        english.post(activation_link(message), {"password": "a-long-passphrase-9"})["Location"]
        == DASHBOARD
    )


def test_a_wrong_password_for_an_account_awaiting_activation_says_nothing_more(
    sign_up, english, django_capture_on_commit_callbacks
):
    sign_up()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        pending = log_in(english, "chen", "wrong-password")
        unknown = log_in(english, "nobody", "wrong-password")
    assert "This account is not activated yet." not in pending.text
    assert pending.context["form"].errors == unknown.context["form"].errors
    assert mail.outbox == []


def test_signing_up_again_with_an_address_awaiting_activation_replaces_that_sign_up(
    sign_up, english
):
    # given a stranger signed up first with my address and a password of theirs
    sign_up(
        username="stranger",
        email="me@example.cn",
        password1="strangers-pass-77",
        password2="strangers-pass-77",
    )
    strangers_link = activation_link(mail.outbox[-1])

    # when I sign up with my own login name and password
    sign_up(username="me", email="me@example.cn")

    # then one account awaits activation, with my details; the stranger's link is dead
    account = User.objects.get(email="me@example.cn")
    assert account.username == "me" and not account.is_active
    assert english.get(strangers_link).status_code == 404
    link = activation_link(mail.outbox[-1])
    assert english.post(link, {"password": "strangers-pass-77"}).status_code == 200
    assert not User.objects.get(email="me@example.cn").is_active
    response = english.post(link, {"password": "a-long-passphrase-9"})
    assert response["Location"] == DASHBOARD
    english.post(reverse("accounts:logout"))
    assert log_in(english, "stranger", "strangers-pass-77").status_code == 200


def test_the_service_creates_an_inactive_account_or_nothing(django_capture_on_commit_callbacks):
    UserFactory(username="wang", email="wang@example.cn")
    with django_capture_on_commit_callbacks(execute=True):
        user = services.user_sign_up(
            username="zhao",
            email=" Zhao@Example.cn ",
            name=" 赵 ",
            password="a-long-pass-9",
            site_url=SITE,
        )
        again = services.user_sign_up(
            username="zhao2",
            email="Wang@example.cn",
            name="赵",
            password="a-long-pass-9",
            site_url=SITE,
        )
    assert user.email == "zhao@example.cn" and user.name == "赵" and not user.is_active
    assert again is None
    assert not User.objects.filter(username="zhao2").exists()
    assert [m.to for m in mail.outbox] == [["zhao@example.cn"], ["wang@example.cn"]]
    with pytest.raises(ValidationError) as refused:
        services.user_sign_up(
            username="ZHAO",
            email="x@example.cn",
            name="赵",
            password="a-long-pass-9",
            site_url=SITE,
        )
    assert "username" in refused.value.error_dict


def test_the_activation_service_needs_the_sign_up_password():
    user = services.user_sign_up(
        username="qian",
        email="qian@example.cn",
        name="钱",
        password="a-long-pass-9",
        site_url=SITE,
    )
    from accounts.tokens import activation_token_generator

    token = activation_token_generator.make_token(user)
    with pytest.raises(ValidationError):
        services.user_activate(user=user, token=token, password="guess")
    services.user_activate(user=user, token=token, password="a-long-pass-9")
    user.refresh_from_db()
    assert user.is_active
