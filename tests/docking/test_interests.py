"""Interests, handshakes and deals through the services: a verified organization expresses
interest in a published result, product, open resource or open R&D demand; only the owner
accepts or declines (with a reason); only the requester withdraws; either side negotiates,
records a deal or ends without one; only the other side confirms the deal; every refusal
changes nothing; the right people are told."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import MembershipRole, OrganizationKind, VerificationStatus
from catalog.models import ListingStatus
from challenges.models import CallKind, CallStatus
from core.exceptions import InvalidState, NotAllowed
from docking import services
from docking.models import (
    Conversation,
    Deal,
    DealKind,
    Interest,
    InterestEvent,
    InterestStatus,
    Wants,
)
from notifications.models import Notification
from tests.factories import (
    AdminUserFactory,
    CallFactory,
    OpenResourceFactory,
    OrganizationFactory,
    PublishedProductFactory,
    ResearchResultFactory,
    member_of,
)

pytestmark = pytest.mark.django_db


@dataclass
class World:
    university: object
    owner: object
    owner_member: object
    result: object
    sme: object
    requester: object
    colleague: object
    other: object
    outsider: object
    admin: object

    def interest(
        self, actor=None, target=None, wants=Wants.LICENCE, note="希望获得专利许可"
    ) -> Interest:
        return services.interest_create(
            actor=actor or self.requester, target=target or self.result, wants=wants, note=note
        )

    def accepted(self) -> Interest:
        interest = self.interest()
        return services.interest_accept(actor=self.owner, interest=interest)

    def deal(self, interest, actor=None, **fields):
        data = {
            "kind": DealKind.LICENCE,
            "amount": Decimal("120.50"),
            "signed_on": timezone.localdate(),
            "contract_number": "JS-2024-001",
            "note": "",
        }
        data.update(fields)
        return services.deal_record(actor=actor or self.requester, interest=interest, **data)


@pytest.fixture
def world() -> World:
    university = OrganizationFactory(
        kind=OrganizationKind.UNIVERSITY,
        name="江南理工大学",
        contact_name="周成果",
        contact_phone="0510-88886666",
        contact_email="tech-transfer@jnlg.edu.cn",
    )
    sme = OrganizationFactory(
        kind=OrganizationKind.SME,
        name="苏州芯测微电子科技有限公司",
        contact_name="李采购",
        contact_phone="0512-66669999",
        contact_email="bd@xinche.cn",
    )
    other = OrganizationFactory(kind=OrganizationKind.SME)
    return World(
        university=university,
        owner=member_of(university),
        owner_member=member_of(university, role=MembershipRole.MEMBER),
        result=ResearchResultFactory(
            organization=university,
            title="宽禁带半导体低温银烧结工艺",
            status=ListingStatus.PUBLISHED,
            published_at=timezone.now(),
        ),
        sme=sme,
        requester=member_of(sme),
        colleague=member_of(sme, role=MembershipRole.MEMBER),
        other=other,
        outsider=member_of(other),
        admin=AdminUserFactory(),
    )


def snapshot(interest: Interest) -> tuple:
    interest.refresh_from_db()
    deal = Deal.objects.filter(interest=interest).values_list("kind", "amount", "confirmed_at")
    return (
        interest.status,
        interest.decided_by_id,
        interest.decision_note,
        InterestEvent.objects.filter(interest=interest).count(),
        list(deal),
        Notification.objects.count(),
    )


# --- expressing interest ----------------------------------------------------------------------


def test_a_member_of_a_verified_organization_expresses_interest(world):
    interest = world.interest()
    assert interest.status == InterestStatus.PENDING
    assert interest.requester == world.sme
    assert interest.owner == world.university
    assert interest.result == world.result
    assert interest.requested_by == world.requester
    event = interest.events.get()
    assert (event.action, event.actor, event.to_status) == ("expressed", world.requester, "pending")
    told = set(Notification.objects.values_list("recipient", flat=True))
    assert told == {world.owner.pk, world.owner_member.pk}
    assert Notification.objects.first().url == f"/docking/interests/{interest.pk}/"


def test_interest_in_each_kind_of_target(world):
    lead = OrganizationFactory(kind=OrganizationKind.LEAD)
    product = PublishedProductFactory(organization=lead)
    resource = OpenResourceFactory(
        organization=lead, status=ListingStatus.PUBLISHED, published_at=timezone.now()
    )
    call = CallFactory(issuer=lead, kind=CallKind.RND_DEMAND)
    assert world.interest(target=product, wants=Wants.PURCHASE).owner == lead
    assert world.interest(target=resource, wants=Wants.USE).resource == resource
    interest = world.interest(target=call, wants=Wants.SOLVE)
    assert (interest.call, interest.owner) == (call, lead)


def test_what_is_wanted_must_fit_the_target(world):
    with pytest.raises(ValidationError) as error:
        world.interest(wants=Wants.SOLVE)
    assert "wants" in error.value.error_dict
    assert not Interest.objects.exists()


def test_a_note_is_required(world):
    with pytest.raises(ValidationError):
        world.interest(note="  ")
    assert not Interest.objects.exists()


@pytest.mark.parametrize(
    "make",
    [
        lambda w: ResearchResultFactory(organization=w.university),  # draft
        lambda w: CallFactory(issuer=w.university, kind=CallKind.CHALLENGE),
        lambda w: CallFactory(
            issuer=w.university, kind=CallKind.RND_DEMAND, status=CallStatus.CLOSED
        ),
    ],
)
def test_no_interest_in_what_is_not_open(world, make):
    target = make(world)
    with pytest.raises(InvalidState):
        world.interest(target=target, wants=Wants.JOINT)
    assert not Interest.objects.exists()


def test_no_interest_in_ones_own_listing_or_from_an_unverified_organization(world):
    with pytest.raises(NotAllowed):
        world.interest(actor=world.owner)
    world.sme.verification_status = VerificationStatus.PENDING
    world.sme.save()
    with pytest.raises(NotAllowed):
        world.interest()
    assert not Interest.objects.exists()


def test_one_running_interest_per_organization_and_target(world):
    first = world.interest()
    with pytest.raises(InvalidState):
        world.interest(actor=world.colleague, wants=Wants.JOINT)
    services.interest_accept(actor=world.owner, interest=first)
    with pytest.raises(InvalidState):
        world.interest(actor=world.colleague)
    assert Interest.objects.count() == 1
    # Another organization may; and once withdrawn, the same one may again.
    world.interest(actor=world.outsider)
    services.interest_withdraw(actor=world.requester, interest=first, note="预算取消")
    assert world.interest(actor=world.colleague).status == InterestStatus.PENDING


# --- answers ----------------------------------------------------------------------------------


def test_the_owner_accepts_and_the_conversation_opens(world):
    interest = world.interest()
    Notification.objects.all().delete()
    services.interest_accept(actor=world.owner_member, interest=interest, note="欢迎来访")
    interest.refresh_from_db()
    assert interest.status == InterestStatus.ACCEPTED
    assert interest.is_handshake
    assert interest.decided_by == world.owner_member
    assert Conversation.objects.filter(interest=interest).exists()
    told = set(Notification.objects.values_list("recipient", flat=True))
    assert told == {world.requester.pk, world.colleague.pk, world.owner.pk}


def test_the_owner_declines_with_a_reason(world):
    interest = world.interest()
    services.interest_decline(actor=world.owner, interest=interest, note="该成果已独占许可")
    interest.refresh_from_db()
    assert interest.status == InterestStatus.DECLINED
    assert (interest.decided_by, interest.decision_note) == (world.owner, "该成果已独占许可")
    assert interest.decided_at is not None
    event = interest.events.last()
    assert (event.action, event.actor, event.note) == ("decline", world.owner, "该成果已独占许可")
    assert not Conversation.objects.exists()


def test_declining_without_a_reason_changes_nothing(world):
    interest = world.interest()
    before = snapshot(interest)
    with pytest.raises(InvalidState):
        services.interest_decline(actor=world.owner, interest=interest, note="")
    assert snapshot(interest) == before


@pytest.mark.parametrize("actor", ["requester", "outsider", "admin"])
def test_only_the_owner_answers(world, actor):
    interest = world.interest()
    before = snapshot(interest)
    for move in (services.interest_accept, services.interest_decline):
        with pytest.raises(NotAllowed):
            move(actor=getattr(world, actor), interest=interest, note="理由")
    assert snapshot(interest) == before


@pytest.mark.parametrize("status", ["pending", "accepted", "negotiating"])
def test_the_requester_withdraws_with_a_reason(world, status):
    interest = world.interest()
    if status != "pending":
        services.interest_accept(actor=world.owner, interest=interest)
    if status == "negotiating":
        services.interest_negotiate(actor=world.owner, interest=interest)
    Notification.objects.all().delete()
    services.interest_withdraw(actor=world.colleague, interest=interest, note="另选方案")
    interest.refresh_from_db()
    assert interest.status == InterestStatus.WITHDRAWN
    assert (interest.decided_by, interest.decision_note) == (world.colleague, "另选方案")
    told = set(Notification.objects.values_list("recipient", flat=True))
    assert told == {world.requester.pk, world.owner.pk, world.owner_member.pk}


def test_the_owner_cannot_withdraw_and_no_reason_no_withdrawal(world):
    interest = world.interest()
    before = snapshot(interest)
    with pytest.raises(NotAllowed):
        services.interest_withdraw(actor=world.owner, interest=interest, note="理由")
    with pytest.raises(InvalidState):
        services.interest_withdraw(actor=world.requester, interest=interest, note=" ")
    assert snapshot(interest) == before


def test_no_move_after_the_end(world):
    interest = world.interest()
    services.interest_decline(actor=world.owner, interest=interest, note="不合适")
    before = snapshot(interest)
    with pytest.raises(InvalidState):
        services.interest_accept(actor=world.owner, interest=interest)
    with pytest.raises(InvalidState):
        services.interest_withdraw(actor=world.requester, interest=interest, note="x")
    with pytest.raises(InvalidState):
        services.interest_negotiate(actor=world.requester, interest=interest)
    assert snapshot(interest) == before


# --- negotiation and deal ---------------------------------------------------------------------


def test_either_side_negotiates_after_acceptance_only(world):
    interest = world.interest()
    before = snapshot(interest)
    with pytest.raises(InvalidState):
        services.interest_negotiate(actor=world.requester, interest=interest)
    assert snapshot(interest) == before
    services.interest_accept(actor=world.owner, interest=interest)
    with pytest.raises(NotAllowed):
        services.interest_negotiate(actor=world.outsider, interest=interest)
    services.interest_negotiate(actor=world.requester, interest=interest)
    interest.refresh_from_db()
    assert interest.status == InterestStatus.NEGOTIATING


def test_a_deal_recorded_by_one_side_is_confirmed_by_the_other(world):
    interest = world.accepted()
    Notification.objects.all().delete()
    deal = world.deal(interest)
    assert deal.recorded_for == world.sme
    assert not deal.is_confirmed
    interest.refresh_from_db()
    assert interest.status == InterestStatus.ACCEPTED
    told = set(Notification.objects.values_list("recipient", flat=True))
    assert told == {world.owner.pk, world.owner_member.pk}
    before = snapshot(interest)
    # The recorder's side cannot confirm its own deal; outsiders and admins neither.
    for actor in (world.requester, world.colleague):
        with pytest.raises(InvalidState):
            services.deal_confirm(actor=actor, interest=interest)
    for actor in (world.outsider, world.admin):
        with pytest.raises(NotAllowed):
            services.deal_confirm(actor=actor, interest=interest)
    assert snapshot(interest) == before
    Notification.objects.all().delete()
    services.deal_confirm(actor=world.owner_member, interest=interest)
    interest.refresh_from_db()
    deal.refresh_from_db()
    assert interest.status == InterestStatus.DEAL
    assert deal.confirmed_by == world.owner_member
    assert interest.events.last().action == "deal_confirmed"
    told = set(Notification.objects.values_list("recipient", flat=True))
    assert told == {world.owner.pk, world.requester.pk, world.colleague.pk}


def test_the_recorder_replaces_an_unconfirmed_deal_the_other_side_cannot(world):
    interest = world.accepted()
    services.interest_negotiate(actor=world.owner, interest=interest)
    world.deal(interest, actor=world.owner, amount=Decimal("80"))
    world.deal(interest, actor=world.owner_member, amount=Decimal("95"), kind=DealKind.TRANSFER)
    deal = Deal.objects.get(interest=interest)
    assert (deal.amount, deal.kind, deal.recorded_by) == (
        Decimal("95.00"),
        DealKind.TRANSFER,
        world.owner_member,
    )
    before = snapshot(interest)
    with pytest.raises(InvalidState):
        world.deal(interest, actor=world.requester, amount=Decimal("1"))
    assert snapshot(interest) == before
    services.deal_confirm(actor=world.requester, interest=interest)
    before = snapshot(interest)
    with pytest.raises(InvalidState):
        world.deal(interest, actor=world.owner, amount=Decimal("1"))
    with pytest.raises(InvalidState):
        services.deal_confirm(actor=world.requester, interest=interest)
    assert snapshot(interest) == before


def test_no_deal_before_acceptance(world):
    interest = world.interest()
    before = snapshot(interest)
    with pytest.raises(InvalidState):
        world.deal(interest)
    with pytest.raises(InvalidState):
        services.deal_confirm(actor=world.owner, interest=interest)
    assert snapshot(interest) == before


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"amount": Decimal("-1")}, "amount"),
        ({"signed_on": timezone.localdate() + timedelta(days=2)}, "signed_on"),
        ({"kind": "gift"}, "kind"),
        ({"signed_on": None}, "signed_on"),
    ],
)
def test_a_wrong_deal_is_refused_field_by_field(world, fields, field):
    interest = world.accepted()
    before = snapshot(interest)
    with pytest.raises(ValidationError) as error:
        world.deal(interest, **fields)
    assert field in error.value.error_dict
    assert snapshot(interest) == before


def test_either_side_ends_without_a_deal_with_a_reason(world):
    interest = world.accepted()
    before = snapshot(interest)
    with pytest.raises(InvalidState):
        services.interest_no_deal(actor=world.owner, interest=interest, note="")
    assert snapshot(interest) == before
    services.interest_no_deal(actor=world.owner, interest=interest, note="价格未谈拢")
    interest.refresh_from_db()
    assert interest.status == InterestStatus.NO_DEAL
    assert (interest.decided_by, interest.decision_note) == (world.owner, "价格未谈拢")
    with pytest.raises(InvalidState):
        world.deal(interest)
