"""Who may see and do what in two-way docking.

Predicates take the user first and answer with a bool; access helpers return the object or
raise ``Http404`` for both "missing" and "forbidden".
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization
from accounts.rules import is_member, is_platform_admin, organization_of
from catalog.models import ListingStatus, OpenResource, Product, ResearchResult
from challenges.models import Call, CallKind, CallStatus

from .models import Interest, InterestStatus, Wants
from .transitions import OWNER, REQUESTER

# Interests, handshakes and deals.

# The kinds of target an interest may name, as they appear in URLs and templates.
TARGET_TYPES = ("result", "product", "resource", "call")

# What may be wanted of each kind of target, in the order offered.
WANTS_BY_TARGET = {
    "result": (Wants.LICENCE, Wants.TRANSFER, Wants.JOINT),
    "product": (Wants.PURCHASE, Wants.JOINT, Wants.USE),
    "resource": (Wants.USE, Wants.JOINT),
    "call": (Wants.SOLVE, Wants.JOINT),
}

# An interest that still runs: one per organization and target.
OPEN_INTEREST_STATUSES = (
    InterestStatus.PENDING,
    InterestStatus.ACCEPTED,
    InterestStatus.NEGOTIATING,
)

# Where a deal may be recorded and confirmed.
DEAL_STATUSES = (InterestStatus.ACCEPTED, InterestStatus.NEGOTIATING)


def target_type_of(target) -> str:
    if isinstance(target, ResearchResult):
        return "result"
    if isinstance(target, Product):
        return "product"
    if isinstance(target, OpenResource):
        return "resource"
    if isinstance(target, Call):
        return "call"
    raise TypeError(f"No interest can be expressed in {type(target).__name__}.")


def owner_of_target(target) -> Organization:
    """The organization that answers: the listing's organization or the call's issuer."""
    return target.issuer if isinstance(target, Call) else target.organization


def wants_choices(target) -> list[tuple[str, str]]:
    return [(wants.value, wants.label) for wants in WANTS_BY_TARGET[target_type_of(target)]]


def interest_target_problems(target) -> list:
    """Why nobody can express interest in the target (empty: they can): a published result,
    product or open resource, or an R&D demand open for applications."""
    if isinstance(target, Call):
        if target.kind != CallKind.RND_DEMAND:
            return [_("Interest is expressed in R&D demands; apply to this call instead.")]
        if target.status != CallStatus.PUBLISHED:
            return [_("This R&D demand is not open; no interest can be expressed in it.")]
        return []
    if target.status != ListingStatus.PUBLISHED:
        return [_("This listing is not published; no interest can be expressed in it.")]
    return []


def interest_requester_problems(user, target) -> list:
    """Why the user cannot express interest for their organization (empty: they can): a
    member of a verified organization other than the owner."""
    if not user.is_authenticated:
        return [_("Log in first.")]
    organization = organization_of(user)
    if organization is None:
        return [_("Join your organization on the platform first.")]
    problems = []
    if not organization.is_verified:
        problems.append(_("Your organization must be verified by an administrator first."))
    if organization.pk == owner_of_target(target).pk:
        problems.append(_("This is your organization's own."))
    return problems


def can_express_interest(user, target) -> bool:
    return not interest_target_problems(target) and not interest_requester_problems(user, target)


def is_interest_owner(user, interest: Interest) -> bool:
    return is_member(user, interest.owner)


def is_interest_requester(user, interest: Interest) -> bool:
    return is_member(user, interest.requester)


def can_view_interest(user, interest: Interest) -> bool:
    """The members of the two organizations and platform administrators; nobody else."""
    if is_platform_admin(user):
        return True
    return is_interest_owner(user, interest) or is_interest_requester(user, interest)


def can_see_contacts(user, interest: Interest) -> bool:
    """Contacts are released to the parties (and administrators) on acceptance, not before."""
    return interest.is_handshake and can_view_interest(user, interest)


def interest_roles(user, interest: Interest) -> set[str]:
    """Roles towards an interest, for ``INTEREST_TRANSITIONS`` (administrators only read)."""
    roles = set()
    if is_interest_owner(user, interest):
        roles.add(OWNER)
    if is_interest_requester(user, interest):
        roles.add(REQUESTER)
    return roles


def side_of(user, interest: Interest) -> Organization | None:
    """The organization of the interest the user acts for (None: not a party)."""
    if is_interest_owner(user, interest):
        return interest.owner
    if is_interest_requester(user, interest):
        return interest.requester
    return None


def deal_record_problems(user, interest: Interest) -> list:
    """Why the user cannot record (or replace) the deal now (empty: they can)."""
    side = side_of(user, interest)
    if side is None:
        return [_("Only the two sides record a deal.")]
    if interest.status not in DEAL_STATUSES:
        return [_("A deal is recorded once the interest is accepted and before it ends.")]
    deal = deal_of(interest)
    if deal is not None:
        if deal.is_confirmed:
            return [_("The deal is confirmed already.")]
        if deal.recorded_for_id != side.pk:
            return [_("The other side recorded the deal; confirm it or end without a deal.")]
    return []


def deal_confirm_problems(user, interest: Interest) -> list:
    """Why the user cannot confirm the deal (empty: they can): only the other side than the
    one that recorded it, while the handshake runs."""
    side = side_of(user, interest)
    if side is None:
        return [_("Only the two sides confirm a deal.")]
    deal = deal_of(interest)
    if deal is None:
        return [_("No deal has been recorded yet.")]
    if deal.is_confirmed:
        return [_("The deal is confirmed already.")]
    if interest.status not in DEAL_STATUSES:
        return [_("This interest has ended; the deal can no longer be confirmed.")]
    if deal.recorded_for_id == side.pk:
        return [_("The other side confirms the deal you recorded.")]
    return []


def deal_of(interest: Interest):
    """The interest's deal, or None (without raising)."""
    try:
        return interest.deal
    except Interest.deal.RelatedObjectDoesNotExist:
        return None


