"""The milestones of a winner: proposed, agreed, reported, accepted or returned."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from challenges.models import Application, ApplicationStatus, CallStatus, Milestone, MilestoneStatus
from tests.challenges.forms_posted.helpers import (
    PDF,
    errors_shown,
    login,
    not_a_pdf,
    pdf,
    successes_shown,
    url,
)
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    MilestoneFactory,
    OrganizationFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db


# --- milestones ----------------------------------------------------------------------------


def a_winner(call_status=CallStatus.AWARDED) -> Application:
    call = CallFactory(status=call_status)
    return ApplicationFactory(call=call, status=ApplicationStatus.AWARDED)


def milestone_data(**overrides) -> dict:
    return {
        "title": "样品交付",
        "due_date": (timezone.localdate() + timedelta(days=90)).isoformat(),
        "deliverables": "10套样品及测试报告",
        **overrides,
    }


def test_a_handler_proposes_a_milestone_to_a_winner(client):
    application = a_winner()
    login(client, handler_of(application.call))

    response = client.post(url("milestone_propose", application.pk), milestone_data(), follow=True)

    assert successes_shown(response)
    milestone = Milestone.objects.get(application=application)
    assert (milestone.title, milestone.status) == ("样品交付", MilestoneStatus.PROPOSED)


@pytest.mark.parametrize(
    "overrides",
    [
        {"title": ""},
        {"title": "里" * 121},
        {"due_date": "下个季度"},
        {"due_date": (timezone.localdate() - timedelta(days=1)).isoformat()},
        {"deliverables": ""},
    ],
)
def test_a_bad_milestone_is_explained_and_not_proposed(client, overrides):
    application = a_winner()
    login(client, handler_of(application.call))

    response = client.post(
        url("milestone_propose", application.pk), milestone_data(**overrides), follow=True
    )

    assert errors_shown(response)
    assert not Milestone.objects.exists()


def test_the_winner_cannot_propose_its_own_milestones(client):
    application = a_winner()
    login(client, member_of(application.applicant))

    response = client.post(url("milestone_propose", application.pk), milestone_data(), follow=True)

    assert errors_shown(response)
    assert not Milestone.objects.exists()


def test_an_outsider_cannot_propose_milestones(client):
    application = a_winner()
    login(client, member_of(OrganizationFactory()))

    response = client.post(url("milestone_propose", application.pk), milestone_data())

    assert response.status_code == 404
    assert not Milestone.objects.exists()


def test_the_winner_agrees_a_proposed_milestone(client):
    milestone = MilestoneFactory(application=a_winner())
    login(client, member_of(milestone.application.applicant))

    client.post(url("milestone_transition", milestone.pk, "agree"))

    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.AGREED


def test_a_handler_cannot_agree_in_the_winners_place(client):
    milestone = MilestoneFactory(application=a_winner())
    login(client, handler_of(milestone.application.call))

    response = client.post(url("milestone_transition", milestone.pk, "agree"), follow=True)

    assert errors_shown(response)
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.PROPOSED


def test_a_handler_removes_a_milestone_not_yet_agreed(client):
    milestone = MilestoneFactory(application=a_winner())
    login(client, handler_of(milestone.application.call))

    client.post(url("milestone_transition", milestone.pk, "remove"))

    assert not Milestone.objects.filter(pk=milestone.pk).exists()


def test_an_agreed_milestone_is_not_removed(client):
    milestone = MilestoneFactory(application=a_winner(), status=MilestoneStatus.AGREED)
    login(client, handler_of(milestone.application.call))

    response = client.post(url("milestone_transition", milestone.pk, "remove"), follow=True)

    assert errors_shown(response)
    assert Milestone.objects.filter(pk=milestone.pk).exists()


def test_the_winner_reports_progress_with_a_file(client):
    milestone = MilestoneFactory(
        application=a_winner(CallStatus.IN_PROGRESS), status=MilestoneStatus.AGREED
    )
    login(client, member_of(milestone.application.applicant))

    client.post(
        url("milestone_transition", milestone.pk, "report"),
        {"report": "已交付10套样品", "file": pdf("测试报告.pdf")},
    )

    milestone.refresh_from_db()
    assert (milestone.status, milestone.report) == (MilestoneStatus.SUBMITTED, "已交付10套样品")
    assert milestone.report_file_name == "测试报告.pdf"


@pytest.mark.parametrize("posted", ["no report", "disguised file"])
def test_a_bad_progress_report_is_explained_and_not_recorded(client, posted):
    milestone = MilestoneFactory(
        application=a_winner(CallStatus.IN_PROGRESS), status=MilestoneStatus.AGREED
    )
    login(client, member_of(milestone.application.applicant))
    data = {"report": ""} if posted == "no report" else {"report": "进展", "file": not_a_pdf()}

    response = client.post(url("milestone_transition", milestone.pk, "report"), data, follow=True)

    assert errors_shown(response)
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.AGREED
    assert not milestone.report_file


def test_progress_is_not_reported_before_work_starts(client):
    milestone = MilestoneFactory(application=a_winner(), status=MilestoneStatus.AGREED)
    login(client, member_of(milestone.application.applicant))

    response = client.post(
        url("milestone_transition", milestone.pk, "report"), {"report": "提前汇报"}, follow=True
    )

    assert errors_shown(response)
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.AGREED


def reported_milestone() -> Milestone:
    return MilestoneFactory(
        application=a_winner(CallStatus.IN_PROGRESS),
        status=MilestoneStatus.SUBMITTED,
        report="已交付",
    )


def test_a_handler_accepts_a_reported_milestone(client):
    milestone = reported_milestone()
    login(client, handler_of(milestone.application.call))

    client.post(url("milestone_transition", milestone.pk, "accept"), {"reason": "合格"})

    milestone.refresh_from_db()
    assert (milestone.status, milestone.review_note) == (MilestoneStatus.ACCEPTED, "合格")


def test_returning_a_milestone_needs_a_reason(client):
    milestone = reported_milestone()
    login(client, handler_of(milestone.application.call))

    response = client.post(
        url("milestone_transition", milestone.pk, "return"), {"reason": ""}, follow=True
    )
    assert errors_shown(response)
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.SUBMITTED

    client.post(url("milestone_transition", milestone.pk, "return"), {"reason": "缺测试报告"})
    milestone.refresh_from_db()
    assert (milestone.status, milestone.review_note) == (MilestoneStatus.RETURNED, "缺测试报告")


def test_the_winner_cannot_accept_its_own_milestone(client):
    milestone = reported_milestone()
    login(client, member_of(milestone.application.applicant))

    response = client.post(url("milestone_transition", milestone.pk, "accept"), follow=True)

    assert errors_shown(response)
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.SUBMITTED


@pytest.mark.parametrize(("who", "action"), [("outsider", "accept"), ("handler", "approve")])
def test_outsiders_and_unknown_milestone_actions_are_not_found(client, who, action):
    milestone = reported_milestone()
    actor = {
        "outsider": lambda: member_of(OrganizationFactory()),
        "handler": lambda: handler_of(milestone.application.call),
    }[who]()
    login(client, actor)

    response = client.post(url("milestone_transition", milestone.pk, action))

    assert response.status_code == 404
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.SUBMITTED


def test_the_report_file_is_downloaded_by_the_parties_only(client):
    milestone = reported_milestone()
    milestone.report_file.save("stored.pdf", ContentFile(PDF))
    milestone.report_file_name = "测试报告.pdf"
    milestone.save()
    download = url("milestone_file", milestone.pk)

    login(client, handler_of(milestone.application.call))
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF

    login(client, member_of(milestone.application.applicant))
    assert client.get(download).status_code == 200

    login(client, member_of(OrganizationFactory()))
    assert client.get(download).status_code == 404


def test_a_milestone_without_a_file_has_nothing_to_download(client):
    milestone = reported_milestone()
    login(client, handler_of(milestone.application.call))

    assert client.get(url("milestone_file", milestone.pk)).status_code == 404
