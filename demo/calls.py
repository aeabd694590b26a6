"""Load the fictional demo calls (``demo/data/calls.toml``) through the open-call services.

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
from catalog.models import Product
from challenges import services
from challenges.models import Application, Call, Milestone
from challenges.selectors import call_ranking
from demo.specs import ApplicationSpec, CallSpec, CallTexts, CriterionSpec, MilestoneSpec
from reference.models import Industry

DAY = timedelta(days=1)


def _score(application_key: str, expert_pk: int, criterion_pk: int) -> int:
    """A stable, plausible score between 62 and 95."""
    digest = hashlib.sha1(f"{application_key}-{expert_pk}-{criterion_pk}".encode()).digest()
    return 62 + digest[0] % 34


class CallSeeder:
    """Load the demo calls; skip a call whose issuer already has one with the same title."""

    def __init__(
        self,
        *,
        calls: list[CallSpec],
        rubric: list[CriterionSpec],
        texts: CallTexts,
        admin,
        organizations: dict[str, Organization],
        owner_of,
        node_ids,
        experts,
        before_accept=None,
    ):
        self.calls = calls
        self.rubric = rubric
        self.texts = texts
        self.admin = admin
        self.organizations = organizations
        self.owner_of = owner_of
        self.node_ids = node_ids
        self.experts: list[Expert] = list(experts)
        # Called with the call just before its final acceptance: a verification project
        # must have its winners' first-use evidence on file by then.
        self.before_accept = before_accept
        self.created = 0

    def run(self) -> int:
        for spec in self.calls:
            issuer = self.organizations[spec.issuer]
            if Call.objects.filter(issuer=issuer, title=spec.title).exists():
                continue
            self._call(spec, issuer)
            self.created += 1
        return self.created

    def _call(self, spec: CallSpec, issuer: Organization) -> None:
        now = timezone.now()
        issuer_user = self.owner_of(issuer)
        days = spec.deadline_in_days
        data = {
            "title": spec.title,
            "summary": spec.summary,
            "background": spec.background,
            "details": spec.details,
            "terms": spec.terms,
            "deliverables": spec.deliverables,
            "amount": spec.amount,
            "winner_cap": spec.winner_cap,
            "deadline": now + days * DAY,
            "work_start": (now + (days + 30) * DAY).date(),
            "work_end": (now + (days + 400) * DAY).date(),
            "industry": Industry.objects.get(code=spec.industry),
            "chain_nodes": self.node_ids(spec.chain_nodes),
        }
        call = services.call_create(actor=issuer_user, kind=spec.kind, data=data)
        for indicator in spec.indicators:
            services.call_indicator_add(
                actor=issuer_user,
                call=call,
                name=indicator.name,
                target=indicator.target,
                unit=indicator.unit,
            )
        rounds = [None]
        if call.uses_rounds:
            rounds = [call.rounds.get()]
            for round_spec in spec.rounds:
                rounds.append(
                    services.call_round_add(
                        actor=issuer_user,
                        call=call,
                        name=round_spec.name,
                        deadline=now + round_spec.deadline_in_days * DAY,
                        advance_count=round_spec.advance,
                    )
                )
            call.rounds.filter(position=1).update(advance_count=spec.advance)
        for round_ in rounds:
            for criterion in self.rubric:
                services.call_criterion_add(
                    actor=issuer_user,
                    call=call,
                    name=criterion.name,
                    weight=criterion.weight,
                    description=criterion.description,
                    round=round_,
                )
        stage = spec.stage
        if stage == "draft":
            return
        services.call_submit(actor=issuer_user, call=call)
        if stage == "pending_review":
            return
        call = services.call_publish(actor=self.admin, call=call)
        applications = [self._apply(call, entry) for entry in spec.applications]
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
        self._review(call, applications, issuer_user, partial=spec.scores == "partial")
        if stage == "evaluating":
            return
        call = services.call_panel_close(actor=issuer_user, call=call)
        if stage == "competition_round2":
            ranking = [r.key for r in call_ranking(call)]
            services.round_advance(
                actor=issuer_user, call=call, applications=ranking[: spec.advance]
            )
            return
        ranking = [r.key for r in call_ranking(call)]
        winners = ranking[: spec.winners]
        for application in winners:
            services.application_shortlist(actor=issuer_user, application=application)
            services.award_propose(
                actor=issuer_user,
                application=application,
                amount=(call.amount / len(winners)).quantize(Decimal("1")) if call.amount else None,
            )
        call = services.call_publicize(actor=issuer_user, call=call)
        if stage == "publicity":
            if spec.objection:
                objector = self.owner_of(ranking[-1].applicant)
                services.objection_file(actor=objector, call=call, text=spec.objection)
            return
        Call.objects.filter(pk=call.pk).update(publicity_ends_at=now - DAY)
        call.refresh_from_db()
        call = services.call_finalize(actor=None, call=call)
        for application in winners:
            application.refresh_from_db()
            self._milestones(application, issuer_user, spec.milestones)
        call = services.call_start_work(actor=issuer_user, call=call)
        for application in winners:
            self._progress(application, issuer_user, spec.milestones)
        if stage == "accepted":
            if self.before_accept is not None:
                self.before_accept(call)
            services.call_accept(actor=issuer_user, call=call, note=self.texts.call_acceptance_note)

    def _apply(self, call: Call, entry: ApplicationSpec) -> Application:
        organization = self.organizations[entry.org]
        user = self.owner_of(organization)
        if call.has_terms:
            services.terms_accept(actor=user, call=call)
        chosen = (
            Product.objects.get(organization=organization, title=entry.product)
            if entry.product
            else None
        )
        application = services.application_create(
            actor=user,
            call=call,
            product=chosen,
            data={
                "technical_approach": entry.approach,
                "team": self.texts.application_team.format(organization=organization.name),
                "prior_results": self.texts.application_prior_results,
                "budget": ((call.amount or Decimal("1000000")) * 8 / 10).quantize(Decimal("1")),
                "schedule": self.texts.application_schedule,
            },
        )
        services.application_update(
            actor=user,
            application=application,
            data={},
            product=chosen,
            responses={
                i.pk: self.texts.indicator_response.format(target=i.target, unit=i.unit)
                for i in call.indicators.all()
            },
        )
        for partner_key in entry.partners:
            partner = self.organizations[partner_key]
            invitation = services.partner_invite(
                actor=user,
                application=application,
                organization=partner,
                role=self.texts.partner_role,
            )
            services.partner_respond(actor=self.owner_of(partner), partner=invitation, accept=True)
        if entry.status != "draft":
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
                            self.texts.first_criterion_comment if c.position == 0 else "",
                        )
                        for c in criteria
                    },
                    comment=self.texts.review_comment,
                )
                services.review_submit(actor=expert.user, assignment=assignment)

    def _milestones(self, application, issuer_user, specs: list[MilestoneSpec]) -> None:
        winner_user = self.owner_of(application.applicant)
        for spec in specs:
            milestone = services.milestone_propose(
                actor=issuer_user,
                application=application,
                title=spec.title,
                due_date=timezone.localdate() + spec.due_in_days * DAY,
                deliverables=spec.deliverables,
            )
            services.milestone_agree(actor=winner_user, milestone=milestone)

    def _progress(self, application, issuer_user, specs: list[MilestoneSpec]) -> None:
        winner_user = self.owner_of(application.applicant)
        targets = {spec.title: spec.target for spec in specs}
        for milestone in Milestone.objects.filter(application=application).order_by("due_date"):
            target = targets[milestone.title]
            if target in ("submitted", "accepted"):
                services.milestone_report(
                    actor=winner_user,
                    milestone=milestone,
                    report=self.texts.milestone_report.format(deliverables=milestone.deliverables),
                )
            if target == "accepted":
                services.milestone_accept(
                    actor=issuer_user,
                    milestone=milestone,
                    note=self.texts.milestone_acceptance_note,
                )
