"""Seed manufacturing innovation centres (measure 十四) through the services: two fictional
centres with founders and members (little giants among them), and a participation call of
one of them, published by a provincial department, with applications led by little giants
and provincial SRDI SMEs (their bonus frozen at submission, their priority shown).

Idempotent: a centre or a call with the same name or title is skipped.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.models import Organization
from centres import services as centre_services
from centres.models import CentreLevel, InnovationCentre, MemberRole
from challenges import services
from challenges.models import Call, CallKind
from reference.models import Industry

# (name, level, field, province, city, operator, chain nodes, description,
#  [(member, role, joined on)])
CENTRES = [
    (
        "国家智能传感器创新中心（示例）",
        CentreLevel.NATIONAL,
        "智能传感器 MEMS工艺 传感器芯片",
        "31",
        "上海",
        "sh-huazhun",
        ["ic/sensor-chip"],
        "面向MEMS传感器设计、制造、封测共性技术的创新平台（演示用虚构机构），"
        "建设8英寸MEMS中试线，向专精特新中小企业开放工艺与测试能力。",
        [
            ("sh-huazhun", MemberRole.FOUNDER, date(2023, 3, 1)),
            ("sz-xince", MemberRole.MEMBER, date(2023, 9, 1)),
            ("nj-xintu", MemberRole.MEMBER, date(2024, 4, 1)),
            ("hf-ruigan", MemberRole.MEMBER, date(2025, 2, 1)),
        ],
    ),
    (
        "江苏省集成电路装备创新中心（示例）",
        CentreLevel.PROVINCIAL,
        "集成电路装备 关键零部件 刻蚀与薄膜沉积",
        "32",
        "无锡",
        "wx-chengxin",
        ["ic/parts", "ic/etch-depo"],
        "围绕集成电路装备关键零部件国产化的省级制造业创新中心（演示用虚构机构），"
        "通过参与项目吸纳专精特新企业共建。",
        [
            ("wx-chengxin", MemberRole.FOUNDER, date(2022, 11, 1)),
            ("hz-fuyuan", MemberRole.MEMBER, date(2023, 6, 1)),
        ],
    ),
]

PARTICIPATION_CALL = {
    "issuer": "js-miit",
    "centre": "江苏省集成电路装备创新中心（示例）",
    "title": "江苏省集成电路装备创新中心2026年成员单位参与项目征集",
    "summary": "征集专精特新企业牵头的关键零部件共建项目，入选单位成为创新中心项目参与单位。",
    "details": "“小巨人”企业牵头加5分、省级专精特新企业牵头加2分，同分时专精特新企业优先。",
    "industry": "3562",
    "chain_nodes": ["ic/parts"],
    "indicators": [("关键零部件国产化率", "≥70", "%")],
}

# (applicant, approach): little giants, a provincial SRDI SME and a firm without qualification.
APPLICANTS = [
    ("sh-weigui", "真空腔体密封件与陶瓷加热盘国产化，已在两条产线验证。"),
    ("zh-jingshan", "射频电源匹配器国产化，联合创新中心开展可靠性验证。"),
    ("yt-jingchuan", "静电卡盘用精密陶瓷基板，良率≥95%。"),
    ("bj-jingjian", "量测设备核心光学模组国产化。"),
]


class CentreSeeder:
    def __init__(self, *, organizations, owner_of, node_ids, admin):
        self.organizations: dict[str, Organization] = organizations
        self.owner_of = owner_of
        self.node_ids = node_ids
        self.admin = admin
        self.created = 0

    def run(self) -> int:
        for spec in CENTRES:
            self._centre(*spec)
        self._participation_call()
        return self.created

    def _centre(self, name, level, field, province, city, operator, nodes, description, members):
        if InnovationCentre.objects.filter(name=name).exists():
            return
        centre = centre_services.centre_create(
            actor=self.admin,
            data={
                "name": name,
                "level": level,
                "field": field,
                "province": province,
                "city": city,
                "description": description,
                "operator": self.organizations[operator],
                "chain_nodes": self.node_ids(nodes),
            },
        )
        self.created += 1
        for key, role, joined_on in members:
            centre_services.centre_member_add(
                actor=self.admin,
                centre=centre,
                organization=self.organizations[key],
                role=role,
                joined_on=joined_on,
            )
            self.created += 1

    def _participation_call(self) -> None:
        spec = PARTICIPATION_CALL
        issuer = self.organizations[spec["issuer"]]
        if Call.objects.filter(issuer=issuer, title=spec["title"]).exists():
            return
        official = self.owner_of(issuer)
        now = timezone.now()
        # A centre's call gets its default bonus rules (little giant 5, provincial 2).
        call = services.call_create(
            actor=official,
            kind=CallKind.SELECTION,
            data={
                "title": spec["title"],
                "summary": spec["summary"],
                "details": spec["details"],
                "amount": Decimal("2000000"),
                "winner_cap": 2,
                "deadline": now + timedelta(days=35),
                "industry": Industry.objects.get(code=spec["industry"]),
                "chain_nodes": self.node_ids(spec["chain_nodes"]),
                "centre": InnovationCentre.objects.get(name=spec["centre"]),
            },
        )
        for name, target, unit in spec["indicators"]:
            services.call_indicator_add(
                actor=official, call=call, name=name, target=target, unit=unit
            )
        services.call_criterion_add(
            actor=official, call=call, name="技术先进性", weight=Decimal("60"), description=""
        )
        services.call_criterion_add(
            actor=official, call=call, name="协同创新能力", weight=Decimal("40"), description=""
        )
        services.call_submit(actor=official, call=call)
        call = services.call_publish(actor=self.admin, call=call)
        self.created += 1
        for key, approach in APPLICANTS:
            organization = self.organizations[key]
            user = self.owner_of(organization)
            application = services.application_create(
                actor=user,
                call=call,
                data={
                    "technical_approach": approach,
                    "team": f"{organization.name}研发团队",
                    "prior_results": "已完成样件试制与客户验证。",
                    "budget": Decimal("800000"),
                    "schedule": "12个月完成共建任务。",
                },
            )
            services.application_update(
                actor=user,
                application=application,
                data={},
                responses={i.pk: f"满足：{i.target}{i.unit}" for i in call.indicators.all()},
            )
            # Submission freezes the lead's qualification, hence its bonus and priority.
            services.application_submit(actor=user, application=application)
            self.created += 1
