"""Load the 一条龙 demonstration directions of measure 十 (``demo/data/directions.toml``)
through the chains services: each direction with its key products and processes, opened,
its candidate pairs recommended by departments or added from the directories, the map and
matching, the decisions, the demonstration call linked and filled by a member of its
issuer, then the direction's final status."""

from __future__ import annotations

from accounts.models import Organization
from catalog.models import ChainNode, IndustryChain, Product
from chains import services
from chains.models import CandidatePair, DemonstrationDirection, DirectionStatus
from challenges.models import Call
from demo.specs import CandidatePairSpec, DemoContent, DirectionSpec


class DirectionSeeder:
    """Skip a direction that exists (by title): it was loaded whole before."""

    def __init__(self, *, content: DemoContent, admin, organizations, owner_of):
        self.content = content
        self.admin = admin
        self.organizations: dict[str, Organization] = organizations
        self.owner_of = owner_of
        self.created = 0

    def run(self) -> int:
        for spec in self.content.directions:
            if DemonstrationDirection.objects.filter(title=spec.title).exists():
                continue
            self._direction(spec)
        return self.created

    def _direction(self, spec: DirectionSpec) -> None:
        chain = IndustryChain.objects.get(slug=spec.chain)
        direction = services.direction_create(
            actor=self.admin, chain=chain, title=spec.title, summary=spec.summary, year=spec.year
        )
        self.created += 1
        items = {}
        for item in spec.items:
            chain_slug, key = item.node.split("/")
            items[item.key] = services.item_add(
                actor=self.admin,
                direction=direction,
                kind=item.kind,
                name=item.name,
                description=item.description,
                chain_node=ChainNode.objects.get(chain__slug=chain_slug, key=key),
            )
            self.created += 1
        if spec.status == DirectionStatus.DRAFT:
            return
        services.direction_open(actor=self.admin, direction=direction)
        if spec.call:
            call = Call.objects.get(title=spec.call)
            services.direction_link_call(actor=self.admin, direction=direction, call=call)
        pairs = [(pair, self._pair(items[pair.item], pair)) for pair in spec.pairs]
        self.created += len(pairs)
        self._decide(pairs, ("invited",), services.pair_shortlist)
        if any(pair.status == "invited" for pair, _made in pairs):
            direction.refresh_from_db()
            handler = self.owner_of(direction.call.issuer)
            services.direction_fill_call(actor=handler, direction=direction)
        self._decide(pairs, ("shortlisted",), services.pair_shortlist)
        for pair, made in pairs:
            if pair.status == "declined":
                services.pair_decline(actor=self.admin, pair=made, reason=pair.reason)
        if spec.status == DirectionStatus.CLOSED:
            services.direction_close(actor=self.admin, direction=direction)

    def _decide(self, pairs, statuses, service) -> None:
        for pair, made in pairs:
            if pair.status in statuses:
                service(actor=self.admin, pair=made)

    def _pair(self, item, spec: CandidatePairSpec) -> CandidatePair:
        supplier = self.organizations[spec.supplier]
        product = (
            Product.objects.get(organization=supplier, title=spec.product) if spec.product else None
        )
        user_firm = self.organizations[spec.user_firm] if spec.user_firm else None
        if spec.source == "department":
            department = self.organizations[spec.department]
            return services.pair_recommend(
                actor=self.owner_of(department),
                item=item,
                supplier=supplier,
                product=product,
                user_firm=user_firm,
                note=spec.note,
            )
        return services.pair_add(
            actor=self.admin,
            item=item,
            supplier=supplier,
            product=product,
            user_firm=user_firm,
            source=spec.source,
            note=spec.note,
        )
