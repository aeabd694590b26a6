"""The life cycles of calls, applications, expert reviews and milestones, as tables.

Roles: ``issuer`` (a handler of the call at the issuing organization), ``admin`` (platform
administrator), ``system`` (scheduled tasks), ``applicant`` (a member of the lead applicant),
``expert`` (the assigned expert), ``winner`` (a member of an awarded applicant).
Extra conditions (deadlines, caps, completeness) are checked by the services.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from workflow import TransitionTable, t

from .models import ApplicationStatus as A
from .models import AssignmentStatus as R
from .models import CallStatus as C
from .models import MilestoneStatus as M

ISSUER, ADMIN, SYSTEM = "issuer", "admin", "system"
APPLICANT, EXPERT, WINNER = "applicant", "expert", "winner"

CALL_TRANSITIONS = TransitionTable(
    [
        t("submit", [C.DRAFT, C.REJECTED], C.PENDING_REVIEW, ISSUER, _("Submit for review")),
        t("publish", C.PENDING_REVIEW, C.PUBLISHED, ADMIN, _("Publish"), public=True),
        t("reject", C.PENDING_REVIEW, C.REJECTED, ADMIN, _("Reject"), needs_note=True),
        t(
            "withdraw",
            [C.DRAFT, C.PENDING_REVIEW, C.PUBLISHED],
            C.WITHDRAWN,
            [ISSUER, ADMIN],
            _("Withdraw the call"),
            needs_note=True,
            public=True,
        ),
        t(
            "close",
            C.PUBLISHED,
            C.CLOSED,
            [SYSTEM, ISSUER, ADMIN],
            _("Close applications"),
            public=True,
        ),
        t("evaluate", C.CLOSED, C.EVALUATING, [ISSUER, ADMIN], _("Start evaluation"), public=True),
        t(
            "publicize",
            C.EVALUATING,
            C.PUBLICITY,
            ISSUER,
            _("Announce results for publicity"),
            public=True,
        ),
        t(
            "no_award",
            C.EVALUATING,
            C.NO_AWARD,
            [ISSUER, ADMIN],
            _("Close without award"),
            needs_note=True,
            public=True,
        ),
        t(
            "finalize",
            C.PUBLICITY,
            C.AWARDED,
            [SYSTEM, ADMIN],
            _("Make the award final"),
            public=True,
        ),
        t(
            "reevaluate",
            C.PUBLICITY,
            C.EVALUATING,
            ADMIN,
            _("Return to evaluation"),
            needs_note=True,
            public=True,
        ),
        t("start_work", C.AWARDED, C.IN_PROGRESS, ISSUER, _("Start the work"), public=True),
        t("accept", C.IN_PROGRESS, C.ACCEPTED, ISSUER, _("Final acceptance"), public=True),
        t(
            "terminate",
            [C.AWARDED, C.IN_PROGRESS],
            C.TERMINATED,
            [ISSUER, ADMIN],
            _("Terminate"),
            needs_note=True,
            public=True,
        ),
    ]
)

APPLICATION_TRANSITIONS = TransitionTable(
    [
        t("submit", A.DRAFT, A.SUBMITTED, APPLICANT, _("Submit the application")),
        t(
            "withdraw",
            [A.DRAFT, A.SUBMITTED, A.ELIGIBLE, A.SHORTLISTED],
            A.WITHDRAWN,
            APPLICANT,
            _("Withdraw the application"),
        ),
        t(
            "mark_eligible",
            A.SUBMITTED,
            A.ELIGIBLE,
            [ISSUER, ADMIN],
            pgettext_lazy("action", "Eligible"),
        ),
        t(
            "mark_ineligible",
            [A.SUBMITTED, A.ELIGIBLE],
            A.INELIGIBLE,
            [ISSUER, ADMIN],
            pgettext_lazy("action", "Ineligible"),
            needs_note=True,
        ),
        t("shortlist", A.ELIGIBLE, A.SHORTLISTED, ISSUER, _("Shortlist")),
        t("unshortlist", A.SHORTLISTED, A.ELIGIBLE, ISSUER, _("Remove from shortlist")),
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
        t("submit", R.ASSIGNED, R.SUBMITTED, EXPERT, _("Submit the scores")),
        t(
            "recuse",
            R.ASSIGNED,
            R.RECUSED,
            EXPERT,
            _("Declare a conflict and recuse"),
            needs_note=True,
        ),
        t(
            "reopen",
            R.SUBMITTED,
            R.ASSIGNED,
            [ISSUER, ADMIN],
            _("Send back to the expert"),
            needs_note=True,
        ),
    ]
)

MILESTONE_TRANSITIONS = TransitionTable(
    [
        t("agree", M.PROPOSED, M.AGREED, WINNER, _("Agree")),
        t("report", [M.AGREED, M.RETURNED], M.SUBMITTED, WINNER, _("Report progress")),
        t("accept", M.SUBMITTED, M.ACCEPTED, ISSUER, _("Accept")),
        t("return", M.SUBMITTED, M.RETURNED, ISSUER, _("Return for rework"), needs_note=True),
    ]
)
