"""The life cycles of calls, applications, expert reviews and milestones, as tables.

Roles: ``issuer`` (a handler of the call at the issuing organization), ``admin`` (platform
administrator), ``system`` (scheduled tasks), ``applicant`` (a member of the lead applicant),
``expert`` (the assigned expert), ``winner`` (a member of an awarded applicant),
``partner`` (an administrator of an invited consortium partner).
Extra conditions (deadlines, caps, completeness) are checked by the services.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from workflow import SYSTEM, EventLabels, TransitionTable, t

from .models import ApplicationStatus as A
from .models import AssignmentStatus as R
from .models import AwardStatus as W
from .models import CallStatus as C
from .models import MilestoneStatus as M
from .models import ObjectionStatus as O
from .models import PartnerStatus as P

ISSUER, ADMIN = "issuer", "admin"
APPLICANT, EXPERT, WINNER, PARTNER = "applicant", "expert", "winner", "partner"

CALL_TRANSITIONS = TransitionTable(
    [
        t(
            "submit",
            [C.DRAFT, C.REJECTED],
            C.PENDING_REVIEW,
            ISSUER,
            _("Submit for review"),
            done=_("Submitted"),
        ),
        t(
            "publish",
            C.PENDING_REVIEW,
            C.PUBLISHED,
            ADMIN,
            _("Publish"),
            public=True,
            done=_("Published"),
        ),
        t(
            "reject",
            C.PENDING_REVIEW,
            C.REJECTED,
            ADMIN,
            _("Reject"),
            needs_note=True,
            done=_("Sent back"),
        ),
        t(
            "withdraw",
            [C.DRAFT, C.PENDING_REVIEW, C.PUBLISHED],
            C.WITHDRAWN,
            [ISSUER, ADMIN],
            _("Withdraw the call"),
            done=_("Withdrawn"),
            needs_note=True,
            public=True,
        ),
        t(
            "close",
            C.PUBLISHED,
            C.CLOSED,
            [SYSTEM, ISSUER, ADMIN],
            _("Close applications"),
            done=_("Applications closed"),
            public=True,
        ),
        t(
            "evaluate",
            C.CLOSED,
            C.EVALUATING,
            [ISSUER, ADMIN],
            _("Start evaluation"),
            public=True,
            done=_("Evaluation started"),
        ),
        t(
            "publicize",
            C.EVALUATING,
            C.PUBLICITY,
            ISSUER,
            _("Announce results for publicity"),
            done=_("Results announced for publicity"),
            public=True,
        ),
        t(
            "no_award",
            C.EVALUATING,
            C.NO_AWARD,
            [ISSUER, ADMIN],
            _("Close without award"),
            done=_("Closed without award"),
            needs_note=True,
            public=True,
        ),
        t(
            "finalize",
            C.PUBLICITY,
            C.AWARDED,
            [SYSTEM, ADMIN],
            _("Make the award final"),
            done=_("Award made final"),
            public=True,
        ),
        t(
            "reevaluate",
            C.PUBLICITY,
            C.EVALUATING,
            ADMIN,
            _("Return to evaluation"),
            done=_("Returned to evaluation"),
            needs_note=True,
            public=True,
        ),
        t(
            "start_work",
            C.AWARDED,
            C.IN_PROGRESS,
            ISSUER,
            _("Start the work"),
            public=True,
            done=_("Work started"),
        ),
        t("accept", C.IN_PROGRESS, C.ACCEPTED, ISSUER, _("Final acceptance"), public=True),
        t(
            "terminate",
            [C.AWARDED, C.IN_PROGRESS],
            C.TERMINATED,
            [ISSUER, ADMIN],
            _("Terminate"),
            done=_("Terminated"),
            needs_note=True,
            public=True,
        ),
    ]
)

APPLICATION_TRANSITIONS = TransitionTable(
    [
        t(
            "submit",
            A.DRAFT,
            A.SUBMITTED,
            APPLICANT,
            _("Submit the application"),
            done=_("Submitted"),
        ),
        t(
            "withdraw",
            [A.DRAFT, A.SUBMITTED, A.ELIGIBLE, A.SHORTLISTED],
            A.WITHDRAWN,
            APPLICANT,
            _("Withdraw the application"),
            done=_("Withdrawn"),
        ),
        t(
            "mark_eligible",
            A.SUBMITTED,
            A.ELIGIBLE,
            [ISSUER, ADMIN],
            pgettext_lazy("action", "Eligible"),
            done=_("Found eligible"),
        ),
        t(
            "mark_ineligible",
            [A.SUBMITTED, A.ELIGIBLE],
            A.INELIGIBLE,
            [ISSUER, ADMIN],
            pgettext_lazy("action", "Ineligible"),
            done=_("Found ineligible"),
            needs_note=True,
        ),
        t("shortlist", A.ELIGIBLE, A.SHORTLISTED, ISSUER, _("Shortlist"), done=_("Shortlisted")),
        t(
            "unshortlist",
            A.SHORTLISTED,
            A.ELIGIBLE,
            ISSUER,
            _("Remove from shortlist"),
            done=_("Removed from the shortlist"),
        ),
        t("award", A.SHORTLISTED, A.AWARDED, SYSTEM, _("Awarded")),
        t(
            "not_award",
            [A.SUBMITTED, A.ELIGIBLE, A.SHORTLISTED],
            A.NOT_AWARDED,
            SYSTEM,
            _("Not awarded"),
        ),
    ]
)

REVIEW_TRANSITIONS = TransitionTable(
    [
        t(
            "submit",
            R.ASSIGNED,
            R.SUBMITTED,
            EXPERT,
            _("Submit the scores"),
            event="review_submitted",
            done=_("Expert scores submitted"),
        ),
        t(
            "recuse",
            R.ASSIGNED,
            R.RECUSED,
            EXPERT,
            _("Declare a conflict and recuse"),
            needs_note=True,
            event="expert_recused",
            done=_("Expert recused"),
        ),
        t(
            "reopen",
            R.SUBMITTED,
            R.ASSIGNED,
            [ISSUER, ADMIN],
            _("Send back to the expert"),
            needs_note=True,
            event="review_reopened",
            done=_("Score sheet sent back"),
        ),
    ]
)

MILESTONE_TRANSITIONS = TransitionTable(
    [
        t("agree", M.PROPOSED, M.AGREED, WINNER, _("Agree"), done=_("Agreed")),
        t(
            "report",
            [M.AGREED, M.RETURNED],
            M.SUBMITTED,
            WINNER,
            _("Report progress"),
            done=_("Progress reported"),
        ),
        t("accept", M.SUBMITTED, M.ACCEPTED, ISSUER, _("Accept"), done=_("Accepted")),
        t(
            "return",
            M.SUBMITTED,
            M.RETURNED,
            ISSUER,
            _("Return for rework"),
            needs_note=True,
            done=_("Returned for rework"),
        ),
    ]
)

# A consortium partner (联合体): the invited organization's administrator answers; the lead
# applicant may invite a partner that declined again. Recorded on the application.
PARTNER_TRANSITIONS = TransitionTable(
    [
        t(
            "confirm",
            P.INVITED,
            P.CONFIRMED,
            PARTNER,
            _("Confirm"),
            event="partner_confirmed",
            done=_("Partner confirmed"),
        ),
        t(
            "decline",
            P.INVITED,
            P.DECLINED,
            PARTNER,
            _("Decline"),
            event="partner_declined",
            done=_("Partner declined"),
        ),
        t(
            "reinvite",
            P.DECLINED,
            P.INVITED,
            APPLICANT,
            _("Invite partner"),
            event="partner_invited",
            done=_("Partner invited"),
            refused=_("This organization is already invited."),
        ),
    ],
    not_allowed=_("Only an administrator of the invited organization can answer."),
    invalid_state=_("This invitation was already answered."),
)

# An objection (异议) filed during publicity; a platform administrator decides it. Recorded
# on the call.
OBJECTION_TRANSITIONS = TransitionTable(
    [
        t(
            "uphold",
            O.OPEN,
            O.UPHELD,
            ADMIN,
            _("Upheld"),
            needs_note=True,
            event="objection_upheld",
            done=_("Objection upheld"),
        ),
        t(
            "dismiss",
            O.OPEN,
            O.DISMISSED,
            ADMIN,
            _("Dismissed"),
            needs_note=True,
            event="objection_dismissed",
            done=_("Objection dismissed"),
        ),
    ],
    not_allowed=_("Only platform administrators resolve objections."),
    invalid_state=_("This objection was already resolved."),
    note_required=_("Explain the decision."),
)

# A proposed winner becomes final with its call, or is revoked when the call returns to
# evaluation. The call's own move is checked and recorded; these follow it (``SYSTEM``).
# Proposing creates an award and withdrawing a proposal deletes it: no status moves.
AWARD_TRANSITIONS = TransitionTable(
    [
        t("finalize", W.PROPOSED, W.FINAL, SYSTEM, _("Make the award final")),
        t("revoke", W.PROPOSED, W.REVOKED, SYSTEM, _("Return to evaluation")),
    ]
)

# The labels of the event rows: the moves recorded on each, then the other events.
CALL_EVENT_LABELS = EventLabels(
    CALL_TRANSITIONS,
    OBJECTION_TRANSITIONS,
    other={
        "create": _("Created"),
        "update": _("Updated"),
        "handler_added": _("Handler added"),
        "terms_accepted": _("Terms accepted"),
        "objection_filed": _("Objection filed"),
        "award_proposed": _("Winner proposed"),
        "award_withdrawn": _("Winner proposal withdrawn"),
        "panel_closed": _("Expert panel closed"),
        "round_advanced": _("Advanced to the next round"),
        "invited": _("Organization invited"),
    },
)
APPLICATION_EVENT_LABELS = EventLabels(
    APPLICATION_TRANSITIONS,
    REVIEW_TRANSITIONS,
    PARTNER_TRANSITIONS,
    other={
        "create": _("Created"),
        "update": _("Updated"),
        "partner_removed": _("Partner removed"),
        "expert_assigned": _("Expert assigned"),
        "round_statement": _("Round update submitted"),
    },
)
MILESTONE_EVENT_LABELS = EventLabels(MILESTONE_TRANSITIONS, other={"propose": _("Proposed")})
