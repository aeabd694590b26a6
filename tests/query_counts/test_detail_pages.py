"""Query-count guards on the detail pages."""

from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import QualificationStatus
from catalog.models import ProductVerification
from challenges.models import (
    ApplicationAttachment,
    ApplicationEvent,
    ApplicationStatus,
    AssignmentStatus,
    Award,
    AwardStatus,
    CallStatus,
    ConsortiumPartner,
    IndicatorResponse,
    PartnerStatus,
    Score,
)
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    AssignmentFactory,
    CallFactory,
    ChainNodeFactory,
    CriterionFactory,
    ExpertFactory,
    IndicatorFactory,
    IndustryChainFactory,
    MilestoneFactory,
    OrganizationFactory,
    ProductImageFactory,
    PublishedProductFactory,
    QualificationFactory,
    ResearchResultFactory,
    UserFactory,
    handler_of,
    member_of,
)
from tests.query_counts.helpers import (
    LISTING_FACTORIES,
    PDF,
    PUBLISHED,
    answered_question,
    grow_call,
    listing_event,
)

pytestmark = pytest.mark.django_db


# --- detail pages --------------------------------------------------------------------------


def log_in_as(client, viewer: str, call) -> None:
    if viewer == "member":
        client.force_login(member_of(OrganizationFactory()))
    elif viewer == "handler":
        client.force_login(handler_of(call))
    elif viewer == "administrator":
        client.force_login(AdminUserFactory())


@pytest.mark.parametrize("viewer", ["anonymous", "member", "handler", "administrator"])
def test_the_call_page(client, holds_constant, viewer):
    call = CallFactory(terms="保密。")
    log_in_as(client, viewer, call)

    holds_constant(call.get_absolute_url(), grow_call(call, questions=False))


@pytest.mark.parametrize("viewer", ["anonymous", "handler"])
def test_the_call_page_with_published_answers(client, holds_constant, viewer):
    call = CallFactory()
    log_in_as(client, viewer, call)

    holds_constant(call.get_absolute_url(), lambda n: [answered_question(call) for _ in range(n)])


def test_the_page_of_an_awarded_call(client, holds_constant):
    call = CallFactory(status=CallStatus.AWARDED, winner_cap=10)

    def grow(n):
        grow_call(call, questions=False)(n)
        for _ in range(n):
            winner = ApplicationFactory(call=call, status=ApplicationStatus.AWARDED)
            Award.objects.create(
                call=call, application=winner, amount=Decimal("100000"), status=AwardStatus.FINAL
            )

    holds_constant(call.get_absolute_url(), grow)


def test_the_ranking_page(client, holds_constant):
    call = CallFactory(status=CallStatus.AWARDED)
    criterion = CriterionFactory(call=call)

    def grow(n):
        for _ in range(n):
            application = ApplicationFactory(call=call, status=ApplicationStatus.SHORTLISTED)
            for _expert in range(3):
                assignment = AssignmentFactory(
                    application=application, status=AssignmentStatus.SUBMITTED
                )
                Score.objects.create(assignment=assignment, criterion=criterion, value=80)

    holds_constant(reverse("challenges:call_ranking", args=[call.pk]), grow)


def grow_application(application):
    call = application.call
    criterion = CriterionFactory(call=call)

    def grow(n):
        for number in range(n):
            indicator = IndicatorFactory(call=call)
            IndicatorResponse.objects.create(
                application=application, indicator=indicator, response="达标"
            )
            ConsortiumPartner.objects.create(
                application=application,
                organization=OrganizationFactory(),
                status=PartnerStatus.CONFIRMED,
            )
            ApplicationAttachment.objects.create(
                application=application,
                original_name=f"附件{number}.pdf",
                file=ContentFile(PDF, name="a.pdf"),
            )
            ApplicationEvent.objects.create(
                application=application, actor=UserFactory(), action="partner_invited"
            )
            assignment = AssignmentFactory(
                application=application, status=AssignmentStatus.SUBMITTED
            )
            Score.objects.create(assignment=assignment, criterion=criterion, value=75)
            ExpertFactory()
            MilestoneFactory(application=application)

    return grow


@pytest.mark.parametrize("viewer", ["handler", "applicant", "administrator", "expert"])
def test_the_application_page(client, holds_constant, viewer):
    call = CallFactory(status=CallStatus.EVALUATING, panel_closed_at=timezone.now())
    application = ApplicationFactory(call=call, status=ApplicationStatus.SHORTLISTED)
    grow = grow_application(application)
    user = {
        "handler": lambda: handler_of(call),
        "applicant": lambda: member_of(application.applicant),
        "administrator": AdminUserFactory,
        "expert": lambda: AssignmentFactory(application=application).expert.user,
    }[viewer]()
    client.force_login(user)

    holds_constant(application.get_absolute_url(), grow)


