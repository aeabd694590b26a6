"""Recipients and targeted recommendation (定向推荐): the administrators' registry of
recipients, recommending published entries to one of them, the recipient's feedback and
invitation to one of its calls, and what it led to (对接成效), recorded by either side.

Feedback moves go through the workflow engine (``RECOMMENDATION_TRANSITIONS``); every step
writes a ``RecommendationEvent`` (who, when, what, why) and tells the other parties.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import Organization, OrganizationKind, User
from challenges import services as call_services
from challenges.models import Call
from challenges.selectors import admins_of, members_of
from core.exceptions import InvalidState, NotAllowed
from notifications.services import notify
from workflow import MoveServices, apply

from .. import rules, selectors
from ..models import (
    Channel,
    DirectoryEntry,
    EntryDecision,
    Outcome,
    OutcomeStage,
    Recipient,
    Recommendation,
    RecommendationEvent,
    RecommendationStatus,
)
from ..transitions import RECOMMENDATION_TRANSITIONS

__all__ = [
    "RECIPIENT_KINDS",
    "RECOMMENDATION_MOVES",
    "outcome_record",
    "recipient_deactivate",
    "recipient_reactivate",
    "recipient_register",
    "recipient_update",
    "recommend",
    "recommendation_invite",
    "recommendation_mark_contacted",
    "recommendation_mark_interested",
    "recommendation_mark_not_relevant",
    "recommendation_move",
    "recommendation_view",
]

# Who receives recommendations: lead enterprises and large backbone enterprises.
RECIPIENT_KINDS = (OrganizationKind.LEAD, OrganizationKind.LARGE)

# The longest note a recommendation or an answer keeps (the models' limit).
NOTE_LIMIT = 2000

# The service making each feedback move, registered on it below.
RECOMMENDATION_MOVES = MoveServices(RECOMMENDATION_TRANSITIONS)

# What the firm and the recommending administrator are told of each answer.
FEEDBACK_MESSAGES = {
    "interested": gettext_noop("%(recipient)s is interested in %(entry)s"),
    "contacted": gettext_noop("%(recipient)s marked %(entry)s as contacted"),
    "not_relevant": gettext_noop("%(recipient)s found %(entry)s not relevant"),
}


def _detail_url(recommendation: Recommendation) -> str:
    return reverse("directories:recommendation_detail", args=[recommendation.pk])


def _params(recommendation: Recommendation, **extra) -> dict:
    entry = recommendation.entry
    return {
        "entry": entry.title,
        "organization": entry.organization.name,
        "recipient": recommendation.recipient.organization.name,
        "directory": entry.version.directory.title,
        **extra,
    }


def _record(recommendation, actor, action: str, from_status="", to_status="", note="") -> None:
    RecommendationEvent.objects.create(
        recommendation=recommendation,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=(note or "").strip(),
    )


def _record_move(recommendation, actor, action, from_status, to_status, note, transition):
    _record(recommendation, actor, transition.event_action, from_status, to_status, note)


def _lock(recommendation: Recommendation) -> Recommendation:
    """Re-read the recommendation under a row lock (PostgreSQL); every write starts here."""
    return (
        Recommendation.objects.select_for_update(of=("self",))
        .select_related(
            "entry__version__directory",
            "entry__organization",
            "entry__product",
            "recipient__organization",
            "recommended_by",
        )
        .get(pk=recommendation.pk)
    )


# --- recipients ------------------------------------------------------------------------------


def _check_recipient_admin(actor: User) -> None:
    if not rules.can_manage_recipients(actor):
        raise NotAllowed(_("Only platform administrators keep the registry of recipients."))


def _check_channel(channel: str) -> None:
    if channel not in Channel.values:
        raise ValidationError({"channel": _("Choose the channel: central SOEs or private.")})


@transaction.atomic
def recipient_register(
    *,
    actor: User,
    organization: Organization,
    channel: str,
    needs: str = "",
    chain_nodes: Iterable = (),
) -> Recipient:
    """Register a verified lead or large backbone enterprise as a recipient, through its
    channel (国资委 / 全国工商联), with what it needs and its chain nodes."""
    _check_recipient_admin(actor)
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if organization.kind not in RECIPIENT_KINDS:
        raise ValidationError(
            {
                "organization": _(
                    "%(name)s is not a lead or large backbone enterprise; only they receive "
                    "recommendations."
                )
                % {"name": organization.name}
            }
        )
    if not organization.is_verified:
        raise ValidationError(
            {
                "organization": _("%(name)s is not verified yet; verify it first.")
                % {"name": organization.name}
            }
        )
    if Recipient.objects.filter(organization=organization).exists():
        raise ValidationError(
            {
                "organization": _("%(name)s is already registered as a recipient.")
                % {"name": organization.name}
            }
        )
    _check_channel(channel)
    recipient = Recipient(
        organization=organization,
        channel=channel,
        needs=(needs or "").strip(),
        registered_by=actor,
    )
    recipient.full_clean()
    recipient.save()
    recipient.chain_nodes.set(list(chain_nodes))
    return recipient


@transaction.atomic
def recipient_update(
    *, actor: User, recipient: Recipient, channel: str, needs: str = "", chain_nodes: Iterable = ()
) -> Recipient:
    """Change a recipient's channel, stated needs and chain nodes."""
    _check_recipient_admin(actor)
    recipient = Recipient.objects.select_for_update().get(pk=recipient.pk)
    _check_channel(channel)
    recipient.channel = channel
    recipient.needs = (needs or "").strip()
    recipient.full_clean(exclude=["registered_by"])
    recipient.save(update_fields=["channel", "needs", "updated_at"])
    recipient.chain_nodes.set(list(chain_nodes))
    return recipient


