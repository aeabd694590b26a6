"""What the query-count guards share: sizes, the ceiling and events to grow a history."""

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import MembershipRole
from catalog.models import ListingEvent, ListingStatus
from challenges.models import CallAttachment, CallEvent, Question
from tests.factories import (
    ChainNodeFactory,
    CriterionFactory,
    IndicatorFactory,
    OpenResourceFactory,
    OrganizationFactory,
    ProductFactory,
    ResearchResultFactory,
    member_of,
)

SMALL = 2


GROWTH = 10


# No page may need more than this many queries, whatever its data.
CEILING = 60


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


PUBLISHED = ListingStatus.PUBLISHED


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


LISTING_FACTORIES = {
    "product": ProductFactory,
    "result": ResearchResultFactory,
    "resource": OpenResourceFactory,
}


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
