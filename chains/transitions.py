"""The life cycles of measure 十: a demonstration direction and its candidate pairs, an
access request to an open resource, an application to a supplier pool or innovation-chain
project.

Roles: ``admin`` (platform administrator), ``owner`` (a member of the organization that owns
the open resource), ``requester`` (a member of the organization that asked or applied),
``system`` (a move another action makes: a pair invited when the call's invitation is sent).
"""

from django.utils.translation import gettext_lazy as _

from workflow import SYSTEM, EventLabels, TransitionTable, t

from .models import AccessStatus as A
from .models import DirectionStatus as D
from .models import PairStatus as P
from .models import SupplierStatus as S

ADMIN, OWNER, REQUESTER = "admin", "owner", "requester"

DIRECTION_TRANSITIONS = TransitionTable(
    [
        t(
            "open",
            D.DRAFT,
            D.COLLECTING,
            ADMIN,
            _("Open for candidates"),
            done=_("Opened for candidates"),
            confirm=_("Open the direction? Provincial departments can then recommend pairs."),
            refused=_("Only a direction being prepared can be opened."),
        ),
        t(
            "close",
            D.COLLECTING,
            D.CLOSED,
            ADMIN,
            _("Close"),
            done=_("Closed"),
            refused=_("Only a direction collecting candidates can be closed."),
        ),
        t(
            "reopen",
            D.CLOSED,
            D.COLLECTING,
            ADMIN,
            _("Reopen"),
            done=_("Reopened"),
            refused=_("Only a closed direction can be reopened."),
        ),
    ],
    not_allowed=_("Only platform administrators manage demonstration directions."),
)

PAIR_TRANSITIONS = TransitionTable(
    [
        t(
            "shortlist",
            P.PROPOSED,
            P.SHORTLISTED,
            ADMIN,
            _("Shortlist"),
            done=_("Shortlisted"),
            refused=_("Only a proposed pair can be shortlisted."),
        ),
        t(
            "decline",
            [P.PROPOSED, P.SHORTLISTED],
            P.DECLINED,
            ADMIN,
            _("Do not take"),
            needs_note=True,
            done=_("Not taken"),
            refused=_("This pair can no longer be declined."),
        ),
        t(
            "reconsider",
            P.DECLINED,
            P.PROPOSED,
            ADMIN,
            _("Reconsider"),
            done=_("Reconsidered"),
            refused=_("Only a pair not taken can be reconsidered."),
        ),
        t(
            "invite",
            P.SHORTLISTED,
            P.INVITED,
            [ADMIN, SYSTEM],
            _("Invite to the call"),
            done=_("Invited to the call"),
            refused=_("Only a shortlisted pair is invited to the call."),
        ),
    ],
    not_allowed=_("Only platform administrators decide on candidate pairs."),
    note_required=_("Give the reason; the department that recommended the pair sees it."),
)

ACCESS_TRANSITIONS = TransitionTable(
    [
        t(
            "accept",
            A.REQUESTED,
            A.ACCEPTED,
            OWNER,
            _("Accept"),
            done=_("Accepted"),
            refused=_("Only a pending request can be accepted."),
        ),
        t(
            "propose_dates",
            A.REQUESTED,
            A.DATES_PROPOSED,
            OWNER,
            _("Propose other dates"),
            done=_("Proposed other dates"),
            refused=_("Other dates are proposed on a pending request."),
        ),
        t(
            "decline",
            [A.REQUESTED, A.DATES_PROPOSED],
            A.DECLINED,
            OWNER,
            _("Decline"),
            needs_note=True,
            done=_("Declined"),
            refused=_("This request is no longer pending."),
        ),
        t(
            "accept_dates",
            A.DATES_PROPOSED,
            A.ACCEPTED,
            REQUESTER,
            _("Accept these dates"),
            done=_("Accepted the proposed dates"),
            refused=_("No other dates are proposed."),
        ),
        t(
            "withdraw",
            [A.REQUESTED, A.DATES_PROPOSED],
            A.WITHDRAWN,
            REQUESTER,
            _("Withdraw"),
            done=_("Withdrawn"),
            confirm=_("Withdraw the request?"),
            refused=_("This request is no longer pending."),
        ),
    ],
    not_allowed=_("Only the resource's owner decides; only the requester withdraws."),
    note_required=_("Give the reason so the requester knows."),
)

SUPPLIER_TRANSITIONS = TransitionTable(
    [
        t(
            "start_audit",
            S.SUBMITTED,
            S.UNDER_AUDIT,
            OWNER,
            _("Start the audit"),
            done=_("Audit started"),
            refused=_("The audit has already started."),
        ),
        t(
            "admit",
            [S.SUBMITTED, S.UNDER_AUDIT],
            S.ADMITTED,
            OWNER,
            _("Admit"),
            done=_("Admitted"),
            refused=_("This application has already been decided."),
        ),
        t(
            "reject",
            [S.SUBMITTED, S.UNDER_AUDIT],
            S.REJECTED,
            OWNER,
            _("Do not admit"),
            needs_note=True,
            done=_("Not admitted"),
            refused=_("This application has already been decided."),
        ),
        t(
            "withdraw",
            [S.SUBMITTED, S.UNDER_AUDIT],
            S.WITHDRAWN,
            REQUESTER,
            _("Withdraw"),
            done=_("Withdrawn"),
            confirm=_("Withdraw the application?"),
            refused=_("This application has already been decided."),
        ),
    ],
    not_allowed=_("Only the lead enterprise audits; only the applicant withdraws."),
    note_required=_("Give the reason so the applicant knows what to improve."),
)

DIRECTION_EVENT_LABELS = EventLabels(
    DIRECTION_TRANSITIONS,
    PAIR_TRANSITIONS,
    other={
        "created": _("Created"),
        "updated": _("Changed"),
        "item_added": _("Key product or process added"),
        "item_removed": _("Key product or process removed"),
        "pair_proposed": _("Pair proposed"),
        "call_linked": _("Demonstration call linked"),
    },
)
ACCESS_EVENT_LABELS = EventLabels(ACCESS_TRANSITIONS, other={"requested": _("Requested")})
SUPPLIER_EVENT_LABELS = EventLabels(SUPPLIER_TRANSITIONS, other={"submitted": _("Submitted")})
