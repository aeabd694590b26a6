"""Campaign pages by persona: the list, forms, screening, batch page and export; who gets
404; refusals change nothing."""

import io
from datetime import timedelta

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns import services
from campaigns.models import Campaign, CampaignKind, CampaignStatus, Submission, SubmissionStatus
from challenges.models import CallStatus
from tests.factories import CallFactory

from .world import campaign_data as _campaign_data
from .world import make_world, open_campaign, submit

pytestmark = pytest.mark.django_db

FORMAT = "%Y-%m-%dT%H:%M"


def _when(days: int) -> str:
    return timezone.localtime(timezone.now() + timedelta(days=days)).strftime(FORMAT)


def test_the_list_is_public_but_drafts_show_only_to_their_organizer(client):
    world = make_world()
    draft = world.campaign
    assert client.get(reverse("campaigns:campaign_detail", args=[draft.pk])).status_code == 404
    page = client.get(reverse("campaigns:campaign_list"))
    assert page.status_code == 200 and f'data-campaign="{draft.pk}"' not in page.text
    client.force_login(world.outsider)
    assert client.get(reverse("campaigns:campaign_detail", args=[draft.pk])).status_code == 404
    client.force_login(world.official)
    assert f'data-campaign="{draft.pk}"' in client.get(reverse("campaigns:campaign_list")).text
    assert client.get(reverse("campaigns:campaign_detail", args=[draft.pk])).status_code == 200
    open_campaign(world)
    client.logout()
    page = client.get(reverse("campaigns:campaign_list"), {"kind": "problems", "status": "open"})
    assert f'data-campaign="{draft.pk}"' in page.text
    page = client.get(reverse("campaigns:campaign_list"), {"kind": "results"})
    assert f'data-campaign="{draft.pk}"' not in page.text
    assert client.get(reverse("campaigns:campaign_detail", args=[draft.pk])).status_code == 200


def test_a_department_member_creates_and_edits_a_campaign_over_http(client):
    world = make_world()
    client.force_login(world.lead_user)
    assert client.get(reverse("campaigns:campaign_create")).status_code == 404
    client.force_login(world.official)
    assert client.get(reverse("campaigns:campaign_create")).status_code == 200
    data = {
        "kind": "problems",
        "title": "新一批难题征集",
        "theme": "工业母机",
        "description": "说明",
        "deadline": _when(5),
        "call_deadline": _when(40),
        "chain_nodes": [world.node.pk],
    }
    response = client.post(reverse("campaigns:campaign_create"), data)
    campaign = Campaign.objects.get(title="新一批难题征集")
    assert response.status_code == 302 and campaign.organizer == world.department
    bad = client.post(
        reverse("campaigns:campaign_create"), {**data, "title": "坏的", "call_deadline": ""}
    )
    assert bad.status_code == 200 and not Campaign.objects.filter(title="坏的").exists()
    edit = reverse("campaigns:campaign_edit", args=[campaign.pk])
    assert client.get(edit).status_code == 200
    client.post(edit, {**data, "theme": "高档数控机床"})
    campaign.refresh_from_db()
    assert campaign.theme == "高档数控机床"
    client.force_login(world.outsider)
    assert client.get(edit).status_code == 404


def test_units_and_moves_over_http(client):
    world = make_world()
    client.force_login(world.official)
    units = reverse("campaigns:campaign_units", args=[world.campaign.pk])
    client.post(
        units,
        {
            "units-unit_0": world.department.pk,
            "units-quota_0": 3,
            "units-unit_1": world.soe.pk,
            "units-quota_1": 2,
        },
    )
    assert world.campaign.units.count() == 2
    client.post(units, {"units-unit_0": world.university.pk, "units-quota_0": 3})
    assert world.campaign.units.count() == 2  # refused: a university recommends nothing
    page = client.get(reverse("campaigns:campaign_detail", args=[world.campaign.pk]))
    assert 'data-move="open"' in page.text and "data-units-form" in page.text
    client.post(reverse("campaigns:campaign_move", args=[world.campaign.pk, "open"]))
    world.campaign.refresh_from_db()
    assert world.campaign.status == CampaignStatus.OPEN
    assert (
        client.post(
            reverse("campaigns:campaign_move", args=[world.campaign.pk, "bogus"])
        ).status_code
        == 404
    )
    client.force_login(world.lead_user)
    assert (
        client.post(
            reverse("campaigns:campaign_move", args=[world.campaign.pk, "screen"])
        ).status_code
        == 404
    )
    client.force_login(world.official)
    client.post(
        reverse("campaigns:campaign_move", args=[world.campaign.pk, "cancel"]), {"reason": ""}
    )
    world.campaign.refresh_from_db()
    assert world.campaign.status == CampaignStatus.OPEN


