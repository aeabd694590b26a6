"""Access requests to open resources, through the services: a verified enterprise asks to
use a published test line, laboratory or data resource with a purpose and dates; only the
owner accepts, proposes other dates or declines (with a reason); only the requester takes
the proposed dates or withdraws; every refusal changes nothing; both sides are told."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import MembershipRole, OrganizationKind, VerificationStatus
from catalog.models import ListingStatus, OpenResource, ResourceKind
from chains import services
from chains.models import AccessRequest, AccessRequestEvent, AccessStatus
from core.exceptions import InvalidState, NotAllowed
from notifications.models import Notification
from tests.factories import (
    AdminUserFactory,
    OpenResourceFactory,
    OrganizationFactory,
    UserFactory,
    member_of,
)

pytestmark = pytest.mark.django_db


def days(n: int) -> date:
    return timezone.localdate() + timedelta(days=n)


@dataclass
class World:
    lead: object
    owner: object
    owner_member: object
    resource: OpenResource
    sme: object
    requester: object
    colleague: object
    other_sme: object
    outsider: object
    admin: object

    def request(self, actor=None, resource=None, **fields) -> AccessRequest:
        data = {"purpose": "验证车规芯片HTOL寿命", "start_date": days(7), "end_date": days(14)}
        data.update(fields)
        return services.access_request_create(
            actor=actor or self.requester, resource=resource or self.resource, **data
        )

    def resource_of(self, kind, status=ListingStatus.PUBLISHED) -> OpenResource:
        return OpenResourceFactory(
            organization=self.lead, kind=kind, status=status, published_at=timezone.now()
        )


@pytest.fixture
def world() -> World:
    lead = OrganizationFactory(kind=OrganizationKind.LEAD, name="无锡澄芯封测科技股份有限公司")
    sme = OrganizationFactory(kind=OrganizationKind.SME, name="苏州芯测微电子科技有限公司")
    other_sme = OrganizationFactory(kind=OrganizationKind.SME)
    return World(
        lead=lead,
        owner=member_of(lead),
        owner_member=member_of(lead, role=MembershipRole.MEMBER),
        resource=OpenResourceFactory(
            organization=lead,
            kind=ResourceKind.LAB,
            title="车规芯片可靠性与失效分析实验室",
            status=ListingStatus.PUBLISHED,
            published_at=timezone.now(),
        ),
        sme=sme,
        requester=member_of(sme),
        colleague=member_of(sme, role=MembershipRole.MEMBER),
        other_sme=other_sme,
        outsider=member_of(other_sme),
        admin=AdminUserFactory(),
    )


def snapshot(access_request: AccessRequest) -> tuple:
    access_request.refresh_from_db()
    return (
        access_request.status,
        access_request.start_date,
        access_request.end_date,
        access_request.proposed_start,
        access_request.proposed_end,
        access_request.decision_note,
        access_request.decided_by_id,
        AccessRequestEvent.objects.filter(access_request=access_request).count(),
        Notification.objects.count(),
    )


def told(verb: str) -> set:
    return set(Notification.objects.filter(verb=verb).values_list("recipient_id", flat=True))


# --- asking ------------------------------------------------------------------------------------


def test_a_member_of_a_verified_enterprise_requests_access_and_the_owner_is_told(world):
    access_request = world.request()

    assert access_request.status == AccessStatus.REQUESTED
    assert access_request.requester == world.sme
    assert access_request.requested_by == world.requester
    event = access_request.events.get()
    assert (event.action, event.actor, event.to_status) == (
        "requested",
        world.requester,
        "requested",
    )
    assert f"{days(7):%Y-%m-%d}" in event.note
    # both sides, but not the person who asked
    assert told("access.requested") == {world.owner.pk, world.owner_member.pk, world.colleague.pk}
    notification = Notification.objects.filter(recipient=world.owner).get()
    assert notification.url == f"/access-requests/{access_request.pk}/"
    assert notification.params["resource"] == world.resource.title
    assert notification.params["requester"] == world.sme.name


@pytest.mark.parametrize("kind", [ResourceKind.TEST_LINE, ResourceKind.LAB, ResourceKind.DATA])
def test_test_lines_laboratories_and_data_take_access_requests(world, kind):
    access_request = world.request(resource=world.resource_of(kind))
    assert access_request.status == AccessStatus.REQUESTED


@pytest.mark.parametrize("kind", [ResourceKind.SUPPLIER, ResourceKind.PROJECT])
def test_supplier_pools_and_projects_take_no_access_request(world, kind):
    with pytest.raises(InvalidState):
        world.request(resource=world.resource_of(kind))
    assert not AccessRequest.objects.exists()
    assert not Notification.objects.exists()


@pytest.mark.parametrize(
    "status", [ListingStatus.DRAFT, ListingStatus.PENDING_REVIEW, ListingStatus.ARCHIVED]
)
def test_an_unpublished_resource_takes_no_access_request(world, status):
    with pytest.raises(InvalidState):
        world.request(resource=world.resource_of(ResourceKind.LAB, status=status))
    assert not AccessRequest.objects.exists()


def test_the_owner_cannot_request_its_own_resource(world):
    with pytest.raises(NotAllowed):
        world.request(actor=world.owner_member)
    assert not AccessRequest.objects.exists()


@pytest.mark.parametrize(
    "organization",
    [
        {"kind": OrganizationKind.UNIVERSITY},
        {"kind": OrganizationKind.GOVERNMENT},
        {"kind": OrganizationKind.SME, "verification_status": VerificationStatus.PENDING},
        {"kind": OrganizationKind.LARGE, "verification_status": VerificationStatus.REJECTED},
    ],
)
def test_only_verified_enterprises_request_access(world, organization):
    actor = member_of(OrganizationFactory(**organization))
    with pytest.raises(NotAllowed):
        world.request(actor=actor)
    assert not AccessRequest.objects.exists()


def test_a_user_without_an_organization_cannot_request(world):
    with pytest.raises(NotAllowed):
        world.request(actor=UserFactory())
    with pytest.raises(NotAllowed):
        world.request(actor=world.admin)
    assert not AccessRequest.objects.exists()


def test_another_enterprise_may_request_the_same_resource(world):
    world.request()
    large = OrganizationFactory(kind=OrganizationKind.LARGE)
    assert world.request(actor=member_of(large)).requester == large


@pytest.mark.parametrize(
    ("start", "end", "fields"),
    [
        (-1, 5, {"start_date"}),
        (5, 4, {"end_date"}),
        (-3, -5, {"start_date", "end_date"}),
        (None, 5, {"start_date"}),
        (5, None, {"end_date"}),
    ],
)
def test_dates_are_checked_with_a_clear_error_on_each_field(world, start, end, fields):
    with pytest.raises(ValidationError) as raised:
        world.request(
            start_date=None if start is None else days(start),
            end_date=None if end is None else days(end),
        )
    assert set(raised.value.message_dict) == fields
    assert not AccessRequest.objects.exists()
    assert not Notification.objects.exists()


def test_a_request_may_start_today_and_last_one_day(world):
    access_request = world.request(start_date=days(0), end_date=days(0))
    assert (access_request.start_date, access_request.end_date) == (days(0), days(0))


@pytest.mark.parametrize("purpose", ["", "   ", "长" * 2001])
def test_the_purpose_is_required_and_limited(world, purpose):
    with pytest.raises(ValidationError) as raised:
        world.request(purpose=purpose)
    assert set(raised.value.message_dict) == {"purpose"}
    assert not AccessRequest.objects.exists()


def test_one_pending_request_per_organization_and_resource(world):
    first = world.request()
    with pytest.raises(InvalidState) as raised:
        world.request(actor=world.colleague)
    assert f"{timezone.localdate():%Y-%m-%d}" in str(raised.value.message)
    assert AccessRequest.objects.count() == 1
    # still pending with dates proposed
    services.access_request_propose_dates(
        actor=world.owner, access_request=first, proposed_start=days(20), proposed_end=days(21)
    )
    with pytest.raises(InvalidState):
        world.request(actor=world.colleague)
    # once answered, the organization may ask again
    services.access_request_withdraw(actor=world.requester, access_request=first)
    assert world.request(actor=world.colleague).status == AccessStatus.REQUESTED


# --- the owner's answer ---------------------------------------------------------------------


def test_the_owner_accepts_and_the_requester_is_told(world):
    access_request = world.request()
    Notification.objects.all().delete()

    services.access_request_accept(
        actor=world.owner_member, access_request=access_request, note="请联系张工"
    )

    access_request.refresh_from_db()
    assert access_request.status == AccessStatus.ACCEPTED
    assert access_request.decided_by == world.owner_member
    assert access_request.decided_at is not None
    assert access_request.decision_note == "请联系张工"
    event = access_request.events.order_by("pk").last()
    assert (event.action, event.actor, event.from_status, event.to_status, event.note) == (
        "accept",
        world.owner_member,
        "requested",
        "accepted",
        "请联系张工",
    )
    assert told("access.accept") == {world.requester.pk, world.colleague.pk, world.owner.pk}


@pytest.mark.parametrize("who", ["requester", "colleague", "outsider", "admin"])
@pytest.mark.parametrize("action", ["accept", "decline"])
def test_only_the_owner_decides(world, who, action):
    access_request = world.request()
    before = snapshot(access_request)
    with pytest.raises(NotAllowed):
        services.access_request_move(
            actor=getattr(world, who), access_request=access_request, action=action, note="不行"
        )
    with pytest.raises(NotAllowed):
        services.access_request_propose_dates(
            actor=getattr(world, who),
            access_request=access_request,
            proposed_start=days(20),
            proposed_end=days(22),
        )
    assert snapshot(access_request) == before


def test_the_owner_of_another_resource_cannot_decide(world):
    access_request = world.request()
    other_lead = OrganizationFactory(kind=OrganizationKind.LEAD)
    before = snapshot(access_request)
    with pytest.raises(NotAllowed):
        services.access_request_accept(actor=member_of(other_lead), access_request=access_request)
    assert snapshot(access_request) == before


def test_a_request_whose_dates_are_over_is_not_accepted(world):
    access_request = world.request()
    AccessRequest.objects.filter(pk=access_request.pk).update(
        start_date=days(-5), end_date=days(-1)
    )
    before = snapshot(access_request)
    with pytest.raises(InvalidState):
        services.access_request_accept(actor=world.owner, access_request=access_request)
    assert snapshot(access_request) == before


def test_the_owner_declines_with_a_reason(world):
    access_request = world.request()
    before = snapshot(access_request)
    with pytest.raises(InvalidState):
        services.access_request_decline(actor=world.owner, access_request=access_request, note=" ")
    assert snapshot(access_request) == before

    services.access_request_decline(
        actor=world.owner, access_request=access_request, note="该时段设备检修"
    )

    access_request.refresh_from_db()
    assert access_request.status == AccessStatus.DECLINED
    assert access_request.decision_note == "该时段设备检修"
    assert access_request.events.order_by("pk").last().note == "该时段设备检修"
    assert told("access.decline") == {world.requester.pk, world.colleague.pk, world.owner_member.pk}


def test_the_owner_proposes_other_dates(world):
    access_request = world.request()

    services.access_request_propose_dates(
        actor=world.owner,
        access_request=access_request,
        proposed_start=days(30),
        proposed_end=days(35),
        note="七月初机时已满",
    )

    access_request.refresh_from_db()
    assert access_request.status == AccessStatus.DATES_PROPOSED
    assert (access_request.proposed_start, access_request.proposed_end) == (days(30), days(35))
    # the requested dates stay until the requester takes the proposal
    assert (access_request.start_date, access_request.end_date) == (days(7), days(14))
    event = access_request.events.order_by("pk").last()
    assert event.action == "propose_dates"
    assert f"{days(30):%Y-%m-%d}" in event.note and "七月初机时已满" in event.note
    notification = Notification.objects.get(verb="access.propose_dates", recipient=world.requester)
    assert notification.params["start"] == f"{days(30):%Y-%m-%d}"


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        (-1, 5, "proposed_start"),
        (9, 8, "proposed_end"),
        (None, 8, "proposed_start"),
        (7, 14, "proposed_start"),
    ],
)
def test_proposed_dates_are_checked(world, start, end, field):
    access_request = world.request()
    before = snapshot(access_request)
    with pytest.raises(ValidationError) as raised:
        services.access_request_propose_dates(
            actor=world.owner,
            access_request=access_request,
            proposed_start=None if start is None else days(start),
            proposed_end=None if end is None else days(end),
        )
    assert field in raised.value.message_dict
    assert snapshot(access_request) == before


def test_other_dates_are_proposed_only_on_a_pending_request(world):
    access_request = world.request()
    services.access_request_accept(actor=world.owner, access_request=access_request)
    before = snapshot(access_request)
    with pytest.raises(InvalidState):
        services.access_request_propose_dates(
            actor=world.owner,
            access_request=access_request,
            proposed_start=days(20),
            proposed_end=days(21),
        )
    assert snapshot(access_request) == before


# --- the requester's answer -----------------------------------------------------------------


def proposed(world) -> AccessRequest:
    access_request = world.request()
    return services.access_request_propose_dates(
        actor=world.owner,
        access_request=access_request,
        proposed_start=days(30),
        proposed_end=days(31),
    )


def test_the_requester_accepts_the_proposed_dates_which_become_the_dates(world):
    access_request = proposed(world)

    services.access_request_accept_dates(actor=world.colleague, access_request=access_request)

    access_request.refresh_from_db()
    assert access_request.status == AccessStatus.ACCEPTED
    assert (access_request.start_date, access_request.end_date) == (days(30), days(31))
    assert access_request.proposed_start is None and access_request.proposed_end is None
    event = access_request.events.order_by("pk").last()
    assert (event.action, event.actor) == ("accept_dates", world.colleague)
    assert told("access.accept_dates") == {
        world.owner.pk,
        world.owner_member.pk,
        world.requester.pk,
    }


@pytest.mark.parametrize("who", ["owner", "owner_member", "outsider", "admin"])
def test_only_the_requester_accepts_the_proposed_dates_or_withdraws(world, who):
    access_request = proposed(world)
    before = snapshot(access_request)
    for action in ("accept_dates", "withdraw"):
        with pytest.raises(NotAllowed):
            services.access_request_move(
                actor=getattr(world, who), access_request=access_request, action=action
            )
    assert snapshot(access_request) == before


def test_proposed_dates_already_over_are_not_taken(world):
    access_request = proposed(world)
    AccessRequest.objects.filter(pk=access_request.pk).update(
        start_date=days(-9), end_date=days(-8), proposed_start=days(-3), proposed_end=days(-2)
    )
    before = snapshot(access_request)
    with pytest.raises(InvalidState):
        services.access_request_accept_dates(actor=world.requester, access_request=access_request)
    assert snapshot(access_request) == before


def test_dates_are_accepted_only_when_proposed(world):
    access_request = world.request()
    before = snapshot(access_request)
    with pytest.raises(InvalidState):
        services.access_request_accept_dates(actor=world.requester, access_request=access_request)
    assert snapshot(access_request) == before


@pytest.mark.parametrize("proposal", [False, True])
def test_the_requester_withdraws_while_pending(world, proposal):
    access_request = proposed(world) if proposal else world.request()

    services.access_request_withdraw(
        actor=world.requester, access_request=access_request, note="改期"
    )

    access_request.refresh_from_db()
    assert access_request.status == AccessStatus.WITHDRAWN
    assert access_request.events.order_by("pk").last().note == "改期"
    assert told("access.withdraw") == {world.owner.pk, world.owner_member.pk, world.colleague.pk}


def test_the_owner_may_still_decline_when_dates_are_proposed(world):
    access_request = proposed(world)
    services.access_request_decline(
        actor=world.owner, access_request=access_request, note="无法安排"
    )
    access_request.refresh_from_db()
    assert access_request.status == AccessStatus.DECLINED


@pytest.mark.parametrize("final", ["accept", "decline", "withdraw"])
def test_an_answered_request_moves_no_more(world, final):
    access_request = world.request()
    actor = world.requester if final == "withdraw" else world.owner
    services.access_request_move(
        actor=actor, access_request=access_request, action=final, note="理由"
    )
    before = snapshot(access_request)
    for action, who in (
        ("accept", world.owner),
        ("decline", world.owner),
        ("withdraw", world.requester),
        ("accept_dates", world.requester),
    ):
        with pytest.raises(InvalidState):
            services.access_request_move(
                actor=who, access_request=access_request, action=action, note="x"
            )
    assert snapshot(access_request) == before


def test_every_move_people_can_make_has_a_service():
    assert services.ACCESS_MOVES.missing() == []
    assert services.SUPPLIER_MOVES.missing() == []


def test_the_history_reads_in_words(world):
    access_request = proposed(world)
    services.access_request_accept_dates(actor=world.requester, access_request=access_request)
    labels = [event.label for event in access_request.events.order_by("pk")]
    assert all(label not in ("requested", "propose_dates", "accept_dates") for label in labels)
