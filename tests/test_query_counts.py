"""Query-count guards: every list page and every detail page runs a fixed number of queries.

Each test builds a small data set, measures the page, builds ten times more and holds the
page to the count it had with the small set. A page whose count grows with its rows (one
query per row, an N+1) fails here before it slows down in production.
"""

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import MembershipRole, QualificationStatus, VerificationStatus
from catalog.models import ListingEvent, ListingStatus, ProductVerification
from challenges.models import (
    ApplicationAttachment,
    ApplicationEvent,
    ApplicationStatus,
    AssignmentStatus,
    Award,
    AwardStatus,
    CallAttachment,
    CallEvent,
    CallStatus,
    ConflictOfInterest,
    ConsortiumPartner,
    IndicatorResponse,
    Objection,
    PartnerStatus,
    Question,
    Score,
)
from notifications.models import Notification
from search import outbox
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

pytestmark = pytest.mark.django_db

SMALL = 2
GROWTH = 10
# No page may need more than this many queries, whatever its data.
CEILING = 60

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PUBLISHED = ListingStatus.PUBLISHED


@pytest.fixture
def holds_constant(client, django_assert_max_num_queries):
    """Return a check: ``grow(n)`` adds n rows of everything the page shows."""

    def check(path: str, grow: Callable[[int], None]):
        grow(SMALL)
        client.get(path)  # the first request fills per-process caches; measure the second
        with django_assert_max_num_queries(CEILING) as small:
            response = client.get(path)
        assert response.status_code == 200
        grow(SMALL * GROWTH - SMALL)
        with django_assert_max_num_queries(len(small.captured_queries)):
            response = client.get(path)
        assert response.status_code == 200
        return response

    return check


def listing_event(listing, actor=None, action="submit") -> None:
    ListingEvent.objects.create(
        content_type=ContentType.objects.get_for_model(listing),
        object_id=listing.pk,
        actor=actor,
        action=action,
        from_status=ListingStatus.DRAFT,
        to_status=ListingStatus.PENDING_REVIEW,
    )


def call_event(call, actor=None) -> None:
    CallEvent.objects.create(
        call=call, actor=actor, action="publish", to_status=call.status, is_public=True
    )


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


LISTING_FACTORIES = {
    "product": ProductFactory,
    "result": ResearchResultFactory,
    "resource": OpenResourceFactory,
}


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


# --- detail pages --------------------------------------------------------------------------


def answered_question(call) -> Question:
    asker = OrganizationFactory()
    return Question.objects.create(
        call=call,
        organization=asker,
        asked_by=member_of(asker),
        text="能否延期？",
        answer="不延期。",
        answered_at=timezone.now(),
    )


def grow_call(call, *, questions: bool = True):
    """Return ``grow`` adding to a call every kind of thing its pages show."""
    issuer_user = member_of(call.issuer, role=MembershipRole.MEMBER)

    def grow(n):
        for number in range(n):
            IndicatorFactory(call=call)
            CriterionFactory(call=call)
            call.chain_nodes.add(ChainNodeFactory())
            CallAttachment.objects.create(
                call=call,
                original_name=f"附件{number}.pdf",
                file=ContentFile(PDF, name="a.pdf"),
                confidential=number % 2 == 0,
            )
            if questions:
                answered_question(call)
            call_event(call, issuer_user)

    return grow


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

    holds_constant(reverse("catalog:chain_detail", args=[chain.slug]), grow)


def test_the_chain_list(client, holds_constant):
    def grow(n):
        for _ in range(n):
            chain = IndustryChainFactory()
            PublishedProductFactory().chain_nodes.add(ChainNodeFactory(chain=chain))

    holds_constant(reverse("catalog:chain_list"), grow)


# --- the issuer's workspace ----------------------------------------------------------------


def grow_workspace(call):
    grow_parts = grow_call(call)

    def grow(n):
        grow_parts(n)
        for _ in range(n):
            handler_of(call)
            member_of(call.issuer, role=MembershipRole.MEMBER)
            application = ApplicationFactory(call=call, status=ApplicationStatus.SHORTLISTED)
            ConsortiumPartner.objects.create(
                application=application, organization=OrganizationFactory()
            )
            criterion = call.criteria.first()
            assignment = AssignmentFactory(
                application=application, status=AssignmentStatus.SUBMITTED
            )
            Score.objects.create(assignment=assignment, criterion=criterion, value=70)
            Award.objects.create(call=call, application=application)
            winner = ApplicationFactory(call=call, status=ApplicationStatus.AWARDED)
            MilestoneFactory(application=winner)
            Question.objects.create(
                call=call,
                organization=application.applicant,
                asked_by=member_of(application.applicant),
                text="可否分期交付？",
            )

    return grow


@pytest.mark.parametrize(
    "tab",
    [
        "overview",
        "applications",
        "scores",
        "milestones",
        "questions",
        "timeline",
    ],
)
def test_the_issuer_workspace_tabs(client, holds_constant, tab):
    call = CallFactory(status=CallStatus.EVALUATING, winner_cap=10)
    client.force_login(member_of(call.issuer))

    holds_constant(
        reverse("challenges:call_manage", args=[call.pk]) + f"?tab={tab}", grow_workspace(call)
    )


def test_the_workspace_of_a_draft_call(client, holds_constant):
    call = CallFactory(
        status=CallStatus.DRAFT,
        published_at=None,
        deadline=timezone.now() + timedelta(days=30),
    )
    client.force_login(handler_of(call))

    holds_constant(reverse("challenges:call_manage", args=[call.pk]), grow_call(call))
