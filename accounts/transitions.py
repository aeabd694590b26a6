"""The life cycles of organizations' verification, qualifications and memberships.

Roles: ``owner`` (an administrator of the organization), ``admin`` (platform administrator).
Role changes of a member are not status moves; declining a membership request deletes it.
"""

from django.utils.translation import gettext_lazy as _

from workflow import DELETED, EventLabels, TransitionTable, t

from .models import MembershipStatus as M
from .models import QualificationStatus as Q
from .models import VerificationStatus as V

OWNER, ADMIN = "owner", "admin"

VERIFICATION_TRANSITIONS = TransitionTable(
    [
        t(
            "verify",
            [V.PENDING, V.REJECTED],
            V.VERIFIED,
            ADMIN,
            _("Verify"),
            event="verified",
            refused=_("This organization is already verified."),
        ),
        t(
            "reject",
            V.PENDING,
            V.REJECTED,
            ADMIN,
            _("Reject"),
            needs_note=True,
            event="rejected",
            refused=_("Only an organization awaiting verification can be rejected."),
        ),
        # Changing kind, name or code of a checked organization: it is checked again.
        t(
            "reopen",
            [V.VERIFIED, V.REJECTED],
            V.PENDING,
            [OWNER, ADMIN],
            _("Awaiting verification"),
            event="verification_reopened",
        ),
    ],
    field="verification_status",
    not_allowed=_("Only platform administrators can verify organizations."),
    note_required=_("Give a reason so the organization knows what to correct."),
)

QUALIFICATION_TRANSITIONS = TransitionTable(
    [
        t(
            "verify",
            Q.PENDING,
            Q.VERIFIED,
            ADMIN,
            _("Verify"),
            event="qualification_verified",
            refused=_("Only a qualification awaiting verification can be verified."),
        ),
        t(
            "reject",
            Q.PENDING,
            Q.REJECTED,
            ADMIN,
            _("Reject"),
            needs_note=True,
            event="qualification_rejected",
            refused=_("Only a qualification awaiting verification can be rejected."),
        ),
        t(
            "revoke",
            Q.VERIFIED,
            Q.REVOKED,
            ADMIN,
            _("Revoked"),
            needs_note=True,
            event="qualification_revoked",
            refused=_("Only a verified qualification can be revoked."),
        ),
        t(
            "fail_review",
            Q.VERIFIED,
            Q.REVIEW_FAILED,
            ADMIN,
            _("Failed review"),
            needs_note=True,
            event="qualification_review_failed",
            done=_("Failed review (复核)"),
            refused=_("Only a verified qualification can fail its review."),
        ),
    ],
    not_allowed=_("Only platform administrators can verify qualifications."),
    note_required=_("Give a reason so the organization knows what to correct."),
)

MEMBERSHIP_TRANSITIONS = TransitionTable(
    [
        t("approve", M.PENDING, M.ACTIVE, OWNER, _("Approve"), event="membership_approved"),
        t("decline", M.PENDING, DELETED, OWNER, _("Decline"), event="membership_declined"),
    ],
    not_allowed=_("Only an administrator of this organization can decide on requests."),
    invalid_state=_("This request has already been decided."),
)

# The labels of ``OrganizationEvent`` rows.
ORGANIZATION_EVENT_LABELS = EventLabels(
    VERIFICATION_TRANSITIONS,
    QUALIFICATION_TRANSITIONS,
    MEMBERSHIP_TRANSITIONS,
    other={
        "created": _("Created"),
        "updated": _("Updated"),
        "qualification_expired": _("Qualification expired"),
        "qualification_valid_until": _("Qualification's expiry or review date changed"),
    },
)
