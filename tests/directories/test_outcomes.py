"""What a recommendation led to (对接成效): either side records contact, trial, purchase or
contract, supply with a date (not in the future, not before the recommendation), an optional
amount and a note; the other side is told; the detail page shows them as a timeline; the
administrators export every recommendation with its outcomes as xlsx, formulas neutralised.
The workspace links each side to its recommendations."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core.exceptions import NotAllowed
from directories import services
from directories.models import (
    Outcome,
    OutcomeStage,
    Recommendation,
    RecommendationEvent,
)
from notifications.models import Notification

from .test_recommendations import make_entry, make_recipient, told, world

pytestmark = pytest.mark.django_db

__all__ = ["world"]  # the fixture, shared

TODAY = timezone.localdate


def outcome_url(recommendation) -> str:
    return reverse("directories:outcome_create", args=[recommendation.pk])


def detail_url(recommendation) -> str:
    return reverse("directories:recommendation_detail", args=[recommendation.pk])


@pytest.mark.parametrize("side", ["recipient", "firm"])
def test_either_side_records_an_outcome_and_the_other_side_is_told(client, world, side):
    recommendation = world.recommend()
    user = world.recipient_member if side == "recipient" else world.firm_member
    Notification.objects.all().delete()
    client.force_login(user)
    assert "data-outcome-form" in client.get(detail_url(recommendation)).text

    response = client.post(
        outcome_url(recommendation),
        {
            "stage": OutcomeStage.TRIAL,
            "happened_on": TODAY().isoformat(),
            "amount": "12.50",
            "note": "首批样品试用",
        },
    )

    assert response.status_code == 302 and response.url == detail_url(recommendation)
    outcome = Outcome.objects.get()
    organization = world.recipient.organization if side == "recipient" else world.firm
    assert (outcome.stage, outcome.happened_on, outcome.amount, outcome.note) == (
        OutcomeStage.TRIAL,
        TODAY(),
        Decimal("12.50"),
        "首批样品试用",
    )
    assert (outcome.recorded_by, outcome.recorded_for) == (user, organization)
    event = RecommendationEvent.objects.get(recommendation=recommendation, action="outcome")
    assert event.actor == user
    told_now = {n.recipient for n in Notification.objects.filter(verb="recommendation.outcome")}
    if side == "recipient":
        assert told_now == {world.firm_admin}
    else:
        assert told_now == {world.recipient_admin, world.recipient_member}
    page = client.get(detail_url(recommendation)).text
    assert 'data-outcome="trial"' in page and "首批样品试用" in page


@pytest.mark.parametrize(
    ("when", "field"),
    [("tomorrow", "happened_on"), ("before", "happened_on"), ("negative", "amount")],
)
def test_a_bad_date_or_amount_is_refused_on_the_form_and_nothing_changes(
    client, world, when, field
):
    recommendation = world.recommend()
    Recommendation.objects.filter(pk=recommendation.pk).update(
        created_at=timezone.now() - timedelta(days=10)
    )
    happened_on = {
        "tomorrow": TODAY() + timedelta(days=1),
        "before": TODAY() - timedelta(days=11),
        "negative": TODAY(),
    }[when]
    client.force_login(world.recipient_member)
    events = RecommendationEvent.objects.count()
    notifications = Notification.objects.count()

    response = client.post(
        outcome_url(recommendation),
        {
            "stage": OutcomeStage.CONTACT,
            "happened_on": happened_on.isoformat(),
            "amount": "-1" if when == "negative" else "",
        },
    )

    assert response.status_code == 200
    assert field in response.context["outcome_form"].errors
    assert "data-error-summary" in response.text
    assert Outcome.objects.count() == 0
    assert RecommendationEvent.objects.count() == events
    assert Notification.objects.count() == notifications


def test_the_service_refuses_dates_outside_the_window_itself(world):
    recommendation = world.recommend()
    for happened_on in (TODAY() + timedelta(days=1), TODAY() - timedelta(days=1)):
        with pytest.raises(ValidationError) as refusal:
            services.outcome_record(
                actor=world.firm_admin,
                recommendation=recommendation,
                stage=OutcomeStage.CONTACT,
                happened_on=happened_on,
            )
        assert "happened_on" in refusal.value.message_dict
    with pytest.raises(ValidationError):
        services.outcome_record(
            actor=world.firm_admin,
            recommendation=recommendation,
            stage=OutcomeStage.SUPPLY,
            happened_on=TODAY(),
            amount=Decimal("-5"),
        )
    assert Outcome.objects.count() == 0


def test_on_the_day_of_the_recommendation_is_fine(world):
    recommendation = world.recommend()
    outcome = services.outcome_record(
        actor=world.recipient_admin,
        recommendation=recommendation,
        stage=OutcomeStage.CONTACT,
        happened_on=TODAY(),
    )
    assert outcome.amount is None and outcome.recorded_for == world.recipient.organization


@pytest.mark.parametrize("who", ["admin", "outsider"])
def test_only_the_two_sides_record_outcomes(client, world, who):
    recommendation = world.recommend()
    user = getattr(world, who)
    client.force_login(user)
    response = client.post(
        outcome_url(recommendation),
        {"stage": OutcomeStage.CONTACT, "happened_on": TODAY().isoformat()},
    )
    assert response.status_code == (302 if who == "admin" else 404)
    assert Outcome.objects.count() == 0
    with pytest.raises(NotAllowed):
        services.outcome_record(
            actor=user,
            recommendation=recommendation,
            stage=OutcomeStage.CONTACT,
            happened_on=TODAY(),
        )
    assert Outcome.objects.count() == 0


def test_the_firm_page_shows_the_outcomes(client, world):
    recommendation = world.recommend()
    services.outcome_record(
        actor=world.recipient_admin,
        recommendation=recommendation,
        stage=OutcomeStage.CONTRACT,
        happened_on=TODAY(),
        amount=Decimal("300"),
    )
    client.force_login(world.firm_member)
    html = client.get(reverse("directories:recommendations_of_firm", args=[world.firm.pk])).text
    assert 'data-outcome="contract"' in html


# --- the export ----------------------------------------------------------------------------------


def rows_of(response) -> list[list]:
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    return [list(row) for row in book.active.iter_rows(values_only=True)]


def test_the_export_lists_every_outcome_with_its_recommendation_and_neutralises_formulas(
    client, world
):
    recommendation = world.recommend(note="适配")
    services.recommendation_mark_contacted(
        actor=world.recipient_admin, recommendation=recommendation, note='=HYPERLINK("x")'
    )
    for stage, amount, note in (
        (OutcomeStage.CONTACT, None, "首次接洽"),
        (OutcomeStage.CONTRACT, Decimal("120.5"), "=1+1"),
    ):
        services.outcome_record(
            actor=world.firm_admin,
            recommendation=recommendation,
            stage=stage,
            happened_on=TODAY(),
            amount=amount,
            note=note,
        )
    # a recommendation without outcome still has its row
    quiet = services.recommend(
        actor=world.admin, entries=[make_entry(world.version)], recipient=make_recipient()
    )[0]
    client.force_login(world.admin)

    response = client.get(reverse("directories:outcome_export"))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="recommendation-')
    header, *rows = rows_of(response)
    assert len(header) == 13
    ours = [row for row in rows if row[2] == world.entry.title]
    assert len(ours) == 2
    first, second = ours
    assert first[0] == world.version.directory.title and first[1] == 1
    assert first[3] == world.firm.name and first[4] == world.recipient.organization.name
    assert first[8] == '\'=HYPERLINK("x")'  # the feedback note, neutralised
    assert first[12] == "首次接洽" and first[11] is None
    assert second[12] == "'=1+1" and second[11] == pytest.approx(120.5)
    assert next(row for row in rows if row[2] == quiet.entry.title)[9:] == [None, None, None, None]


def test_the_export_takes_the_list_filters(client, world):
    world.recommend()
    client.force_login(world.admin)
    response = client.get(reverse("directories:outcome_export"), {"channel": "acfic"})
    _header, *rows = rows_of(response)
    assert rows == []


# --- the workspace -------------------------------------------------------------------------------


def test_the_workspace_links_each_side_to_its_recommendations(client, world):
    world.recommend()
    dashboard = reverse("portal:dashboard")

    client.force_login(world.recipient_member)
    page = client.get(dashboard).text
    received = reverse(
        "directories:recommendations_received", args=[world.recipient.organization_id]
    )
    assert received in page and 'data-unread="1"' in page

    client.force_login(world.firm_member)
    page = client.get(dashboard).text
    assert reverse("directories:recommendations_of_firm", args=[world.firm.pk]) in page
    assert "data-received" not in page

    client.force_login(world.outsider)
    assert "data-recommendations" not in client.get(dashboard).text
    assert told(world.outsider) == []
