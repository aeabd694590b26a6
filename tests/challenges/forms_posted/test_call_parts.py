"""The parts of a call (indicators, criteria, rounds, bonus, files) and its handlers."""

from decimal import Decimal

import pytest
from django.core.files.base import ContentFile

from accounts.models import MembershipRole
from challenges.models import (
    BonusRule,
    CallAttachment,
    CallKind,
    Criterion,
    Indicator,
    Round,
    TermsAcceptance,
)
from tests.challenges.forms_posted.helpers import (
    PDF,
    draft_call,
    errors_shown,
    in_days,
    login,
    not_a_pdf,
    pdf,
    url,
)
from tests.factories import (
    CallFactory,
    CriterionFactory,
    IndicatorFactory,
    OrganizationFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db


# --- the parts of a call: indicators, criteria, rounds, bonus, attachments -----------------


def test_a_handler_adds_an_indicator(client):
    call = draft_call()
    login(client, handler_of(call))

    response = client.post(
        url("call_part_add", call.pk, "indicator"),
        {"name": "导通电阻", "target": "≤16", "unit": "mΩ"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == url("call_manage", call.pk)
    assert errors_shown(response) == []
    indicator = Indicator.objects.get(call=call)
    assert (indicator.name, indicator.target, indicator.unit) == ("导通电阻", "≤16", "mΩ")


@pytest.mark.parametrize(
    "posted",
    [
        {"name": "", "target": "≤16"},
        {"name": "导通电阻"},
        {"name": "指" * 121, "target": "≤16"},
        {"name": "导通电阻", "target": "≤16", "unit": "单" * 31},
    ],
)
def test_a_bad_indicator_is_explained_and_not_added(client, posted):
    call = draft_call()
    login(client, handler_of(call))

    response = client.post(url("call_part_add", call.pk, "indicator"), posted, follow=True)

    assert errors_shown(response)
    assert not Indicator.objects.exists()


def test_a_handler_adds_a_criterion(client):
    call = draft_call()
    login(client, handler_of(call))

    response = client.post(
        url("call_part_add", call.pk, "criterion"),
        {"name": "技术方案", "weight": "60", "max_score": "100", "description": "先进性"},
        follow=True,
    )

    assert errors_shown(response) == []
    criterion = Criterion.objects.get(call=call)
    assert (criterion.name, criterion.weight, criterion.max_score) == (
        "技术方案",
        Decimal("60"),
        100,
    )


@pytest.mark.parametrize(
    "posted",
    [
        {"name": "技术方案", "weight": "六十", "max_score": "100"},
        {"name": "技术方案", "weight": "0", "max_score": "100"},
        {"name": "技术方案", "weight": "60", "max_score": "1001"},
        {"name": "", "weight": "60", "max_score": "100"},
        {"name": "评" * 81, "weight": "60", "max_score": "100"},
    ],
)
def test_a_bad_criterion_is_explained_and_not_added(client, posted):
    call = draft_call()
    login(client, handler_of(call))

    response = client.post(url("call_part_add", call.pk, "criterion"), posted, follow=True)

    assert errors_shown(response)
    assert not Criterion.objects.exists()


def test_a_competition_criterion_needs_its_round(client):
    call = draft_call(kind=CallKind.COMPETITION)
    Round.objects.create(call=call, position=1, name="初赛", deadline=call.deadline)
    login(client, handler_of(call))

    response = client.post(
        url("call_part_add", call.pk, "criterion"),
        {"name": "技术方案", "weight": "60", "max_score": "100"},
        follow=True,
    )

    assert errors_shown(response)
    assert not Criterion.objects.exists()


def test_a_handler_adds_a_later_round_to_a_competition(client):
    call = draft_call(kind=CallKind.COMPETITION)
    Round.objects.create(call=call, position=1, name="初赛", deadline=call.deadline)
    login(client, handler_of(call))

    response = client.post(
        url("call_part_add", call.pk, "round"),
        {"name": "决赛", "deadline": in_days(60), "advance_count": "3"},
        follow=True,
    )

    assert errors_shown(response) == []
    final = Round.objects.get(call=call, position=2)
    assert (final.name, final.advance_count) == ("决赛", 3)


@pytest.mark.parametrize(
    "posted",
    [
        {"name": "决赛", "deadline": "下个月"},
        {"name": "", "deadline": in_days(60)},
        {"name": "决赛", "deadline": in_days(60), "advance_count": "0"},
        {"name": "决" * 41, "deadline": in_days(60)},
    ],
)
def test_a_bad_round_is_explained_and_not_added(client, posted):
    call = draft_call(kind=CallKind.COMPETITION)
    Round.objects.create(call=call, position=1, name="初赛", deadline=call.deadline)
    login(client, handler_of(call))

    response = client.post(url("call_part_add", call.pk, "round"), posted, follow=True)

    assert errors_shown(response)
    assert Round.objects.filter(call=call).count() == 1


def test_a_round_ending_before_the_previous_one_is_refused(client):
    call = draft_call(kind=CallKind.COMPETITION)
    Round.objects.create(call=call, position=1, name="初赛", deadline=call.deadline)
    login(client, handler_of(call))

    response = client.post(
        url("call_part_add", call.pk, "round"),
        {"name": "复赛", "deadline": in_days(2)},
        follow=True,
    )

    assert errors_shown(response)
    assert Round.objects.filter(call=call).count() == 1


def test_a_challenge_has_no_rounds(client):
    call = draft_call()
    login(client, handler_of(call))

    response = client.post(
        url("call_part_add", call.pk, "round"),
        {"name": "决赛", "deadline": in_days(60)},
        follow=True,
    )

    assert errors_shown(response)
    assert not Round.objects.exists()


def test_a_handler_sets_and_removes_a_bonus(client):
    call = draft_call()
    login(client, handler_of(call))
    add = url("call_part_add", call.pk, "bonus")

    client.post(add, {"condition": "with_institution", "points": "5"})
    assert BonusRule.objects.get(call=call).points == Decimal("5")

    client.post(add, {"condition": "with_institution", "points": ""})
    assert not BonusRule.objects.filter(call=call).exists()


@pytest.mark.parametrize(
    "posted",
    [
        {"condition": "with_institution", "points": "51"},
        {"condition": "with_institution", "points": "五"},
        {"condition": "lucky_number", "points": "5"},
    ],
)
def test_a_bad_bonus_is_explained_and_not_set(client, posted):
    call = draft_call()
    login(client, handler_of(call))

    response = client.post(url("call_part_add", call.pk, "bonus"), posted, follow=True)

    assert errors_shown(response)
    assert not BonusRule.objects.exists()


def test_a_handler_attaches_a_confidential_file(client):
    call = draft_call()
    login(client, handler_of(call))

    client.post(url("call_part_add", call.pk, "attachment"), {"file": pdf(), "confidential": "on"})

    attachment = CallAttachment.objects.get(call=call)
    assert attachment.confidential
    assert attachment.original_name == "技术说明.pdf"


@pytest.mark.parametrize("upload", ["disguised program", "no file"])
def test_a_bad_call_attachment_is_explained_and_not_stored(client, upload):
    call = draft_call()
    login(client, handler_of(call))
    posted = {"file": not_a_pdf()} if upload == "disguised program" else {}

    response = client.post(url("call_part_add", call.pk, "attachment"), posted, follow=True)

    assert errors_shown(response)
    assert not CallAttachment.objects.exists()


def test_an_unknown_part_is_not_found(client):
    call = draft_call()
    login(client, handler_of(call))

    response = client.post(url("call_part_add", call.pk, "prize"), {"name": "x"})

    assert response.status_code == 404


def test_an_issuer_member_not_handling_the_call_cannot_add_parts(client):
    call = draft_call()
    login(client, member_of(call.issuer, role=MembershipRole.MEMBER))

    response = client.post(
        url("call_part_add", call.pk, "indicator"),
        {"name": "导通电阻", "target": "≤16"},
        follow=True,
    )

    assert errors_shown(response)
    assert not Indicator.objects.exists()


def test_an_outsider_cannot_add_parts_to_a_draft(client):
    call = draft_call()
    login(client, member_of(OrganizationFactory()))

    response = client.post(
        url("call_part_add", call.pk, "indicator"), {"name": "导通电阻", "target": "≤16"}
    )

    assert response.status_code == 404
    assert not Indicator.objects.exists()


def test_parts_of_a_published_call_cannot_be_added(client):
    call = CallFactory()
    login(client, handler_of(call))

    response = client.post(
        url("call_part_add", call.pk, "indicator"),
        {"name": "导通电阻", "target": "≤16"},
        follow=True,
    )

    assert errors_shown(response)
    assert not Indicator.objects.exists()


@pytest.mark.parametrize("part", ["indicator", "criterion", "attachment"])
def test_a_handler_removes_a_part_of_a_draft(client, part):
    call = draft_call()
    item = {
        "indicator": lambda: IndicatorFactory(call=call),
        "criterion": lambda: CriterionFactory(call=call),
        "attachment": lambda: CallAttachment.objects.create(
            call=call, original_name="说明.pdf", file=ContentFile(PDF, name="a.pdf")
        ),
    }[part]()
    login(client, handler_of(call))

    response = client.post(url("call_part_remove", call.pk, part, item.pk), follow=True)

    assert response.redirect_chain[-1][0] == url("call_manage", call.pk)
    assert errors_shown(response) == []
    assert not type(item).objects.filter(pk=item.pk).exists()


def test_the_first_round_of_a_competition_cannot_be_removed(client):
    call = draft_call(kind=CallKind.COMPETITION)
    first = Round.objects.create(call=call, position=1, name="初赛", deadline=call.deadline)
    login(client, handler_of(call))

    response = client.post(url("call_part_remove", call.pk, "round", first.pk), follow=True)

    assert errors_shown(response)
    assert Round.objects.filter(pk=first.pk).exists()


def test_removing_a_part_twice_explains(client):
    call = draft_call()
    indicator = IndicatorFactory(call=call)
    login(client, handler_of(call))
    client.post(url("call_part_remove", call.pk, "indicator", indicator.pk))

    response = client.post(url("call_part_remove", call.pk, "indicator", indicator.pk), follow=True)

    assert errors_shown(response)


def test_a_part_of_another_call_is_not_removed(client):
    call = draft_call()
    other = IndicatorFactory(call=draft_call())
    login(client, handler_of(call))

    response = client.post(url("call_part_remove", call.pk, "indicator", other.pk), follow=True)

    assert errors_shown(response)
    assert Indicator.objects.filter(pk=other.pk).exists()


def test_removing_an_unknown_kind_of_part_is_not_found(client):
    call = draft_call()
    indicator = IndicatorFactory(call=call)
    login(client, handler_of(call))

    response = client.post(url("call_part_remove", call.pk, "bonus", indicator.pk))

    assert response.status_code == 404
    assert Indicator.objects.filter(pk=indicator.pk).exists()


def test_parts_of_a_published_call_are_not_removed(client):
    call = CallFactory()
    indicator = IndicatorFactory(call=call)
    login(client, handler_of(call))

    response = client.post(url("call_part_remove", call.pk, "indicator", indicator.pk), follow=True)

    assert errors_shown(response)
    assert Indicator.objects.filter(pk=indicator.pk).exists()


@pytest.mark.parametrize("who", ["outsider", "issuer member not handling"])
def test_only_handlers_remove_parts(client, who):
    call = draft_call()
    indicator = IndicatorFactory(call=call)
    actor = {
        "outsider": lambda: member_of(OrganizationFactory()),
        "issuer member not handling": lambda: member_of(call.issuer, role=MembershipRole.MEMBER),
    }[who]()
    login(client, actor)

    response = client.post(url("call_part_remove", call.pk, "indicator", indicator.pk))

    assert response.status_code in (302, 404)
    assert Indicator.objects.filter(pk=indicator.pk).exists()


# --- handlers ------------------------------------------------------------------------------


def test_an_issuer_administrator_adds_a_handler(client):
    call = CallFactory()
    colleague = member_of(call.issuer, role=MembershipRole.MEMBER)
    login(client, member_of(call.issuer))

    response = client.post(url("handler_add", call.pk), {"user": colleague.pk})

    assert response["Location"] == url("call_manage", call.pk)
    assert colleague in call.handlers.all()


# --- call attachments ----------------------------------------------------------------------


def test_a_confidential_call_file_is_downloaded_only_after_the_terms(client):
    call = CallFactory(terms="不得向第三方披露。")
    public = CallAttachment.objects.create(
        call=call, original_name="公开.pdf", file=ContentFile(PDF, name="p.pdf")
    )
    secret = CallAttachment.objects.create(
        call=call, original_name="保密.pdf", file=ContentFile(PDF, name="s.pdf"), confidential=True
    )
    organization = OrganizationFactory()
    login(client, member_of(organization))

    assert client.get(url("call_attachment", public.pk)).status_code == 200
    assert client.get(url("call_attachment", secret.pk)).status_code == 404

    TermsAcceptance.objects.create(call=call, organization=organization)
    response = client.get(url("call_attachment", secret.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_the_files_of_a_draft_call_are_hidden_from_outsiders(client):
    attachment = CallAttachment.objects.create(
        call=draft_call(), original_name="草稿.pdf", file=ContentFile(PDF, name="d.pdf")
    )
    login(client, member_of(OrganizationFactory()))

    assert client.get(url("call_attachment", attachment.pk)).status_code == 404
