"""Fictional demo calls, one per interesting stage, loaded through the open-call services.

Every status change goes through ``challenges.services``; only dates are moved (a deadline
or a publicity period pushed into the past) so that a fresh demo can show calls that have
already closed, been awarded or been accepted.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.models import Expert, Organization
from catalog.models import ChainNode, Product
from challenges import services
from challenges.models import Application, Call, Milestone
from challenges.selectors import call_ranking

DAY = timedelta(days=1)

RUBRIC = [
    ("技术方案先进性与可行性", "40", "关键指标的实现路径、技术成熟度与风险"),
    ("研发团队与基础条件", "25", "团队经验、试验条件与既有成果"),
    ("产业化前景与应用价值", "20", "国产替代意义、市场空间与示范效应"),
    ("进度与经费合理性", "15", "里程碑安排与预算的匹配程度"),
]

CALLS = [
    {
        "key": "sic-gate-oxide",
        "kind": "challenge",
        "issuer": "sh-huazhun",
        "stage": "published",
        "title": "车规级SiC MOSFET栅氧可靠性提升工艺攻关",
        "summary": "面向800V电驱平台，征集碳化硅MOSFET栅氧界面态控制与高温栅偏可靠性提升方案，"
        "赛马制支持两家揭榜单位并行攻关。",
        "background": "我司6英寸碳化硅工艺线已实现1200V器件量产，但高温栅偏（HTGB）漂移和栅氧早期失效"
        "仍是进入主机厂一级供应链的主要障碍。",
        "details": "现有工艺：干氧氧化+NO退火，界面态密度约3×10¹¹ cm⁻²eV⁻¹；HTGB（175℃，+20V，"
        "1000h）阈值漂移约0.45V。需在不改变现有炉管设备的前提下给出工艺窗口与验证数据。",
        "terms": "揭榜单位须签署保密协议：详细工艺参数与测试数据仅用于本榜单方案编制，不得向第三方披露，"
        "保密期限五年。",
        "deliverables": "工艺方案与工艺窗口报告；不少于3批次流片验证数据；AEC-Q101可靠性测试报告。",
        "amount": "3000000",
        "winner_cap": 2,
        "days": 45,
        "nodes": ["ic/power-device", "nev/sic-device"],
        "industry": "3972",
        "indicators": [
            ("界面态密度", "≤1×10¹¹", "cm⁻²eV⁻¹"),
            ("HTGB阈值漂移（175℃，1000h）", "≤0.2", "V"),
            ("栅氧击穿场强", "≥10", "MV/cm"),
        ],
        "applicants": [
            (
                "wx-lixin",
                "submitted",
                "采用高温氮化+磷钝化复合退火，降低近界面陷阱，配合栅氧后H₂退火。",
                ["jiangnan-tech"],
            ),
            ("sh-weigui", "draft", "从衬底外延缺陷控制入手，降低基面位错对栅氧可靠性的影响。", []),
        ],
    },
    {
        "key": "bms-afe",
        "kind": "challenge",
        "issuer": "hf-qingyuan",
        "stage": "closed",
        "title": "高精度电池管理AFE芯片国产化验证攻关",
        "summary": "征集满足ASIL-D功能安全要求的16通道电池监测AFE芯片，替代进口器件。",
        "background": "整车BMS主控已完成国产化，电池监测AFE芯片仍依赖进口，交期长达40周。",
        "details": "单体电压测量精度±1.5mV（-40~125℃），菊花链通信抗扰度满足ISO 11452-4 BCI 100mA。",
        "terms": "",
        "deliverables": "芯片样品200颗；ASIL-D功能安全认证计划；装车验证报告。",
        "amount": "1500000",
        "winner_cap": 1,
        "days": 30,
        "nodes": ["nev/bms", "ic/analog"],
        "industry": "3973",
        "indicators": [
            ("单体电压测量精度", "±1.5", "mV"),
            ("通道数", "16", "通道"),
            ("功能安全等级", "ASIL-D", ""),
        ],
        "applicants": [
            ("sz-yuanfeng", "submitted", "YF8616已通过AEC-Q100 Grade 1，计划补充ASIL-D认证。", []),
            (
                "sz-zhichu",
                "submitted",
                "基于自研AFE与BMS算法协同，提供芯片+参考设计。",
                ["lingnan-sci"],
            ),
            ("hf-ruigan", "submitted", "采用高精度Σ-Δ ADC架构，温漂补偿算法片上实现。", []),
        ],
    },
    {
        "key": "five-axis-thermal",
        "kind": "challenge",
        "issuer": "sy-beichen",
        "stage": "evaluating",
        "title": "五轴加工中心热误差实时补偿技术攻关",
        "summary": "针对五轴联动加工中心主轴与转台热变形，征集在线监测与实时补偿方案。",
        "background": "航空结构件精加工中，连续工作8小时热漂移达25μm，需频繁停机校准。",
        "details": "补偿需嵌入国产数控系统，补偿周期≤1s，不增加额外测头停机时间。",
        "terms": "",
        "deliverables": "补偿算法与软件模块；在3台样机上的对比加工报告。",
        "amount": "800000",
        "winner_cap": 1,
        "days": 30,
        "nodes": ["machine-tools/five-axis", "machine-tools/cnc-controller"],
        "industry": "3421",
        "indicators": [("8小时热漂移", "≤8", "μm"), ("补偿周期", "≤1", "s")],
        "applicants": [
            (
                "wh-hanshu",
                "eligible",
                "基于温度场重构的热误差模型，嵌入数控系统PLC实现实时补偿。",
                [],
            ),
            ("hz-jingdu", "eligible", "激光干涉在线标定结合数字孪生热模型。", ["ne-cnc-ri"]),
            ("ecpmi", "eligible", "多传感器融合的热误差预测与主轴伸长补偿。", []),
        ],
        "scores": "partial",
    },
    {
        "key": "innovation-centre",
        "kind": "selection",
        "issuer": "js-miit",
        "stage": "publicity",
        "title": "2026年制造业创新中心共建项目遴选（集成电路装备方向）",
        "summary": "遴选一批由专精特新企业牵头的集成电路装备关键零部件共建项目，"
        "国家级专精特新“小巨人”企业牵头申报的项目加5分。",
        "background": "落实为专精特新中小企业办实事清单第十四条。",
        "details": "项目周期两年，省级财政按不超过总投资30%给予支持。",
        "terms": "",
        "deliverables": "项目实施方案；年度进展报告；验收材料。",
        "amount": "5000000",
        "winner_cap": 2,
        "days": 30,
        "nodes": ["ic/parts", "ic/etch-depo"],
        "industry": "3562",
        "indicators": [("关键零部件国产化率", "≥70", "%"), ("项目总投资", "≥2000", "万元")],
        "applicants": [
            ("xa-qinwei", "eligible", "刻蚀腔体陶瓷部件与静电卡盘国产化。", ["yrd-icri"]),
            ("wx-lixin", "eligible", "功率器件产线关键零部件联合验证平台。", []),
            ("bj-jingjian", "eligible", "量测设备核心光学模组国产化。", []),
        ],
        "scores": "all",
        "winners": 2,
        "objection": "第三名与第二名总分接近，请复核专家评分是否考虑了联合体中科研院所的贡献。",
    },
    {
        "key": "verification-probe",
        "kind": "verification",
        "issuer": "wx-chengxin",
        "stage": "in_progress",
        "title": "MEMS垂直探针卡量产线工程化应用验证",
        "summary": "在12英寸晶圆测试量产线上开展国产MEMS垂直探针卡首台套应用验证。",
        "background": "落实清单第十一条，支持优质产品先试首用。",
        "details": "验证周期6个月，覆盖逻辑与电源管理芯片两类产品、不少于50万次触压。",
        "terms": "",
        "deliverables": "验证方案；阶段测试数据；验证结论报告。",
        "amount": "600000",
        "winner_cap": 1,
        "days": 30,
        "nodes": ["ic/test"],
        "industry": "3562",
        "indicators": [("触压寿命", "≥50万", "次"), ("CP良率差异", "≤0.3", "%")],
        "applicants": [
            (
                "sz-xince",
                "eligible",
                "提供XC-VP系列探针卡4套，驻场工程师支持。",
                [],
                "XC-VP系列MEMS垂直探针卡",
            ),
        ],
        "scores": "all",
        "winners": 1,
        "milestones": [
            ("探针卡上线与首批测试", 30, "4套探针卡完成安装调试与首批1万片测试", "accepted"),
            ("50万次触压寿命验证", 120, "寿命测试数据与磨损分析报告", "submitted"),
            ("验证结论报告", 180, "验证结论与推广建议", "agreed"),
        ],
    },
    {
        "key": "rnd-weld",
        "kind": "rnd_demand",
        "issuer": "sz-lvxiang",
        "stage": "accepted",
        "title": "一体化压铸铝合金件激光焊接气孔控制研发需求",
        "summary": "寻求高校或科研院所合作，解决一体化压铸后地板与铝挤压件激光焊接的气孔问题。",
        "background": "压铸件含气量较高，激光焊缝气孔率超过5%，影响疲劳性能。",
        "details": "母材为免热处理压铸铝合金，焊接速度≥4m/min。",
        "terms": "",
        "deliverables": "焊接工艺规范；气孔率检测报告；技术培训。",
        "amount": "400000",
        "winner_cap": 1,
        "days": 30,
        "nodes": ["nev/die-casting"],
        "industry": "3670",
        "indicators": [("焊缝气孔率", "≤1", "%"), ("焊接速度", "≥4", "m/min")],
        "applicants": [
            ("qinchuan-ind", "eligible", "摆动激光焊结合真空辅助排气，优化热输入。", []),
            ("qilu-amri", "eligible", "压铸件预处理除气与焊接参数协同优化。", []),
        ],
        "scores": "all",
        "winners": 1,
        "milestones": [
            ("工艺试验", 40, "正交试验与工艺窗口", "accepted"),
            ("工艺规范与培训", 90, "工艺规范文本与现场培训", "accepted"),
        ],
    },
    {
        "key": "motor-competition",
        "kind": "competition",
        "issuer": "js-miit",
        "stage": "competition_round2",
        "title": "第三届新能源汽车驱动电机创新大赛",
        "summary": "以赛促创：面向高功率密度驱动电机与电控，分初赛、复赛、决赛三轮择优。",
        "background": "落实清单第十三条，以比赛激发创新创业活力。",
        "details": "初赛书面评审，复赛答辩，决赛样机测试。",
        "terms": "",
        "deliverables": "参赛方案；复赛答辩材料；决赛样机。",
        "amount": "1000000",
        "winner_cap": 3,
        "days": 30,
        "nodes": ["nev/motor", "nev/inverter"],
        "industry": "3812",
        "indicators": [("峰值功率密度", "≥5", "kW/kg"), ("最高效率", "≥97", "%")],
        "rounds": [("复赛", 45, 2), ("决赛", 75, None)],
        "applicants": [
            ("nb-yongchi", "eligible", "扁线油冷电机，定子槽满率提升至75%。", []),
            ("cq-yudong", "eligible", "SiC电控与电机一体化设计。", []),
            ("sy-jingmo", "eligible", "高速减速器与电机集成的三合一方案。", []),
            ("wuhu-jiuzi", "eligible", "电机与热管理一体化冷却回路。", []),
        ],
        "scores": "all",
        "advance": 2,
    },
    {
        "key": "one-stop-demo",
        "kind": "demonstration",
        "issuer": "ah-jxt",
        "stage": "published",
        "title": "新能源汽车热管理系统“一条龙”示范应用推荐",
        "summary": "按产业链梳理小巨人企业，推荐参与整车热管理关键产品一条龙示范应用。",
        "background": "落实清单第十条，推动龙头企业对小巨人企业开放资源。",
        "details": "示范周期一年，由龙头整车企业提供装车验证。",
        "terms": "",
        "deliverables": "示范方案；装车验证报告。",
        "amount": None,
        "winner_cap": 3,
        "days": 60,
        "nodes": ["nev/thermal", "nev/pack"],
        "industry": "3670",
        "indicators": [("热泵低温制热COP（-10℃）", "≥2.0", "")],
        "applicants": [],
    },
    {
        "key": "draft-cmp",
        "kind": "challenge",
        "issuer": "sh-huazhun",
        "stage": "draft",
        "title": "12英寸CMP抛光垫国产化验证攻关（草稿）",
        "summary": "征集适用于铜互连工艺的CMP抛光垫。",
        "background": "",
        "details": "",
        "terms": "",
        "deliverables": "",
        "amount": "1000000",
        "winner_cap": 1,
        "days": 40,
        "nodes": ["ic/cmp"],
        "industry": "3985",
        "indicators": [],
        "applicants": [],
    },
    {
        "key": "pending-grinding",
        "kind": "challenge",
        "issuer": "jn-luwo",
        "stage": "pending_review",
        "title": "重载伺服压力机滑块精度保持性攻关",
        "summary": "征集滑块导轨磨损补偿与精度保持方案。",
        "background": "",
        "details": "连续冲压100万次后滑块平行度保持在0.03mm以内。",
        "terms": "",
        "deliverables": "方案与样机验证报告。",
        "amount": "500000",
        "winner_cap": 1,
        "days": 40,
        "nodes": ["machine-tools/press"],
        "industry": "3422",
        "indicators": [("滑块平行度（100万次后）", "≤0.03", "mm")],
        "applicants": [],
    },
]


def _score(application_key: str, expert_pk: int, criterion_pk: int) -> int:
    """A stable, plausible score between 62 and 95."""
    digest = hashlib.sha1(f"{application_key}-{expert_pk}-{criterion_pk}".encode()).digest()
    return 62 + digest[0] % 34


class CallSeeder:
    """Load ``CALLS``; skip a call whose issuer already has one with the same title."""

    def __init__(self, *, admin, organizations: dict[str, Organization], owner_of, experts):
        self.admin = admin
        self.organizations = organizations
        self.owner_of = owner_of
        self.experts: list[Expert] = list(experts)
        self.created = 0

    def run(self) -> int:
        for spec in CALLS:
            issuer = self.organizations[spec["issuer"]]
            if Call.objects.filter(issuer=issuer, title=spec["title"]).exists():
                continue
            self._call(spec, issuer)
            self.created += 1
        return self.created

    def _nodes(self, references) -> list[int]:
        ids = []
        for reference in references:
            slug, key = reference.split("/")
            ids.append(ChainNode.objects.get(chain__slug=slug, key=key).pk)
        return ids

    def _call(self, spec: dict, issuer: Organization) -> None:
        from reference.models import Industry

        now = timezone.now()
        issuer_user = self.owner_of(issuer)
        data = {
            "title": spec["title"],
            "summary": spec["summary"],
            "background": spec["background"],
            "details": spec["details"],
            "terms": spec["terms"],
            "deliverables": spec["deliverables"],
            "amount": Decimal(spec["amount"]) if spec["amount"] else None,
            "winner_cap": spec["winner_cap"],
            "deadline": now + spec["days"] * DAY,
            "work_start": (now + (spec["days"] + 30) * DAY).date(),
            "work_end": (now + (spec["days"] + 400) * DAY).date(),
            "industry": Industry.objects.get(code=spec["industry"]),
            "chain_nodes": self._nodes(spec["nodes"]),
        }
        call = services.call_create(actor=issuer_user, kind=spec["kind"], data=data)
        for name, target, unit in spec["indicators"]:
            services.call_indicator_add(
                actor=issuer_user, call=call, name=name, target=target, unit=unit
            )
        rounds = [None]
        if call.uses_rounds:
            rounds = [call.rounds.get()]
            for name, days, advance in spec.get("rounds", []):
                rounds.append(
                    services.call_round_add(
                        actor=issuer_user,
                        call=call,
                        name=name,
                        deadline=now + days * DAY,
                        advance_count=advance,
                    )
                )
            call.rounds.filter(position=1).update(advance_count=spec.get("advance"))
        for round_ in rounds:
            for name, weight, description in RUBRIC:
                services.call_criterion_add(
                    actor=issuer_user,
                    call=call,
                    name=name,
                    weight=Decimal(weight),
                    description=description,
                    round=round_,
                )
        stage = spec["stage"]
        if stage == "draft":
            return
        services.call_submit(actor=issuer_user, call=call)
        if stage == "pending_review":
            return
        call = services.call_publish(actor=self.admin, call=call)
        applications = [self._apply(call, entry) for entry in spec["applicants"]]
        if stage == "published":
            return

        # The deadline passes; the scheduler closes the call.
        Call.objects.filter(pk=call.pk).update(deadline=now - DAY)
        call.refresh_from_db()
        services.call_close(actor=None, call=call)
        if stage == "closed":
            return
        call = services.call_start_evaluation(actor=issuer_user, call=call)
        for application in applications:
            services.application_mark_eligible(actor=issuer_user, application=application)
        self._review(call, applications, issuer_user, partial=spec.get("scores") == "partial")
        if stage == "evaluating":
            return
        call = services.call_panel_close(actor=issuer_user, call=call)
        if stage == "competition_round2":
            ranking = [r.key for r in call_ranking(call)]
            services.round_advance(
                actor=issuer_user, call=call, applications=ranking[: spec["advance"]]
            )
            return
        ranking = [r.key for r in call_ranking(call)]
        winners = ranking[: spec["winners"]]
        for application in winners:
            services.application_shortlist(actor=issuer_user, application=application)
            services.award_propose(
                actor=issuer_user,
                application=application,
                amount=(call.amount / len(winners)).quantize(Decimal("1")) if call.amount else None,
            )
        call = services.call_publicize(actor=issuer_user, call=call)
        if stage == "publicity":
            if spec.get("objection"):
                objector = self.owner_of(ranking[-1].applicant)
                services.objection_file(actor=objector, call=call, text=spec["objection"])
            return
        Call.objects.filter(pk=call.pk).update(publicity_ends_at=now - DAY)
        call.refresh_from_db()
        call = services.call_finalize(actor=None, call=call)
        for application in winners:
            application.refresh_from_db()
            self._milestones(call, application, issuer_user, spec["milestones"])
        call = services.call_start_work(actor=issuer_user, call=call)
        for application in winners:
            self._progress(application, issuer_user)
        if stage == "accepted":
            services.call_accept(actor=issuer_user, call=call, note="各项指标均达到榜单要求。")

    def _apply(self, call: Call, entry) -> Application:
        org_key, status, approach, partners, *product = entry
        organization = self.organizations[org_key]
        user = self.owner_of(organization)
        if call.has_terms:
            services.terms_accept(actor=user, call=call)
        chosen = (
            Product.objects.get(organization=organization, title=product[0]) if product else None
        )
        application = services.application_create(
            actor=user,
            call=call,
            product=chosen,
            data={
                "technical_approach": approach,
                "team": f"{organization.name}研发团队，核心成员12人，其中高级职称5人。",
                "prior_results": "相关方向已获授权发明专利6项，完成省级科技项目2项。",
                "budget": ((call.amount or Decimal("1000000")) * 8 / 10).quantize(Decimal("1")),
                "schedule": "第1–3个月方案设计；第4–9个月试制与测试；第10–12个月验证与总结。",
            },
        )
        services.application_update(
            actor=user,
            application=application,
            data={},
            product=chosen,
            responses={
                i.pk: f"方案可达到{i.target}{i.unit}，已有小批量验证数据。"
                for i in call.indicators.all()
            },
        )
        for partner_key in partners:
            partner = self.organizations[partner_key]
            invitation = services.partner_invite(
                actor=user, application=application, organization=partner, role="联合研发与测试验证"
            )
            services.partner_respond(actor=self.owner_of(partner), partner=invitation, accept=True)
        if status != "draft":
            services.application_submit(actor=user, application=application)
        return application

    def _review(self, call: Call, applications, issuer_user, *, partial: bool) -> None:
        for index, application in enumerate(applications):
            eligible = [
                e for e in self.experts if services.conflict_reason(e, application) is None
            ][:3]
            for number, expert in enumerate(eligible):
                assignment = services.expert_assign(
                    actor=issuer_user, application=application, expert=expert
                )
                # In the "evaluating" demo the demo expert's own sheets stay open.
                if partial and number == 0:
                    continue
                criteria = services.rubric_for(assignment)
                services.review_save(
                    actor=expert.user,
                    assignment=assignment,
                    scores={
                        c.pk: (
                            _score(f"{call.pk}-{index}", expert.pk, c.pk),
                            "论证充分" if c.position == 0 else "",
                        )
                        for c in criteria
                    },
                    comment="方案总体可行，建议加强可靠性验证。",
                )
                services.review_submit(actor=expert.user, assignment=assignment)

    def _milestones(self, call, application, issuer_user, specs) -> None:
        winner_user = self.owner_of(application.applicant)
        for title, days, deliverables, _target in specs:
            milestone = services.milestone_propose(
                actor=issuer_user,
                application=application,
                title=title,
                due_date=timezone.localdate() + days * DAY,
                deliverables=deliverables,
            )
            services.milestone_agree(actor=winner_user, milestone=milestone)

    def _progress(self, application, issuer_user) -> None:
        winner_user = self.owner_of(application.applicant)
        spec = next(s for s in CALLS if s["title"] == application.call.title)
        targets = {title: target for title, _d, _x, target in spec["milestones"]}
        for milestone in Milestone.objects.filter(application=application).order_by("due_date"):
            target = targets[milestone.title]
            if target in ("submitted", "accepted"):
                services.milestone_report(
                    actor=winner_user,
                    milestone=milestone,
                    report=f"已完成：{milestone.deliverables}。",
                )
            if target == "accepted":
                services.milestone_accept(
                    actor=issuer_user, milestone=milestone, note="交付物齐全，符合要求。"
                )
