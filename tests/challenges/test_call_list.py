"""The public call list: open calls first, the nearest deadline first, each with the days
left; then the other public calls, newest first. Filters and paging keep working."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from challenges.models import CallKind, CallStatus
from challenges.views.calls import CALLS_PER_PAGE
from tests.factories import CallFactory, ChainNodeFactory, OrganizationFactory, member_of

pytestmark = pytest.mark.django_db


def days_left(days: int) -> str:
    with translation.override("zh-hans"):
        return translation.ngettext("%(days)d day left", "%(days)d days left", days) % {
            "days": days
        }


def closes_today() -> str:
    with translation.override("zh-hans"):
        return translation.gettext("Closes today")


def titles(response) -> list[str]:
    return [call.title for call in response.context["page"]]


def later_today():
    """A moment before the end of the local day (half-way there, at most an hour ahead)."""
    now = timezone.localtime()
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return now + min(timedelta(hours=1), (midnight - now) / 2)


def test_open_calls_come_first_by_nearest_deadline_then_the_others_newest(client):
    now = timezone.now()
    CallFactory(title="十天后截止", deadline=now + timedelta(days=10))
    CallFactory(title="两天后截止", deadline=now + timedelta(days=2))
    CallFactory(title="五天后截止", deadline=now + timedelta(days=5))
    CallFactory(
        title="已过截止时间待关闭",
        deadline=now - timedelta(hours=1),
        published_at=now - timedelta(days=3),
    )
    CallFactory(
        title="最近的已关闭榜单", status=CallStatus.CLOSED, published_at=now - timedelta(days=1)
    )
    CallFactory(
        title="较早的已授予榜单", status=CallStatus.AWARDED, published_at=now - timedelta(days=60)
    )
    CallFactory(title="草稿不公开", status=CallStatus.DRAFT, published_at=None)
    response = client.get(reverse("challenges:call_list"))
    assert titles(response) == [
        "两天后截止",
        "五天后截止",
        "十天后截止",
        "最近的已关闭榜单",
        "已过截止时间待关闭",
        "较早的已授予榜单",
    ]
    text = response.text
    assert text.index("两天后截止") < text.index("十天后截止") < text.index("最近的已关闭榜单")


def test_each_open_call_shows_the_days_left(client):
    CallFactory(title="五天后截止", deadline=timezone.now() + timedelta(days=5))
    CallFactory(title="今天截止的榜单", deadline=later_today())
    CallFactory(title="已关闭", status=CallStatus.CLOSED)
    response = client.get(reverse("challenges:call_list"))
    cards = dict(
        zip(titles(response), response.text.split('class="card card-link')[1:], strict=True)
    )
    assert days_left(5) in cards["五天后截止"]
    assert closes_today() in cards["今天截止的榜单"]
    assert 'class="days-left"' not in cards["已关闭"]


def test_the_call_page_shows_the_days_left_too(client):
    call = CallFactory(deadline=timezone.now() + timedelta(days=3))
    assert days_left(3) in client.get(call.get_absolute_url()).text


def test_filters_keep_the_order(client):
    now = timezone.now()
    CallFactory(title="竞赛三天", kind=CallKind.COMPETITION, deadline=now + timedelta(days=3))
    CallFactory(title="攻关一天", deadline=now + timedelta(days=1))
    CallFactory(
        title="竞赛一天", kind=CallKind.COMPETITION, deadline=now + timedelta(days=1, hours=1)
    )
    CallFactory(title="竞赛已关闭", kind=CallKind.COMPETITION, status=CallStatus.CLOSED)
    response = client.get(reverse("challenges:call_list"), {"kind": "competition"})
    assert titles(response) == ["竞赛一天", "竞赛三天", "竞赛已关闭"]
    response = client.get(reverse("challenges:call_list"), {"open": "1"})
    assert titles(response) == ["攻关一天", "竞赛一天", "竞赛三天"]


def test_the_eligible_filter_keeps_the_order(client):
    now = timezone.now()
    client.force_login(member_of(OrganizationFactory()))
    CallFactory(title="晚截止", deadline=now + timedelta(days=9))
    CallFactory(title="早截止", deadline=now + timedelta(days=1))
    CallFactory(title="已关闭", status=CallStatus.CLOSED)
    response = client.get(reverse("challenges:call_list"), {"eligible": "1"})
    assert titles(response) == ["早截止", "晚截止", "已关闭"]


def test_paging_continues_the_order(client):
    now = timezone.now()
    for day in range(CALLS_PER_PAGE + 1):
        CallFactory(title=f"第{day + 1}天截止", deadline=now + timedelta(days=day + 1, hours=1))
    CallFactory(title="已关闭", status=CallStatus.CLOSED)
    first = client.get(reverse("challenges:call_list"))
    second = client.get(reverse("challenges:call_list"), {"page": 2})
    assert titles(first)[0] == "第1天截止"
    assert titles(second) == [f"第{CALLS_PER_PAGE + 1}天截止", "已关闭"]


def test_the_call_list_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    node = ChainNodeFactory()

    def grow(n):
        for number in range(n):
            open_call = CallFactory(deadline=timezone.now() + timedelta(days=number + 1))
            open_call.chain_nodes.add(node)
            CallFactory(status=CallStatus.CLOSED).chain_nodes.add(node)

    url = reverse("challenges:call_list")
    grow(1)
    client.get(url)
    with django_assert_max_num_queries(60) as small:
        client.get(url)
    grow(9)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert len(response.context["page"]) == 20
