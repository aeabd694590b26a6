"""Participation calls of innovation centres (measure 十四): the call shows its centre, the
centre's page lists its calls with counts, specialised firms get priority at an equal score,
the calls get default bonus rules, and winners become the centre's participants."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import OrganizationKind, QualificationLevel
from centres.models import CentreMember, InnovationCentre, MemberRole
from challenges import selectors, services
from challenges.models import (
    ApplicationStatus,
    AssignmentStatus,
    Award,
    CallKind,
    CallStatus,
    ConsortiumPartner,
    PartnerStatus,
    Score,
)
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    CallFactory,
    CriterionFactory,
    OrganizationFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre():
    return InnovationCentre.objects.create(
        name="国家智能传感器创新中心（示例）", field="智能传感器"
    )


def centre_call(centre, **overrides):
    return CallFactory(kind=CallKind.SELECTION, centre=centre, **overrides)


def test_the_call_page_links_its_centre(client, centre):
    call = centre_call(centre)
    page = client.get(call.get_absolute_url()).text
    assert f'data-call-centre="{centre.pk}"' in page
    assert centre.get_absolute_url() in page


def test_the_centre_panel_lists_open_and_past_calls_with_counts(client, centre):
    open_call = centre_call(centre)
    past = centre_call(
        centre, status=CallStatus.AWARDED, deadline=timezone.now() - timedelta(days=40)
    )
    draft = centre_call(centre, status=CallStatus.DRAFT, published_at=None)
    other = CallFactory(kind=CallKind.SELECTION)
    ApplicationFactory(
        call=open_call, applicant=OrganizationFactory(qualification_level="national")
    )
    ApplicationFactory(call=past, applicant=OrganizationFactory(qualification_level="provincial"))
    ApplicationFactory(call=past)
    ApplicationFactory(call=past, status=ApplicationStatus.DRAFT, submitted_at=None)
    page = client.get(reverse("challenges:centre_calls", args=[centre.pk])).text
    assert f'data-centre-call="{open_call.pk}"' in page
    assert f'data-centre-call="{past.pk}"' in page
    assert f'data-centre-call="{draft.pk}"' not in page
    assert f'data-centre-call="{other.pk}"' not in page
    assert page.index(f'data-centre-call="{open_call.pk}"') < page.index(
        f'data-centre-call="{past.pk}"'
    )
    assert 'data-count-calls="2"' in page
    assert 'data-count-applications="3"' in page
    assert 'data-count-priority="2"' in page
    assert selectors.centre_call_counts(centre) == {
        "calls": 2,
        "applications": 3,
        "priority_applications": 2,
    }


def test_the_panel_of_a_hidden_centre_is_not_found(client, centre):
    centre.is_active = False
    centre.save()
    assert client.get(reverse("challenges:centre_calls", args=[centre.pk])).status_code == 404


# --- default bonus -----------------------------------------------------------------------------


def call_data(**overrides):
    return {
        "title": "智能传感器创新中心成员单位遴选",
        "summary": "遴选MEMS传感器领域成员单位",
        "details": "具备MEMS工艺能力",
        "deadline": timezone.now() + timedelta(days=30),
        "winner_cap": 3,
        **overrides,
    }


def bonus_of(call) -> dict:
    return {rule.condition: rule.points for rule in call.bonus_rules.all()}


def test_a_centre_call_gets_the_default_bonus_rules(centre):
    official = member_of(OrganizationFactory(kind=OrganizationKind.GOVERNMENT))
    call = services.call_create(
        actor=official, kind=CallKind.SELECTION, data=call_data(centre=centre)
    )
    assert bonus_of(call) == {
        "lead_little_giant": Decimal("5"),
        "lead_provincial": Decimal("2"),
    }


def test_a_call_without_centre_gets_only_the_kinds_bonus_until_a_centre_is_set(centre):
    official = member_of(OrganizationFactory(kind=OrganizationKind.GOVERNMENT))
    call = services.call_create(actor=official, kind=CallKind.SELECTION, data=call_data())
    assert bonus_of(call) == {"lead_little_giant": Decimal("5")}
    services.call_bonus_set(
        actor=official, call=call, condition="lead_little_giant", points=Decimal("8")
    )
    services.call_update(actor=official, call=call, data={"centre": centre})
    # The handlers' own rule stays; the missing one is added.
    assert bonus_of(call) == {"lead_little_giant": Decimal("8"), "lead_provincial": Decimal("2")}


# --- priority --------------------------------------------------------------------------------


def scored(call, criterion, applicant, value, submitted_at):
    application = ApplicationFactory(
        call=call, applicant=applicant, status=ApplicationStatus.ELIGIBLE, submitted_at=submitted_at
    )
    assignment = AssignmentFactory(application=application, status=AssignmentStatus.SUBMITTED)
    Score.objects.create(assignment=assignment, criterion=criterion, value=value)
    return application


def tied_applications(call):
    criterion = CriterionFactory(call=call, weight=Decimal("100"))
    now = timezone.now()
    plain = scored(call, criterion, OrganizationFactory(), 80, now - timedelta(days=2))
    srdi = scored(
        call,
        criterion,
        OrganizationFactory(qualification_level=QualificationLevel.PROVINCIAL),
        80,
        now - timedelta(days=1),
    )
    best = scored(call, criterion, OrganizationFactory(), 90, now)
    return plain, srdi, best


def test_specialised_firms_rank_first_at_an_equal_score_in_a_centre_call(client, centre):
    call = centre_call(centre, status=CallStatus.EVALUATING)
    plain, srdi, best = tied_applications(call)
    ranking = selectors.call_ranking(call)
    assert [(r.key, r.rank, r.priority) for r in ranking] == [
        (best, 1, False),
        (srdi, 2, True),
        (plain, 3, False),
    ]
    client.force_login(handler_of(call))
    scores = client.get(reverse("challenges:call_manage", args=[call.pk]), {"tab": "scores"}).text
    assert f'data-priority="{srdi.pk}"' in scores
    assert f'data-priority="{plain.pk}"' not in scores
    listed = client.get(
        reverse("challenges:call_manage", args=[call.pk]), {"tab": "applications"}
    ).text
    assert f'data-priority="{srdi.pk}"' in listed
    assert f'data-priority="{plain.pk}"' not in listed


def test_other_calls_keep_their_ties(client):
    call = CallFactory(kind=CallKind.SELECTION, status=CallStatus.EVALUATING)
    plain, srdi, best = tied_applications(call)
    ranking = selectors.call_ranking(call)
    assert [(r.key, r.rank, r.tied, r.priority) for r in ranking] == [
        (best, 1, False, False),
        (plain, 2, True, False),
        (srdi, 2, True, False),
    ]
    client.force_login(handler_of(call))
    listed = client.get(
        reverse("challenges:call_manage", args=[call.pk]), {"tab": "applications"}
    ).text
    assert "data-priority=" not in listed


# --- participants ---------------------------------------------------------------------------


def test_winners_and_their_partners_become_participants_when_the_award_is_final(client, centre):
    call = centre_call(
        centre,
        status=CallStatus.PUBLICITY,
        publicity_ends_at=timezone.now() - timedelta(hours=1),
        winner_cap=2,
    )
    already = OrganizationFactory()
    CentreMember.objects.create(
        centre=centre, organization=already, role=MemberRole.FOUNDER, joined_on="2024-01-01"
    )
    winner = ApplicationFactory(call=call, status=ApplicationStatus.SHORTLISTED)
    founder_win = ApplicationFactory(
        call=call, applicant=already, status=ApplicationStatus.SHORTLISTED
    )
    partner = OrganizationFactory(kind=OrganizationKind.INSTITUTE)
    ConsortiumPartner.objects.create(
        application=winner,
        organization=partner,
        organization_kind=partner.kind,
        status=PartnerStatus.CONFIRMED,
    )
    declined = OrganizationFactory()
    ConsortiumPartner.objects.create(
        application=winner,
        organization=declined,
        organization_kind=declined.kind,
        status=PartnerStatus.DECLINED,
    )
    loser = ApplicationFactory(call=call, status=ApplicationStatus.ELIGIBLE)
    Award.objects.create(call=call, application=winner)
    Award.objects.create(call=call, application=founder_win)

    services.call_finalize(actor=None, call=call)

    participants = {
        m.organization: m
        for m in CentreMember.objects.filter(centre=centre, role=MemberRole.PARTICIPANT)
    }
    assert set(participants) == {winner.applicant, partner}
    assert all(m.via_call_id == call.pk for m in participants.values())
    assert CentreMember.objects.get(organization=already).role == MemberRole.FOUNDER
    assert not CentreMember.objects.filter(organization=loser.applicant).exists()
    page = client.get(centre.get_absolute_url()).text
    assert 'data-participant-count="2"' in page
    participants_list = page[page.index('data-role="participant"') :]
    assert f'data-member="{winner.applicant.pk}"' in participants_list


def test_finalizing_a_call_without_centre_adds_no_participant():
    call = CallFactory(
        kind=CallKind.SELECTION,
        status=CallStatus.PUBLICITY,
        publicity_ends_at=timezone.now() - timedelta(hours=1),
    )
    winner = ApplicationFactory(call=call, status=ApplicationStatus.SHORTLISTED)
    Award.objects.create(call=call, application=winner)
    services.call_finalize(actor=None, call=call)
    assert not CentreMember.objects.exists()
