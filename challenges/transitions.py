"""The life cycles of calls, applications, expert reviews and milestones, as tables.

Roles: ``issuer`` (a handler of the call at the issuing organization), ``admin`` (platform
administrator), ``system`` (scheduled tasks), ``applicant`` (a member of the lead applicant),
``expert`` (the assigned expert), ``winner`` (a member of an awarded applicant),
``partner`` (an administrator of an invited consortium partner), ``recommender`` (a member
of the recommending unit an application was submitted through).
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
from .models import NominationStatus as N
from .models import ObjectionStatus as O
from .models import PartnerStatus as P
from .models import TrancheStatus as T

ISSUER, ADMIN = "issuer", "admin"
APPLICANT, EXPERT, WINNER, PARTNER = "applicant", "expert", "winner", "partner"
RECOMMENDER = "recommender"

CALL_TRANSITIONS = TransitionTable(
    [
        t(
            "submit",
            [C.DRAFT, C.REJECTED],
            C.PENDING_REVIEW,
            ISSUER,
            _("Submit for review"),
            done=_("Submitted"),
            success=_(
                "Submitted for review; a platform administrator checks the call before it is "
                "published."
            ),
        ),
        t(
            "publish",
            C.PENDING_REVIEW,
            C.PUBLISHED,
            ADMIN,
            _("Publish"),
            public=True,
            done=_("Published"),
            confirm=_("Publish this call now? It becomes public and takes applications at once."),
            success=_(
                "Published; the call takes applications until its deadline, and matching "
                "organizations are told."
            ),
        ),
        t(
            "reject",
            C.PENDING_REVIEW,
            C.REJECTED,
            ADMIN,
            _("Reject"),
            needs_note=True,
            done=_("Sent back"),
            success=_(
                "Sent back with your reason; the issuer can correct the call and submit it again."
            ),
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
            confirm=_("Withdraw this call? This cannot be undone; its applicants are told."),
            success=_("The call is withdrawn; its applicants are told."),
        ),
        t(
            "close",
            C.PUBLISHED,
            C.CLOSED,
            [SYSTEM, ISSUER, ADMIN],
            _("Close applications"),
            done=_("Applications closed"),
            public=True,
            success=_(
                "Applications are closed; start the evaluation to check eligibility and assign "
                "experts."
            ),
        ),
        t(
            "evaluate",
            C.CLOSED,
            C.EVALUATING,
            [ISSUER, ADMIN],
            _("Start evaluation"),
            public=True,
            done=_("Evaluation started"),
            success=_(
                "Evaluation has started; mark applications eligible, then assign at least three "
                "experts to each."
            ),
        ),
        t(
            "publicize",
            C.EVALUATING,
            C.PUBLICITY,
            ISSUER,
            _("Announce results for publicity"),
            done=_("Results announced for publicity"),
            public=True,
            confirm=_(
                "Announce the proposed winners for publicity? The results become public at once."
            ),
            success=_(
                "Results are announced for publicity; anyone may object until the period ends, "
                "then the award becomes final."
            ),
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
            confirm=_(
                "Close this call without award? This cannot be undone; its applicants are told."
            ),
            success=_("The call is closed without award; its applicants are told."),
        ),
        t(
            "finalize",
            C.PUBLICITY,
            C.AWARDED,
            [SYSTEM, ADMIN],
            _("Make the award final"),
            done=_("Award made final"),
            public=True,
            success=_("The award is final; agree milestones with the winners next."),
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
            success=_(
                "Returned to evaluation; the proposed winners are withdrawn and can be chosen "
                "again."
            ),
        ),
        t(
            "start_work",
            C.AWARDED,
            C.IN_PROGRESS,
            ISSUER,
            _("Start the work"),
            public=True,
            done=_("Work started"),
            success=_("Work has started; the winners report progress on each milestone."),
        ),
        t(
            "accept",
            C.IN_PROGRESS,
            C.ACCEPTED,
            ISSUER,
            _("Final acceptance"),
            public=True,
            confirm=_("Record the final acceptance? The call is then complete."),
            success=_(
                "Final acceptance is recorded; the call is complete (a verification project's "
                "result is recorded on the product)."
            ),
        ),
        t(
            "terminate",
            [C.AWARDED, C.IN_PROGRESS],
            C.TERMINATED,
            [ISSUER, ADMIN],
            _("Terminate"),
            done=_("Terminated"),
            needs_note=True,
            public=True,
            confirm=_("Terminate this call? This cannot be undone; the winners are told."),
            success=_("The call is terminated; the winners are told."),
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
            confirm=_("Submit this application? You can still change it until the deadline."),
            success=_(
                "Submitted; you can still change it until the deadline, then the issuer checks "
                "eligibility."
            ),
        ),
        # Where the call requires nomination, submitting sends the application to the
        # recommending unit the applicant chose; the unit's decision moves it on (``SYSTEM``,
        # following the nomination's own move).
        t(
            "submit_to_unit",
            A.DRAFT,
            A.NOMINATION,
            APPLICANT,
            _("Submit to the recommending unit"),
            done=_("Submitted to the recommending unit"),
            confirm=_(
                "Submit this application to your recommending unit? It pre-reviews it and "
                "nominates it within its quota, or returns it to you."
            ),
            success=_(
                "Submitted to the recommending unit, which nominates it to the issuer or "
                "returns it to you with a reason."
            ),
        ),
        t("nominated", A.NOMINATION, A.SUBMITTED, SYSTEM, _("Nominated")),
        t("returned", A.NOMINATION, A.DRAFT, SYSTEM, _("Returned by the recommending unit")),
        # The issuer's evaluation started before the unit decided: it was not nominated.
        t("not_nominated", A.NOMINATION, A.NOT_AWARDED, SYSTEM, _("Not nominated in time")),
        t(
            "withdraw",
            [A.DRAFT, A.NOMINATION, A.SUBMITTED, A.ELIGIBLE, A.SHORTLISTED],
            A.WITHDRAWN,
            APPLICANT,
            _("Withdraw the application"),
            done=_("Withdrawn"),
            confirm=_(
                "Withdraw this application? It is no longer considered; to take part again you "
                "start a new one."
            ),
            success=_("Your application is withdrawn; it is no longer considered."),
        ),
        t(
            "mark_eligible",
            A.SUBMITTED,
            A.ELIGIBLE,
            [ISSUER, ADMIN],
            pgettext_lazy("action", "Eligible"),
            done=_("Found eligible"),
            success=_("Found eligible; the applicant is told, and experts can now be assigned."),
        ),
        t(
            "mark_ineligible",
            [A.SUBMITTED, A.ELIGIBLE],
            A.INELIGIBLE,
            [ISSUER, ADMIN],
            pgettext_lazy("action", "Ineligible"),
            done=_("Found ineligible"),
            needs_note=True,
            success=_("Found ineligible; the applicant is told your reason."),
        ),
        t(
            "shortlist",
            A.ELIGIBLE,
            A.SHORTLISTED,
            ISSUER,
            _("Shortlist"),
            done=_("Shortlisted"),
            success=_("Shortlisted; it can now be proposed as a winner."),
        ),
        t(
            "unshortlist",
            A.SHORTLISTED,
            A.ELIGIBLE,
            ISSUER,
            _("Remove from shortlist"),
            done=_("Removed from the shortlist"),
            success=_("Removed from the shortlist; it is still eligible."),
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
            confirm=_(
                "Submit your scores as final? You cannot change them afterwards unless the "
                "issuer sends the sheet back."
            ),
            success=_(
                "Your scores are submitted and can no longer be changed unless the issuer sends "
                "the sheet back; other experts see them once the panel closes."
            ),
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
            success=_(
                "You are recused from this application; your scores for it are deleted and the "
                "issuer is told."
            ),
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
            success=_("The score sheet is sent back to the expert, who is told your reason."),
        ),
    ]
)

MILESTONE_TRANSITIONS = TransitionTable(
    [
        t(
            "agree",
            M.PROPOSED,
            M.AGREED,
            WINNER,
            _("Agree"),
            done=_("Agreed"),
            success=_(
                "Milestone agreed; the issuer starts the work once every winner has agreed its "
                "milestones."
            ),
        ),
        t(
            "report",
            [M.AGREED, M.RETURNED],
            M.SUBMITTED,
            WINNER,
            _("Report progress"),
            done=_("Progress reported"),
            success=_("Progress reported; the issuer accepts it or returns it for rework."),
        ),
        t(
            "accept",
            M.SUBMITTED,
            M.ACCEPTED,
            ISSUER,
            _("Accept"),
            done=_("Accepted"),
            success=_("Milestone accepted; the winner is told."),
        ),
        t(
            "return",
            M.SUBMITTED,
            M.RETURNED,
            ISSUER,
            _("Return for rework"),
            needs_note=True,
            done=_("Returned for rework"),
            success=_("Returned for rework; the winner is told what is missing."),
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

# A recommending unit's decision on an application submitted through it (measure 十三).
NOMINATION_TRANSITIONS = TransitionTable(
    [
        t(
            "nominate",
            N.PENDING,
            N.NOMINATED,
            RECOMMENDER,
            _("Nominate"),
            done=_("Nominated"),
            confirm=_("Nominate this application to the issuer? It counts against your quota."),
            success=_("Nominated; the issuer now reviews it and the applicant is told."),
            refused=_("This application was already decided."),
        ),
        t(
            "return",
            N.PENDING,
            N.RETURNED,
            RECOMMENDER,
            _("Return to the applicant"),
            needs_note=True,
            done=_("Returned to the applicant"),
            success=_("Returned; the applicant is told your reason and may submit again."),
        ),
        t("withdraw", [N.PENDING, N.NOMINATED], N.WITHDRAWN, SYSTEM, _("Withdrawn")),
        t("lapse", N.PENDING, N.WITHDRAWN, SYSTEM, _("Not decided before the evaluation")),
    ],
    not_allowed=_("Only the recommending unit the application was submitted through decides."),
    invalid_state=_("This application was already decided."),
    note_required=_("Say why you return the application."),
)

# A tranche of an award: released when its milestone is accepted (``SYSTEM``, following
# the milestone's move), or cancelled by the issuer while pending.
TRANCHE_TRANSITIONS = TransitionTable(
    [
        t("release", T.PENDING, T.RELEASED, SYSTEM, _("Released")),
        t(
            "cancel",
            T.PENDING,
            T.CANCELLED,
            ISSUER,
            _("Cancel the tranche"),
            needs_note=True,
            done=_("Tranche cancelled"),
            confirm=_("Cancel this tranche? Its amount is no longer committed."),
            success=_("The tranche is cancelled; its amount is no longer committed."),
        ),
    ],
    not_allowed=_("Only the call's handlers manage its tranches."),
    invalid_state=_("This tranche was already released or cancelled."),
    note_required=_("Say why the tranche is cancelled."),
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
        "issuer_revealed": _("Issuer's name revealed"),
        "competition_results": _("Competition results recorded"),
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
MILESTONE_EVENT_LABELS = EventLabels(
    MILESTONE_TRANSITIONS, other={"propose": _("Proposed"), "reminded": _("Reminder sent")}
)
NOMINATION_EVENT_LABELS = EventLabels(
    NOMINATION_TRANSITIONS, other={"create": _("Submitted to the recommending unit")}
)
TRANCHE_EVENT_LABELS = EventLabels(
    TRANCHE_TRANSITIONS, other={"create": _("Tranche set"), "update": _("Tranche changed")}
)
