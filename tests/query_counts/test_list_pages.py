"""Query-count guards on the list pages."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import MembershipRole, QualificationStatus, VerificationStatus
from catalog.models import ListingStatus
from challenges.models import (
    ApplicationStatus,
    CallStatus,
    ConflictOfInterest,
    ConsortiumPartner,
    Objection,
)
from notifications.models import Notification
from search import outbox
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    AssignmentFactory,
    CallFactory,
    ChainNodeFactory,
    ExpertFactory,
    IndicatorFactory,
    OpenResourceFactory,
    OrganizationFactory,
    ProductFactory,
    ProductImageFactory,
    PublishedProductFactory,
    QualificationFactory,
    ResearchResultFactory,
    UserFactory,
    handler_of,
    member_of,
)
from tests.query_counts.helpers import LISTING_FACTORIES, PUBLISHED, listing_event

pytestmark = pytest.mark.django_db


# --- list pages ----------------------------------------------------------------------------


def test_the_call_list(client, holds_constant):
    node = ChainNodeFactory()

    def grow(n):
        for _ in range(n):
            call = CallFactory(issuer=OrganizationFactory(kind="lead"))
            call.chain_nodes.add(node)
            IndicatorFactory(call=call)

    holds_constant(reverse("challenges:call_list"), grow)


def test_the_call_list_filtered_for_a_signed_in_member(client, holds_constant):
    client.force_login(member_of(OrganizationFactory()))
    node = ChainNodeFactory()

    def grow(n):
        for _ in range(n):
            CallFactory().chain_nodes.add(node)

    holds_constant(reverse("challenges:call_list") + "?eligible=1&open=1", grow)


@pytest.mark.parametrize("listing_type", ["product", "result", "resource"])
def test_the_listing_lists(client, holds_constant, listing_type):
    node = ChainNodeFactory()

    def grow(n):
        for _ in range(n):
            listing = LISTING_FACTORIES[listing_type](status=PUBLISHED, published_at=timezone.now())
            listing.chain_nodes.add(node, ChainNodeFactory())
            if listing_type == "product":
                ProductImageFactory(product=listing)

    holds_constant(reverse(f"catalog:{listing_type}_list"), grow)


def test_the_organization_list(client, holds_constant):
    def grow(n):
        for _ in range(n):
            organization = OrganizationFactory()
            QualificationFactory(organization=organization, status=QualificationStatus.VERIFIED)

    holds_constant(reverse("accounts:organization_list"), grow)


def test_the_search_page(client, holds_constant, settings, tmp_path):
    settings.SEARCH_INDEX_DIR = tmp_path / "index"

    def grow(n):
        for _ in range(n):
            organization = OrganizationFactory(description="功率模块封装")
            product = PublishedProductFactory(organization=organization)
            product.chain_nodes.add(ChainNodeFactory())
            result = ResearchResultFactory(status=PUBLISHED, published_at=timezone.now())
            resource = OpenResourceFactory(status=PUBLISHED, published_at=timezone.now())
            call = CallFactory()
            for name, record in (
                ("product", product),
                ("result", result),
                ("resource", resource),
                ("call", call),
                ("organization", organization),
            ):
                outbox.index_later(name, record.pk)
        outbox.drain()

    response = holds_constant(reverse("search:search") + "?q=功率模块", grow)

    assert response.context["page"].rows


def test_the_notification_list(client, holds_constant):
    user = UserFactory()
    client.force_login(user)

    def grow(n):
        for number in range(n):
            Notification.objects.create(
                recipient=user,
                verb="call.published",
                message="Your call was published: %(call)s",
                params={"call": f"榜单{number}"},
                url="/calls/",
            )

    holds_constant(reverse("notifications:list"), grow)


def test_my_calls(client, holds_constant):
    issuer = OrganizationFactory(kind="lead")
    client.force_login(member_of(issuer))

    def grow(n):
        for _ in range(n):
            call = CallFactory(issuer=issuer)
            ApplicationFactory(call=call)
            handler_of(call)

    holds_constant(reverse("challenges:my_calls"), grow)


def test_my_applications(client, holds_constant):
    organization = OrganizationFactory()
    client.force_login(member_of(organization))

    def grow(n):
        for _ in range(n):
            ApplicationFactory(applicant=organization)
            ConsortiumPartner.objects.create(
                application=ApplicationFactory(status=ApplicationStatus.DRAFT),
                organization=organization,
            )

    holds_constant(reverse("challenges:my_applications"), grow)


def test_the_expert_workspace(client, holds_constant):
    expert = ExpertFactory()
    client.force_login(expert.user)

    def grow(n):
        for _ in range(n):
            AssignmentFactory(
                expert=expert,
                application=ApplicationFactory(
                    call=CallFactory(status=CallStatus.EVALUATING), status="eligible"
                ),
            )
            ConflictOfInterest.objects.create(
                expert=expert, organization=OrganizationFactory(), reason="曾任顾问"
            )

    holds_constant(reverse("challenges:expert_workspace"), grow)


def test_the_review_queue(client, holds_constant):
    client.force_login(AdminUserFactory())

    def grow(n):
        for _ in range(n):
            OrganizationFactory(verification_status=VerificationStatus.PENDING, verified_at=None)
            QualificationFactory()
            for factory in LISTING_FACTORIES.values():
                listing = factory(status=ListingStatus.PENDING_REVIEW)
                listing_event(listing, member_of(listing.organization))
            CallFactory(status=CallStatus.PENDING_REVIEW, published_at=None)
            call = CallFactory(status=CallStatus.PUBLICITY)
            Objection.objects.create(call=call, filed_by=UserFactory(), text="异议")

    holds_constant(reverse("portal:review_queue"), grow)


def test_the_dashboard(client, holds_constant):
    organization = OrganizationFactory()
    client.force_login(member_of(organization))

    def grow(n):
        for _ in range(n):
            ProductFactory(organization=organization)
            member_of(organization, role=MembershipRole.MEMBER)
            QualificationFactory(organization=organization)

    holds_constant(reverse("portal:dashboard"), grow)
