"""The life cycles of measure 十二: an imported list, a willingness declaration, a directory
version and its entries, and a recommendation's feedback.

Roles: ``system`` (tasks), ``admin`` (platform administrator), ``owner`` (an administrator
of the organization that declares willingness), ``recipient`` (a member of the enterprise a
recommendation is addressed to).
"""

from django.utils.translation import gettext_lazy as _

from workflow import SYSTEM, EventLabels, TransitionTable, t

from .models import EntryDecision as E
from .models import ImportStatus as S
from .models import RecommendationStatus as R
from .models import VersionStatus as V
from .models import WillingnessStatus as W

ADMIN, OWNER, RECIPIENT = "admin", "owner", "recipient"

IMPORT_TRANSITIONS = TransitionTable(
    [
        # The check runs in a task after the upload: a report, or why the file is unreadable.
        t("checked", S.CHECKING, S.DRY_RUN, SYSTEM, _("Checked")),
        t("unreadable", S.CHECKING, S.UNREADABLE, SYSTEM, _("Could not be read")),
        t(
            "apply",
            S.DRY_RUN,
            S.APPLYING,
            ADMIN,
            _("Apply"),
            refused=_("This list has already been applied."),
        ),
        # Applying runs in a task: every row, or (a row no longer fits) none.
        t("applied", S.APPLYING, S.APPLIED, SYSTEM, _("Applied")),
        t("apply_refused", S.APPLYING, S.DRY_RUN, SYSTEM, _("Nothing imported")),
    ],
    not_allowed=_("Only platform administrators can import official lists."),
)

WILLINGNESS_TRANSITIONS = TransitionTable(
    [
        t(
            "opt_in",
            W.WITHDRAWN,
            W.OPTED_IN,
            OWNER,
            _("Declare again"),
            done=_("Declared willingness"),
            refused=_("This declaration is already in force."),
        ),
        t(
            "withdraw",
            W.OPTED_IN,
            W.WITHDRAWN,
            OWNER,
            _("Withdraw"),
            done=_("Withdrew"),
            confirm=_(
                "Withdraw? You leave the directories being prepared, and published ones flag you."
            ),
            refused=_("This declaration is already withdrawn."),
        ),
    ],
    not_allowed=_("Only an administrator of the organization declares its willingness."),
)

VERSION_TRANSITIONS = TransitionTable(
    [
        t(
            "publish",
            V.DRAFT,
            V.PUBLISHED,
            ADMIN,
            _("Publish this version"),
            done=_("Published"),
            confirm=_("Publish? A published version never changes; later edits go to a new one."),
            refused=_("This version is already published and never changes."),
        ),
    ],
    not_allowed=_("Only platform administrators curate directories."),
)

ENTRY_TRANSITIONS = TransitionTable(
    [
        t(
            "include",
            [E.CANDIDATE, E.EXCLUDED],
            E.INCLUDED,
            ADMIN,
            _("Include"),
            done=_("Included"),
            refused=_("This entry is already included."),
        ),
        t(
            "exclude",
            [E.CANDIDATE, E.INCLUDED],
            E.EXCLUDED,
            ADMIN,
            _("Exclude"),
            needs_note=True,
            done=_("Excluded"),
            refused=_("This entry is already excluded."),
        ),
    ],
    field="decision",
    not_allowed=_("Only platform administrators curate directories."),
    note_required=_("Give the reason for excluding it; it is kept with the decision."),
)

RECOMMENDATION_TRANSITIONS = TransitionTable(
    [
        t(
            "view",
            R.SENT,
            R.VIEWED,
            RECIPIENT,
            _("Viewed"),
            refused=_("This recommendation was already viewed."),
        ),
        t(
            "interested",
            [R.SENT, R.VIEWED, R.NOT_RELEVANT],
            R.INTERESTED,
            RECIPIENT,
            _("Interested"),
            refused=_("You already marked this recommendation as interesting."),
        ),
        t(
            "contacted",
            [R.SENT, R.VIEWED, R.INTERESTED, R.NOT_RELEVANT],
            R.CONTACTED,
            RECIPIENT,
            _("Contacted"),
            refused=_("You already marked this recommendation as contacted."),
        ),
        t(
            "not_relevant",
            [R.SENT, R.VIEWED, R.INTERESTED],
            R.NOT_RELEVANT,
            RECIPIENT,
            _("Not relevant"),
            needs_note=True,
            refused=_("This recommendation cannot be marked as not relevant now."),
        ),
    ],
    not_allowed=_("Only the enterprise a recommendation is addressed to gives feedback on it."),
    note_required=_("Say briefly why it is not relevant, so the next recommendation fits better."),
)

WILLINGNESS_EVENT_LABELS = EventLabels(
    WILLINGNESS_TRANSITIONS,
    other={"declared": _("Declared willingness"), "changed": _("Changed the products")},
)

DIRECTORY_EVENT_LABELS = EventLabels(
    VERSION_TRANSITIONS,
    ENTRY_TRANSITIONS,
    other={
        "created": _("Created"),
        "updated": _("Criteria changed"),
        "proposed": _("Candidates proposed"),
        "classified": _("Classified"),
        "version_started": _("Next version started"),
        "withdrawn": _("Left the draft: willingness withdrawn"),
    },
)

RECOMMENDATION_EVENT_LABELS = EventLabels(
    RECOMMENDATION_TRANSITIONS,
    other={
        "recommended": _("Recommended"),
        "invited": _("Invited to a call"),
        "outcome": _("Outcome recorded"),
    },
)
