"""Who hears of a call: its handlers, the members of the organizations involved, its
followers, the platform's administrators. Querysets of users, for notifications and pages."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from accounts.models import Membership, MembershipRole, MembershipStatus, Organization

from ..models import Call

User = get_user_model()


def members_of(*organizations: Organization):
    return User.objects.filter(
        memberships__organization__in=[o for o in organizations if o is not None],
        memberships__status=MembershipStatus.ACTIVE,
        is_active=True,
    ).distinct()


def admins_of(organization: Organization):
    return User.objects.filter(
        memberships__organization=organization,
        memberships__status=MembershipStatus.ACTIVE,
        memberships__role=MembershipRole.ADMIN,
    )


def handlers_of(call: Call):
    """The users handling a call: named handlers who are still members, and issuer admins."""
    active = Membership.objects.filter(organization=call.issuer_id, status=MembershipStatus.ACTIVE)
    named = call.handlers.filter(memberships__in=active)
    return (named | admins_of(call.issuer)).distinct()


def call_handlers(call: Call):
    """The users handling a call: its named handlers and the issuer's administrators."""
    return handlers_of(call).order_by("name")


def platform_admins():
    return User.objects.filter(is_staff=True, is_active=True)


def applicant_users(call: Call, *, statuses=None):
    """Members of the organizations with a live application to the call."""
    applications = call.applications.exclude(status="withdrawn")
    if statuses is not None:
        applications = applications.filter(status__in=statuses)
    return User.objects.filter(
        memberships__organization__in=applications.values("applicant"),
        memberships__status=MembershipStatus.ACTIVE,
    ).distinct()


def followers_of(call: Call, *, exclude=()):
    """The active users following a call, without those in ``exclude`` (told otherwise)."""
    followers = User.objects.filter(call_follows__call=call, is_active=True)
    excluded = [user.pk for user in exclude if user is not None]
    if excluded:
        followers = followers.exclude(pk__in=excluded)
    return followers


def everyone_of(call: Call) -> list:
    """The users concerned by a move of the whole call: its handlers, the applicants' members
    and its followers, in that order."""
    return [*handlers_of(call), *applicant_users(call), *followers_of(call)]
