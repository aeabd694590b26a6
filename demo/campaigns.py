"""Seed the collection campaigns (征集, measures 十三 and 十五) through the campaign services:
a provincial department's campaign of technical problems with recommending units, whose
screening sent one back, merged two into a third and published three as batch 1 (one of
them anonymously); and an open campaign of research results with a university's result.

Idempotent: a campaign with the same title is skipped.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.models import Organization
from campaigns import services
from campaigns.models import Campaign, CampaignKind
from catalog.models import ChainNode, ListingStatus, ResearchResult

PROBLEMS_CAMPAIGN = {
    "organizer": "ah-jxt",
    "title": "2026年新能源汽车产业链关键技术难题征集",
    "theme": "整车电子电气架构、动力电池安全与800V电驱动",
    "description": (
        "面向新能源汽车产业链龙头企业征集制约产业链安全的关键技术难题，"
        "经筛选后统一发布揭榜挂帅榜单，由推荐单位择优推荐揭榜单位。"
    ),
    "chain_nodes": ["nev/battery", "nev/motor"],
    "units": [("js-miit", 3), ("dl-binhai", 2)],
}

# (key, organization, title, summary, indicators, amount, anonymous label)
PROBLEMS = [
    (
        "domain",
        "hf-qingyuan",
        "整车域控制器功能安全与信息安全一体化设计",
        "中央计算+区域控制架构下，域控制器需同时满足ASIL-D功能安全与ISO/SAE 21434信息安全要求。",
        "功能安全等级, ASIL-D\n安全启动时间：≤200ms\n渗透测试高危漏洞, 0个",
        Decimal("8000000"),
        "某新能源整车企业",
    ),
    (
        "thermal-runaway",
        "nd-ningchuan",
        "动力电池热失控早期预警与蔓延抑制技术",
        "大容量磷酸铁锂与三元电池包热失控预警时间不足，模组间蔓延抑制难以兼顾能量密度。",
        "预警提前时间, ≥30min\n热蔓延：电池包内无起火无爆炸\n系统能量密度损失, ≤3%",
        Decimal("6000000"),
        "",
    ),
    (
        "sic-cooling",
        "cq-yudong",
        "800V电驱动碳化硅控制器高效散热与封装",
        "800V平台碳化硅电机控制器功率密度提升后，散热与封装可靠性成为瓶颈。",
        "控制器功率密度, ≥50kW/L\n功率循环寿命：≥10万次（ΔTj=100K）",
        Decimal("5000000"),
        "",
    ),
    (
        "module-heat",
        "wx-chengxin",
        "碳化硅功率模块双面散热封装优化",
        "双面散热碳化硅模块封装结构与界面材料优化，降低结壳热阻。",
        "结壳热阻, ≤0.1K/W",
        None,
        "",
    ),
    (
        "inverter-thermal",
        "hf-qingyuan",
        "电驱动控制器功率模块热管理",
        "整车工况下电机控制器功率模块温升过高，需要新的热管理方案。",
        "最高结温, ≤150℃",
        None,
        "",
    ),
    (
        "cockpit",
        "sz-pengyuan",
        "车载智能座舱多模态人机交互",
        "智能座舱语音、手势与视线多模态交互的响应时间和准确率有待提高。",
        "语音唤醒响应, ≤300ms",
        None,
        "",
    ),
]
ACCEPTED = ["domain", "thermal-runaway", "sic-cooling"]
MERGED = [("module-heat", "sic-cooling"), ("inverter-thermal", "sic-cooling")]
MERGE_REASON = "同属800V电驱动碳化硅控制器散热问题，合并为一个榜单项目。"
RETURNED = [("cockpit", "与本次征集的关键零部件主题不符，请聚焦产业链卡点后重新提交。")]

RESULTS_CAMPAIGN = {
    "organizer": "js-miit",
    "title": "2026年江苏省高校科技成果转移目录征集",
    "theme": "集成电路与新能源汽车领域可转化科技成果",
    "description": "征集高校、科研院所已发布的科技成果，经筛选后编入成果转移目录向企业推介。",
    "chain_nodes": ["ic/power-device"],
}
RESULT_SUBMISSIONS = [("jiangnan-tech", "碳化硅功率模块低温纳米银烧结互连技术")]


class CampaignSeeder:
    def __init__(self, *, organizations, owner_of, node_ids):
        self.organizations: dict[str, Organization] = organizations
        self.owner_of = owner_of
        self.node_ids = node_ids
        self.created = 0

    def run(self) -> int:
        if not Campaign.objects.filter(title=PROBLEMS_CAMPAIGN["title"]).exists():
            self._problems()
        if not Campaign.objects.filter(title=RESULTS_CAMPAIGN["title"]).exists():
            self._results()
        return self.created

    def _campaign(self, spec: dict, kind: str, **extra) -> tuple[Campaign, object]:
        official = self.owner_of(self.organizations[spec["organizer"]])
        now = timezone.now()
        campaign = services.campaign_create(
            actor=official,
            kind=kind,
            data={
                "title": spec["title"],
                "theme": spec["theme"],
                "description": spec["description"],
                "deadline": now + timedelta(days=20),
                **extra,
            },
            chain_nodes=ChainNode.objects.filter(pk__in=self.node_ids(spec["chain_nodes"])),
        )
        self.created += 1
        return campaign, official

    def _problems(self) -> None:
        spec = PROBLEMS_CAMPAIGN
        campaign, official = self._campaign(
            spec,
            CampaignKind.PROBLEMS,
            call_deadline=timezone.now() + timedelta(days=75),
            requires_nomination=True,
        )
        services.campaign_units_set(
            actor=official,
            campaign=campaign,
            units=[(self.organizations[key], quota) for key, quota in spec["units"]],
        )
        campaign = services.campaign_open(actor=official, campaign=campaign)
        submissions = {}
        for key, org, title, summary, indicators, amount, label in PROBLEMS:
            submissions[key] = services.submission_create(
                actor=self.owner_of(self.organizations[org]),
                campaign=campaign,
                data={
                    "title": title,
                    "summary": summary,
                    "details": "",
                    "indicators": indicators,
                    "amount": amount,
                    "anonymous_label": label,
                },
            )
            self.created += 1
        campaign = services.campaign_screen(actor=official, campaign=campaign)
        for key in ACCEPTED:
            services.submission_accept(actor=official, submission=submissions[key])
        for key, target in MERGED:
            services.submission_merge(
                actor=official,
                submission=submissions[key],
                target=submissions[target],
                reason=MERGE_REASON,
            )
        for key, reason in RETURNED:
            services.submission_return(actor=official, submission=submissions[key], reason=reason)
        services.campaign_publish(actor=official, campaign=campaign)
        self.created += 1 + len(ACCEPTED)

    def _results(self) -> None:
        campaign, official = self._campaign(RESULTS_CAMPAIGN, CampaignKind.RESULTS)
        campaign = services.campaign_open(actor=official, campaign=campaign)
        for org, title in RESULT_SUBMISSIONS:
            organization = self.organizations[org]
            result = ResearchResult.objects.get(
                organization=organization, title=title, status=ListingStatus.PUBLISHED
            )
            services.submission_create(
                actor=self.owner_of(organization),
                campaign=campaign,
                data={"title": result.title, "summary": result.summary},
                result=result,
            )
            self.created += 1
