"""The registry of verification platforms: administrators register, edit, deactivate and
reactivate platforms of verified organizations; everyone reads the list (filtered by
province, chain node and free capacity) and a platform's page with its calendar."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext

from accounts.models import OrganizationKind, VerificationStatus
from challenges.models import CallStatus
from core.exceptions import InvalidState, NotAllowed
from tests.factories import AdminUserFactory, ChainNodeFactory, OrganizationFactory, member_of
from verification import services
from verification.models import BookingStatus, VerificationPlatform

from .factories import BookingFactory, PlatformFactory, days, verification_call

pytestmark = pytest.mark.django_db

LIST_URL = reverse("verification:platform_list")
CREATE_URL = reverse("verification:platform_create")


def form_data(owner, node=None, **changes):
    data = {
        "owner": owner.pk,
        "name": "长三角集成电路先进工艺研究院晶圆测试验证平台",
        "capabilities": "12英寸探针台4台，-55~150℃三温测试。",
        "capacity": 2,
        "province": "31",
        "city": "上海市",
        "website": "https://platform.example.cn",
        "chain_nodes": [node.pk] if node else [],
    }
    data.update(changes)
    return data


def test_an_administrator_registers_a_platform_and_everyone_reads_it(client):
    admin = AdminUserFactory()
    institute = OrganizationFactory(kind=OrganizationKind.INSTITUTE, name="长三角集成电路研究院")
    node = ChainNodeFactory(name="封装测试")
    client.force_login(admin)
    assert client.get(CREATE_URL).status_code == 200

    response = client.post(CREATE_URL, form_data(institute, node))

    platform = VerificationPlatform.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("verification:platform_detail", args=[platform.pk])
    assert (platform.owner, platform.capacity, platform.province, platform.created_by) == (
        institute,
        2,
        "31",
        admin,
    )
    assert list(platform.chain_nodes.all()) == [node]
    client.logout()
    listing = client.get(LIST_URL).text
    page = client.get(response.url).text
    for shown in (platform.name, "长三角集成电路研究院", "封装测试"):
        assert shown in listing
    assert "12英寸探针台4台" in page and "data-calendar" in page


@pytest.mark.parametrize("who", ["anonymous", "owner member", "other user"])
def test_only_administrators_keep_the_registry(client, who):
    platform = PlatformFactory(name="原名")
    if who == "owner member":
        client.force_login(member_of(platform.owner))
    elif who == "other user":
        client.force_login(member_of(OrganizationFactory()))
    urls = [
        CREATE_URL,
        reverse("verification:platform_edit", args=[platform.pk]),
    ]
    for url in urls:
        response = client.post(url, form_data(platform.owner, name="新名字"))
        assert response.status_code in (302, 404)
        if who != "anonymous":
            assert response.status_code == 404
    client.post(reverse("verification:platform_deactivate", args=[platform.pk]))
    platform.refresh_from_db()
    assert (platform.name, platform.is_active) == ("原名", True)
    assert VerificationPlatform.objects.count() == 1
    with pytest.raises(NotAllowed):
        services.platform_deactivate(actor=member_of(platform.owner), platform=platform)


def test_the_owner_must_be_verified_and_the_name_unique(client):
    admin = AdminUserFactory()
    pending = OrganizationFactory(verification_status=VerificationStatus.PENDING)
    taken = PlatformFactory(name="已有平台")
    client.force_login(admin)

    # an unverified organization is not even offered
    response = client.post(CREATE_URL, form_data(pending))
    assert response.status_code == 200 and "owner" in response.context["form"].errors
    # the service refuses it too
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        services.platform_register(
            actor=admin, owner=pending, name="X", capabilities="Y", capacity=1, province="32"
        )
    assert "owner" in refused.value.message_dict

    response = client.post(CREATE_URL, form_data(taken.owner, name="已有平台"))
    assert response.status_code == 200
    assert escape(gettext("Another platform already has this name.")) in response.text
    assert VerificationPlatform.objects.count() == 1


def test_an_administrator_edits_deactivates_and_reactivates_a_platform(client):
    admin = AdminUserFactory()
    platform = PlatformFactory(capacity=1)
    node = ChainNodeFactory()
    client.force_login(admin)
    edit_url = reverse("verification:platform_edit", args=[platform.pk])
    assert client.get(edit_url).status_code == 200

    client.post(edit_url, form_data(platform.owner, node, name="改名后的平台", capacity=3))
    platform.refresh_from_db()
    assert (platform.name, platform.capacity) == ("改名后的平台", 3)
    assert list(platform.chain_nodes.all()) == [node]

    client.post(reverse("verification:platform_deactivate", args=[platform.pk]))
    platform.refresh_from_db()
    assert platform.is_active is False
    # gone from the public list and page; the administrator still sees it
    client.logout()
    assert platform.name not in client.get(LIST_URL).text
    assert (
        client.get(reverse("verification:platform_detail", args=[platform.pk])).status_code == 404
    )
    client.force_login(admin)
    assert platform.name in client.get(LIST_URL + "?inactive=1").text
    with pytest.raises(InvalidState):
        services.platform_deactivate(actor=admin, platform=platform)

    client.post(reverse("verification:platform_reactivate", args=[platform.pk]))
    platform.refresh_from_db()
    assert platform.is_active is True


def test_the_list_filters_by_province_chain_node_and_free_place(client):
    node = ChainNodeFactory(name="晶圆测试")
    shanghai = PlatformFactory(name="上海平台", province="31", capacity=1)
    shanghai.chain_nodes.add(node)
    jiangsu = PlatformFactory(name="江苏平台", province="32", capacity=2)
    # Shanghai's only place is taken today; Jiangsu has one of two taken.
    BookingFactory(platform=shanghai, status=BookingStatus.CONFIRMED, start_date=days(-1))
    BookingFactory(platform=jiangsu, status=BookingStatus.CONFIRMED, start_date=days(-1))
    BookingFactory(platform=jiangsu, status=BookingStatus.REQUESTED, start_date=days(-1))

    def names(query):
        return {p.name for p in client.get(LIST_URL + query).context["platforms"]}

    assert names("") == {"上海平台", "江苏平台"}
    assert names("?province=32") == {"江苏平台"}
    assert names(f"?node={node.pk}") == {"上海平台"}
    assert names("?free=1") == {"江苏平台"}
    page = client.get(LIST_URL).text
    assert 'data-in-use="1" data-capacity="2"' in page
    assert names("?province=xx&node=abc") == {"上海平台", "江苏平台"}


def test_the_calendar_names_a_project_only_when_its_call_is_public(client):
    platform = PlatformFactory(capacity=1)
    public = verification_call(title="公开的验证项目", status=CallStatus.IN_PROGRESS)
    hidden = verification_call(title="尚未发布的验证项目", status=CallStatus.PENDING_REVIEW)
    BookingFactory(platform=platform, call=public, status=BookingStatus.CONFIRMED)
    BookingFactory(
        platform=platform,
        call=hidden,
        status=BookingStatus.CONFIRMED,
        start_date=days(30),
        end_date=days(31),
    )
    BookingFactory(platform=platform, call=verification_call(title="被拒绝的"), status="declined")

    page = client.get(reverse("verification:platform_detail", args=[platform.pk])).text

    assert "公开的验证项目" in page
    assert "尚未发布的验证项目" not in page
    assert "被拒绝的" not in page
    assert page.count("data-confirmed=") == 2
    assert f'data-day="{days(10).isoformat()}" data-used="1" data-full' in page
    assert f'data-day="{days(9).isoformat()}" data-used="0"' in page


def test_the_list_runs_the_same_queries_for_many_platforms(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST_URL).status_code == 200
        return len(captured)

    node = ChainNodeFactory()
    PlatformFactory().chain_nodes.add(node)
    few = queries()
    for _ in range(6):
        platform = PlatformFactory()
        platform.chain_nodes.add(node)
        BookingFactory(platform=platform, status=BookingStatus.CONFIRMED, start_date=days(0))
    assert queries() == few