def access_interest(user, pk: int) -> Interest:
    """Return the interest for those who may see it; 404 otherwise."""
    interest = (
        Interest.objects.select_related(
            "requester",
            "owner",
            "result",
            "product",
            "resource",
            "call",
            "requested_by",
            "decided_by",
        )
        .filter(pk=pk)
        .first()
    )
    if interest is None or not can_view_interest(user, interest):
        raise Http404
    return interest


def access_interests_organization(user, pk: int) -> Organization:
    """The organization whose interests (both ways) the user may list: its members and
    platform administrators; 404 otherwise."""
    organization = Organization.objects.filter(pk=pk).first()
    if organization is None or not (is_platform_admin(user) or is_member(user, organization)):
        raise Http404
    return organization


# Conversations and messages.
#
# A conversation is about one handshake, one application or one recommendation, between two
# organizations:
# - handshake: the active members of the interested organization and of the owner;
# - application: the applicant's members and the call's handlers (``challenges.rules.
#   is_handler``) - a handler writes as the issuer;
# - recommendation: the members of the recipient's organization and of the recommended firm.
# Platform administrators do not read private conversations; everyone else gets 404.

_CONVERSATION_RELATED = (
    "interest__requester",
    "interest__owner",
    "interest__result",
    "interest__product",
    "interest__resource",
    "interest__call",
    "application__call__issuer",
    "application__applicant",
    "recommendation__recipient__organization",
    "recommendation__entry__organization",
)


def conversation_parties(conversation) -> tuple[Organization, Organization]:
    """The two organizations of a conversation: (requester, owner), (applicant, issuer) or
    (recipient's organization, recommended firm)."""
    if conversation.interest_id:
        return conversation.interest.requester, conversation.interest.owner
    if conversation.application_id:
        application = conversation.application
        return application.applicant, application.call.issuer
    recommendation = conversation.recommendation
    return recommendation.recipient.organization, recommendation.entry.organization


def conversation_party(user, conversation):
    """The organization the user writes for in the conversation (one of its two parties), else
    ``None``. A user acts for one organization at a time (one membership per user)."""
    from challenges.rules import is_handler

    organization = organization_of(user)
    if organization is None:
        return None
    first, second = conversation_parties(conversation)
    if conversation.application_id and organization.pk == second.pk:
        # The issuer's side is its handlers only, not every member.
        if organization.pk == first.pk or is_handler(user, conversation.application.call):
            return organization
        return None
    if organization.pk in (first.pk, second.pk):
        return organization
    return None


