"""Campaign services: drafting, opening, submitting, screening, publishing a batch."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from campaigns import services
from campaigns.models import (
    CampaignKind,
    CampaignStatus,
    Submission,
    SubmissionEvent,
    SubmissionStatus,
)
from challenges.models import CallEvent, CallKind, CallStatus, NominationQuota
from core.exceptions import InvalidState, NotAllowed
from notifications.models import Notification
from tests.factories import ResearchResultFactory

from .world import campaign_data, make_world, open_campaign, problem_data, submit

pytestmark = pytest.mark.django_db


def test_only_a_verified_department_member_creates_a_campaign():
    world = make_world()
    assert world.campaign.status == CampaignStatus.DRAFT
    assert world.campaign.events.filter(action="create", actor=world.official).exists()
    with pytest.raises(NotAllowed):
        services.campaign_create(
            actor=world.lead_user, kind=CampaignKind.PROBLEMS, data=campaign_data()
        )


def test_deadlines_are_checked():
    world = make_world()
    with pytest.raises(ValidationError) as error:
        services.campaign_create(
            actor=world.official,
            kind=CampaignKind.PROBLEMS,
            data=campaign_data(deadline=timezone.now() - timedelta(days=1)),
        )
    assert "deadline" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        services.campaign_create(
            actor=world.official, kind=CampaignKind.DEMANDS, data=campaign_data(call_deadline=None)
        )
    assert "call_deadline" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        services.campaign_create(
            actor=world.official,
            kind=CampaignKind.PROBLEMS,
            data=campaign_data(call_deadline=timezone.now() + timedelta(days=2)),
        )
    assert "call_deadline" in error.value.error_dict
    results = services.campaign_create(
        actor=world.official, kind=CampaignKind.RESULTS, data=campaign_data(call_deadline=None)
    )
    assert results.call_deadline is None


def test_update_only_as_draft():
    world = make_world()
    services.campaign_update(
        actor=world.official, campaign=world.campaign, data=campaign_data(theme="新主题")
    )
    world.campaign.refresh_from_db()
    assert world.campaign.theme == "新主题"
    open_campaign(world)
    with pytest.raises(InvalidState):
        services.campaign_update(actor=world.official, campaign=world.campaign, data={})


def test_units_are_departments_or_large_enterprises_and_recorded():
    world = make_world()
    services.campaign_units_set(
        actor=world.official, campaign=world.campaign, units=[(world.department, 3), (world.soe, 2)]
    )
    assert world.campaign.units.count() == 2
    assert world.campaign.events.filter(action="units").exists()
    with pytest.raises(ValidationError):
        services.campaign_units_set(
            actor=world.official, campaign=world.campaign, units=[(world.university, 1)]
        )
    assert world.campaign.units.count() == 2


def test_submitting_needs_an_open_campaign_and_an_allowed_kind():
    world = make_world()
    with pytest.raises(NotAllowed):
        submit(world)
    open_campaign(world)
    submission = submit(world)
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.events.get(action="create").actor == world.lead_user
    assert Notification.objects.filter(recipient=world.official, verb="campaign.submitted").exists()
    with pytest.raises(NotAllowed):
        submit(world, user=world.outsider)  # an SME does not issue challenge calls
    with pytest.raises(ValidationError):
        submit(world, indicators="没有目标值")


def test_submitting_after_the_deadline_is_refused():
    world = make_world()
    open_campaign(world)
    type(world.campaign).objects.filter(pk=world.campaign.pk).update(
        deadline=timezone.now() - timedelta(minutes=1)
    )
    world.campaign.refresh_from_db()
    with pytest.raises(NotAllowed):
        submit(world)


def test_return_needs_a_reason_and_records_who_when_why():
    world = make_world()
    open_campaign(world)
    submission = submit(world)
    with pytest.raises(InvalidState):
        services.submission_return(actor=world.official, submission=submission, reason="  ")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    services.submission_return(actor=world.official, submission=submission, reason="指标不清晰")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.RETURNED
    assert submission.screened_by == world.official and submission.screening_note == "指标不清晰"
    event = SubmissionEvent.objects.get(submission=submission, action="return")
    assert (event.actor, event.note, event.to_status) == (world.official, "指标不清晰", "returned")
    assert event.created_at is not None
    assert Notification.objects.filter(recipient=world.lead_user, verb="campaign.returned").exists()
    services.submission_resubmit(actor=world.lead_user, submission=submission)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED


def test_only_the_organizer_screens():
    world = make_world()
    open_campaign(world)
    submission = submit(world)
    with pytest.raises(NotAllowed):
        services.submission_accept(actor=world.lead_user, submission=submission)
    with pytest.raises(NotAllowed):
        services.submission_accept(actor=world.outsider, submission=submission)


def test_merge_into_an_accepted_or_submitted_one_of_the_same_campaign():
    world = make_world()
    open_campaign(world)
    first = submit(world)
    second = submit(world, user=world.lead2_user, title="功率模块封装可靠性")
    returned = submit(world, title="被退回的")
    services.submission_return(actor=world.official, submission=returned, reason="重复")
    with pytest.raises(InvalidState):
        services.submission_merge(
            actor=world.official, submission=second, target=returned, reason="同一问题"
        )
    with pytest.raises(InvalidState):
        services.submission_merge(actor=world.official, submission=second, target=first, reason="")
    services.submission_merge(
        actor=world.official, submission=second, target=first, reason="同一问题"
    )
    second.refresh_from_db()
    assert second.status == SubmissionStatus.MERGED and second.merged_into == first
    assert Notification.objects.filter(recipient=world.lead2_user, verb="campaign.merged").exists()
    with pytest.raises(InvalidState):  # a merged one is no target
        services.submission_merge(
            actor=world.official, submission=first, target=second, reason="反向"
        )
    with pytest.raises(InvalidState):  # others were merged into it: it stays
        services.submission_withdraw(actor=world.lead_user, submission=first)


def _publishable(world, nomination=True):
    if nomination:
        services.campaign_update(
            actor=world.official,
            campaign=world.campaign,
            data=campaign_data(requires_nomination=True),
            chain_nodes=[world.node],
        )
        services.campaign_units_set(
            actor=world.official,
            campaign=world.campaign,
            units=[(world.department, 3), (world.soe, 2)],
        )
    open_campaign(world)
    plain = submit(world, amount=500000)
    anonymous = submit(
        world, user=world.lead2_user, title="电池热失控预警", anonymous_label="某动力电池企业"
    )
    merged = submit(world, title="功率模块封装（重复）")
    returned = submit(world, title="不成熟的问题")
    services.campaign_screen(actor=world.official, campaign=world.campaign)
    services.submission_accept(actor=world.official, submission=plain)
    services.submission_accept(actor=world.official, submission=anonymous)
    services.submission_merge(actor=world.official, submission=merged, target=plain, reason="重复")
    services.submission_return(actor=world.official, submission=returned, reason="不成熟")
    return plain, anonymous, merged, returned


def test_publish_needs_an_accepted_submission():
    world = make_world()
    open_campaign(world)
    services.campaign_screen(actor=world.official, campaign=world.campaign)
    with pytest.raises(InvalidState):
        services.campaign_publish(actor=world.official, campaign=world.campaign)
    world.campaign.refresh_from_db()
    assert world.campaign.status == CampaignStatus.SCREENING
    assert not world.campaign.batches.exists()


def test_publish_makes_the_batch_and_published_calls():
    world = make_world()
    plain, anonymous, merged, returned = _publishable(world)
    batch = services.campaign_publish(actor=world.official, campaign=world.campaign)
    world.campaign.refresh_from_db()
    assert world.campaign.status == CampaignStatus.PUBLISHED
    assert batch.number == 1 and world.campaign.title in batch.title
    plain.refresh_from_db()
    anonymous.refresh_from_db()
    merged.refresh_from_db()
    returned.refresh_from_db()
    assert plain.status == anonymous.status == SubmissionStatus.PUBLISHED
    assert plain.batch == anonymous.batch == batch
    assert merged.status == SubmissionStatus.MERGED and merged.call is None
    assert returned.status == SubmissionStatus.RETURNED and returned.batch is None
    call = plain.call
    assert call.status == CallStatus.PUBLISHED and call.kind == CallKind.CHALLENGE
    assert call.issuer == world.lead and list(call.handlers.all()) == [world.lead_user]
    assert call.deadline == world.campaign.call_deadline and call.published_at is not None
    assert call.amount == 500000 and not call.anonymous
    assert [(i.name, i.target) for i in call.indicators.all()] == [
        ("功率循环寿命", "≥10万次"),
        ("结壳热阻", "≤0.1K/W"),
    ]
    assert list(call.chain_nodes.all()) == [world.node]
    assert call.requires_nomination
    assert {(q.unit, q.quota) for q in NominationQuota.objects.filter(call=call)} == {
        (world.department, 3),
        (world.soe, 2),
    }
    assert set(CallEvent.objects.filter(call=call).values_list("action", flat=True)) == {
        "create",
        "publish",
    }
    assert CallEvent.objects.get(call=call, action="publish").is_public
    other = anonymous.call
    assert other.anonymous and other.anonymous_label == "某动力电池企业"
    assert other.issuer == world.lead2
    assert SubmissionEvent.objects.filter(submission=plain, action="publish").exists()
    assert Notification.objects.filter(
        recipient=world.lead_user, verb="campaign.published"
    ).exists()


def test_results_campaign_lists_the_results():
    world = make_world(kind=CampaignKind.RESULTS, call_deadline=None)
    open_campaign(world)
    with pytest.raises(NotAllowed):
        submit(world)  # a lead enterprise without a published result
    submission = services.submission_create(
        actor=world.professor,
        campaign=world.campaign,
        data={"title": "成果", "summary": "概述"},
        result=world.result,
    )
    services.submission_accept(actor=world.official, submission=submission)
    services.campaign_screen(actor=world.official, campaign=world.campaign)
    batch = services.campaign_publish(actor=world.official, campaign=world.campaign)
    submission.refresh_from_db()
    assert submission.batch == batch and submission.call is None
    assert submission.result == world.result


def test_a_result_must_be_the_organizations_own():
    world = make_world(kind=CampaignKind.RESULTS, call_deadline=None)
    open_campaign(world)
    foreign = ResearchResultFactory(status="published")
    with pytest.raises(ValidationError):
        services.submission_create(
            actor=world.professor,
            campaign=world.campaign,
            data={"title": "成果", "summary": "概述"},
            result=foreign,
        )
    assert not Submission.objects.exists()


def test_the_scheduler_moves_due_campaigns_to_screening():
    world = make_world()
    open_campaign(world)
    assert services.campaigns_screen_due() == 0
    later = timezone.now() + timedelta(days=11)
    assert services.campaigns_screen_due(now=later) == 1
    world.campaign.refresh_from_db()
    assert world.campaign.status == CampaignStatus.SCREENING
    event = world.campaign.events.get(action="screen")
    assert event.actor is None
    from config.celery import app

    tasks = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert "campaigns.tasks.screen_due_campaigns" in tasks


def test_cancel_tells_the_submitters():
    world = make_world()
    open_campaign(world)
    submit(world)
    with pytest.raises(InvalidState):
        services.campaign_cancel(actor=world.official, campaign=world.campaign, reason="")
    services.campaign_cancel(actor=world.official, campaign=world.campaign, reason="政策调整")
    world.campaign.refresh_from_db()
    assert world.campaign.status == CampaignStatus.CANCELLED
    assert world.campaign.status_note == "政策调整"
    assert Notification.objects.filter(
        recipient=world.lead_user, verb="campaign.cancelled"
    ).exists()


def test_problem_data_defaults_are_valid():
    assert problem_data()["indicators"]


def test_a_demands_campaign_takes_smes_and_publishes_rnd_demands():
    world = make_world(kind=CampaignKind.DEMANDS)
    open_campaign(world)
    with pytest.raises(NotAllowed):
        submit(world)  # a lead enterprise issues no R&D demand
    demand = submit(world, user=world.outsider, title="高纯电子气体纯化工艺需求")
    services.submission_accept(actor=world.official, submission=demand)
    services.campaign_screen(actor=world.official, campaign=world.campaign)
    services.campaign_publish(actor=world.official, campaign=world.campaign)
    demand.refresh_from_db()
    assert demand.call.kind == CallKind.RND_DEMAND
    assert demand.call.status == CallStatus.PUBLISHED
    assert not demand.call.requires_nomination
    assert not NominationQuota.objects.filter(call=demand.call).exists()
