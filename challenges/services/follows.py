"""Following a call (关注): any signed-in user may, to hear of its clarifications and outcome.

Following is a reader's own bookmark, not a step of the call: it writes no call event (the
issuer's timeline would otherwise tell who watches the call). The call's services add the
followers to the recipients of the notifications that matter to an onlooker (see
``selectors.followers_of``).
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from core.exceptions import InvalidState, NotAllowed

from .. import rules
from ..models import Call, CallFollow

__all__ = ["call_follow", "call_unfollow"]


@transaction.atomic
def call_follow(*, actor: User, call: Call) -> CallFollow:
    """Follow a public call; following it again changes nothing."""
    if not (actor and actor.is_authenticated and actor.is_active):
        raise NotAllowed(_("Log in to follow a call."))
    call = Call.objects.get(pk=call.pk)  # as it stands now, not as the caller read it
    if not rules.can_follow_call(actor, call):
        raise InvalidState(_("Only published calls can be followed."))
    follow, _created = CallFollow.objects.get_or_create(user=actor, call=call)
    return follow


@transaction.atomic
def call_unfollow(*, actor: User, call: Call) -> None:
    """Stop following a call; unfollowing one not followed changes nothing."""
    if not (actor and actor.is_authenticated):
        raise NotAllowed(_("Log in to follow a call."))
    CallFollow.objects.filter(user=actor, call=call).delete()
