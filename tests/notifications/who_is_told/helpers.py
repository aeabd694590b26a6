"""The cast of people around a call, and the expected news written as (who, verb) pairs."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Max
from django.utils import timezone

from accounts.models import Membership, MembershipRole
from challenges.models import CallFollow
from notifications.models import Notification
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    OrganizationFactory,
    UserFactory,
    handler_of,
    member_of,
)

PAST = timedelta(days=-1)


REASON = "理由说明"


HANDLERS = ("handler", "issuer_admin")


WINNERS = ("lead", "lead_member")


APPLICANTS = (*WINNERS, "rival", "drafter")


def now_plus(delta):
    return timezone.now() + delta


class Cast:
    """The people around one call, by label, and what they were told."""

    def __init__(self, call):
        self.call = call
        self.people = {}

    def add(self, label, user):
        self.people[label] = user
        return user

    def __getitem__(self, label):
        return self.people[label]

    def told(self, move, capture):
        """Make the move; return the (label, verb) of every notification it created, sorted.
        Recipients outside the cast show as their username."""
        last = Notification.objects.aggregate(last=Max("pk"))["last"] or 0
        with capture(execute=True):  # side effects scheduled on commit happen too
            move()
        labels = {user.pk: label for label, user in self.people.items()}
        return sorted(
            (labels.get(n.recipient_id, n.recipient.username), n.verb)
            for n in Notification.objects.filter(pk__gt=last).select_related("recipient")
        )


def to(verb, *labels):
    return sorted((label, verb) for label in labels)


def cast_around(call, *, applications=None):
    """The usual cast; ``applications`` = (lead's status, rival's status) once the call is
    public, when a drafter and an organization that withdrew come along too."""
    cast = Cast(call)
    cast.add("handler", handler_of(call))
    cast.add("issuer_admin", member_of(call.issuer))  # handles every call of the issuer
    cast.add("idle_member", member_of(call.issuer, role=MembershipRole.MEMBER))
    former = cast.add("former_handler", handler_of(call))
    Membership.objects.filter(user=former).delete()  # left the issuer, still named
    cast.add("platform_admin", AdminUserFactory())
    cast.add("outsider", member_of(OrganizationFactory()))
    if applications is not None:
        lead_status, rival_status = applications
        lead = ApplicationFactory(call=call, status=lead_status)
        cast.add("lead", member_of(lead.applicant))
        cast.add("lead_member", member_of(lead.applicant, role=MembershipRole.MEMBER))
        cast.add("rival", member_of(ApplicationFactory(call=call, status=rival_status).applicant))
        cast.add("drafter", member_of(ApplicationFactory(call=call, status="draft").applicant))
        cast.add("quitter", member_of(ApplicationFactory(call=call, status="withdrawn").applicant))
        cast.lead = lead
        follower = cast.add("follower", UserFactory())
        CallFollow.objects.create(user=follower, call=call)
    return cast
