"""The life cycle of an interest: answered by the owner, then (a handshake) negotiated to a
deal or no deal.

Roles: ``owner`` (a member of the organization that owns the listing or demand),
``requester`` (a member of the interested organization), ``system`` (the deal's confirmation
by the other side moves the handshake to "deal").
"""

from django.utils.translation import gettext_lazy as _

from workflow import SYSTEM, EventLabels, TransitionTable, t

from .models import DockingEventStatus as E
from .models import InterestStatus as S
from .models import MeetingStatus as M

OWNER, REQUESTER = "owner", "requester"
PARTIES = [OWNER, REQUESTER]

INTEREST_TRANSITIONS = TransitionTable(
    [
        t(
            "accept",
            S.PENDING,
            S.ACCEPTED,
            OWNER,
            _("Accept"),
            done=_("Accepted: contacts released"),
            confirm=_("Accept? Both sides then see each other's contacts."),
            refused=_("Only an interest awaiting an answer can be accepted."),
        ),
        t(
            "decline",
            S.PENDING,
            S.DECLINED,
            OWNER,
            _("Decline"),
            needs_note=True,
            done=_("Declined"),
            refused=_("Only an interest awaiting an answer can be declined."),
        ),
        t(
            "withdraw",
            [S.PENDING, S.ACCEPTED, S.NEGOTIATING],
            S.WITHDRAWN,
            REQUESTER,
            _("Withdraw"),
            needs_note=True,
            done=_("Withdrawn"),
            refused=_("This interest can no longer be withdrawn."),
        ),
        t(
            "negotiate",
            S.ACCEPTED,
            S.NEGOTIATING,
            PARTIES,
            _("Start negotiating"),
            done=_("Negotiation started"),
            refused=_("Negotiation starts after the interest is accepted."),
        ),
        t("deal", [S.ACCEPTED, S.NEGOTIATING], S.DEAL, SYSTEM, _("Deal")),
        t(
            "no_deal",
            [S.ACCEPTED, S.NEGOTIATING],
            S.NO_DEAL,
            PARTIES,
            _("No deal"),
            needs_note=True,
            done=_("Ended without a deal"),
            refused=_("Only an accepted interest ends without a deal."),
        ),
    ],
    not_allowed=_("Only the owner answers an interest; only the interested side withdraws it."),
    note_required=_("Give the reason; the other side sees it."),
)

INTEREST_EVENT_LABELS = EventLabels(
    INTEREST_TRANSITIONS,
    other={
        "expressed": _("Interest expressed"),
        "deal_recorded": _("Deal recorded"),
        "deal_confirmed": _("Deal confirmed"),
    },
)


# Docking events: the organizer (a member of the organizing department) or a platform
# administrator opens registration, closes it, and marks the event finished.

ORGANIZER = "organizer"

DOCKING_EVENT_TRANSITIONS = TransitionTable(
    [
        t(
            "open",
            E.DRAFT,
            E.OPEN,
            ORGANIZER,
            _("Open registration"),
            done=_("Registration is open"),
            refused=_("Only a draft event is opened for registration."),
        ),
        t(
            "close",
            E.OPEN,
            E.CLOSED,
            ORGANIZER,
            _("Close registration"),
            done=_("Registration closed"),
            refused=_("Only an event open for registration is closed."),
        ),
        t(
            "finish",
            [E.OPEN, E.CLOSED],
            E.FINISHED,
            ORGANIZER,
            _("Mark finished"),
            done=_("The event is finished; participants record the outcomes of their meetings"),
            confirm=_("Mark the event finished? No meeting can be requested afterwards."),
            refused=_("Only an open or closed event is marked finished."),
        ),
    ],
    not_allowed=_("Only the organizer or a platform administrator runs the event."),
)

DOCKING_EVENT_LABELS = EventLabels(DOCKING_EVENT_TRANSITIONS, other={"created": _("Created")})

# Meetings: the invitee answers, either side cancels (with a reason).
INVITEE, MEETING_REQUESTER = "invitee", "meeting_requester"

MEETING_TRANSITIONS = TransitionTable(
    [
        t(
            "accept",
            M.REQUESTED,
            M.ACCEPTED,
            INVITEE,
            _("Accept"),
            done=_("Meeting accepted"),
            refused=_("Only a requested meeting can be accepted."),
        ),
        t(
            "decline",
            M.REQUESTED,
            M.DECLINED,
            INVITEE,
            _("Decline"),
            needs_note=True,
            done=_("Meeting declined; the slot is free again"),
            refused=_("Only a requested meeting can be declined."),
        ),
        t(
            "cancel",
            [M.REQUESTED, M.ACCEPTED],
            M.CANCELLED,
            [INVITEE, MEETING_REQUESTER],
            _("Cancel"),
            needs_note=True,
            done=_("Meeting cancelled; the slot is free again"),
            refused=_("This meeting can no longer be cancelled."),
        ),
    ],
    not_allowed=_("Only the invited side answers a meeting; either side cancels it."),
    note_required=_("Give the reason; the other side sees it."),
)
