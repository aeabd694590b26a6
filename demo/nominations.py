"""Seed nomination by recommending units (推荐单位, measure 十三) through the services: a
provincial department's project selection that requires nomination, with two recommending
units (quotas 2 and 1); applications pending, nominated (one unit at its quota) and one
returned with a reason. And a finished two-round competition (以赛促创) whose results got
certificates when its award became final, its runner-up invited to a related open call.

Idempotent: a call with the same title is skipped; results and invitations are created once.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.models import Expert, Organization
from challenges import rules, services
from challenges.models import (
    Call,
    CallKind,
    CallStatus,
    CompetitionResult,
    Invitation,
    NominationStatus,
)
from reference.models import Industry

NOMINATION_CALL = {
    "issuer": "ah-jxt",
    "title": "2026年专精特新中小企业“强链补链”项目遴选（推荐制）",
    "summary": "由推荐单位择优推荐，每个推荐单位在名额内推荐项目，遴选一批补链强链项目给予支持。",
    "details": "申报单位须通过一家推荐单位提交；推荐单位出具推荐意见后方可进入评审。",
    "industry": "3812",
    "chain_nodes": ["nev/motor", "nev/battery"],
    "indicators": [("国产化率", "≥80", "%"), ("新增产值", "≥5000", "万元")],
    # (unit, quota)
    "units": [("js-miit", 2), ("cq-yudong", 1)],
}

# (applicant, unit, what the unit does: "pending" / "nominate" / "return", opinion or reason)
NOMINATIONS = [
    ("nb-yongchi", "js-miit", "nominate", "技术路线成熟，已在整车平台小批量验证，同意推荐。"),
    ("cz-tengli", "js-miit", "pending", ""),
    ("wuhu-jiuzi", "cq-yudong", "nominate", "热管理方案与我司800V平台配套，同意推荐。"),
    ("qd-hanchong", "cq-yudong", "return", "缺少第三方检测报告，请补充后重新提交。"),
    ("sz-zhichu", "js-miit", "pending", ""),
]

# A finished competition (以赛促创): two rounds, four entrants (the best three reach the
# final), one winner; its results get certificates when the award becomes final.
COMPETITION = {
    "issuer": "gd-gxt",
    "title": "2026年新能源汽车电驱动创新创业大赛（已颁奖）",
    "summary": "以赛促创：面向电驱动与电控的创新方案，初赛书面评审，决赛答辩，优胜者获得证书。",
    "industry": "3812",
    "chain_nodes": ["nev/motor", "nev/inverter"],
    "indicator": ("峰值功率密度", "≥5", "kW/kg"),
    "criteria": [("技术创新性", Decimal("60")), ("产业化前景", Decimal("40"))],
    "entrants": ["nb-yongchi", "sz-lvxiang", "cs-luzhi", "qd-hanchong"],
    "advance": 3,
}
# Each entrant's share of the maximum score, in the order above (distinct totals).
SHARES = [Decimal("0.92"), Decimal("0.86"), Decimal("0.79"), Decimal("0.70")]


class NominationSeeder:
    def __init__(self, *, organizations, owner_of, node_ids, admin):
        self.organizations: dict[str, Organization] = organizations
        self.owner_of = owner_of
        self.node_ids = node_ids
        self.admin = admin
        self.created = 0

    def run(self) -> int:
        self._nomination_call()
        self._competition()
        return self.created

    # --- nomination ---------------------------------------------------------------------------

    def _nomination_call(self) -> None:
        spec = NOMINATION_CALL
        issuer = self.organizations[spec["issuer"]]
        if Call.objects.filter(issuer=issuer, title=spec["title"]).exists():
            return
        official = self.owner_of(issuer)
        now = timezone.now()
        call = services.call_create(
            actor=official,
            kind=CallKind.SELECTION,
            data={
                "title": spec["title"],
                "summary": spec["summary"],
                "details": spec["details"],
                "amount": Decimal("3000000"),
                "winner_cap": 3,
                "deadline": now + timedelta(days=40),
                "work_start": (now + timedelta(days=70)).date(),
                "work_end": (now + timedelta(days=430)).date(),
                "industry": Industry.objects.get(code=spec["industry"]),
                "chain_nodes": self.node_ids(spec["chain_nodes"]),
                "requires_nomination": True,
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
            actor=official, call=call, name="产业带动作用", weight=Decimal("40"), description=""
        )
        for key, quota in spec["units"]:
            services.nomination_quota_set(
                actor=official, call=call, unit=self.organizations[key], quota=quota
            )
        services.call_submit(actor=official, call=call)
        call = services.call_publish(actor=self.admin, call=call)
        self.created += 1 + len(spec["units"])
        for applicant_key, unit_key, decision, text in NOMINATIONS:
            self._apply(call, applicant_key, unit_key, decision, text)

    def _apply(self, call: Call, applicant_key: str, unit_key: str, decision: str, text: str):
        organization = self.organizations[applicant_key]
        unit = self.organizations[unit_key]
        user = self.owner_of(organization)
        application = services.application_create(
            actor=user,
            call=call,
            data={"technical_approach": f"{organization.name}围绕补链环节开展国产化攻关。"},
        )
        services.application_update(
            actor=user,
            application=application,
            data={},
            responses={i.pk: f"满足：{i.target}{i.unit}" for i in call.indicators.all()},
        )
        services.application_submit_to_unit(actor=user, application=application, unit=unit)
        nomination = application.nominations.get(status=NominationStatus.PENDING)
        member = self.owner_of(unit)
        if decision == "nominate":
            services.nomination_nominate(actor=member, nomination=nomination, review=text)
        elif decision == "return":
            services.nomination_return(actor=member, nomination=nomination, reason=text)
        self.created += 2

    # --- competition results (以赛促创) --------------------------------------------------------

    def _competition(self) -> None:
        spec = COMPETITION
        issuer = self.organizations[spec["issuer"]]
        competition = Call.objects.filter(issuer=issuer, title=spec["title"]).first()
        if competition is None:
            competition = self._finished_competition(spec, issuer)
        self._invite_finalist(competition)

    def _finished_competition(self, spec: dict, issuer: Organization) -> Call:
        """Drive a competition through its two rounds to a final award with the services;
        ``call_finalize`` records its results and certificates."""
        official = self.owner_of(issuer)
        now = timezone.now()
        call = services.call_create(
            actor=official,
            kind=CallKind.COMPETITION,
            data={
                "title": spec["title"],
                "summary": spec["summary"],
                "amount": Decimal("500000"),
                "winner_cap": 1,
                "deadline": now + timedelta(days=30),
                "work_start": (now + timedelta(days=90)).date(),
                "work_end": (now + timedelta(days=400)).date(),
                "industry": Industry.objects.get(code=spec["industry"]),
                "chain_nodes": self.node_ids(spec["chain_nodes"]),
            },
        )
        name, target, unit = spec["indicator"]
        services.call_indicator_add(actor=official, call=call, name=name, target=target, unit=unit)
        final = services.call_round_add(
            actor=official, call=call, name="决赛", deadline=now + timedelta(days=60)
        )
        call.rounds.filter(position=1).update(advance_count=spec["advance"])
        for round_ in call.rounds.all():
            for criterion, weight in spec["criteria"]:
                services.call_criterion_add(
                    actor=official, call=call, name=criterion, weight=weight, round=round_
                )
        services.call_submit(actor=official, call=call)
        call = services.call_publish(actor=self.admin, call=call)
        entrants = []
        for key in spec["entrants"]:
            organization = self.organizations[key]
            user = self.owner_of(organization)
            application = services.application_create(
                actor=user,
                call=call,
                data={"technical_approach": f"{organization.name}参赛方案：高功率密度电驱动。"},
            )
            services.application_update(
                actor=user,
                application=application,
                data={},
                responses={i.pk: f"满足：{i.target}{i.unit}" for i in call.indicators.all()},
            )
            services.application_submit(actor=user, application=application)
            entrants.append(application)
        Call.objects.filter(pk=call.pk).update(deadline=now - timedelta(days=1))
        call.refresh_from_db()
        services.call_close(actor=None, call=call)
        call = services.call_start_evaluation(actor=official, call=call)
        for application in entrants:
            services.application_mark_eligible(actor=official, application=application)
        self._score(call, entrants, official)
        call = services.call_panel_close(actor=official, call=call)
        finalists = entrants[: spec["advance"]]
        services.round_advance(actor=official, call=call, applications=finalists)
        call.refresh_from_db()
        if call.current_round_id != final.pk:
            raise RuntimeError("the demo competition did not reach its final round")
        self._score(call, finalists, official)
        call = services.call_panel_close(actor=official, call=call)
        winner = finalists[0]
        services.application_shortlist(actor=official, application=winner)
        services.award_propose(actor=official, application=winner, amount=call.amount)
        call = services.call_publicize(actor=official, call=call)
        Call.objects.filter(pk=call.pk).update(publicity_ends_at=now - timedelta(days=1))
        call.refresh_from_db()
        call = services.call_finalize(actor=None, call=call)
        self.created += 1 + len(entrants) + call.competition_results.count()
        return call

    def _score(self, call: Call, applications, official) -> None:
        """Three experts without a conflict score each application of the current round."""
        experts = list(Expert.objects.select_related("user").order_by("pk"))
        for index, application in enumerate(applications):
            chosen = [e for e in experts if services.conflict_reason(e, application) is None][:3]
            for expert in chosen:
                assignment = services.expert_assign(
                    actor=official, application=application, expert=expert
                )
                services.review_save(
                    actor=expert.user,
                    assignment=assignment,
                    scores={
                        c.pk: ((Decimal(c.max_score) * SHARES[index]).quantize(Decimal("1")), "")
                        for c in services.rubric_for(assignment)
                    },
                    comment="方案完整，指标可达。",
                )
                services.review_submit(actor=expert.user, assignment=assignment)

    def _invite_finalist(self, competition: Call) -> None:
        """Invite the competition's runner-up to a related open call (sharing a chain
        node), carrying its rank and score; once."""
        result = (
            CompetitionResult.objects.filter(call=competition, rank__gte=2)
            .select_related("application__applicant")
            .order_by("rank")
            .first()
        )
        if result is None or Invitation.objects.filter(competition_result=result).exists():
            return
        organization = result.application.applicant
        candidates = (
            Call.objects.filter(
                status=CallStatus.PUBLISHED,
                deadline__gt=timezone.now(),
                chain_nodes__in=competition.chain_nodes.all(),
            )
            .exclude(pk=competition.pk)
            .exclude(invitations__organization=organization)
            .exclude(applications__applicant=organization)
            .select_related("issuer")
            .distinct()
            .order_by("pk")
        )
        for call in candidates:
            if rules.eligibility_problems(organization, call):
                continue
            services.call_invite_finalist(
                actor=self.owner_of(call.issuer), call=call, result=result
            )
            self.created += 1
            return
