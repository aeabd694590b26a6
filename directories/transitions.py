"""The life cycle of an imported list: checked (a dry run), then applied once.

Role: ``admin`` (platform administrator).
"""

from django.utils.translation import gettext_lazy as _

from workflow import TransitionTable, t

from .models import ImportStatus as S

ADMIN = "admin"

IMPORT_TRANSITIONS = TransitionTable(
    [
        t(
            "apply",
            S.DRY_RUN,
            S.APPLIED,
            ADMIN,
            _("Apply"),
            refused=_("This list has already been applied."),
        ),
    ],
    not_allowed=_("Only platform administrators can import official lists."),
)
