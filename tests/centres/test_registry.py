"""The registry of innovation centres: public list and detail pages, entries kept by platform
administrators, members added by administrators and the operating company."""

from __future__ import annotations

import pytest
from django.contrib import messages
from django.urls import reverse
from django.utils import timezone

from accounts.models import OrganizationKind, QualificationLevel
from centres import services
from centres.models import CentreLevel, CentreMember, InnovationCentre, MemberRole
from core.exceptions import InvalidState, NotAllowed
from tests.factories import AdminUserFactory, OrganizationFactory, member_of

pytestmark = pytest.mark.django_db


def centre(**overrides) -> InnovationCentre:
    data = {
        "name": "国家智能传感器创新中心（示例）",
        "level": CentreLevel.NATIONAL,
        "field": "智能传感器 MEMS",
        "province": "31",
        "city": "上海",
        **overrides,
    }
    return InnovationCentre.objects.create(**data)


def errors(response) -> list[str]:
    return [str(m) for m in response.context["messages"] if m.level == messages.ERROR]


# --- public pages ------------------------------------------------------------------------------


def test_anyone_reads_the_list_with_filters(client):
    sensors = centre()
    rail = centre(
        name="省先进轨道交通装备创新中心（示例）",
        level=CentreLevel.PROVINCIAL,
        field="轨道交通装备",
        province="43",
    )
    centre(name="已撤销的中心（示例）", is_active=False)
    page = client.get(reverse("centres:centre_list")).text
    assert f'data-centre="{sensors.pk}"' in page and f'data-centre="{rail.pk}"' in page
    assert "已撤销的中心" not in page
    page = client.get(reverse("centres:centre_list"), {"level": "provincial"}).text
    assert f'data-centre="{rail.pk}"' in page and f'data-centre="{sensors.pk}"' not in page
    page = client.get(reverse("centres:centre_list"), {"province": "31"}).text
    assert f'data-centre="{sensors.pk}"' in page and f'data-centre="{rail.pk}"' not in page
    page = client.get(reverse("centres:centre_list"), {"q": "轨道"}).text
    assert f'data-centre="{rail.pk}"' in page and f'data-centre="{sensors.pk}"' not in page
    # Unknown filter values are ignored.
    page = client.get(reverse("centres:centre_list"), {"level": "<x>", "province": "99"}).text
    assert f'data-centre="{rail.pk}"' in page and f'data-centre="{sensors.pk}"' in page


def test_anyone_reads_a_centre_with_its_members_by_role(client):
    operator = OrganizationFactory(kind=OrganizationKind.LEAD, name="示例传感集团")
    sensors = centre(operator=operator, description="面向MEMS工艺的共性技术平台")
    giant = OrganizationFactory(qualification_level=QualificationLevel.NATIONAL)
    CentreMember.objects.create(
        centre=sensors, organization=operator, role=MemberRole.FOUNDER, joined_on="2024-01-01"
    )
    CentreMember.objects.create(
        centre=sensors, organization=giant, role=MemberRole.MEMBER, joined_on="2024-03-01"
    )
    page = client.get(sensors.get_absolute_url()).text
    assert "示例传感集团" in page and "面向MEMS工艺的共性技术平台" in page
    founders = page[page.index('data-role="founder"') :]
    assert f'data-member="{operator.pk}"' in founders[: founders.index("</ul>")]
    members = page[page.index('data-role="member"') :]
    members = members[: members.index("</ul>")]
    assert f'data-member="{giant.pk}"' in members and "badge-national" in members
    assert reverse("challenges:centre_calls", args=[sensors.pk]) in page
    assert reverse("centres:member_add", args=[sensors.pk]) not in page


def test_an_inactive_centre_is_hidden_from_the_public(client):
    closed = centre(is_active=False)
    assert client.get(closed.get_absolute_url()).status_code == 404
    client.force_login(AdminUserFactory())
    assert client.get(closed.get_absolute_url()).status_code == 200


# --- entries: platform administrators ------------------------------------------------------------


def test_an_administrator_enters_and_edits_a_centre(client):
    operator = OrganizationFactory(kind=OrganizationKind.LEAD)
    client.force_login(AdminUserFactory())
    assert client.get(reverse("centres:centre_create")).status_code == 200
    response = client.post(
        reverse("centres:centre_create"),
        {
            "name": "国家先进印染技术创新中心（示例）",
            "level": "national",
            "field": "印染",
            "province": "37",
            "city": "泰安",
            "operator": operator.credit_code,
            "is_active": "on",
        },
    )
    created = InnovationCentre.objects.get()
    assert response["Location"] == created.get_absolute_url()
    assert (created.operator, created.province) == (operator, "37")
    edit_url = reverse("centres:centre_edit", args=[created.pk])
    assert operator.name in client.get(edit_url).text
    client.post(
        edit_url,
        {"name": created.name, "level": "provincial", "field": "印染 纺织", "is_active": "on"},
    )
    created.refresh_from_db()
    assert (created.level, created.field, created.operator) == ("provincial", "印染 纺织", None)


