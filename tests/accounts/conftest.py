import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

PASSWORD = "secret-pass-1"  # what tests.factories.UserFactory sets


@pytest.fixture
def english(client):
    """Read pages in English, the source language, whatever the catalog holds."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def new_client(address: str = "127.0.0.1") -> Client:
    """A browser of its own (own session), at the given network address."""
    browser = Client(REMOTE_ADDR=address)
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return browser


def log_in(client, username: str, password: str = PASSWORD, **extra):
    """Log in through the login page, as a person would (django-axes watches this page)."""
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password}, **extra
    )


def links_in(message) -> list[str]:
    return re.findall(r"https?://\S+", message.body)
