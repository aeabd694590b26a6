"""The two sides of a recommendation and the administrators' list: the recipient sees only
what was addressed to it, opening one marks it viewed (once), answers it (a reason required
for "not relevant") and invites the firm to one of its calls; the firm sees to whom it was
recommended; administrators see everything; anyone else gets 404 and nothing changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import MembershipRole
from challenges.models import CallEvent, CallStatus, Invitation
from core.exceptions import InvalidState, NotAllowed
from directories import services
from directories.models import (
    Channel,
    OutcomeStage,
    Recommendation,
    RecommendationEvent,
    RecommendationStatus,
)
from notifications.models import Notification
from tests.factories import (
    CallFactory,
    ChainNodeFactory,
    PublishedProductFactory,
    handler_of,
    member_of,
)

from .test_recommendations import (
    make_entry,
    make_recipient,
    make_version,
    shown,
    told,
    world,
)

pytestmark = pytest.mark.django_db

__all__ = ["world"]  # the fixture, shared


def detail_url(recommendation) -> str:
    return reverse("directories:recommendation_detail", args=[recommendation.pk])


def move_url(recommendation, action: str) -> str:
    return reverse("directories:recommendation_move", args=[recommendation.pk, action])


def received_url(organization) -> str:
    return reverse("directories:recommendations_received", args=[organization.pk])


def of_firm_url(organization) -> str:
    return reverse("directories:recommendations_of_firm", args=[organization.pk])


def snapshot(recommendation) -> tuple:
    recommendation.refresh_from_db()
    return (
        recommendation.status,
        recommendation.feedback_note,
        recommendation.feedback_by_id,
        recommendation.invitation_id,
        RecommendationEvent.objects.filter(recommendation=recommendation).count(),
        recommendation.outcomes.count(),
        Notification.objects.count(),
    )


# --- the recipient's side ----------------------------------------------------------------------


def test_the_recipient_sees_only_what_was_addressed_to_it_with_unread_ones_marked(client, world):
    mine = world.recommend()
    read = services.recommend(
        actor=world.admin, entries=[make_entry(world.version)], recipient=world.recipient
    )[0]
    Recommendation.objects.filter(pk=read.pk).update(status=RecommendationStatus.VIEWED)
    elsewhere = services.recommend(
        actor=world.admin, entries=[make_entry(world.version)], recipient=make_recipient()
    )[0]
    client.force_login(world.recipient_member)

    html = client.get(received_url(world.recipient.organization)).text

    assert f'data-recommendation="{mine.pk}" data-unread' in html
    assert f'data-recommendation="{read.pk}">' in html
    assert f'data-recommendation="{elsewhere.pk}"' not in html
    filtered = client.get(received_url(world.recipient.organization), {"status": "viewed"}).text
    assert f'data-recommendation="{mine.pk}"' not in filtered
    assert f'data-recommendation="{read.pk}"' in filtered


def test_opening_it_marks_it_viewed_once_through_the_engine(client, world):
    recommendation = world.recommend()
    client.force_login(world.recipient_member)

    for _ in range(2):
        page = client.get(detail_url(recommendation))
        assert page.status_code == 200

    recommendation.refresh_from_db()
    assert recommendation.status == RecommendationStatus.VIEWED
    views = RecommendationEvent.objects.filter(recommendation=recommendation, action="view")
    assert [(event.actor, event.from_status, event.to_status) for event in views] == [
        (world.recipient_member, "sent", "viewed")
    ]
    assert 'data-status="viewed"' in page.text
    # the service alone is idempotent as well
    services.recommendation_view(actor=world.recipient_admin, recommendation=recommendation)
    assert views.count() == 1


@pytest.mark.parametrize("who", ["admin", "firm_admin", "firm_member"])
def test_opening_it_as_anyone_else_leaves_it_unread(client, world, who):
    recommendation = world.recommend()
    client.force_login(getattr(world, who))
    assert client.get(detail_url(recommendation)).status_code == 200
    recommendation.refresh_from_db()
    assert recommendation.status == RecommendationStatus.SENT
    with pytest.raises(NotAllowed):
        services.recommendation_view(actor=getattr(world, who), recommendation=recommendation)


@pytest.mark.parametrize("action", ["interested", "contacted"])
def test_the_recipient_answers_and_the_administrator_and_the_firm_are_told(client, world, action):
    recommendation = world.recommend()
    Notification.objects.all().delete()
    client.force_login(world.recipient_member)
    page = client.get(detail_url(recommendation)).text
    assert move_url(recommendation, action) in page

    response = client.post(move_url(recommendation, action), {"reason": "下周约技术交流"})

    assert response.status_code == 302 and response.url == detail_url(recommendation)
    recommendation.refresh_from_db()
    assert recommendation.status == action
    assert recommendation.feedback_by == world.recipient_member
    assert recommendation.feedback_at is not None
    assert recommendation.feedback_note == "下周约技术交流"
    event = RecommendationEvent.objects.get(recommendation=recommendation, action=action)
    assert (event.actor, event.note) == (world.recipient_member, "下周约技术交流")
    for user in (world.admin, world.firm_admin):
        (notification,) = told(user)
        assert notification.verb == f"recommendation.{action}"
        assert notification.url == detail_url(recommendation)
    assert told(world.firm_member) == [] and told(world.recipient_admin) == []


def test_not_relevant_needs_a_reason_and_without_one_nothing_changes(client, world):
    recommendation = world.recommend()
    client.force_login(world.recipient_member)
    client.get(detail_url(recommendation))
    before = snapshot(recommendation)

    response = client.post(move_url(recommendation, "not_relevant"), {"reason": "  "}, follow=True)

    assert snapshot(recommendation) == before
    messages = [str(m) for m in response.context["messages"]]
    assert (
        shown("Say briefly why it is not relevant, so the next recommendation fits better.")
        in messages
    )

    client.post(move_url(recommendation, "not_relevant"), {"reason": "与我集团产线无关"})

    recommendation.refresh_from_db()
    assert recommendation.status == RecommendationStatus.NOT_RELEVANT
    assert recommendation.feedback_note == "与我集团产线无关"
    assert {
        n.recipient for n in Notification.objects.filter(verb="recommendation.not_relevant")
    } == {
        world.admin,
        world.firm_admin,
    }


def test_the_firm_sees_the_answer_but_not_the_reason(client, world):
    recommendation = world.recommend()
    services.recommendation_mark_not_relevant(
        actor=world.recipient_member, recommendation=recommendation, note="暂不采购"
    )
    client.force_login(world.firm_member)
    page = client.get(detail_url(recommendation)).text
    assert 'data-status="not_relevant"' in page and "暂不采购" not in page
    assert "data-feedback>" not in page  # no answer buttons for the firm
    client.force_login(world.admin)
    assert "暂不采购" in client.get(detail_url(recommendation)).text


@pytest.mark.parametrize("who", ["admin", "firm_admin", "outsider"])
def test_only_the_recipient_answers(client, world, who):
    recommendation = world.recommend()
    user = getattr(world, who)
    client.force_login(user)
    before = snapshot(recommendation)

    response = client.post(move_url(recommendation, "interested"))

    assert response.status_code == (404 if who == "outsider" else 302)
    assert snapshot(recommendation) == before
    with pytest.raises(NotAllowed):
        services.recommendation_mark_interested(actor=user, recommendation=recommendation)


def test_an_unknown_move_is_not_found(client, world):
    recommendation = world.recommend()
    client.force_login(world.recipient_member)
    assert client.post(move_url(recommendation, "accept")).status_code == 404


def test_answering_the_same_twice_is_refused(world):
    recommendation = world.recommend()
    services.recommendation_mark_contacted(
        actor=world.recipient_admin, recommendation=recommendation
    )
    with pytest.raises(InvalidState):
        services.recommendation_mark_contacted(
            actor=world.recipient_admin, recommendation=recommendation
        )


# --- invitation to one of the recipient's calls ---------------------------------------------


def test_the_recipient_invites_the_firm_to_one_of_its_calls(client, world):
    recommendation = world.recommend()
    call = CallFactory(issuer=world.recipient.organization, title="电驱模块攻关榜")
    CallFactory(issuer=world.recipient.organization, status=CallStatus.DRAFT, title="草稿榜")
    handler = handler_of(call)
    Notification.objects.all().delete()
    client.force_login(handler)
    page = client.get(detail_url(recommendation)).text
    assert "data-invite-form" in page and "电驱模块攻关榜" in page and "草稿榜" not in page

    response = client.post(
        reverse("directories:recommendation_invite", args=[recommendation.pk]), {"call": call.pk}
    )

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.call, invitation.organization, invitation.invited_by) == (
        call,
        world.firm,
        handler,
    )
    recommendation.refresh_from_db()
    assert recommendation.invitation == invitation
    event = RecommendationEvent.objects.get(recommendation=recommendation, action="invited")
    assert (event.actor, event.note) == (handler, call.title)
    assert CallEvent.objects.filter(call=call, action="invited").exists()
    assert {n.recipient for n in Notification.objects.filter(verb="call.invited")} == {
        world.firm_admin
    }
    assert [n.verb for n in told(world.admin)] == ["recommendation.invited"]
    assert "data-invitation" in client.get(detail_url(recommendation)).text


def test_a_member_who_handles_no_open_call_cannot_invite(client, world):
    recommendation = world.recommend()
    call = CallFactory(issuer=world.recipient.organization)
    client.force_login(world.recipient_member)
    page = client.get(detail_url(recommendation)).text
    assert "data-invite-form" not in page

    response = client.post(
        reverse("directories:recommendation_invite", args=[recommendation.pk]),
        {"call": call.pk},
        follow=True,
    )

    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert Invitation.objects.count() == 0
    with pytest.raises(NotAllowed):
        services.recommendation_invite(
            actor=world.recipient_member, recommendation=recommendation, call=call
        )
    assert Invitation.objects.count() == 0 and recommendation.invitation is None


def test_the_firm_cannot_invite_and_another_organizations_call_is_refused(world):
    recommendation = world.recommend()
    other_call = CallFactory()
    with pytest.raises(NotAllowed):
        services.recommendation_invite(
            actor=world.firm_admin, recommendation=recommendation, call=other_call
        )
    with pytest.raises(InvalidState):
        services.recommendation_invite(
            actor=world.recipient_admin, recommendation=recommendation, call=other_call
        )
    assert Invitation.objects.count() == 0


def test_inviting_twice_to_the_same_call_is_refused_by_the_call_engine(world):
    recommendation = world.recommend()
    call = CallFactory(issuer=world.recipient.organization)
    services.recommendation_invite(
        actor=world.recipient_admin, recommendation=recommendation, call=call
    )
    with pytest.raises(InvalidState):
        services.recommendation_invite(
            actor=world.recipient_admin, recommendation=recommendation, call=call
        )
    assert Invitation.objects.count() == 1
    assert RecommendationEvent.objects.filter(action="invited").count() == 1


# --- the firm's side -----------------------------------------------------------------------------


def test_the_firm_sees_to_whom_it_was_recommended(client, world):
    recommendation = world.recommend()
    other_firm = make_entry(world.version)
    not_ours = services.recommend(
        actor=world.admin, entries=[other_firm], recipient=world.recipient
    )[0]
    client.force_login(world.firm_member)

    html = client.get(of_firm_url(world.firm)).text

    assert f'data-recommendation="{recommendation.pk}"' in html
    assert world.recipient.organization.name in html
    assert f'data-recommendation="{not_ours.pk}"' not in html


# --- visibility ----------------------------------------------------------------------------------


PAGES = ["detail", "received", "of_firm"]


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("admin", {"detail"}),
        ("recipient_admin", {"detail", "received"}),
        ("recipient_member", {"detail", "received"}),
        ("firm_admin", {"detail", "of_firm"}),
        ("firm_member", {"detail", "of_firm"}),
        ("outsider", set()),
        ("other_recipient", set()),
    ],
)
def test_each_persona_sees_only_its_own(client, world, who, allowed):
    recommendation = world.recommend()
    if who == "other_recipient":
        user = member_of(make_recipient().organization)
    else:
        user = getattr(world, who)
    client.force_login(user)
    urls = {
        "detail": detail_url(recommendation),
        "received": received_url(world.recipient.organization),
        "of_firm": of_firm_url(world.firm),
    }
    before = (
        snapshot(recommendation) if who not in ("recipient_admin", "recipient_member") else None
    )
    for page, url in urls.items():
        assert client.get(url).status_code == (200 if page in allowed else 404), page
    if before is not None:
        assert snapshot(recommendation) == before


def test_an_organization_that_receives_nothing_has_no_received_page(client):
    member = member_of(make_recipient().organization, role=MembershipRole.MEMBER)
    client.force_login(member)
    assert client.get(received_url(member.memberships.get().organization)).status_code == 200
    lead_member = member_of(make_recipient().organization)
    lead = lead_member.memberships.get().organization
    lead.recipient.delete()
    client.force_login(lead_member)
    assert client.get(received_url(lead)).status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "recipient", "firm", "outsider"])
def test_the_writes_are_refused_to_the_wrong_persona_through_http(client, world, who):
    recommendation = world.recommend()
    call = CallFactory(issuer=world.recipient.organization)
    user = {"recipient": None, "firm": world.firm_admin, "outsider": world.outsider}.get(who)
    if who == "recipient":
        # a member of the recipient, but no handler of the call: still nothing changes
        user = world.recipient_member
    if user is not None:
        client.force_login(user)
    before = snapshot(recommendation)
    client.post(
        reverse("directories:recommendation_invite", args=[recommendation.pk]), {"call": call.pk}
    )
    if who != "recipient":
        client.post(move_url(recommendation, "contacted"))
    after = snapshot(recommendation)
    assert after[3] is None and Invitation.objects.count() == 0
    if who != "recipient":
        assert after == before


# --- administrators' list -------------------------------------------------------------------


def test_administrators_list_every_recommendation_with_filters(client, world):
    sasac = world.recommend()
    acfic_recipient = make_recipient(channel=Channel.ACFIC)
    other_version = make_version()
    acfic = services.recommend(
        actor=world.admin, entries=[make_entry(other_version)], recipient=acfic_recipient
    )[0]
    services.recommendation_mark_interested(actor=world.recipient_admin, recommendation=sasac)
    client.force_login(world.admin)
    url = reverse("directories:recommendation_list")

    def listed(**query) -> set[int]:
        html = client.get(url, query).text
        return {pk for pk in (sasac.pk, acfic.pk) if f'data-recommendation="{pk}"' in html}

    assert listed() == {sasac.pk, acfic.pk}
    assert listed(status="interested") == {sasac.pk}
    assert listed(channel=Channel.ACFIC) == {acfic.pk}
    assert listed(directory=str(other_version.directory_id)) == {acfic.pk}
    assert listed(status="nonsense", directory="x" * 30) == {sasac.pk, acfic.pk}
    page = client.get(url, {"channel": "acfic"}).text
    assert reverse("directories:outcome_export") + "?channel=acfic" in page
    assert reverse("directories:recommend", args=[world.version.pk]) in page


@pytest.mark.parametrize("who", ["recipient_admin", "firm_admin", "outsider"])
def test_the_list_and_the_export_are_not_found_for_others(client, world, who):
    world.recommend()
    client.force_login(getattr(world, who))
    assert client.get(reverse("directories:recommendation_list")).status_code == 404
    assert client.get(reverse("directories:outcome_export")).status_code == 404


# --- query counts --------------------------------------------------------------------------


def _grow(world) -> None:
    """More of everything the pages list: recommendations both ways, answers, outcomes,
    recipients with chain nodes and open calls."""

    from tests.directories.test_recommendations import little_giant

    other = make_recipient(needs="储能")
    other.chain_nodes.add(ChainNodeFactory(), ChainNodeFactory())
    CallFactory(issuer=other.organization)
    CallFactory(issuer=world.recipient.organization)
    for _ in range(2):
        entry = make_entry(world.version)
        made = services.recommend(actor=world.admin, entries=[entry], recipient=world.recipient)
        services.recommendation_mark_interested(actor=world.recipient_admin, recommendation=made[0])
        services.outcome_record(
            actor=world.recipient_admin,
            recommendation=made[0],
            stage=OutcomeStage.CONTACT,
            happened_on=timezone.localdate(),
        )
    products = make_version("products")
    for organization in (world.firm, little_giant()):
        product = PublishedProductFactory(organization=organization)
        services.recommend(
            actor=world.admin, entries=[make_entry(products, product=product)], recipient=other
        )


@pytest.mark.parametrize(
    ("page", "who"),
    [
        ("recipient_list", "admin"),
        ("recommendation_list", "admin"),
        ("recommend", "admin"),
        ("received", "recipient_member"),
        ("of_firm", "firm_member"),
        ("detail", "recipient_admin"),
    ],
)
def test_the_pages_run_the_same_queries_whatever_the_amount_of_data(
    client, world, settings, tmp_path, page, who
):
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    recommendation = world.recommend()
    client.force_login(getattr(world, who))
    url = {
        "recipient_list": reverse("directories:recipient_list"),
        "recommendation_list": reverse("directories:recommendation_list"),
        "recommend": reverse("directories:recommend", args=[world.version.pk])
        + f"?recipient={world.recipient.pk}",
        "received": received_url(world.recipient.organization),
        "of_firm": of_firm_url(world.firm),
        "detail": detail_url(recommendation),
    }[page]
    counts = []
    for _ in range(2):
        _grow(world)
        client.get(url)  # the first request settles what a page caches (sessions, labels)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_an_answer_longer_than_the_limit_is_refused(world):
    recommendation = world.recommend()
    with pytest.raises(InvalidState):
        services.recommendation_mark_not_relevant(
            actor=world.recipient_admin, recommendation=recommendation, note="长" * 2001
        )
    recommendation.refresh_from_db()
    assert recommendation.status == RecommendationStatus.SENT