def test_submitting_and_screening_over_http(client):
    world = make_world()
    open_campaign(world)
    client.force_login(world.lead_user)
    page = client.get(reverse("campaigns:campaign_detail", args=[world.campaign.pk]))
    assert "data-submit" in page.text
    url = reverse("campaigns:submission_create", args=[world.campaign.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "title": "高精度减速器",
            "summary": "寿命不足",
            "indicators": "传动误差，≤1弧分",
            "anonymous_label": "",
        },
    )
    submission = Submission.objects.get(title="高精度减速器")
    assert response.status_code == 302
    detail = reverse("campaigns:submission_detail", args=[submission.pk])
    assert client.get(detail).status_code == 200
    edit = reverse("campaigns:submission_edit", args=[submission.pk])
    assert client.get(edit).status_code == 200
    client.post(
        edit, {"title": "高精度RV减速器", "summary": "寿命不足", "indicators": "传动误差，≤1弧分"}
    )
    submission.refresh_from_db()
    assert submission.title == "高精度RV减速器"
    other = submit(world, user=world.lead2_user, title="另一家的问题")
    assert client.get(reverse("campaigns:submission_detail", args=[other.pk])).status_code == 404
    client.force_login(world.outsider)
    assert client.get(detail).status_code == 404
    assert (
        client.post(url, {"title": "局外人", "summary": "x", "indicators": "a, b"}).status_code
        == 302
    )
    assert not Submission.objects.filter(title="局外人").exists()
    # the organizer screens
    client.force_login(world.official)
    page = client.get(reverse("campaigns:campaign_detail", args=[world.campaign.pk]))
    assert f'data-submission="{submission.pk}"' in page.text and 'data-screen="return"' in page.text
    back = reverse("campaigns:submission_move", args=[submission.pk, "return"])
    client.post(back, {"reason": ""})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED and not submission.events.filter(
        action="return"
    )
    client.post(back, {"reason": "请补充指标"})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.RETURNED
    assert submission.events.get(action="return").actor == world.official
    client.post(reverse("campaigns:submission_move", args=[other.pk, "accept"]))
    merge = reverse("campaigns:submission_move", args=[submission.pk, "merge"])
    client.post(merge, {"target": other.pk, "reason": "同一问题"})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.MERGED and submission.merged_into == other
    client.post(merge, {"target": 999999, "reason": "x"})  # not a choice: a message, nothing else
    # the submitter sees the timeline with who and why
    client.force_login(world.lead_user)
    page = client.get(detail)
    assert "同一问题" in page.text and "data-merged-into" in page.text
    mine = client.get(reverse("campaigns:submissions_of", args=[world.lead.pk]))
    assert f'data-submission="{submission.pk}"' in mine.text
    client.force_login(world.outsider)
    assert client.get(reverse("campaigns:submissions_of", args=[world.lead.pk])).status_code == 404
    # the organization whose submission absorbed it sees its title, not who submitted it
    client.force_login(world.lead2_user)
    target = client.get(reverse("campaigns:submission_detail", args=[other.pk])).text
    assert "data-merged" in target and world.lead.name not in target


def test_the_submitter_withdraws_and_resubmits_over_http(client):
    world = make_world()
    open_campaign(world)
    submission = submit(world)
    services.submission_return(actor=world.official, submission=submission, reason="补充")
    client.force_login(world.lead_user)
    page = client.get(reverse("campaigns:submission_detail", args=[submission.pk]))
    assert 'data-move="resubmit"' in page.text and 'data-move="withdraw"' in page.text
    client.post(reverse("campaigns:submission_move", args=[submission.pk, "resubmit"]))
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    client.post(reverse("campaigns:submission_move", args=[submission.pk, "withdraw"]))
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.WITHDRAWN