def _set_active(actor: User, recipient: Recipient, active: bool, refused: str) -> Recipient:
    _check_recipient_admin(actor)
    recipient = (
        Recipient.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=recipient.pk)
    )
    if recipient.is_active == active:
        raise InvalidState(refused % {"name": recipient.organization.name})
    recipient.is_active = active
    recipient.save(update_fields=["is_active", "updated_at"])
    return recipient


@transaction.atomic
def recipient_deactivate(*, actor: User, recipient: Recipient) -> Recipient:
    """Stop recommending to a recipient; what it received stays, with its feedback."""
    return _set_active(actor, recipient, False, _("%(name)s already receives no recommendations."))


@transaction.atomic
def recipient_reactivate(*, actor: User, recipient: Recipient) -> Recipient:
    return _set_active(actor, recipient, True, _("%(name)s already receives recommendations."))


# --- recommending ----------------------------------------------------------------------------


def _recommend_problems(recipient: Recipient, entries: list[DirectoryEntry]) -> list[str]:
    """Every reason the batch cannot be recommended, all at once (empty: it can)."""
    problems = []
    if not recipient.is_active:
        problems.append(
            _("%(name)s no longer receives recommendations.")
            % {"name": recipient.organization.name}
        )
    flags = selectors.flags_in_words(entries)
    earlier = {
        directory.pk: selectors.already_recommended(recipient, directory)
        for directory in {entry.version.directory for entry in entries}
    }
    chosen: set[tuple] = set()
    for entry in entries:
        version, name = entry.version, entry.title
        if not version.is_published:
            problems.append(
                _("“%(entry)s”: %(version)s is not published; recommend from a published version.")
                % {"entry": name, "version": version}
            )
        elif entry.decision != EntryDecision.INCLUDED:
            problems.append(
                _("“%(entry)s” is not included in %(version)s.")
                % {"entry": name, "version": version}
            )
        if flags.get(entry.pk):
            problems.append(
                _("“%(entry)s” cannot be recommended: %(reasons)s.")
                % {"entry": name, "reasons": "; ".join(flags[entry.pk])}
            )
        if entry.organization_id == recipient.organization_id:
            problems.append(
                _("“%(entry)s” belongs to %(recipient)s itself.")
                % {"entry": name, "recipient": recipient.organization.name}
            )
        key = selectors.entry_key(entry)
        previous = earlier[version.directory_id].get(key)
        if previous is not None:
            problems.append(
                _(
                    "“%(entry)s” was already recommended to %(recipient)s from %(directory)s "
                    "on %(date)s."
                )
                % {
                    "entry": name,
                    "recipient": recipient.organization.name,
                    "directory": version.directory.title,
                    "date": timezone.localtime(previous.created_at).strftime("%Y-%m-%d"),
                }
            )
        elif (version.directory_id, *key) in chosen:
            problems.append(_("“%(entry)s” is chosen twice.") % {"entry": name})
        chosen.add((version.directory_id, *key))
    return problems


