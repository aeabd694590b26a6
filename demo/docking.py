"""Load the demo content of measure 十五 (``demo/data/docking.toml``) through the docking
services: interests in results, products, resources and R&D demands, each driven to its
state (pending, accepted, negotiating, a deal recorded or confirmed, no deal, declined,
withdrawn); the accepted ones get their conversation (messages come from another seeder).

The requesting organization's first administrator acts for it, the owner's for the owner.
Idempotent: an interest of the same organization with the same note is skipped. Only dates
are moved afterwards, so the lists read like weeks of work.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.models import Organization
from catalog.models import OpenResource, Product, ResearchResult
from challenges.models import Call, CallKind
from demo.specs import DemoContent, InterestSpec
from docking import services
from docking.models import Interest, InterestEvent


class DockingSeeder:
    def __init__(self, *, content: DemoContent, organizations, owner_of):
        self.content = content
        self.organizations: dict[str, Organization] = organizations
        self.owner_of = owner_of
        self.created = 0

    def run(self) -> int:
        for spec in self.content.interests:
            self._interest(spec)
        return self.created

    @staticmethod
    def target(title: str):
        for model in (ResearchResult, Product, OpenResource):
            found = model.objects.select_related("organization").filter(title=title).first()
            if found is not None:
                return found
        return Call.objects.select_related("issuer").get(title=title, kind=CallKind.RND_DEMAND)

    def _interest(self, spec: InterestSpec) -> None:
        requester_org = self.organizations[spec.requester]
        if Interest.objects.filter(requester=requester_org, note=spec.note).exists():
            return
        target = self.target(spec.target)
        owner_org = target.issuer if isinstance(target, Call) else target.organization
        requester, owner = self.owner_of(requester_org), self.owner_of(owner_org)
        interest = services.interest_create(
            actor=requester, target=target, wants=spec.wants, note=spec.note
        )
        self.created += 1
        state = spec.state
        if state == "declined":
            services.interest_decline(actor=owner, interest=interest, note=spec.reason)
        elif state == "withdrawn":
            services.interest_withdraw(actor=requester, interest=interest, note=spec.reason)
        elif state != "pending":
            services.interest_accept(
                actor=owner, interest=interest, note="" if state == "no_deal" else spec.reason
            )
            if state in ("negotiating", "deal_recorded", "deal", "no_deal"):
                services.interest_negotiate(actor=requester, interest=interest)
            if state == "no_deal":
                services.interest_no_deal(actor=owner, interest=interest, note=spec.reason)
            if state in ("deal_recorded", "deal"):
                recorder = owner if spec.deal_recorded_by == "owner" else requester
                other = requester if recorder is owner else owner
                services.deal_record(
                    actor=recorder,
                    interest=interest,
                    kind=spec.deal_kind,
                    amount=Decimal(spec.deal_amount),
                    signed_on=timezone.localdate() - timedelta(days=spec.deal_signed_days_ago),
                    contract_number=spec.contract_number,
                )
                if state == "deal":
                    services.deal_confirm(actor=other, interest=interest)
        self._backdate(interest, spec.days_ago)

    @staticmethod
    def _backdate(interest: Interest, days_ago: int) -> None:
        """Spread the steps from ``days_ago`` days back to now, one apart at least an hour."""
        if days_ago <= 0:
            return
        start = timezone.now() - timedelta(days=days_ago)
        events = list(InterestEvent.objects.filter(interest=interest).order_by("pk"))
        step = timedelta(days=days_ago) / (len(events) + 1)
        Interest.objects.filter(pk=interest.pk).update(created_at=start)
        for index, event in enumerate(events):
            InterestEvent.objects.filter(pk=event.pk).update(created_at=start + step * index)
