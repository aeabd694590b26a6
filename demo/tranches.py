"""Seed money against milestones through the services: on the demo verification project in
progress, the issuer ties a tranche of the award to the milestone reported for acceptance and
another to a later one, then accepts the reported milestone, which releases its tranche (who,
when, how much). One tranche released, one pending.

Idempotent: an award that already has tranches is left as it is.
"""

from __future__ import annotations

from decimal import Decimal

from accounts.models import Organization
from challenges import services
from challenges.models import Award, AwardStatus, Call, MilestoneStatus

# The demo call whose winner gets tranches, and the amount tied to each milestone.
CALL_TITLE = "MEMS垂直探针卡量产线工程化应用验证"
TRANCHES = {
    "50万次触压寿命验证": Decimal("200000"),  # reported: accepted here, so released
    "验证结论报告": Decimal("250000"),  # agreed: stays pending
}
ACCEPTANCE_NOTE = "寿命验证数据完整，同意验收并拨付本期资金。"


class TrancheSeeder:
    def __init__(self, *, organizations, owner_of):
        self.organizations: dict[str, Organization] = organizations
        self.owner_of = owner_of
        self.created = 0

    def run(self) -> int:
        call = Call.objects.filter(title=CALL_TITLE).select_related("issuer").first()
        if call is None:
            return 0
        award = (
            Award.objects.filter(call=call, status=AwardStatus.FINAL, amount__isnull=False)
            .select_related("application")
            .first()
        )
        if award is None or award.tranches.exists():
            return 0
        handler = self.owner_of(call.issuer)
        milestones = {m.title: m for m in award.application.milestones.all()}
        for title, amount in TRANCHES.items():
            milestone = milestones.get(title)
            if milestone is None or milestone.status == MilestoneStatus.ACCEPTED:
                continue
            services.tranche_set(actor=handler, milestone=milestone, amount=amount)
            self.created += 1
        for milestone in milestones.values():
            if milestone.status == MilestoneStatus.SUBMITTED and milestone.title in TRANCHES:
                services.milestone_accept(actor=handler, milestone=milestone, note=ACCEPTANCE_NOTE)
        return self.created
