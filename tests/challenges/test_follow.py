"""Following a call (关注): any signed-in user follows a public call and hears of its
clarifications, its closing and its outcome, once each; the followed calls have a page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from challenges import services
from challenges.models import (
    Award,
    CallEvent,
    CallFollow,
    CallStatus,
    Question,
)
from core.exceptions import InvalidState, NotAllowed
from notifications.models import Notification
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    CallFactory,
    OrganizationFactory,
    UserFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db


def shown(message: str, plural: str = "", count: int = 0) -> str:
    """The message as the (Chinese) pages show it."""
    with translation.override("zh-hans"):
        if plural:
            return translation.ngettext(message, plural, count) % {"days": count}
        return translation.gettext(message)


# --- following and unfollowing --------------------------------------------------------------


def test_a_signed_in_user_follows_and_unfollows_a_call_from_its_page(client):
    # given a published call and a signed-in user without any organization
    call = CallFactory()
    client.force_login(UserFactory())
    page = client.get(call.get_absolute_url()).text
    assert reverse("challenges:call_follow", args=[call.pk]) in page
    # when they follow it
    response = client.post(reverse("challenges:call_follow", args=[call.pk]), follow=True)
    # then the page says so and offers to unfollow
    assert shown("Unfollow") in response.text
    assert reverse("challenges:call_unfollow", args=[call.pk]) in response.text
    assert CallFollow.objects.filter(call=call).count() == 1
    # when they unfollow it
    response = client.post(reverse("challenges:call_unfollow", args=[call.pk]), follow=True)
    assert not CallFollow.objects.filter(call=call).exists()
    assert reverse("challenges:call_follow", args=[call.pk]) in response.text


def test_following_twice_keeps_one_follow_and_writes_no_call_event():
    call = CallFactory()
    user = UserFactory()
    events = CallEvent.objects.count()
    services.call_follow(actor=user, call=call)
    services.call_follow(actor=user, call=call)
    assert CallFollow.objects.filter(call=call, user=user).count() == 1
    # following is the reader's own: the issuer's timeline does not tell who follows
    assert CallEvent.objects.count() == events


@pytest.mark.parametrize(
    "status", [CallStatus.DRAFT, CallStatus.PENDING_REVIEW, CallStatus.REJECTED]
)
def test_a_call_that_is_not_public_cannot_be_followed(status):
    call = CallFactory(status=status, published_at=None)
    with pytest.raises(InvalidState):
        services.call_follow(actor=member_of(call.issuer), call=call)
    assert not CallFollow.objects.exists()


def test_an_outsider_cannot_reach_a_draft_to_follow_it(client):
    call = CallFactory(status=CallStatus.DRAFT, published_at=None)
    client.force_login(member_of(OrganizationFactory()))
    assert client.post(reverse("challenges:call_follow", args=[call.pk])).status_code == 404
    assert not CallFollow.objects.exists()


def test_anonymous_visitors_are_asked_to_log_in_to_follow(client):
    from django.contrib.auth.models import AnonymousUser

    call = CallFactory()
    page = client.get(call.get_absolute_url()).text
    assert shown("Log in to follow this call") in page
    response = client.post(reverse("challenges:call_follow", args=[call.pk]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    with pytest.raises(NotAllowed):
        services.call_follow(actor=AnonymousUser(), call=call)
    assert not CallFollow.objects.exists()


def test_a_withdrawn_call_stays_followed_but_cannot_be_newly_followed():
    call = CallFactory()
    follower = UserFactory()
    services.call_follow(actor=follower, call=call)
    services.call_withdraw(actor=handler_of(call), call=call, reason="需求调整")
    with pytest.raises(InvalidState):
        services.call_follow(actor=UserFactory(), call=call)
    assert list(CallFollow.objects.values_list("user", flat=True)) == [follower.pk]


# --- followers are told ---------------------------------------------------------------------


def _past():
    return timezone.now() - timedelta(days=1)


def _closing(call):
    call.deadline = _past()
    call.save()
    return handler_of(call)


def _publicizing(call):
    call.status = CallStatus.EVALUATING
    call.panel_closed_at = _past()
    call.save()
    Award.objects.create(call=call, application=ApplicationFactory(call=call, status="shortlisted"))
    return handler_of(call)


def _finalizing(call):
    call.status = CallStatus.PUBLICITY
    call.publicity_ends_at = _past()
    call.save()
    Award.objects.create(call=call, application=ApplicationFactory(call=call, status="shortlisted"))
    return AdminUserFactory()


def _at(status, actor="handler"):
    def prepare(call):
        call.status = status
        call.save()
        return handler_of(call) if actor == "handler" else AdminUserFactory()

    return prepare


MOVES = {
    # action: (prepare the call and return the actor, the verb followers receive)
    "close": (_closing, "call.closed"),
    "publicize": (_publicizing, "call.publicity"),
    "finalize": (_finalizing, "call.awarded"),
    "withdraw": (_at(CallStatus.PUBLISHED), "call.withdrawn"),
    "no_award": (_at(CallStatus.EVALUATING), "call.no_award"),
    "reevaluate": (_at(CallStatus.PUBLICITY, actor="admin"), "call.reevaluate"),
    "terminate": (_at(CallStatus.AWARDED), "call.terminated"),
}


@pytest.mark.parametrize("action", sorted(MOVES))
def test_followers_are_told_when_the_call_closes_or_its_outcome_changes(action):
    # given a call with a follower, a follower who also applied, and someone who unfollowed
    call = CallFactory()
    prepare, verb = MOVES[action]
    follower = UserFactory()
    applicant = ApplicationFactory(call=call, status="submitted").applicant
    applying_follower = member_of(applicant)
    former = UserFactory()
    for user in (follower, applying_follower, former):
        services.call_follow(actor=user, call=call)
    services.call_unfollow(actor=former, call=call)
    actor = prepare(call)
    # when the call moves
    services.call_move(actor=actor, call=call, action=action, note="原因说明")
    # then each follower is told once, and whoever unfollowed is not
    assert Notification.objects.filter(recipient=follower, verb=verb).count() == 1
    assert Notification.objects.filter(recipient=applying_follower).count() == 1
    assert not Notification.objects.filter(recipient=former).exists()


def test_a_follower_who_handles_the_call_hears_of_the_award_once():
    call = CallFactory()
    actor = _finalizing(call)
    handler = handler_of(call)
    onlooker = UserFactory()
    for user in (handler, onlooker):
        services.call_follow(actor=user, call=call)
    services.call_finalize(actor=actor, call=call)
    assert Notification.objects.filter(recipient=handler).count() == 1
    told = Notification.objects.get(recipient=onlooker)
    assert told.verb == "call.awarded"
    assert told.url == call.get_absolute_url()


def test_followers_are_told_when_a_clarification_is_published():
    call = CallFactory()
    asker_org = OrganizationFactory()
    asker = member_of(asker_org)
    follower = UserFactory()
    services.call_follow(actor=follower, call=call)
    services.call_follow(actor=asker, call=call)
    question = Question.objects.create(
        call=call, organization=asker_org, asked_by=asker, text="样品数量？"
    )
    services.question_answer(actor=handler_of(call), question=question, answer="10套。")
    assert Notification.objects.filter(recipient=follower, verb="call.answer").count() == 1
    assert Notification.objects.filter(recipient=asker, verb="call.answer").count() == 1


def test_an_inactive_follower_is_not_told():
    call = CallFactory()
    follower = UserFactory()
    services.call_follow(actor=follower, call=call)
    follower.is_active = False
    follower.save()
    services.call_close(actor=_closing(call), call=call)
    assert not Notification.objects.filter(recipient=follower).exists()


# --- my followed calls ------------------------------------------------------------------------


def test_my_followed_calls_lists_them_with_days_left_and_unfollows(client):
    user = UserFactory()
    soon = CallFactory(title="五天后截止的榜单", deadline=timezone.now() + timedelta(days=5))
    closed = CallFactory(title="已截止的榜单", status=CallStatus.CLOSED)
    CallFactory(title="没有关注的榜单")
    for call in (soon, closed):
        services.call_follow(actor=user, call=call)
    client.force_login(user)
    page = client.get(reverse("challenges:followed_calls"))
    assert page.status_code == 200
    assert "五天后截止的榜单" in page.text and "已截止的榜单" in page.text
    assert "没有关注的榜单" not in page.text
    assert shown("%(days)d day left", "%(days)d days left", 5) in page.text
    # unfollowing from the list comes back to the list
    response = client.post(
        reverse("challenges:call_unfollow", args=[soon.pk]),
        {"next": reverse("challenges:followed_calls")},
    )
    assert response["Location"] == reverse("challenges:followed_calls")
    assert list(CallFollow.objects.values_list("call", flat=True)) == [closed.pk]


def test_my_applications_links_to_my_followed_calls(client):
    client.force_login(member_of(OrganizationFactory()))
    page = client.get(reverse("challenges:my_applications")).text
    assert reverse("challenges:followed_calls") in page


def test_my_followed_calls_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    user = UserFactory()
    client.force_login(user)

    def grow(n):
        for _ in range(n):
            services.call_follow(actor=user, call=CallFactory(issuer=OrganizationFactory()))

    grow(2)
    client.get(reverse("challenges:followed_calls"))
    with django_assert_max_num_queries(60) as small:
        client.get(reverse("challenges:followed_calls"))
    grow(18)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(reverse("challenges:followed_calls"))
    assert len(page.context["follows"]) == 20
