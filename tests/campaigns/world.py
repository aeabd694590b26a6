"""A small world for campaign tests: a department, its member, two lead enterprises, a
university with a published result, an outsider, and recommending units."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

from django.utils import timezone

from accounts.models import OrganizationKind
from campaigns import services
from campaigns.models import CampaignKind
from catalog.models import ListingStatus
from tests.factories import (
    ChainNodeFactory,
    OrganizationFactory,
    ResearchResultFactory,
    member_of,
)


def campaign_data(**overrides) -> dict:
    now = timezone.now()
    data = {
        "title": "2026年新能源汽车关键技术难题征集",
        "theme": "车规级芯片与功率模块",
        "description": "面向重点产业链龙头企业征集技术难题。",
        "deadline": now + timedelta(days=10),
        "call_deadline": now + timedelta(days=60),
        "requires_nomination": False,
    }
    data.update(overrides)
    return data


def problem_data(**overrides) -> dict:
    data = {
        "title": "碳化硅功率模块高可靠封装",
        "summary": "800V平台用碳化硅模块封装寿命不足。",
        "details": "功率循环寿命≥10万次。",
        "indicators": "功率循环寿命, ≥10万次\n结壳热阻：≤0.1K/W",
        "amount": None,
        "anonymous_label": "",
    }
    data.update(overrides)
    return data


def make_world(kind: str = CampaignKind.PROBLEMS, **campaign_overrides):
    department = OrganizationFactory(kind=OrganizationKind.GOVERNMENT, name="测试省工业和信息化厅")
    official = member_of(department)
    lead = OrganizationFactory(kind=OrganizationKind.LEAD, name="测试新能源整车股份有限公司")
    lead_user = member_of(lead)
    lead2 = OrganizationFactory(kind=OrganizationKind.LEAD, name="测试动力电池股份有限公司")
    lead2_user = member_of(lead2)
    university = OrganizationFactory(kind=OrganizationKind.UNIVERSITY, name="测试理工大学")
    professor = member_of(university)
    result = ResearchResultFactory(
        organization=university, status=ListingStatus.PUBLISHED, published_at=timezone.now()
    )
    outsider = member_of(OrganizationFactory(kind=OrganizationKind.SME))
    soe = OrganizationFactory(kind=OrganizationKind.LARGE, name="测试中央企业集团")
    node = ChainNodeFactory()
    campaign = services.campaign_create(
        actor=official, kind=kind, data=campaign_data(**campaign_overrides), chain_nodes=[node]
    )
    return SimpleNamespace(**locals())


def open_campaign(world):
    return services.campaign_open(actor=world.official, campaign=world.campaign)


def submit(world, user=None, **overrides):
    return services.submission_create(
        actor=user or world.lead_user, campaign=world.campaign, data=problem_data(**overrides)
    )
