"""The life cycles of a collection campaign and of what is submitted into it.

Roles: ``organizer`` (a member of the government department running the campaign),
``admin`` (platform administrator), ``submitter`` (a member of the submitting
organization), ``system`` (tasks, and moves that follow another: a submission is published
with its batch).
"""

from django.utils.translation import gettext_lazy as _

from workflow import SYSTEM, EventLabels, TransitionTable, t

from .models import CampaignStatus as C
from .models import SubmissionStatus as S

ORGANIZER, ADMIN, SUBMITTER = "organizer", "admin", "submitter"

CAMPAIGN_TRANSITIONS = TransitionTable(
    [
        t(
            "open",
            C.DRAFT,
            C.OPEN,
            ORGANIZER,
            _("Open for submissions"),
            done=_("Opened for submissions"),
            confirm=_(
                "Open the campaign? It becomes public and takes submissions until its deadline."
            ),
            success=_("The campaign is open; organizations can submit until the deadline."),
        ),
        t(
            "screen",
            C.OPEN,
            C.SCREENING,
            [ORGANIZER, SYSTEM],
            _("Close submissions and screen"),
            done=_("Screening started"),
            success=_("Submissions are closed; accept, merge or send back each one."),
        ),
        t(
            "publish",
            C.SCREENING,
            C.PUBLISHED,
            ORGANIZER,
            _("Publish the accepted ones as a batch"),
            done=_("Batch published"),
            confirm=_("Publish every accepted submission together now? This cannot be undone."),
            success=_("The batch is published."),
        ),
        t(
            "cancel",
            [C.DRAFT, C.OPEN, C.SCREENING],
            C.CANCELLED,
            [ORGANIZER, ADMIN],
            _("Cancel the campaign"),
            needs_note=True,
            done=_("Cancelled"),
            confirm=_("Cancel this campaign? Those who submitted are told."),
            success=_("The campaign is cancelled; those who submitted are told."),
        ),
    ],
    not_allowed=_("Only the department running the campaign can do this."),
)

SUBMISSION_TRANSITIONS = TransitionTable(
    [
        t(
            "accept",
            [S.SUBMITTED, S.RETURNED],
            S.ACCEPTED,
            ORGANIZER,
            _("Accept"),
            done=_("Accepted"),
            success=_("Accepted; it is published with the next batch."),
        ),
        t(
            "return",
            [S.SUBMITTED, S.ACCEPTED],
            S.RETURNED,
            ORGANIZER,
            _("Send back"),
            needs_note=True,
            done=_("Sent back"),
            success=_("Sent back with your reason; the organization may revise and resubmit."),
        ),
        # Merging names the submission it is merged into (checked by the service).
        t(
            "merge",
            [S.SUBMITTED, S.ACCEPTED, S.RETURNED],
            S.MERGED,
            ORGANIZER,
            _("Merge into another"),
            needs_note=True,
            done=_("Merged"),
            success=_("Merged; the submitting organization is told."),
        ),
        t(
            "resubmit",
            S.RETURNED,
            S.SUBMITTED,
            SUBMITTER,
            _("Resubmit"),
            done=_("Resubmitted"),
            success=_("Resubmitted; the organizer screens it again."),
        ),
        t(
            "withdraw",
            [S.SUBMITTED, S.RETURNED, S.ACCEPTED],
            S.WITHDRAWN,
            SUBMITTER,
            _("Withdraw"),
            done=_("Withdrawn"),
            confirm=_("Withdraw this submission from the campaign?"),
            success=_("Withdrawn from the campaign."),
        ),
        t("publish", S.ACCEPTED, S.PUBLISHED, SYSTEM, _("Published")),
    ],
    not_allowed=_("Only the department running the campaign screens submissions."),
    invalid_state=_("This submission was already screened or published."),
    note_required=_("Give your reason."),
)

CAMPAIGN_EVENT_LABELS = EventLabels(
    CAMPAIGN_TRANSITIONS,
    other={
        "create": _("Created"),
        "update": _("Updated"),
        "units": _("Recommending units changed"),
    },
)
SUBMISSION_EVENT_LABELS = EventLabels(
    SUBMISSION_TRANSITIONS, other={"create": _("Submitted"), "update": _("Updated")}
)