def _notify_recommended(recipient: Recipient, recommendations: list[Recommendation]) -> None:
    """Tell the recipient's members (one notification per directory of the batch) and each
    recommended firm's administrators."""
    by_directory: dict[int, list[Recommendation]] = defaultdict(list)
    for recommendation in recommendations:
        by_directory[recommendation.entry.version.directory_id].append(recommendation)
    members = list(members_of(recipient.organization))
    for batch in by_directory.values():
        first = batch[0]
        if len(batch) == 1:
            notify(
                recipients=members,
                verb="recommendation.received",
                message=gettext_noop("%(entry)s was recommended to you from %(directory)s"),
                params=_params(first),
                url=_detail_url(first),
            )
        else:
            notify(
                recipients=members,
                verb="recommendation.received",
                message=gettext_noop("%(count)s entries of %(directory)s were recommended to you"),
                params=_params(first, count=len(batch)),
                url=reverse(
                    "directories:recommendations_received", args=[recipient.organization_id]
                ),
            )
    for recommendation in recommendations:
        notify(
            recipients=admins_of(recommendation.entry.organization),
            verb="recommendation.sent",
            message=gettext_noop("%(entry)s was recommended to %(recipient)s"),
            params=_params(recommendation),
            url=_detail_url(recommendation),
        )


@transaction.atomic
def recommend(
    *,
    actor: User,
    entries: Iterable[DirectoryEntry],
    recipient: Recipient,
    note: str = "",
    explanations: dict[int, dict] | None = None,
) -> list[Recommendation]:
    """Recommend entries of published versions to a recipient, all or none.

    Refused, with every reason at once, when a version is not published, an entry is not
    included or is flagged (willingness withdrawn, qualification lapsed), the recipient no
    longer receives recommendations, or the same firm (directory of firms) or product was
    already recommended to it from the same directory. ``explanations`` (by entry id) keeps
    why matching suggested each entry. The recipient's row lock serialises recommendations
    to it, so two administrators cannot recommend the same entry twice.
    """
    if not rules.can_recommend(actor):
        raise NotAllowed(_("Only platform administrators recommend directory entries."))
    recipient = (
        Recipient.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=recipient.pk)
    )
    ids = list(dict.fromkeys(entry.pk for entry in entries))
    if not ids:
        raise InvalidState(_("Choose at least one entry to recommend."))
    found = DirectoryEntry.objects.select_related(
        "version__directory", "organization", "product"
    ).in_bulk(ids)
    ordered = [found[pk] for pk in ids if pk in found]
    problems = _recommend_problems(recipient, ordered)
    if problems:
        raise InvalidState(" ".join(problems))
    explanations = explanations or {}
    note = _check_note(note)
    recommendations = []
    for entry in ordered:
        recommendation = Recommendation.objects.create(
            entry=entry,
            recipient=recipient,
            note=note,
            explanation=explanations.get(entry.pk) or {},
            recommended_by=actor,
        )
        _record(recommendation, actor, "recommended", to_status=recommendation.status, note=note)
        recommendations.append(recommendation)
    _notify_recommended(recipient, recommendations)
    return recommendations


# --- the recipient's side ----------------------------------------------------------------------


def recommendation_move(
    *, actor: User, recommendation: Recommendation, action: str, note: str = ""
) -> Recommendation:
    """Make the feedback move ``action`` (the one entry point views use)."""
    return RECOMMENDATION_MOVES(action, actor=actor, recommendation=recommendation, note=note)


@RECOMMENDATION_MOVES.register("view")
@transaction.atomic
def recommendation_view(*, actor: User, recommendation: Recommendation) -> Recommendation:
    """A member of the recipient opened it: mark it viewed, once. Opening it again, or
    after an answer, changes nothing."""
    recommendation = _lock(recommendation)
    if recommendation.status != RecommendationStatus.SENT and rules.is_recipient_member(
        actor, recommendation
    ):
        return recommendation
    apply(
        RECOMMENDATION_TRANSITIONS,
        recommendation,
        "view",
        actor=actor,
        roles=rules.recommendation_roles(actor, recommendation),
        record=_record_move,
    )
    return recommendation


def _check_note(note: str) -> str:
    note = (note or "").strip()
    if len(note) > NOTE_LIMIT:
        raise InvalidState(_("Keep the note within %(limit)d characters.") % {"limit": NOTE_LIMIT})
    return note


def _feedback(actor: User, recommendation: Recommendation, action: str, note: str):
    note = _check_note(note)
    recommendation = _lock(recommendation)
    recommendation.feedback_by = actor
    recommendation.feedback_at = timezone.now()
    recommendation.feedback_note = (note or "").strip()
    apply(
        RECOMMENDATION_TRANSITIONS,
        recommendation,
        action,
        actor=actor,
        roles=rules.recommendation_roles(actor, recommendation),
        note=note,
        fields=["feedback_by", "feedback_at", "feedback_note"],
        record=_record_move,
    )
    notify(
        recipients=[recommendation.recommended_by, *admins_of(recommendation.entry.organization)],
        verb=f"recommendation.{action}",
        message=FEEDBACK_MESSAGES[action],
        params=_params(recommendation),
        url=_detail_url(recommendation),
    )
    return recommendation