def can_take_part(user, conversation) -> bool:
    """Read the conversation (and its attachments): its two parties only."""
    return conversation_party(user, conversation) is not None


# The former name, kept for templates and callers.
can_see_conversation = can_take_part


def conversation_is_open(conversation) -> bool:
    """Whether messages may still be written: a handshake while it lasts, an application that
    is neither a draft nor withdrawn, a recommendation while its recipient is active."""
    from challenges.models import ApplicationStatus

    if conversation.interest_id:
        return conversation.interest.is_handshake
    if conversation.application_id:
        application = conversation.application
        return application.reached_issuer and application.status != ApplicationStatus.WITHDRAWN
    return conversation.recommendation.recipient.is_active


def can_write_message(user, conversation) -> bool:
    """A party writes while the conversation is open; otherwise it stays readable."""
    return can_take_part(user, conversation) and conversation_is_open(conversation)


def access_conversation(user, pk: int):
    """Return the conversation for one of its parties; 404 for everyone else."""
    from .models import Conversation

    conversation = Conversation.objects.select_related(*_CONVERSATION_RELATED).filter(pk=pk).first()
    if conversation is None or not can_take_part(user, conversation):
        raise Http404
    return conversation


def access_message_attachment(user, pk: int):
    """Return a message with an attachment for a party of its conversation; 404 otherwise."""
    from .models import Message

    message = (
        Message.objects.select_related(
            *(f"conversation__{related}" for related in _CONVERSATION_RELATED)
        )
        .exclude(attachment="")
        .filter(pk=pk)
        .first()
    )
    if message is None or not can_take_part(user, message.conversation):
        raise Http404
    return message


def access_application_conversation(user, pk: int):
    """The application whose conversation the user may open: the applicant's members and the
    call's handlers; 404 for everyone else (administrators included)."""
    from challenges.models import Application
    from challenges.rules import is_applicant_member, is_handler

    application = (
        Application.objects.select_related("call__issuer", "applicant").filter(pk=pk).first()
    )
    # A draft is the applicant's alone (and one with its recommending unit not yet the
    # issuer's): there is nobody to talk to yet.
    if application is None or not application.reached_issuer:
        raise Http404
    if not (is_applicant_member(user, application) or is_handler(user, application.call)):
        raise Http404
    return application


def access_recommendation_conversation(user, pk: int):
    """The recommendation whose conversation the user may open: the recipient's and the
    firm's members; 404 for everyone else (administrators included)."""
    from directories.models import Recommendation
    from directories.rules import is_firm_member, is_recipient_member

    recommendation = (
        Recommendation.objects.select_related("recipient__organization", "entry__organization")
        .filter(pk=pk)
        .first()
    )
    if recommendation is None:
        raise Http404
    if not (is_recipient_member(user, recommendation) or is_firm_member(user, recommendation)):
        raise Http404
    return recommendation


# Docking events (events/...)
#
# Government departments (verified) and platform administrators run events; verified
# enterprises, universities and institutes register; members of a registration's
# organization request and answer meetings. Drafts are seen by those who run them only.

from accounts.models import OrganizationKind  # noqa: E402

from .models import DockingEvent, DockingEventStatus, Meeting, Registration  # noqa: E402
from .transitions import INVITEE, MEETING_REQUESTER, ORGANIZER  # noqa: E402

EVENT_ORGANIZER_KINDS = (OrganizationKind.GOVERNMENT,)
EVENT_PARTICIPANT_KINDS = (
    OrganizationKind.LEAD,
    OrganizationKind.LARGE,
    OrganizationKind.SME,
    OrganizationKind.UNIVERSITY,
    OrganizationKind.INSTITUTE,
)
# Meetings are requested while the event runs (registration open or closed).
MEETING_EVENT_STATUSES = (DockingEventStatus.OPEN, DockingEventStatus.CLOSED)


def can_create_event(user) -> bool:
    """Platform administrators and members of a verified government department."""
    if is_platform_admin(user):
        return True
    organization = organization_of(user) if user.is_authenticated else None
    return (
        organization is not None
        and organization.is_verified
        and organization.kind in EVENT_ORGANIZER_KINDS
    )


