"""Money against milestones: tranches tied to milestones never exceed the award, are
released when their milestone is accepted, and are cancelled only with a reason."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib import messages
from django.urls import reverse
from django.utils.translation import gettext

from challenges import services
from challenges.models import (
    Award,
    AwardStatus,
    CallStatus,
    Milestone,
    MilestoneStatus,
    TrancheEvent,
    TrancheStatus,
)
from core.exceptions import InvalidState, NotAllowed
from notifications.models import Notification
from tests.factories import (
    MilestoneFactory,
    OrganizationFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db

AWARD = Decimal("1000000.00")


def awarded(*, milestones=2, amount=AWARD, call_status=CallStatus.IN_PROGRESS):
    """A call in progress with one winner, a final award of ``amount`` and milestones."""
    first = MilestoneFactory(application__call__status=call_status, status=MilestoneStatus.AGREED)
    application = first.application
    others = [
        MilestoneFactory(application=application, status=MilestoneStatus.AGREED)
        for _ in range(milestones - 1)
    ]
    award = Award.objects.create(
        call=application.call, application=application, amount=amount, status=AwardStatus.FINAL
    )
    handler = handler_of(application.call)
    winner = member_of(application.applicant)
    return award, [first, *others], handler, winner


def errors(response) -> list[str]:
    return [str(m) for m in response.context["messages"] if m.level == messages.ERROR]


# --- the service -----------------------------------------------------------------------------


def test_tranches_never_exceed_the_award():
    award, (first, second), handler, _winner = awarded()
    services.tranche_set(actor=handler, milestone=first, amount=Decimal("600000"))
    with pytest.raises(InvalidState) as refused:
        services.tranche_set(actor=handler, milestone=second, amount=Decimal("400000.01"))
    assert "¥400,000.00" in refused.value.message  # the remaining amount is named
    services.tranche_set(actor=handler, milestone=second, amount=Decimal("400000"))
    assert sum(t.amount for t in award.tranches.all()) == AWARD


def test_changing_a_pending_tranche_is_checked_against_the_others_and_recorded():
    _award, (first, second), handler, _winner = awarded()
    services.tranche_set(actor=handler, milestone=first, amount=Decimal("600000"))
    services.tranche_set(actor=handler, milestone=second, amount=Decimal("300000"))
    with pytest.raises(InvalidState):
        services.tranche_set(actor=handler, milestone=second, amount=Decimal("500000"))
    tranche = services.tranche_set(actor=handler, milestone=second, amount=Decimal("400000"))
    assert tranche.amount == Decimal("400000")
    actions = list(tranche.events.values_list("action", "actor", "note"))
    assert actions[0][:2] == ("create", handler.pk)
    assert actions[1][:2] == ("update", handler.pk)
    assert actions[1][2].startswith("¥400,000.00")


@pytest.mark.parametrize("amount", [Decimal("0"), Decimal("-5")])
def test_a_tranche_must_be_positive(amount):
    _award, (first, _second), handler, _winner = awarded()
    with pytest.raises(InvalidState):
        services.tranche_set(actor=handler, milestone=first, amount=amount)
    assert not first.__class__.objects.filter(tranche__isnull=False).exists()


def test_an_accepted_milestone_takes_no_tranche():
    _award, (first, _second), handler, _winner = awarded()
    first.status = MilestoneStatus.ACCEPTED
    first.save()
    with pytest.raises(InvalidState):
        services.tranche_set(actor=handler, milestone=first, amount=Decimal("1000"))


def test_no_tranche_before_the_award_is_final_or_without_amount():
    award, (first, _second), handler, _winner = awarded(amount=None)
    with pytest.raises(InvalidState):
        services.tranche_set(actor=handler, milestone=first, amount=Decimal("1000"))
    award.amount = AWARD
    award.status = AwardStatus.PROPOSED
    award.save()
    with pytest.raises(InvalidState):
        services.tranche_set(actor=handler, milestone=first, amount=Decimal("1000"))


@pytest.mark.parametrize("status", [CallStatus.ACCEPTED, CallStatus.TERMINATED])
def test_no_tranche_once_the_work_is_over(status):
    _award, (first, _second), handler, _winner = awarded(call_status=status)
    with pytest.raises(InvalidState):
        services.tranche_set(actor=handler, milestone=first, amount=Decimal("1000"))


def test_only_the_calls_handlers_set_tranches():
    _award, (first, _second), _handler, winner = awarded()
    for actor in (winner, member_of(OrganizationFactory())):
        with pytest.raises(NotAllowed):
            services.tranche_set(actor=actor, milestone=first, amount=Decimal("1000"))


def test_acceptance_releases_the_tranche_and_records_who_when_and_how_much():
    _award, (first, _second), handler, winner = awarded()
    services.tranche_set(actor=handler, milestone=first, amount=Decimal("250000"))
    first.status = MilestoneStatus.SUBMITTED
    first.save()
    services.milestone_accept(actor=handler, milestone=first)
    tranche = first.__class__.objects.get(pk=first.pk).tranche
    assert tranche.status == TrancheStatus.RELEASED
    assert tranche.released_by == handler
    assert tranche.released_at is not None
    event = tranche.events.get(action="release")
    assert event.actor == handler
    assert event.note == "¥250,000.00"
    told = Notification.objects.get(recipient=winner, verb="tranche.released")
    assert told.params["amount"] == "¥250,000.00"


def test_a_released_tranche_can_no_longer_change_or_be_cancelled():
    _award, (first, _second), handler, _winner = awarded()
    tranche = services.tranche_set(actor=handler, milestone=first, amount=Decimal("1000"))
    first.status = MilestoneStatus.SUBMITTED
    first.save()
    services.milestone_accept(actor=handler, milestone=first)
    with pytest.raises(InvalidState):
        services.tranche_cancel(actor=handler, tranche=tranche, note="取消")


def test_cancel_needs_a_reason_and_frees_the_amount():
    award, (first, second), handler, _winner = awarded()
    tranche = services.tranche_set(actor=handler, milestone=first, amount=AWARD)
    with pytest.raises(InvalidState):
        services.tranche_cancel(actor=handler, tranche=tranche, note="  ")
    services.tranche_cancel(actor=handler, tranche=tranche, note="里程碑调整")
    tranche.refresh_from_db()
    assert tranche.status == TrancheStatus.CANCELLED
    event = TrancheEvent.objects.get(tranche=tranche, action="cancel")
    assert event.actor == handler and "里程碑调整" in event.note and "¥1,000,000.00" in event.note
    services.tranche_set(actor=handler, milestone=second, amount=AWARD)
    assert award.tranches.exclude(status=TrancheStatus.CANCELLED).count() == 1


# --- through the pages -----------------------------------------------------------------------


def test_a_handler_sets_a_tranche_on_the_application_page(client):
    award, (first, _second), handler, _winner = awarded()
    client.force_login(handler)
    page = client.get(first.application.get_absolute_url())
    assert f'data-tranche-of="{first.pk}"' in page.text
    assert reverse("challenges:tranche_set", args=[first.pk]) in page.text
    response = client.post(
        reverse("challenges:tranche_set", args=[first.pk]), {"amount": "300000"}, follow=True
    )
    assert not errors(response)
    assert award.tranches.get().amount == Decimal("300000")
    assert 'data-funds-committed="300000.00"' in response.text
    assert 'data-funds-remaining="700000.00"' in response.text


def test_a_tranche_over_the_award_is_refused_on_the_page(client):
    award, (first, _second), handler, _winner = awarded()
    client.force_login(handler)
    response = client.post(
        reverse("challenges:tranche_set", args=[first.pk]), {"amount": "1000000.01"}, follow=True
    )
    assert errors(response)
    assert not award.tranches.exists()


def test_a_bad_amount_is_refused_with_a_message(client):
    award, (first, _second), handler, _winner = awarded()
    client.force_login(handler)
    response = client.post(
        reverse("challenges:tranche_set", args=[first.pk]), {"amount": "-1"}, follow=True
    )
    assert errors(response)
    assert not award.tranches.exists()


def test_the_winner_sees_the_tranche_but_no_form(client):
    _award, (first, _second), handler, winner = awarded()
    tranche = services.tranche_set(actor=handler, milestone=first, amount=Decimal("5000"))
    client.force_login(winner)
    page = client.get(first.application.get_absolute_url()).text
    assert f'data-tranche="{tranche.pk}"' in page
    assert reverse("challenges:tranche_set", args=[first.pk]) not in page
    response = client.post(
        reverse("challenges:tranche_set", args=[first.pk]), {"amount": "1"}, follow=True
    )
    assert errors(response) == [gettext("Only the call's handlers manage its tranches.")]


def test_outsiders_get_404_on_the_tranche_forms(client):
    _award, (first, _second), handler, _winner = awarded()
    tranche = services.tranche_set(actor=handler, milestone=first, amount=Decimal("5000"))
    client.force_login(member_of(OrganizationFactory()))
    set_url = reverse("challenges:tranche_set", args=[first.pk])
    cancel_url = reverse("challenges:tranche_transition", args=[tranche.pk, "cancel"])
    assert client.post(set_url, {"amount": "1"}).status_code == 404
    assert client.post(cancel_url, {"reason": "x"}).status_code == 404
    tranche.refresh_from_db()
    assert tranche.amount == Decimal("5000") and tranche.status == TrancheStatus.PENDING


def test_a_handler_cancels_a_tranche_with_a_reason_on_the_page(client):
    _award, (first, _second), handler, _winner = awarded()
    tranche = services.tranche_set(actor=handler, milestone=first, amount=Decimal("5000"))
    client.force_login(handler)
    cancel_url = reverse("challenges:tranche_transition", args=[tranche.pk, "cancel"])
    assert cancel_url in client.get(first.application.get_absolute_url()).text
    response = client.post(cancel_url, {"reason": ""}, follow=True)
    assert errors(response) == [gettext("Say why the tranche is cancelled.")]
    client.post(cancel_url, {"reason": "计划调整"})
    tranche.refresh_from_db()
    assert tranche.status == TrancheStatus.CANCELLED
    release_url = reverse("challenges:tranche_transition", args=[tranche.pk, "release"])
    assert client.post(release_url).status_code == 404  # only the acceptance releases


def test_accepting_on_the_page_releases_the_tranche(client):
    _award, (first, _second), handler, _winner = awarded()
    tranche = services.tranche_set(actor=handler, milestone=first, amount=Decimal("5000"))
    first.status = MilestoneStatus.SUBMITTED
    first.save()
    client.force_login(handler)
    response = client.post(
        reverse("challenges:milestone_transition", args=[first.pk, "accept"]), follow=True
    )
    tranche.refresh_from_db()
    assert tranche.status == TrancheStatus.RELEASED
    assert f'data-released-by="{handler.pk}"' in response.text
    assert 'data-funds-released="5000.00"' in response.text
    history = response.text[response.text.index(f'data-tranche-history="{tranche.pk}"') :]
    history = history[: history.index("</details>")]
    assert history.count("<li>") == 2 and "¥5,000.00" in history  # set, then released


def test_the_issuer_workspace_shows_funds_per_awarded_call(client):
    award, (first, second), handler, _winner = awarded()
    services.tranche_set(actor=handler, milestone=first, amount=Decimal("200000"))
    services.tranche_set(actor=handler, milestone=second, amount=Decimal("300000"))
    first.status = MilestoneStatus.SUBMITTED
    first.save()
    services.milestone_accept(actor=handler, milestone=first)
    client.force_login(handler)
    page = client.get(reverse("portal:dashboard")).text
    row = page[page.index(f'data-call-funds="{award.call_id}"') :]
    row = row[: row.index("</tr>")]
    assert 'data-funds-awarded="1000000.00"' in row
    assert 'data-funds-committed="500000.00"' in row
    assert 'data-funds-released="200000.00"' in row
    assert 'data-funds-remaining="500000.00"' in row


def test_a_proposed_milestone_takes_no_tranche_and_can_still_be_removed(client):
    _award, (agreed,), handler, _winner = awarded(milestones=1)
    proposed = MilestoneFactory(application=agreed.application, status=MilestoneStatus.PROPOSED)
    with pytest.raises(InvalidState):
        services.tranche_set(actor=handler, milestone=proposed, amount=Decimal("100000"))
    client.force_login(handler)
    page = client.get(agreed.application.get_absolute_url()).text
    assert reverse("challenges:tranche_set", args=[agreed.pk]) in page
    assert reverse("challenges:tranche_set", args=[proposed.pk]) not in page
    services.milestone_remove(actor=handler, milestone=proposed)
    assert not Milestone.objects.filter(pk=proposed.pk).exists()
