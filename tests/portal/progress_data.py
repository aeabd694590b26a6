"""Demo-like data for the progress tests: two directories (one with a version being
prepared), recipients of both channels, recommendations in several months and years with
feedback and outcomes, calls of every kind (one never published, one withdrawn after
publication), applications, awards, first uses, open resources and research results, in
three provinces and two industrial chains.

Dates are set relative to now: ``now``, ``earlier`` (about three months ago, inside the
last twelve months) and ``years_ago`` (15 January two years ago: never in the current year
nor in the last twelve months, whatever the day the tests run).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.models import OrganizationKind, QualificationLevel
from catalog.models import ProductVerification
from centres.models import CentreMember, InnovationCentre, MemberRole
from challenges.models import (
    ApplicationStatus,
    Award,
    AwardStatus,
    Call,
    CallKind,
    CallStatus,
    Milestone,
    Tranche,
    TrancheStatus,
)
from directories.models import (
    Channel,
    Directory,
    DirectoryEntry,
    DirectoryKind,
    DirectoryVersion,
    EntryDecision,
    Outcome,
    OutcomeStage,
    Recipient,
    Recommendation,
    RecommendationStatus,
    VersionStatus,
)
from docking.models import Deal, DealKind, Interest, InterestEvent, InterestStatus, Wants
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    CallFactory,
    ChainNodeFactory,
    IndustryChainFactory,
    OpenResourceFactory,
    OrganizationFactory,
    PublishedProductFactory,
    ResearchResultFactory,
    member_of,
)


@dataclass
class ProgressData:
    now: object
    earlier: object
    years_ago: object
    chains: dict = field(default_factory=dict)
    nodes: dict = field(default_factory=dict)
    organizations: dict = field(default_factory=dict)
    products: dict = field(default_factory=dict)
    recipients: dict = field(default_factory=dict)
    versions: dict = field(default_factory=dict)
    recommendations: dict = field(default_factory=dict)
    calls: dict = field(default_factory=dict)
    applications: dict = field(default_factory=dict)


def _entry(version, organization, *, product=None, node=None, decision=EntryDecision.INCLUDED):
    return DirectoryEntry.objects.create(
        version=version,
        organization=organization,
        product=product,
        decision=decision,
        chain_node=node,
        title=product.title if product else organization.name,
        organization_name=organization.name,
        province=organization.province,
        qualification_level=organization.qualification_level,
    )


def _recommend(entry, recipient, when, status=RecommendationStatus.SENT):
    recommendation = Recommendation.objects.create(entry=entry, recipient=recipient, status=status)
    Recommendation.objects.filter(pk=recommendation.pk).update(created_at=when)
    return recommendation


def build_progress_data() -> ProgressData:
    now = timezone.now()
    data = ProgressData(
        now=now,
        earlier=now - timedelta(days=95),
        years_ago=timezone.make_aware(datetime(now.year - 2, 1, 15, 10, 0)),
    )
    admin = AdminUserFactory()

    # Two chains: A (two nodes) and B (one node).
    chain_a = IndustryChainFactory(name="集成电路")
    chain_b = IndustryChainFactory(name="新能源汽车")
    data.chains = {"a": chain_a, "b": chain_b}
    data.nodes = {
        "a1": ChainNodeFactory(chain=chain_a, name="晶圆制造"),
        "a2": ChainNodeFactory(chain=chain_a, name="封装测试"),
        "b1": ChainNodeFactory(chain=chain_b, name="电驱系统"),
    }

    # Firms in three provinces, two large enterprises (one per channel), a university.
    national, provincial = QualificationLevel.NATIONAL, QualificationLevel.PROVINCIAL
    orgs = data.organizations
    orgs["sme1"] = OrganizationFactory(
        name="苏州芯材科技", province="32", qualification_level=national
    )
    orgs["sme2"] = OrganizationFactory(
        name="杭州电驱科技", province="33", qualification_level=provincial
    )
    orgs["sme3"] = OrganizationFactory(
        name="深圳封测科技", province="44", qualification_level=national
    )
    orgs["excluded"] = OrganizationFactory(name="未入选科技", province="32")
    orgs["lead"] = OrganizationFactory(name="中电集团", kind=OrganizationKind.LEAD, province="32")
    orgs["large"] = OrganizationFactory(
        name="民营汽车集团", kind=OrganizationKind.LARGE, province="11"
    )
    orgs["university"] = OrganizationFactory(
        name="华东理工大学", kind=OrganizationKind.UNIVERSITY, province="31"
    )
    data.recipients = {
        "sasac": Recipient.objects.create(organization=orgs["lead"], channel=Channel.SASAC),
        "acfic": Recipient.objects.create(organization=orgs["large"], channel=Channel.ACFIC),
    }

    products = data.products
    products["p1"] = PublishedProductFactory(organization=orgs["sme1"], title="碳化硅衬底")
    products["p2"] = PublishedProductFactory(organization=orgs["sme2"], title="扁线电机")
    products["p3"] = PublishedProductFactory(organization=orgs["sme3"], title="先进封装基板")
    products["p1"].chain_nodes.add(data.nodes["a1"])
    products["p2"].chain_nodes.add(data.nodes["b1"])
    products["p3"].chain_nodes.add(data.nodes["a2"])

    # A directory of firms, published about three months ago.
    firms = Directory.objects.create(
        kind=DirectoryKind.FIRMS, title="小巨人推荐目录", year=now.year
    )
    firms_v1 = DirectoryVersion.objects.create(
        directory=firms,
        number=1,
        status=VersionStatus.PUBLISHED,
        published_at=data.earlier,
        published_by=admin,
    )
    f1 = _entry(firms_v1, orgs["sme1"], node=data.nodes["a1"])
    f2 = _entry(firms_v1, orgs["sme2"], node=data.nodes["b1"])
    f3 = _entry(firms_v1, orgs["sme3"])
    _entry(firms_v1, orgs["excluded"], decision=EntryDecision.EXCLUDED)
    # A directory of products: published last year, its second version being prepared.
    products_dir = Directory.objects.create(
        kind=DirectoryKind.PRODUCTS, title="技术产品推荐目录", year=now.year - 2
    )
    products_v1 = DirectoryVersion.objects.create(
        directory=products_dir,
        number=1,
        status=VersionStatus.PUBLISHED,
        published_at=data.years_ago,
    )
    products_v2 = DirectoryVersion.objects.create(directory=products_dir, number=2)
    e1 = _entry(products_v1, orgs["sme1"], product=products["p1"], node=data.nodes["a1"])
    e2 = _entry(products_v1, orgs["sme2"], product=products["p2"], node=data.nodes["b1"])
    _entry(products_v2, orgs["sme3"], product=products["p3"], decision=EntryDecision.CANDIDATE)
    data.versions = {"firms_v1": firms_v1, "products_v1": products_v1, "products_v2": products_v2}

    sasac, acfic = data.recipients["sasac"], data.recipients["acfic"]
    S = RecommendationStatus
    data.recommendations = {
        "r1": _recommend(f1, sasac, now, S.INTERESTED),
        "r2": _recommend(f1, acfic, data.earlier),
        "r3": _recommend(f2, sasac, data.years_ago, S.CONTACTED),
        "r4": _recommend(e1, sasac, now, S.VIEWED),
        "r5": _recommend(e2, acfic, data.earlier, S.NOT_RELEVANT),
        "r6": _recommend(f3, acfic, now),
    }
    r = data.recommendations
    for recommendation, stage, day in (
        (r["r1"], OutcomeStage.CONTACT, now.date()),
        (r["r1"], OutcomeStage.TRIAL, now.date()),
        (r["r3"], OutcomeStage.CONTRACT, data.years_ago.date()),
        (r["r4"], OutcomeStage.SUPPLY, data.earlier.date()),
    ):
        Outcome.objects.create(
            recommendation=recommendation,
            stage=stage,
            happened_on=day,
            recorded_for=recommendation.recipient.organization,
        )

    # Calls of every kind; one never published, one withdrawn after publication.
    calls = data.calls
    calls["challenge"] = CallFactory(issuer=orgs["lead"], published_at=now)
    calls["challenge"].chain_nodes.add(data.nodes["a1"])
    calls["verification"] = CallFactory(
        kind=CallKind.VERIFICATION, issuer=orgs["large"], published_at=data.earlier
    )
    calls["verification"].chain_nodes.add(data.nodes["b1"])
    calls["rnd_demand"] = CallFactory(
        kind=CallKind.RND_DEMAND,
        issuer=orgs["sme2"],
        published_at=data.years_ago,
        status=CallStatus.CLOSED,
    )
    calls["draft"] = CallFactory(issuer=orgs["lead"], status=CallStatus.DRAFT, published_at=None)
    calls["selection"] = CallFactory(
        kind=CallKind.SELECTION,
        issuer=orgs["lead"],
        published_at=now,
        status=CallStatus.WITHDRAWN,
    )
    calls["demonstration"] = CallFactory(
        kind=CallKind.DEMONSTRATION, issuer=orgs["university"], published_at=now
    )
    calls["competition"] = CallFactory(
        kind=CallKind.COMPETITION, issuer=orgs["large"], published_at=now
    )

    apps = data.applications
    apps["a1"] = ApplicationFactory(call=calls["challenge"], applicant=orgs["sme1"])
    apps["a2"] = ApplicationFactory(
        call=calls["challenge"],
        applicant=orgs["sme2"],
        submitted_at=data.earlier,
        status=ApplicationStatus.AWARDED,
    )
    apps["a3"] = ApplicationFactory(
        call=calls["rnd_demand"], applicant=orgs["university"], submitted_at=data.years_ago
    )
    apps["draft"] = ApplicationFactory(
        call=calls["challenge"],
        applicant=orgs["sme3"],
        status=ApplicationStatus.DRAFT,
        submitted_at=None,
    )
    apps["a5"] = ApplicationFactory(call=calls["selection"], applicant=orgs["sme3"])
    apps["a6"] = ApplicationFactory(call=calls["competition"], applicant=orgs["sme1"])
    final = Award.objects.create(
        call=calls["challenge"], application=apps["a2"], status=AwardStatus.FINAL
    )
    Award.objects.filter(pk=final.pk).update(created_at=data.earlier)
    Award.objects.create(call=calls["challenge"], application=apps["a1"])  # proposed only
    Award.objects.create(
        call=calls["competition"], application=apps["a6"], status=AwardStatus.FINAL
    )

    _centres_and_tranches(data, final)

    first_use = ProductVerification.objects.create(
        product=products["p1"], user_organization=orgs["lead"], project="首用验证一"
    )
    ProductVerification.objects.create(
        product=products["p2"], user_organization=orgs["large"], project="首用验证二"
    )
    ProductVerification.objects.filter(pk=first_use.pk).update(verified_at=data.years_ago)

    resource = OpenResourceFactory(organization=orgs["lead"], status="published", published_at=now)
    resource.chain_nodes.add(data.nodes["a1"])
    result = ResearchResultFactory(
        organization=orgs["university"], status="published", published_at=now
    )
    _docking(data, result)
    return data


# --- measure 十四: an innovation centre's call and its participant; tranches of an award ---


def _centres_and_tranches(data: ProgressData, award) -> None:
    """The selection call becomes a centre's participation call (its application by sme3, a
    little giant; sme3 joined as a participant); the challenge's final award of ¥1,000,000
    has a released tranche (¥300,000), a pending one (¥200,000) and a cancelled one."""
    centre = InnovationCentre.objects.create(name="国家示例创新中心", field="封测")
    Call.objects.filter(pk=data.calls["selection"].pk).update(centre=centre)
    CentreMember.objects.create(
        centre=centre,
        organization=data.organizations["sme3"],
        role=MemberRole.PARTICIPANT,
        joined_on=data.now.date(),
        via_call=data.calls["selection"],
    )
    Award.objects.filter(pk=award.pk).update(amount=Decimal("1000000"))
    for title, amount, status in (
        ("样品", "300000", TrancheStatus.RELEASED),
        ("小批量", "200000", TrancheStatus.PENDING),
        ("量产", "100000", TrancheStatus.CANCELLED),
    ):
        milestone = Milestone.objects.create(
            application=award.application,
            title=title,
            due_date=data.now.date(),
            deliverables=title,
        )
        released = data.now if status == TrancheStatus.RELEASED else None
        Tranche.objects.create(
            award=award,
            milestone=milestone,
            amount=Decimal(amount),
            status=status,
            released_at=released,
        )


def _interest(requester, target, status, when, *, accepted=None, **target_field):
    owner = target.issuer if "call" in target_field else target.organization
    interest = Interest.objects.create(
        requester=requester,
        owner=owner,
        wants=Wants.JOINT,
        note="合作意向",
        status=status,
        **target_field,
    )
    Interest.objects.filter(pk=interest.pk).update(created_at=when)
    if accepted is not None:
        event = InterestEvent.objects.create(
            interest=interest,
            action="accept",
            from_status=InterestStatus.PENDING,
            to_status=InterestStatus.ACCEPTED,
        )
        InterestEvent.objects.filter(pk=event.pk).update(created_at=accepted)
    return interest


def _docking(data: ProgressData, result) -> None:
    """Interests in every stage: pending, declined, two handshakes (one negotiating, one
    accepted with a deal recorded and not confirmed yet, two years ago) and a confirmed
    licence."""
    orgs, products, now = data.organizations, data.products, data.now
    _interest(orgs["sme1"], result, InterestStatus.PENDING, now, result=result)
    _interest(
        orgs["sme2"],
        products["p1"],
        InterestStatus.NEGOTIATING,
        data.earlier,
        accepted=data.earlier,
        product=products["p1"],
    )
    _interest(orgs["lead"], products["p2"], InterestStatus.DECLINED, now, product=products["p2"])
    licence = _interest(
        orgs["sme3"], result, InterestStatus.DEAL, data.earlier, accepted=now, result=result
    )
    Deal.objects.create(
        interest=licence,
        kind=DealKind.LICENCE,
        amount=50,
        signed_on=timezone.localdate(now),
        recorded_for=orgs["university"],
        confirmed_at=now,
    )
    unconfirmed = _interest(
        orgs["university"],
        data.calls["rnd_demand"],
        InterestStatus.ACCEPTED,
        data.years_ago,
        accepted=data.years_ago,
        call=data.calls["rnd_demand"],
    )
    Deal.objects.create(
        interest=unconfirmed,
        kind=DealKind.JOINT,
        amount=20,
        signed_on=timezone.localdate(data.years_ago),
        recorded_for=orgs["university"],
    )


def government_member():
    department = OrganizationFactory(kind=OrganizationKind.GOVERNMENT, name="工业和信息化厅")
    return member_of(department)