def can_manage_event(user, event: DockingEvent) -> bool:
    """Platform administrators and members of the organizing department."""
    if is_platform_admin(user):
        return True
    return event.organizer_id is not None and is_member(user, event.organizer)


def event_roles(user, event: DockingEvent) -> set[str]:
    return {ORGANIZER} if can_manage_event(user, event) else set()


def can_view_event(user, event: DockingEvent) -> bool:
    if event.status != DockingEventStatus.DRAFT:
        return True
    return can_manage_event(user, event)


def access_event(user, pk: int) -> DockingEvent:
    """Return the event for whoever may see it (drafts: those who run it); 404 otherwise."""
    event = DockingEvent.objects.select_related("organizer").filter(pk=pk).first()
    if event is None or not can_view_event(user, event):
        raise Http404
    return event


def access_managed_event(user, pk: int) -> DockingEvent:
    event = access_event(user, pk)
    if not can_manage_event(user, event):
        raise Http404
    return event


def registration_problems(user, event: DockingEvent, *, now=None) -> list:
    """Why the user cannot register (or update the registration of) their organization
    (empty: they can): a member of a verified enterprise, university or institute, while
    registration is open."""
    from django.utils import timezone

    now = now or timezone.now()
    problems = []
    if event.status != DockingEventStatus.OPEN or now >= event.registration_closes_at:
        problems.append(_("Registration for this event is closed."))
    if not user.is_authenticated:
        return [*problems, _("Log in first.")]
    organization = organization_of(user)
    if organization is None:
        return [*problems, _("Join your organization on the platform first.")]
    if not organization.is_verified:
        problems.append(_("Your organization must be verified by an administrator first."))
    if organization.kind not in EVENT_PARTICIPANT_KINDS:
        problems.append(_("Enterprises, universities and research institutes register."))
    return problems


def registration_of(user, event: DockingEvent) -> Registration | None:
    """The registration of the user's organization for the event, or None."""
    if not user.is_authenticated:
        return None
    organization = organization_of(user)
    if organization is None:
        return None
    return Registration.objects.filter(event=event, organization=organization).first()


def meeting_roles(user, meeting: Meeting) -> set[str]:
    roles = set()
    if is_member(user, meeting.invitee.organization):
        roles.add(INVITEE)
    if is_member(user, meeting.requester.organization):
        roles.add(MEETING_REQUESTER)
    return roles


def can_view_meeting(user, meeting: Meeting) -> bool:
    return bool(meeting_roles(user, meeting)) or can_manage_event(user, meeting.event)


def access_meeting(user, pk: int) -> Meeting:
    """Return the meeting for its two sides and those who run the event; 404 otherwise."""
    meeting = (
        Meeting.objects.select_related(
            "event__organizer", "requester__organization", "invitee__organization"
        )
        .filter(pk=pk)
        .first()
    )
    if meeting is None or not can_view_meeting(user, meeting):
        raise Http404
    return meeting


# --- issuer anonymity (measure 十三) -------------------------------------------------------
# An anonymous call's issuer is named by the call's label to the other side of an interest or
# a conversation about the call until it reveals itself (``challenges.rules.shows_issuer``).


def call_of_conversation(conversation) -> Call | None:
    """The call a conversation is about (an application to it, or an interest in it)."""
    if conversation.interest_id:
        return conversation.interest.call if conversation.interest.call_id else None
    if conversation.application_id:
        return conversation.application.call
    return None


def party_name(user, party: Organization, call: Call | None) -> str:
    """The name of one side of an interest or conversation about ``call`` as the user may
    read it: an anonymous call's issuer by the call's label, unless the user may see it."""
    from challenges.rules import issuer_name_for

    if call is not None and party.pk == call.issuer_id:
        return issuer_name_for(user, call)
    return party.name


def party_name_for_organization(reader: Organization, party: Organization, call) -> str:
    """As ``party_name``, for texts sent to the members of ``reader`` (notifications)."""
    from challenges.rules import issuer_name_for_organization

    if call is not None and party.pk == call.issuer_id:
        return issuer_name_for_organization(reader, call)
    return party.name