def test_the_application_page_of_a_winner_with_milestones(client, holds_constant):
    call = CallFactory(status=CallStatus.IN_PROGRESS)
    application = ApplicationFactory(call=call, status=ApplicationStatus.AWARDED)
    Award.objects.create(call=call, application=application, status=AwardStatus.FINAL)
    client.force_login(member_of(application.applicant))

    holds_constant(application.get_absolute_url(), grow_application(application))


def test_the_review_sheet(client, holds_constant):
    call = CallFactory(status=CallStatus.EVALUATING)
    application = ApplicationFactory(call=call, status=ApplicationStatus.ELIGIBLE)
    assignment = AssignmentFactory(application=application)
    client.force_login(assignment.expert.user)

    def grow(n):
        for number in range(n):
            criterion = CriterionFactory(call=call)
            Score.objects.create(assignment=assignment, criterion=criterion, value=60)
            indicator = IndicatorFactory(call=call)
            IndicatorResponse.objects.create(
                application=application, indicator=indicator, response="达标"
            )
            ConsortiumPartner.objects.create(
                application=application,
                organization=OrganizationFactory(),
                status=PartnerStatus.CONFIRMED,
            )
            ApplicationAttachment.objects.create(
                application=application,
                original_name=f"附件{number}.pdf",
                file=ContentFile(PDF, name="a.pdf"),
            )

    holds_constant(reverse("challenges:review_sheet", args=[assignment.pk]), grow)


@pytest.mark.parametrize("viewer", ["anonymous", "owner", "administrator"])
def test_the_product_page(client, holds_constant, viewer):
    product = PublishedProductFactory()
    owner = member_of(product.organization)
    if viewer == "owner":
        client.force_login(owner)
    elif viewer == "administrator":
        client.force_login(AdminUserFactory())

    def grow(n):
        for _ in range(n):
            ProductImageFactory(product=product)
            product.chain_nodes.add(ChainNodeFactory())
            ProductVerification.objects.create(
                product=product, user_organization=OrganizationFactory(), project="应用验证"
            )
            listing_event(product, owner)

    holds_constant(product.get_absolute_url(), grow)


@pytest.mark.parametrize("listing_type", ["result", "resource"])
@pytest.mark.parametrize("viewer", ["anonymous", "owner"])
def test_the_result_and_resource_pages(client, holds_constant, listing_type, viewer):
    listing = LISTING_FACTORIES[listing_type](status=PUBLISHED, published_at=timezone.now())
    owner = member_of(listing.organization)
    if viewer == "owner":
        client.force_login(owner)

    def grow(n):
        for _ in range(n):
            listing.chain_nodes.add(ChainNodeFactory())
            listing_event(listing, owner)

    holds_constant(listing.get_absolute_url(), grow)


@pytest.mark.parametrize("viewer", ["anonymous", "member", "administrator"])
def test_the_organization_page(client, holds_constant, viewer):
    organization = OrganizationFactory()
    if viewer == "member":
        client.force_login(member_of(organization))
    elif viewer == "administrator":
        client.force_login(AdminUserFactory())

    def grow(n):
        for _ in range(n):
            for factory in LISTING_FACTORIES.values():
                listing = factory(
                    organization=organization, status=PUBLISHED, published_at=timezone.now()
                )
                listing.chain_nodes.add(ChainNodeFactory())
            QualificationFactory(organization=organization, status=QualificationStatus.VERIFIED)

    holds_constant(reverse("portal:organization_detail", args=[organization.pk]), grow)


def test_the_chain_page(client, holds_constant):
    chain = IndustryChainFactory()

    def grow(n):
        for _ in range(n):
            parent = ChainNodeFactory(chain=chain)
            child = ChainNodeFactory(chain=chain, parent=parent)
            PublishedProductFactory().chain_nodes.add(child)
            ResearchResultFactory(status=PUBLISHED, published_at=timezone.now()).chain_nodes.add(
                parent
            )
            CallFactory().chain_nodes.add(child)

    holds_constant(reverse("chains:chain_detail", args=[chain.slug]), grow)


def test_the_chain_list(client, holds_constant):
    def grow(n):
        for _ in range(n):
            chain = IndustryChainFactory()
            PublishedProductFactory().chain_nodes.add(ChainNodeFactory(chain=chain))

    holds_constant(reverse("chains:chain_list"), grow)
