"""The one mapping from a service's refusal to what the user sees (``core.http``)."""

import pytest
from django import forms
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import RequestFactory

from core.exceptions import DomainError, InvalidState, NotAllowed
from core.http import attempt, run_action


class NameForm(forms.Form):
    name = forms.CharField()


def a_request():
    request = RequestFactory().post("/")
    request._messages = CookieStorage(request)
    return request


def shown(request) -> list[tuple[int, str]]:
    return [(m.level, str(m)) for m in messages.get_messages(request)]


def refuse(error):
    def service():
        raise error

    return service


def bound_form() -> NameForm:
    form = NameForm({"name": "甬晶"})
    assert form.is_valid()
    return form


def test_a_service_that_goes_through_is_told_with_the_success_message():
    request = a_request()

    outcome = run_action(request, lambda: 42, success="已保存。")

    assert outcome
    assert outcome.value == 42
    assert outcome.refusal is None
    assert shown(request) == [(messages.SUCCESS, "已保存。")]


def test_a_success_message_may_be_made_from_what_the_service_returned():
    request = a_request()

    run_action(request, lambda: "甬晶", success=lambda name: f"{name} 已登记。")

    assert shown(request) == [(messages.SUCCESS, "甬晶 已登记。")]


def test_without_a_success_message_nothing_is_shown_when_it_goes_through():
    request = a_request()

    assert run_action(request, lambda: None)
    assert shown(request) == []


@pytest.mark.parametrize("error_class", [DomainError, NotAllowed, InvalidState])
def test_a_refusal_becomes_an_error_message_and_no_success(error_class):
    request = a_request()
    error = error_class("截止时间已过。")

    outcome = run_action(request, refuse(error), success="已提交。")

    assert not outcome
    assert outcome.value is None
    assert outcome.refusal is error
    assert shown(request) == [(messages.ERROR, "截止时间已过。")]


def test_a_refusal_on_a_form_page_is_a_message_and_leaves_the_form_clean():
    request = a_request()
    form = bound_form()

    outcome = run_action(request, refuse(DomainError("无权操作。")), form=form)

    assert not outcome
    assert form.errors == {}
    assert shown(request) == [(messages.ERROR, "无权操作。")]


def test_a_validation_error_goes_onto_the_form_field_by_field():
    request = a_request()
    form = bound_form()
    error = ValidationError({"name": "名称已被使用。", "credit_code": "代码无效。"})

    outcome = run_action(request, refuse(error), success="已保存。", form=form)

    assert not outcome
    assert form.errors["name"] == ["名称已被使用。"]
    # A field the form does not have becomes an error of the whole form.
    assert form.non_field_errors() == ["代码无效。"]
    assert shown(request) == []


def test_a_validation_error_without_a_form_becomes_one_message_per_message():
    request = a_request()
    error = ValidationError({"text": ["太长。"], "call": ["已关闭。"]})

    outcome = run_action(request, refuse(error), success="已提交。")

    assert not outcome
    assert sorted(shown(request)) == [(messages.ERROR, "太长。"), (messages.ERROR, "已关闭。")]


@pytest.mark.parametrize("error", [Http404(), RuntimeError("bug"), KeyError("x")])
def test_every_other_exception_propagates_and_nothing_is_shown(error):
    request = a_request()

    with pytest.raises(type(error)):
        run_action(request, refuse(error), success="已保存。")
    assert shown(request) == []


def test_attempt_catches_refusals_without_showing_anything():
    form = bound_form()

    refused = attempt(refuse(DomainError("不行。")))
    invalid = attempt(refuse(ValidationError({"name": "太短。"})), form=form)

    assert isinstance(refused.refusal, DomainError)
    assert isinstance(invalid.refusal, ValidationError)
    assert form.errors["name"] == ["太短。"]
    assert attempt(lambda: "ok").value == "ok"
