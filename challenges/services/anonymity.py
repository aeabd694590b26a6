"""Issuer anonymity (measure 十三): an anonymous call shows its label (e.g. 某新能源整车企业)
instead of its issuer's name until the issuer reveals itself to an applicant.

Who sees the name is decided in one place, ``rules.shows_issuer``; revealing it to an
organization writes an ``IssuerReveal`` row, a ``CallEvent`` and tells that organization's
members.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import Organization, User
from core.exceptions import InvalidState, NotAllowed

from .. import rules
from ..models import REACHED_ISSUER, IssuerReveal
from ..selectors import members_of
from ._common import lock_call, notify_users, record_call

__all__ = ["issuer_reveal", "issuer_reveal_by_handshake"]


@transaction.atomic
def issuer_reveal(*, actor: User, call, organization: Organization) -> IssuerReveal:
    """Reveal the issuer's name of an anonymous call to ``organization``: the call's
    handlers, to an organization that applied (an application that is not a draft) or was
    invited. Revealing it again changes nothing and tells nobody."""
    call = lock_call(call)
    if not rules.is_handler(actor, call):
        raise NotAllowed(_("Only the call's handlers reveal the issuer's name."))
    if not call.anonymous:
        raise InvalidState(_("This call already shows the issuer's name."))
    earlier = IssuerReveal.objects.filter(call=call, organization=organization).first()
    if earlier is not None:
        return earlier
    applied = call.applications.filter(REACHED_ISSUER, applicant=organization).exists()
    invited = call.invitations.filter(organization=organization).exists()
    if not (applied or invited):
        raise InvalidState(
            _("The name is revealed only to organizations that applied or were invited.")
        )
    return _reveal(call, organization, actor)


def issuer_reveal_by_handshake(*, actor: User, call, organization: Organization) -> None:
    """Accepting an organization's interest in an anonymous R&D demand releases both sides'
    contacts (measure 十五), so it reveals the issuer's name to that organization too; the
    docking service calls this inside the acceptance's transaction (the accepting member's
    right to accept is checked there)."""
    if (
        not call.anonymous
        or IssuerReveal.objects.filter(call=call, organization=organization).exists()
    ):
        return
    _reveal(lock_call(call), organization, actor)


def _reveal(call, organization: Organization, actor: User) -> IssuerReveal:
    reveal = IssuerReveal.objects.create(call=call, organization=organization, revealed_by=actor)
    record_call(call, actor, "issuer_revealed", note=organization.name)
    notify_users(
        members_of(organization),
        "call.issuer_revealed",
        gettext_noop("The issuer of %(call)s is %(issuer)s"),
        call,
        issuer=call.issuer.name,
    )
    return reveal