def test_publishing_over_http_and_the_public_batch_hides_an_anonymous_issuer(client):
    world = make_world()
    open_campaign(world)
    named = submit(world, title="公开的难题")
    hidden = submit(
        world, user=world.lead2_user, title="匿名的难题", anonymous_label="某新能源整车企业"
    )
    services.campaign_screen(actor=world.official, campaign=world.campaign)
    services.submission_accept(actor=world.official, submission=named)
    services.submission_accept(actor=world.official, submission=hidden)
    client.force_login(world.official)
    response = client.post(reverse("campaigns:campaign_move", args=[world.campaign.pk, "publish"]))
    batch = world.campaign.batches.get()
    assert response.status_code == 302 and response["Location"] == batch.get_absolute_url()
    hidden.refresh_from_db()
    assert hidden.call.status == CallStatus.PUBLISHED
    page = client.get(reverse("campaigns:batch_detail", args=[batch.pk]))
    assert world.lead2.name in page.text  # the organizer sees who submitted
    client.logout()
    page = client.get(reverse("campaigns:batch_detail", args=[batch.pk]))
    assert page.status_code == 200
    assert f'data-call="{hidden.call_id}"' in page.text and "某新能源整车企业" in page.text
    assert world.lead2.name not in page.text and world.lead.name in page.text
    export = client.get(reverse("campaigns:batch_export", args=[batch.pk]))
    book = openpyxl.load_workbook(io.BytesIO(export.content))
    cells = [str(c) for row in book.active.iter_rows(values_only=True) for c in row]
    assert "某新能源整车企业" in cells and "匿名的难题" in cells
    assert world.lead2.name not in cells and world.lead.name in cells
    client.force_login(world.lead2_user)
    assert world.lead2.name in client.get(reverse("campaigns:batch_detail", args=[batch.pk])).text
    # the call page names its batch; a call from no campaign renders as before
    call_page = client.get(reverse("challenges:call_detail", args=[hidden.call_id]))
    assert f'data-call-batch="{batch.pk}"' in call_page.text
    plain = CallFactory()
    call_page = client.get(reverse("challenges:call_detail", args=[plain.pk]))
    assert call_page.status_code == 200 and "data-call-batch" not in call_page.text


def test_a_results_batch_lists_the_results_over_http(client):
    world = make_world(kind=CampaignKind.RESULTS, call_deadline=None)
    open_campaign(world)
    client.force_login(world.professor)
    url = reverse("campaigns:submission_create", args=[world.campaign.pk])
    page = client.get(url)
    assert page.status_code == 200 and world.result.title in page.text
    client.post(url, {"title": "成果推荐", "summary": "可转让", "result": world.result.pk})
    submission = Submission.objects.get(title="成果推荐")
    assert submission.result == world.result
    services.submission_accept(actor=world.official, submission=submission)
    services.campaign_screen(actor=world.official, campaign=world.campaign)
    batch = services.campaign_publish(actor=world.official, campaign=world.campaign)
    client.logout()
    page = client.get(reverse("campaigns:batch_detail", args=[batch.pk]))
    assert f'data-result="{world.result.pk}"' in page.text and world.university.name in page.text
    export = client.get(reverse("campaigns:batch_export", args=[batch.pk]))
    book = openpyxl.load_workbook(io.BytesIO(export.content))
    cells = [str(c) for row in book.active.iter_rows(values_only=True) for c in row]
    assert world.result.title in cells


def test_the_navigation_leads_to_campaigns_and_a_members_submissions(client):
    world = make_world()
    visitor_page = client.get(reverse("portal:home")).text
    assert 'data-nav="campaigns"' in visitor_page
    assert "data-nav-campaign-submissions" not in visitor_page
    client.force_login(world.lead_user)
    page = client.get(reverse("portal:home")).text
    link = reverse("campaigns:submissions_of", args=[world.lead.pk])
    assert "data-nav-campaign-submissions" in page and f'href="{link}"' in page
    assert "data-nav-nominations" in page  # a lead enterprise may be a recommending unit


def test_the_list_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    world = make_world()
    open_campaign(world)
    for number in range(3):
        campaign = services.campaign_create(
            actor=world.official,
            kind=CampaignKind.PROBLEMS,
            data={**_campaign_data(), "title": f"征集{number}"},
        )
        services.campaign_open(actor=world.official, campaign=campaign)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("campaigns:campaign_list"))
    assert page.text.count("data-campaign=") == 4


def test_a_campaign_cancelled_before_it_opened_stays_with_its_organizer(client):
    world = make_world()
    services.campaign_move(
        actor=world.official, campaign=world.campaign, action="cancel", note="方向调整"
    )
    url = reverse("campaigns:campaign_detail", args=[world.campaign.pk])
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
    client.force_login(world.official)
    assert client.get(url).status_code == 200
