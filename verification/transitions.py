"""The life cycle of a platform booking.

Roles: ``owner`` (a member of the organization that owns the platform), ``requester`` (a
handler of the verification project), ``admin`` (platform administrator).
"""

from django.utils.translation import gettext_lazy as _

from workflow import EventLabels, TransitionTable, t

from .models import BookingStatus as B

ADMIN, OWNER, REQUESTER = "admin", "owner", "requester"

BOOKING_TRANSITIONS = TransitionTable(
    [
        t(
            "confirm",
            B.REQUESTED,
            B.CONFIRMED,
            OWNER,
            _("Confirm"),
            done=_("Confirmed"),
            refused=_("Only a requested booking can be confirmed."),
        ),
        t(
            "decline",
            B.REQUESTED,
            B.DECLINED,
            OWNER,
            _("Decline"),
            needs_note=True,
            done=_("Declined"),
            refused=_("Only a requested booking can be declined."),
        ),
        t(
            "cancel",
            [B.REQUESTED, B.CONFIRMED],
            B.CANCELLED,
            [REQUESTER, OWNER, ADMIN],
            _("Cancel"),
            needs_note=True,
            done=_("Cancelled"),
            confirm=_("Cancel the booking?"),
            refused=_("This booking is no longer active."),
        ),
    ],
    not_allowed=_("Only the platform's owner decides on bookings."),
    note_required=_("Give the reason; the other side sees it."),
)

BOOKING_EVENT_LABELS = EventLabels(BOOKING_TRANSITIONS, other={"requested": _("Requested")})