@RECOMMENDATION_MOVES.register("interested", note="note")
@transaction.atomic
def recommendation_mark_interested(
    *, actor: User, recommendation: Recommendation, note: str = ""
) -> Recommendation:
    return _feedback(actor, recommendation, "interested", note)


@RECOMMENDATION_MOVES.register("contacted", note="note")
@transaction.atomic
def recommendation_mark_contacted(
    *, actor: User, recommendation: Recommendation, note: str = ""
) -> Recommendation:
    return _feedback(actor, recommendation, "contacted", note)


@RECOMMENDATION_MOVES.register("not_relevant", note="note")
@transaction.atomic
def recommendation_mark_not_relevant(
    *, actor: User, recommendation: Recommendation, note: str = ""
) -> Recommendation:
    """Not relevant, with the reason (required), so the next recommendation fits better."""
    return _feedback(actor, recommendation, "not_relevant", note)


@transaction.atomic
def recommendation_invite(
    *, actor: User, recommendation: Recommendation, call: Call
) -> Recommendation:
    """Invite the recommended firm to one of the recipient's open calls (the actor handles
    it), through the open-call engine's invitation; the recommendation keeps it."""
    recommendation = _lock(recommendation)
    if not rules.can_invite_from_recommendation(actor, recommendation):
        raise NotAllowed(
            _("Only the enterprise a recommendation is addressed to invites the firm to its calls.")
        )
    if call.issuer_id != recommendation.recipient.organization_id:
        raise InvalidState(_("Choose one of your organization's open calls."))
    if call.anonymous:
        # The firm knows whom it was recommended to: the invitation would name the issuer.
        raise InvalidState(
            _("An anonymous call is not offered through a recommendation; invite from its page.")
        )
    invitation = call_services.call_invite(
        actor=actor, call=call, organization=recommendation.entry.organization
    )
    recommendation.invitation = invitation
    recommendation.save(update_fields=["invitation"])
    _record(recommendation, actor, "invited", note=call.title)
    notify(
        recipients=[recommendation.recommended_by],
        verb="recommendation.invited",
        message=gettext_noop("%(recipient)s invited %(organization)s to its call %(call)s"),
        params=_params(recommendation, call=call.title),
        url=_detail_url(recommendation),
    )
    return recommendation


# --- outcomes ----------------------------------------------------------------------------------


@transaction.atomic
def outcome_record(
    *,
    actor: User,
    recommendation: Recommendation,
    stage: str,
    happened_on: date,
    amount: Decimal | None = None,
    note: str = "",
) -> Outcome:
    """Record what a recommendation (or the invitation sent from it) led to, for the
    actor's side: contact, trial, purchase or contract, supply, on a date between the
    recommendation and today; the other side is told."""
    recommendation = _lock(recommendation)
    side = rules.outcome_side(actor, recommendation)
    if side is None:
        raise NotAllowed(
            _("Only the recipient and the recommended firm record what a recommendation led to.")
        )
    errors = {}
    if stage not in OutcomeStage.values:
        errors["stage"] = _("Choose a stage.")
    recommended_on = timezone.localdate(recommendation.created_at)
    if happened_on > timezone.localdate():
        errors["happened_on"] = _("The date cannot be in the future.")
    elif happened_on < recommended_on:
        errors["happened_on"] = _("The date cannot be before the recommendation (%(date)s).") % {
            "date": recommended_on.strftime("%Y-%m-%d")
        }
    if amount is not None and amount < 0:
        errors["amount"] = _("The amount cannot be negative.")
    if errors:
        raise ValidationError(errors)
    outcome = Outcome(
        recommendation=recommendation,
        stage=stage,
        happened_on=happened_on,
        amount=amount,
        note=(note or "").strip(),
        recorded_by=actor,
        recorded_for=side,
    )
    outcome.full_clean()
    outcome.save()
    _record(recommendation, actor, "outcome", note=outcome.note)
    recipient_organization = recommendation.recipient.organization
    if side.pk == recipient_organization.pk:
        other = list(admins_of(recommendation.entry.organization))
    else:
        other = list(members_of(recipient_organization))
    notify(
        recipients=other,
        verb="recommendation.outcome",
        message=gettext_noop("%(side)s recorded what the recommendation of %(entry)s led to"),
        params=_params(recommendation, side=side.name),
        url=_detail_url(recommendation),
    )
    return outcome
