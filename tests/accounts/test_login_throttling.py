"""Wrong passwords slow a guesser down for one login name at one address, for a while."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.urls import reverse

from tests.factories import UserFactory

from .conftest import PASSWORD, log_in, new_client

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("portal:dashboard")


def lock_out(client, username: str, **extra):
    """Enter the wrong password five times; return the fifth response."""
    for attempt in range(4):
        response = log_in(client, username, "wrong-password", **extra)
        assert response.status_code == 200, attempt
        assert response.context["form"].errors
    return log_in(client, username, "wrong-password", **extra)


def test_five_wrong_passwords_lock_the_login_and_even_the_right_one_is_refused(english):
    user = UserFactory(username="zhangwei")

    fifth = lock_out(english, user.username)
    assert fifth.status_code == 429
    assert "accounts/locked_out.html" in [t.name for t in fifth.templates]

    response = log_in(english, user.username, PASSWORD)
    assert response.status_code == 429
    page = response.text
    assert "Too many wrong passwords" in page
    assert "The wrong password was entered 5 times in a row for the login name “zhangwei”" in page
    assert "Please try again in 15 minutes" in page
    assert f'href="{reverse("accounts:password_reset")}"' in page
    assert english.get(DASHBOARD).status_code == 302  # not logged in


def test_the_locked_out_page_says_when_to_try_again(english, settings):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=1)
    user = UserFactory()
    response = lock_out(english, user.username)
    assert "Please try again in 1 minute, after " in response.text


def test_the_same_login_from_another_address_still_works():
    user = UserFactory()
    lock_out(new_client("10.0.0.1"), user.username, REMOTE_ADDR="10.0.0.1")

    elsewhere = new_client("10.0.0.2")
    response = log_in(elsewhere, user.username, REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    assert elsewhere.get(DASHBOARD).status_code == 200


def test_another_login_from_the_same_address_still_works():
    locked, colleague = UserFactory(), UserFactory()
    lock_out(new_client("10.0.0.1"), locked.username, REMOTE_ADDR="10.0.0.1")

    same_office = new_client("10.0.0.1")
    response = log_in(same_office, colleague.username, REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 302
    assert same_office.get(DASHBOARD).status_code == 200


def test_the_login_works_again_after_the_cool_off(english):
    user = UserFactory()
    lock_out(english, user.username)

    # 14 minutes later: still waiting
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=14))
    assert log_in(english, user.username).status_code == 429

    # (that attempt started the wait again) 16 minutes later: in
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))
    response = log_in(english, user.username)
    assert response.status_code == 302
    assert english.get(DASHBOARD).status_code == 200


def test_a_successful_login_forgets_earlier_mistakes(english):
    user = UserFactory()
    for _ in range(4):
        log_in(english, user.username, "wrong-password")
    assert log_in(english, user.username).status_code == 302
    english.post(reverse("accounts:logout"))
    for _ in range(4):
        assert log_in(english, user.username, "wrong-password").status_code == 200
    assert log_in(english, user.username).status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_lockout(english):
    user = UserFactory()
    lock_out(english, user.username)

    response = log_in(english, user.username, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert response.status_code == 429