def test_a_centre_form_with_mistakes_saves_nothing(client):
    centre(name="重名中心")
    client.force_login(AdminUserFactory())
    for data in (
        {"name": "", "level": "national", "field": "x"},
        {"name": "重名中心", "level": "national", "field": "x"},
        {"name": "新中心", "level": "national", "field": "x", "operator": "无此机构"},
        {"name": "新中心", "level": "national", "field": "x", "website": "javascript:alert(1)"},
    ):
        response = client.post(reverse("centres:centre_create"), data)
        assert response.status_code == 200
        assert response.context["form"].errors
    assert InnovationCentre.objects.count() == 1


def test_only_platform_administrators_keep_the_registry(client):
    sensors = centre()
    operator_member = member_of(OrganizationFactory())
    sensors.operator = operator_member.memberships.get().organization
    sensors.save()
    for user in (operator_member, member_of(OrganizationFactory())):
        client.force_login(user)
        assert client.get(reverse("centres:centre_create")).status_code == 404
        assert client.get(reverse("centres:centre_edit", args=[sensors.pk])).status_code == 404
        with pytest.raises(NotAllowed):
            services.centre_create(actor=user, data={"name": "x", "field": "y"})
        with pytest.raises(NotAllowed):
            services.centre_update(actor=user, centre=sensors, data={"field": "y"})
    client.logout()
    assert client.get(reverse("centres:centre_create")).status_code == 302  # log in first


# --- members -------------------------------------------------------------------------------------


def test_the_operating_company_adds_a_member_by_credit_code(client):
    operator = OrganizationFactory(kind=OrganizationKind.LEAD)
    sensors = centre(operator=operator)
    giant = OrganizationFactory(qualification_level=QualificationLevel.NATIONAL)
    user = member_of(operator)
    client.force_login(user)
    assert (
        reverse("centres:member_add", args=[sensors.pk])
        in client.get(sensors.get_absolute_url()).text
    )
    response = client.post(
        reverse("centres:member_add", args=[sensors.pk]),
        {"organization": giant.credit_code, "role": "member", "joined_on": "2025-06-01"},
        follow=True,
    )
    assert not errors(response)
    member = sensors.members.get()
    assert (member.organization, member.role, member.added_by) == (giant, "member", user)
    assert str(member.joined_on) == "2025-06-01"
    # Twice is refused with a message.
    response = client.post(
        reverse("centres:member_add", args=[sensors.pk]),
        {"organization": giant.credit_code, "role": "founder"},
        follow=True,
    )
    assert errors(response)
    assert sensors.members.count() == 1


def test_an_unknown_organization_or_role_is_refused(client):
    sensors = centre()
    client.force_login(AdminUserFactory())
    for data in ({"organization": "无此机构", "role": "member"}, {"organization": "", "role": "x"}):
        response = client.post(reverse("centres:member_add", args=[sensors.pk]), data, follow=True)
        assert errors(response)
    assert not sensors.members.exists()
    with pytest.raises(InvalidState):
        services.centre_member_add(
            actor=AdminUserFactory(), centre=sensors, organization=OrganizationFactory(), role="x"
        )


def test_an_administrator_removes_a_member(client):
    sensors = centre()
    member = CentreMember.objects.create(
        centre=sensors,
        organization=OrganizationFactory(),
        role=MemberRole.MEMBER,
        joined_on=timezone.localdate(),
    )
    client.force_login(AdminUserFactory())
    remove_url = reverse("centres:member_remove", args=[member.pk])
    assert remove_url in client.get(sensors.get_absolute_url()).text
    client.post(remove_url)
    assert not sensors.members.exists()


def test_outsiders_get_404_on_the_member_forms(client):
    sensors = centre(operator=OrganizationFactory())
    member = CentreMember.objects.create(
        centre=sensors,
        organization=OrganizationFactory(),
        role=MemberRole.MEMBER,
        joined_on=timezone.localdate(),
    )
    client.force_login(member_of(OrganizationFactory()))
    add = client.post(
        reverse("centres:member_add", args=[sensors.pk]),
        {"organization": OrganizationFactory().credit_code, "role": "member"},
    )
    assert add.status_code == 404
    assert client.post(reverse("centres:member_remove", args=[member.pk])).status_code == 404
    assert sensors.members.count() == 1
