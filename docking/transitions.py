"""The life cycle of an interest: answered by the owner, then (a handshake) negotiated to a
deal or no deal.

Roles: ``owner`` (a member of the organization that owns the listing or demand),
``requester`` (a member of the interested organization), ``system`` (the deal's confirmation
by the other side moves the handshake to "deal").
"""

from django.utils.translation import gettext_lazy as _

from workflow import SYSTEM, EventLabels, TransitionTable, t

from .models import InterestStatus as S

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
