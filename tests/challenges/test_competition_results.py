"""Competitions lead somewhere (以赛促创): when the award becomes final the winners and
finalists are frozen with their rank, score and certificate number; the certificate is
public; an issuer invites a finalist to an open call, carrying its result."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from challenges import services
from challenges.models import (
    ApplicationStatus,
    AssignmentStatus,
    Award,
    CallKind,
    CallStatus,
    CompetitionResult,
    Criterion,
    Distinction,
    Invitation,
    Round,
    Score,
)
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    CallFactory,
    ChainNodeFactory,
    OrganizationFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db


def finished_competition():
    """A competition in its final round, publicity over: three scored finalists, the best
    proposed as the winner; an ineligible application is no finalist."""
    call = CallFactory(
        kind=CallKind.COMPETITION,
        status=CallStatus.PUBLICITY,
        publicity_ends_at=timezone.now() - timedelta(hours=1),
        panel_closed_at=timezone.now() - timedelta(days=2),
        title="创客大赛",
    )
    now = timezone.now()
    Round.objects.create(call=call, position=1, name="初赛", deadline=now - timedelta(days=20))
    final = Round.objects.create(
        call=call, position=2, name="决赛", deadline=now - timedelta(days=5)
    )
    call.current_round = final
    call.save(update_fields=["current_round"])
    criterion = Criterion.objects.create(
        call=call, round=final, name="创新性", weight=Decimal("100"), max_score=Decimal("100")
    )
    scores = {"甲": Decimal("91"), "乙": Decimal("87.5"), "丙": Decimal("70")}
    applications = {}
    for index, (name, value) in enumerate(scores.items()):
        status = ApplicationStatus.SHORTLISTED if index == 0 else ApplicationStatus.ELIGIBLE
        application = ApplicationFactory(
            call=call,
            status=status,
            current_round=final,
            applicant=OrganizationFactory(name=f"{name}公司"),
        )
        for _ in range(3):
            assignment = AssignmentFactory(
                application=application, round=final, status=AssignmentStatus.SUBMITTED
            )
            Score.objects.create(assignment=assignment, criterion=criterion, value=value)
        applications[name] = application
    ApplicationFactory(call=call, status=ApplicationStatus.INELIGIBLE)
    Award.objects.create(call=call, application=applications["甲"])
    return call, applications


def test_finalizing_a_competition_freezes_its_results():
    call, applications = finished_competition()
    services.call_finalize(actor=None, call=call)
    results = list(CompetitionResult.objects.filter(call=call))
    assert [(r.application, r.rank, r.distinction, r.score) for r in results] == [
        (applications["甲"], 1, Distinction.WINNER, Decimal("91.00")),
        (applications["乙"], 2, Distinction.FINALIST, Decimal("87.50")),
        (applications["丙"], 3, Distinction.FINALIST, Decimal("70.00")),
    ]
    assert len({r.code for r in results}) == 3
    assert results[1].code == f"JBGS-{timezone.localdate().year}-{call.pk:06d}-02"
    event = call.events.get(action="competition_results")
    assert event.is_public
    # Nothing twice.
    assert services.competition_results_record(actor=None, call=call) == []


def test_other_calls_get_no_results():
    call = CallFactory(
        status=CallStatus.PUBLICITY, publicity_ends_at=timezone.now() - timedelta(hours=1)
    )
    winner = ApplicationFactory(call=call, status=ApplicationStatus.SHORTLISTED)
    Award.objects.create(call=call, application=winner)
    services.call_finalize(actor=None, call=call)
    assert not CompetitionResult.objects.exists()


def test_the_certificate_page_is_public_and_linked(client):
    call, applications = finished_competition()
    services.call_finalize(actor=None, call=call)
    result = CompetitionResult.objects.get(application=applications["乙"])
    response = client.get(reverse("challenges:certificate", args=[result.code]))
    assert response.status_code == 200
    page = response.content.decode()
    assert f'data-certificate="{result.code}"' in page
    assert 'data-rank="2"' in page
    assert "乙公司" in page
    assert call.issuer.name in page
    unknown = reverse("challenges:certificate", args=["JBGS-1999-000000-01"])
    assert client.get(unknown).status_code == 404
    # The call's results section and the application link to it.
    assert (
        f'data-certificate-link="{result.code}"'
        in client.get(call.get_absolute_url()).content.decode()
    )
    client.force_login(member_of(applications["乙"].applicant))
    page = client.get(applications["乙"].get_absolute_url()).content.decode()
    assert f'data-application-certificate="{result.code}"' in page


def test_an_anonymous_issuer_stays_hidden_on_the_certificate(client):
    call, applications = finished_competition()
    call.anonymous, call.anonymous_label = True, "某链主企业"
    call.save(update_fields=["anonymous", "anonymous_label"])
    services.call_finalize(actor=None, call=call)
    result = CompetitionResult.objects.get(application=applications["甲"])
    page = client.get(reverse("challenges:certificate", args=[result.code])).content.decode()
    assert call.issuer.name not in page
    assert "某链主企业" in page


def test_the_invited_finalist_is_told_its_rank_and_score(django_capture_on_commit_callbacks):
    from notifications.models import Notification

    competition, applications = finished_competition()
    services.call_finalize(actor=None, call=competition)
    result = CompetitionResult.objects.get(application=applications["乙"])
    open_call = CallFactory()
    admin = member_of(applications["乙"].applicant)
    with django_capture_on_commit_callbacks(execute=True):
        services.call_invite_finalist(actor=handler_of(open_call), call=open_call, result=result)
    told = Notification.objects.get(recipient=admin)
    assert told.verb == "call.invited_finalist"
    assert (told.params["rank"], told.params["score"]) == (2, "87.50")
    assert told.params["competition"] == competition.title


def test_inviting_a_finalist_carries_its_rank_and_score(client):
    competition, applications = finished_competition()
    services.call_finalize(actor=None, call=competition)
    result = CompetitionResult.objects.get(application=applications["乙"])
    open_call = CallFactory(industry=None)
    open_call.chain_nodes.set(competition.chain_nodes.all())
    handler = handler_of(open_call)
    client.force_login(handler)
    client.post(
        reverse("challenges:call_invite_finalist", args=[open_call.pk]), {"code": "NO-SUCH"}
    )
    assert not Invitation.objects.filter(call=open_call).exists()
    client.post(
        reverse("challenges:call_invite_finalist", args=[open_call.pk]), {"code": result.code}
    )
    invitation = Invitation.objects.get(call=open_call)
    assert invitation.organization == applications["乙"].applicant
    assert invitation.competition_result == result
    # Once per organization.
    client.post(
        reverse("challenges:call_invite_finalist", args=[open_call.pk]), {"result": result.pk}
    )
    assert Invitation.objects.filter(call=open_call).count() == 1

    invited = member_of(applications["乙"].applicant)
    client.force_login(invited)
    page = client.get(open_call.get_absolute_url()).content.decode()
    assert f'data-finalist-invitation="{invitation.pk}"' in page
    assert "87.50" in page
    assert f'data-certificate-link="{result.code}"' in page

    application = ApplicationFactory(call=open_call, applicant=applications["乙"].applicant)
    client.force_login(handler)
    manage = reverse("challenges:call_manage", args=[open_call.pk]) + "?tab=applications"
    assert f'data-carried-result="{result.pk}"' in client.get(manage).content.decode()
    page = client.get(application.get_absolute_url()).content.decode()
    assert f'data-carried-result="{result.pk}"' in page


def test_related_results_are_offered_to_the_issuer(client):
    competition, applications = finished_competition()
    services.call_finalize(actor=None, call=competition)
    open_call = CallFactory()
    node = ChainNodeFactory()
    competition.chain_nodes.add(node)
    open_call.chain_nodes.add(node)
    client.force_login(handler_of(open_call))
    page = client.get(reverse("challenges:call_manage", args=[open_call.pk])).content.decode()
    result = CompetitionResult.objects.get(application=applications["丙"])
    assert f'data-invitable-result="{result.pk}"' in page
