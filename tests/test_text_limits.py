"""Every text a user can write has a length limit, checked by the form with a clear message."""

import importlib

import pytest
from django import forms
from django.apps import apps
from django.db import models
from django.urls import reverse

from accounts.models import OrganizationKind
from catalog.models import Product
from tests.factories import OrganizationFactory, member_of

OUR_APPS = (
    "accounts",
    "catalog",
    "challenges",
    "directories",
    "docking",
    "campaigns",
    "centres",
    "chains",
    "verification",
    "notifications",
    "search",
    "reference",
)


def test_every_text_column_has_a_maximum_length():
    unlimited = [
        f"{model._meta.label}.{field.name}"
        for app in OUR_APPS
        for model in apps.get_app_config(app).get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.TextField) and field.max_length is None
    ]
    assert unlimited == []


@pytest.mark.django_db
def test_every_text_field_of_every_form_has_a_maximum_length():
    unlimited = []
    for app in OUR_APPS:
        try:
            module = importlib.import_module(f"{app}.forms")
        except ModuleNotFoundError:
            continue
        for name in dir(module):
            form_class = getattr(module, name)
            if not (isinstance(form_class, type) and issubclass(form_class, forms.BaseForm)):
                continue
            if form_class.__module__ != module.__name__:
                continue  # Django's own forms, imported to subclass
            try:  # fields whose limit is set when the form is built (e.g. the login name)
                fields = form_class().fields
            except (TypeError, ValueError):  # forms that need arguments: declared fields
                fields = form_class.base_fields
            for field_name, field in fields.items():
                if isinstance(field.widget, forms.PasswordInput):
                    continue  # bounded by DATA_UPLOAD_MAX_MEMORY_SIZE; never stored as text
                if isinstance(field, forms.CharField) and field.max_length is None:
                    unlimited.append(f"{app}.forms.{name}.{field_name}")
    assert unlimited == []


@pytest.mark.django_db
def test_a_megabyte_description_is_refused_with_a_message_and_nothing_saved(client):
    client.force_login(member_of(OrganizationFactory(kind=OrganizationKind.SME)))
    response = client.post(
        reverse("catalog:product_create"),
        {"title": "超长描述的产品", "summary": "概述", "description": "长" * 1_000_000},
    )
    assert response.status_code == 200
    assert "10000" in response.text  # the limit, in the field's error
    assert not Product.objects.exists()
