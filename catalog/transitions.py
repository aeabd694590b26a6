"""The review life cycle every listing follows.

draft → pending_review → published → archived, with rejected (and a reason) on the side.
Owners are the active members of the listing's organization; reviewers are platform
administrators.
"""

from django.utils.translation import gettext_lazy as _

from workflow import EventLabels, TransitionTable, t

from .models import ListingStatus as S

OWNER = "owner"
REVIEWER = "reviewer"

TRANSITIONS = TransitionTable(
    [
        t("submit", [S.DRAFT, S.REJECTED], S.PENDING_REVIEW, OWNER, _("Submit for review")),
        t("withdraw", S.PENDING_REVIEW, S.DRAFT, OWNER, _("Withdraw from review")),
        t("publish", S.PENDING_REVIEW, S.PUBLISHED, REVIEWER, _("Publish")),
        t("reject", S.PENDING_REVIEW, S.REJECTED, REVIEWER, _("Reject"), needs_note=True),
        t("archive", S.PUBLISHED, S.ARCHIVED, [OWNER, REVIEWER], _("Archive")),
        t("reopen", S.ARCHIVED, S.DRAFT, OWNER, _("Reopen as draft")),
    ],
    not_allowed=_("You are not allowed to do this with this listing."),
    invalid_state=_("This cannot be done while the listing is “%(status)s”."),
    note_required=_("Give a reason so the owner knows what to correct."),
)

# The labels of ``ListingEvent`` rows.
LISTING_EVENT_LABELS = EventLabels(TRANSITIONS, other={"create": _("Created")})
