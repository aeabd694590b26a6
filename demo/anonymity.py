"""Seed an anonymous call (measure 十三) through the services: a new-energy vehicle maker
publishes a call as 某新能源整车企业, two SMEs apply, and the maker reveals its name to one
of them. Outsiders (and the other applicant) see only the label.

Idempotent: a call with the same title is skipped.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.models import Organization
from challenges import services
from challenges.models import Call, CallKind
from reference.models import Industry

ANONYMOUS_CALL = {
    "issuer": "hf-qingyuan",
    "label": "某新能源整车企业",
    "title": "800V高压平台碳化硅电驱控制器联合攻关",
    "summary": "征集满足800V高压平台要求的碳化硅电驱控制器方案，支持装车验证。",
    "background": "新一代高压平台车型2027年量产，电驱控制器功率密度和效率需进一步提升。",
    "details": "峰值功率≥250kW，系统效率CLTC工况≥92%，功能安全ASIL-C。",
    "deliverables": "控制器样机5套；台架与装车测试报告。",
    "amount": Decimal("2500000"),
    "industry": "3962",
    # Not the nodes of the demo competition, whose finalist is invited to this issuer's calls.
    "chain_nodes": ["nev/sic-device", "nev/passenger"],
    "indicators": [("峰值功率", "≥250", "kW"), ("CLTC系统效率", "≥92", "%")],
}

# (applicant, approach); the issuer reveals its name to the first.
APPLICANTS = [
    ("wx-lixin", "自研1200V碳化硅MOSFET模块与双面散热封装，控制器功率密度≥45kW/L。"),
    ("sz-yuanfeng", "提供驱动与采样芯片组及控制器参考设计，满足ASIL-C。"),
]
REVEALED_TO = "wx-lixin"


class AnonymitySeeder:
    def __init__(self, *, organizations, owner_of, node_ids, admin):
        self.organizations: dict[str, Organization] = organizations
        self.owner_of = owner_of
        self.node_ids = node_ids
        self.admin = admin
        self.created = 0

    def run(self) -> int:
        spec = ANONYMOUS_CALL
        issuer = self.organizations[spec["issuer"]]
        if Call.objects.filter(issuer=issuer, title=spec["title"]).exists():
            return 0
        handler = self.owner_of(issuer)
        now = timezone.now()
        call = services.call_create(
            actor=handler,
            kind=CallKind.CHALLENGE,
            data={
                "title": spec["title"],
                "summary": spec["summary"],
                "background": spec["background"],
                "details": spec["details"],
                "deliverables": spec["deliverables"],
                "amount": spec["amount"],
                "winner_cap": 1,
                "deadline": now + timedelta(days=35),
                "industry": Industry.objects.get(code=spec["industry"]),
                "chain_nodes": self.node_ids(spec["chain_nodes"]),
                "anonymous": True,
                "anonymous_label": spec["label"],
            },
        )
        for name, target, unit in spec["indicators"]:
            services.call_indicator_add(
                actor=handler, call=call, name=name, target=target, unit=unit
            )
        services.call_criterion_add(
            actor=handler, call=call, name="技术方案", weight=Decimal("60"), description=""
        )
        services.call_criterion_add(
            actor=handler, call=call, name="量产能力", weight=Decimal("40"), description=""
        )
        services.call_submit(actor=handler, call=call)
        call = services.call_publish(actor=self.admin, call=call)
        self.created += 1
        for key, approach in APPLICANTS:
            self._apply(call, self.organizations[key], approach)
        services.issuer_reveal(
            actor=handler, call=call, organization=self.organizations[REVEALED_TO]
        )
        self.created += 1
        return self.created

    def _apply(self, call: Call, organization: Organization, approach: str) -> None:
        user = self.owner_of(organization)
        application = services.application_create(
            actor=user, call=call, data={"technical_approach": approach}
        )
        services.application_update(
            actor=user,
            application=application,
            data={},
            responses={i.pk: f"满足：{i.target}{i.unit}" for i in call.indicators.all()},
        )
        services.application_submit(actor=user, application=application)
        self.created += 1
