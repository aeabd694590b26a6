"""Issuing calls: drafting, the rubric and indicators, review, and the call's life cycle."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts import rules as account_rules
from accounts.models import QUALIFICATION_RANK, Organization, User
from core.exceptions import InvalidState, NotAllowed
from uploads.documents import CheckedDocument
from uploads.fields import store_document
from workflow import SYSTEM, MoveServices, apply

from .. import conditions, kinds, rules
from ..conditions import completeness_problems
from ..models import (
    Application,
    ApplicationStatus,
    Award,
    AwardStatus,
    BonusRule,
    Call,
    CallAttachment,
    CallKind,
    CallStatus,
    Criterion,
    Indicator,
    Invitation,
    Objection,
    ObjectionStatus,
    Question,
    Round,
    TermsAcceptance,
)
from ..transitions import AWARD_TRANSITIONS, CALL_TRANSITIONS, OBJECTION_TRANSITIONS
from ._common import (
    admins_of,
    applicant_users,
    followers_of,
    handlers_of,
    lock_call,
    members_of,
    move_application,
    move_call,
    notify_users,
    platform_admins,
    record_call,
    refuse_if_problems,
)
from .applications import default_user_firm

__all__ = [
    "CALL_FIELDS",
    "CALL_MOVES",
    "PART_MODELS",
    "call_accept",
    "call_attachment_add",
    "call_bonus_set",
    "call_close",
    "call_close_without_award",
    "call_create",
    "call_criterion_add",
    "call_finalize",
    "call_handler_add",
    "call_indicator_add",
    "call_invite",
    "call_move",
    "call_notify_matches",
    "call_panel_close",
    "call_part_remove",
    "call_publicize",
    "call_publish",
    "call_reevaluate",
    "call_reject",
    "call_round_add",
    "call_start_evaluation",
    "call_start_work",
    "call_submit",
    "call_terminate",
    "call_update",
    "call_withdraw",
    "calls_close_due",
    "calls_finalize_due",
    "completeness_problems",
    "objection_file",
    "objection_resolve",
    "question_answer",
    "question_ask",
    "terms_accept",
]

CALL_FIELDS = (
    "title",
    "summary",
    "background",
    "details",
    "terms",
    "deliverables",
    "amount",
    "winner_cap",
    "shortlist_cap",
    "deadline",
    "work_start",
    "work_end",
    "eligible_kinds",
    "min_qualification",
    "eligible_provinces",
    "eligibility_note",
    "max_partners",
    "min_trl",
    "industry",
    "publicity_days",
)


def _assign(call: Call, data: dict[str, Any]) -> None:
    for field in CALL_FIELDS:
        if field in data:
            setattr(call, field, data[field])
    policy = kinds.policy(call.kind)
    allowed = policy.applicant_kinds
    call.eligible_kinds = [k for k in (call.eligible_kinds or allowed) if k in allowed]
    if not policy.allows_consortium:
        call.max_partners = 0
    if QUALIFICATION_RANK[call.min_qualification] < QUALIFICATION_RANK[policy.min_qualification]:
        call.min_qualification = policy.min_qualification


def _editable(actor: User, call: Call) -> Call:
    call = lock_call(call)
    if not rules.is_handler(actor, call):
        raise NotAllowed(_("Only the call's handlers can change it."))
    if call.status not in (CallStatus.DRAFT, CallStatus.REJECTED):
        raise InvalidState(_("A call can be changed only as a draft or after rejection."))
    return call


@transaction.atomic
def call_create(*, actor: User, kind: str, data: dict[str, Any]) -> Call:
    """Draft a call for the actor's organization; the actor becomes a handler."""
    if kind not in CallKind.values:
        raise InvalidState(_("Unknown kind of call."))
    if not rules.can_issue(actor, kind):
        raise NotAllowed(_("Your organization cannot issue this kind of call."))
    call = Call(kind=kind, issuer=account_rules.organization_of(actor), created_by=actor)
    _assign(call, data)
    call.full_clean()
    call.save()
    call.handlers.add(actor)
    if "chain_nodes" in data:
        call.chain_nodes.set(data["chain_nodes"])
    for condition, points in kinds.policy(kind).default_bonus:
        BonusRule.objects.create(call=call, condition=condition, points=Decimal(points))
    if call.uses_rounds:
        Round.objects.create(
            call=call, position=1, name=_("Preliminary round"), deadline=call.deadline
        )
    record_call(call, actor, "create", "", call.status)
    return call


@transaction.atomic
def call_update(*, actor: User, call: Call, data: dict[str, Any]) -> Call:
    call = _editable(actor, call)
    _assign(call, data)
    call.full_clean()
    call.save()
    if "chain_nodes" in data:
        call.chain_nodes.set(data["chain_nodes"])
    if call.uses_rounds:
        call.rounds.filter(position=1).update(deadline=call.deadline)
    return call


@transaction.atomic
def call_handler_add(*, actor: User, call: Call, user: User) -> None:
    """Let another member of the issuer handle the call (issuer administrators only)."""
    if not account_rules.is_org_admin(actor, call.issuer):
        raise NotAllowed(_("Only an administrator of the issuer can add handlers."))
    if not account_rules.is_member(user, call.issuer):
        raise InvalidState(_("Handlers must be members of the issuing organization."))
    call.handlers.add(user)
    record_call(call, actor, "handler_added", note=user.name)


# --- the parts of a call's draft ------------------------------------------------------------


@transaction.atomic
def call_indicator_add(*, actor: User, call: Call, name: str, target: str, unit: str = ""):
    call = _editable(actor, call)
    indicator = Indicator(
        call=call,
        name=name.strip(),
        target=target.strip(),
        unit=unit.strip(),
        position=call.indicators.count(),
    )
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def call_criterion_add(
    *,
    actor: User,
    call: Call,
    name: str,
    weight: Decimal,
    description: str = "",
    max_score: int = 100,
    round: Round | None = None,
) -> Criterion:
    call = _editable(actor, call)
    if call.uses_rounds and round is None:
        raise InvalidState(_("Choose the round this criterion belongs to."))
    if round is not None and round.call_id != call.pk:
        raise NotAllowed(_("That round belongs to another call."))
    criterion = Criterion(
        call=call,
        round=round,
        name=name.strip(),
        weight=weight,
        description=description.strip(),
        max_score=max_score,
        position=call.criteria.count(),
    )
    criterion.full_clean()
    criterion.save()
    return criterion


@transaction.atomic
def call_round_add(
    *, actor: User, call: Call, name: str, deadline, advance_count: int | None = None
) -> Round:
    call = _editable(actor, call)
    if not call.uses_rounds:
        raise InvalidState(_("Only competitions have rounds."))
    last = call.rounds.order_by("-position").first()
    if last is not None and deadline <= last.deadline:
        raise InvalidState(_("Each round must end after the previous one."))
    round_ = Round(
        call=call,
        name=name.strip(),
        deadline=deadline,
        advance_count=advance_count,
        position=(last.position + 1) if last else 1,
    )
    round_.full_clean()
    round_.save()
    return round_


@transaction.atomic
def call_bonus_set(*, actor: User, call: Call, condition: str, points: Decimal | None) -> None:
    """Set (or, with ``points=None``, remove) the bonus for a condition."""
    call = _editable(actor, call)
    if points is None:
        call.bonus_rules.filter(condition=condition).delete()
        return
    rule = call.bonus_rules.filter(condition=condition).first() or BonusRule(
        call=call, condition=condition
    )
    rule.points = points
    rule.full_clean()
    rule.save()


@transaction.atomic
def call_attachment_add(
    *, actor: User, call: Call, document: CheckedDocument, confidential: bool
) -> CallAttachment:
    call = _editable(actor, call)
    attachment = CallAttachment(
        call=call,
        original_name=document.original_name,
        confidential=confidential,
        uploaded_by=actor,
    )
    store_document(attachment.file, document)
    attachment.save()
    return attachment


PART_MODELS = {
    "indicator": Indicator,
    "criterion": Criterion,
    "round": Round,
    "attachment": CallAttachment,
}


@transaction.atomic
def call_part_remove(*, actor: User, call: Call, part: str, pk: int) -> None:
    """Remove an indicator, criterion, round or attachment from a draft call."""
    call = _editable(actor, call)
    model = PART_MODELS[part]
    item = model.objects.filter(call=call, pk=pk).first()
    if item is None:
        raise InvalidState(_("It was already removed."))
    if part == "round" and item.position == 1:
        raise InvalidState(_("The first round follows the application deadline; keep it."))
    if part == "attachment":
        storage, name = item.file.storage, item.file.name
        transaction.on_commit(lambda: storage.delete(name))
    item.delete()


# The service making each move of the call's table, registered on it below.
CALL_MOVES = MoveServices(CALL_TRANSITIONS)


# --- the call's life cycle ------------------------------------------------------------------


@CALL_MOVES.register("submit")
@transaction.atomic
def call_submit(*, actor: User, call: Call) -> Call:
    call = lock_call(call)
    move_call(call, actor, "submit")
    notify_users(
        platform_admins(),
        "call.submitted",
        gettext_noop("A call awaits your review: %(call)s"),
        call,
    )
    return call


@CALL_MOVES.register("publish")
@transaction.atomic
def call_publish(*, actor: User, call: Call) -> Call:
    call = lock_call(call)
    call.published_at = timezone.now()
    move_call(call, actor, "publish", fields=["published_at"])
    # Once the call is in the index (the outbox drains first), tell the best matches.
    transaction.on_commit(lambda: _notify_matches_later(call.pk))
    notify_users(
        handlers_of(call), "call.published", gettext_noop("Your call was published: %(call)s"), call
    )
    return call


@CALL_MOVES.register("reject", note="reason")
@transaction.atomic
def call_reject(*, actor: User, call: Call, reason: str) -> Call:
    call = lock_call(call)
    move_call(call, actor, "reject", note=reason)
    notify_users(
        handlers_of(call), "call.rejected", gettext_noop("Your call was sent back: %(call)s"), call
    )
    return call


@CALL_MOVES.register("withdraw", note="reason")
@transaction.atomic
def call_withdraw(*, actor: User, call: Call, reason: str) -> Call:
    call = lock_call(call)
    # The issuer hears of it too: an administrator may be the one withdrawing.
    recipients = [*handlers_of(call), *applicant_users(call), *followers_of(call)]
    move_call(call, actor, "withdraw", note=reason)
    notify_users(
        recipients, "call.withdrawn", gettext_noop("The call was withdrawn: %(call)s"), call
    )
    return call


@CALL_MOVES.register("close")
@transaction.atomic
def call_close(*, actor: User | None, call: Call) -> Call:
    """Close applications. The scheduler does it at the deadline; people only after it."""
    call = lock_call(call)
    move_call(call, actor, "close")
    notify_users(
        [*handlers_of(call), *applicant_users(call), *followers_of(call)],
        "call.closed",
        gettext_noop("Applications are closed: %(call)s"),
        call,
    )
    return call


@CALL_MOVES.register("evaluate")
@transaction.atomic
def call_start_evaluation(*, actor: User, call: Call) -> Call:
    call = lock_call(call)
    move_call(call, actor, "evaluate")
    if call.uses_rounds and call.current_round_id is None:
        call.current_round = call.rounds.order_by("position").first()
        call.save(update_fields=["current_round"])
        call.applications.filter(status=ApplicationStatus.SUBMITTED).update(
            current_round=call.current_round
        )
    notify_users(
        applicant_users(call, statuses=[ApplicationStatus.SUBMITTED]),
        "call.evaluating",
        gettext_noop("Evaluation has started: %(call)s"),
        call,
    )
    return call


@CALL_MOVES.register("publicize")
@transaction.atomic
def call_publicize(*, actor: User, call: Call) -> Call:
    """Announce the proposed winners and open the publicity period (公示)."""
    call = lock_call(call)
    call.publicity_ends_at = timezone.now() + timedelta(days=call.publicity_days)
    move_call(call, actor, "publicize", fields=["publicity_ends_at"])
    notify_users(
        [*applicant_users(call), *handlers_of(call), *followers_of(call)],
        "call.publicity",
        gettext_noop("Results are announced for publicity: %(call)s"),
        call,
    )
    return call


@CALL_MOVES.register("no_award", note="reason")
@transaction.atomic
def call_close_without_award(*, actor: User, call: Call, reason: str) -> Call:
    call = lock_call(call)
    move_call(call, actor, "no_award", note=reason)
    _settle_applications(call, winners=set())
    notify_users(
        [*handlers_of(call), *applicant_users(call), *followers_of(call)],
        "call.no_award",
        gettext_noop("The call closed without an award: %(call)s"),
        call,
    )
    return call


def _settle_awards(call: Call, action: str) -> list[Award]:
    """Make the award move ``action`` on every proposed award of the call (locked), as part
    of the call's own move, which is what the history records."""
    awards = list(call.awards.select_for_update(of=("self",)).filter(status=AwardStatus.PROPOSED))
    for award in awards:
        apply(AWARD_TRANSITIONS, award, action, actor=None, roles={SYSTEM}, record=None)
    return awards


def _settle_applications(call: Call, winners: set[int]) -> None:
    for application in call.applications.select_for_update(of=("self",)).filter(
        status__in=[
            ApplicationStatus.SUBMITTED,
            ApplicationStatus.ELIGIBLE,
            ApplicationStatus.SHORTLISTED,
        ]
    ):
        action = "award" if application.pk in winners else "not_award"
        move_application(application, None, action)


@CALL_MOVES.register("finalize")
@transaction.atomic
def call_finalize(*, actor: User | None, call: Call) -> Call:
    """Make the award final once the publicity period is over and no objection is open."""
    call = lock_call(call)
    move_call(call, actor, "finalize")
    awards = _settle_awards(call, "finalize")
    _settle_applications(call, winners={a.application_id for a in awards})
    winners = Application.objects.filter(pk__in=[a.application_id for a in awards])
    winner_users = list(members_of(*[w.applicant for w in winners]))
    handlers = list(handlers_of(call))
    notify_users(
        winner_users,
        "call.awarded",
        gettext_noop("Congratulations, you won: %(call)s"),
        call,
    )
    notify_users(
        handlers,
        "call.awarded",
        gettext_noop("The award is final; agree milestones with the winners: %(call)s"),
        call,
    )
    # The other applicants learn the outcome too, as when a call closes without award.
    others = [
        user
        for user in applicant_users(call, statuses=[ApplicationStatus.NOT_AWARDED])
        if user not in winner_users
    ]
    notify_users(
        others,
        "call.not_awarded",
        gettext_noop("The award of %(call)s is final; your application was not chosen."),
        call,
    )
    # Followers who already heard as a winner, a handler or an applicant are not told twice.
    notify_users(
        followers_of(call, exclude=[*winner_users, *handlers, *others]),
        "call.awarded",
        gettext_noop("The award of a call you follow is final: %(call)s"),
        call,
    )
    return call


@CALL_MOVES.register("reevaluate", note="reason")
@transaction.atomic
def call_reevaluate(*, actor: User, call: Call, reason: str) -> Call:
    """Send a call in publicity back to evaluation (an objection was upheld)."""
    call = lock_call(call)
    call.publicity_ends_at = None
    move_call(call, actor, "reevaluate", note=reason, fields=["publicity_ends_at"])
    _settle_awards(call, "revoke")
    notify_users(
        [*handlers_of(call), *applicant_users(call), *followers_of(call)],
        "call.reevaluate",
        gettext_noop("The results were withdrawn for re-evaluation: %(call)s"),
        call,
    )
    return call


@CALL_MOVES.register("start_work")
@transaction.atomic
def call_start_work(*, actor: User, call: Call) -> Call:
    call = lock_call(call)
    winners = list(call.applications.filter(status=ApplicationStatus.AWARDED))
    move_call(call, actor, "start_work")
    notify_users(
        members_of(*[w.applicant for w in winners]),
        "call.in_progress",
        gettext_noop("Work has started: %(call)s"),
        call,
    )
    return call


@CALL_MOVES.register("accept", note="note")
@transaction.atomic
def call_accept(*, actor: User, call: Call, note: str = "") -> Call:
    """Final acceptance (验收): every milestone of every winner accepted."""
    from catalog.services import product_verification_record

    call = lock_call(call)
    winners = list(
        call.applications.filter(status=ApplicationStatus.AWARDED).select_related(
            "applicant", "product", "user_firm"
        )
    )
    move_call(call, actor, "accept", note=note)
    if kinds.policy(call.kind).names_user_firm:
        for application in winners:
            # The user firm used the product; the issuer may only have organised the project.
            user_firm = application.user_firm or default_user_firm(call)
            if application.product_id and user_firm is not None:
                product_verification_record(
                    product=application.product,
                    user_organization=user_firm,
                    project=call.title,
                    url=call.get_absolute_url(),
                )
    notify_users(
        members_of(*[w.applicant for w in winners]),
        "call.accepted",
        gettext_noop("Final acceptance passed: %(call)s"),
        call,
    )
    return call


@CALL_MOVES.register("terminate", note="reason")
@transaction.atomic
def call_terminate(*, actor: User, call: Call, reason: str) -> Call:
    call = lock_call(call)
    move_call(call, actor, "terminate", note=reason)
    winners = call.applications.filter(status=ApplicationStatus.AWARDED)
    notify_users(
        [*members_of(*[w.applicant for w in winners]), *handlers_of(call), *followers_of(call)],
        "call.terminated",
        gettext_noop("The call was terminated: %(call)s"),
        call,
    )
    return call


@transaction.atomic
def call_panel_close(*, actor: User, call: Call) -> Call:
    """Close the expert panel: scores are final and experts may see each other's."""
    call = lock_call(call)
    if not rules.call_roles(actor, call):
        raise NotAllowed(_("Only the call's handlers can close the panel."))
    refuse_if_problems(conditions.panel_close_problems(call))
    call.panel_closed_at = timezone.now()
    call.save(update_fields=["panel_closed_at"])
    record_call(call, actor, "panel_closed")
    return call


def call_move(*, actor: User | None, call: Call, action: str, note: str = "") -> Call:
    """Make the move ``action`` of ``CALL_TRANSITIONS`` (the one entry point views use),
    through the service registered for it; ``note`` is the reason where the move takes one.
    """
    return CALL_MOVES(action, actor=actor, call=call, note=note)


def _notify_matches_later(call_pk: int) -> None:
    from ..tasks import notify_matches

    notify_matches.delay(call_pk)


@transaction.atomic
def call_invite(*, actor: User, call: Call, organization: Organization) -> Invitation:
    """Invite a (recommended) organization to take up an open call, once.

    Refused when the organization was already invited or already applied (a submitted
    application that is not withdrawn: a draft is the applicant's own until submitted, and
    the issuer neither sees it nor learns of it here).
    """
    call = lock_call(call)
    if not rules.is_handler(actor, call):
        raise NotAllowed(_("Only the call's handlers invite organizations."))
    if not call.is_open:
        raise InvalidState(_("Invitations are sent while the call is open."))
    problems = rules.eligibility_problems(organization, call)
    if problems:
        raise InvalidState(
            _("%(name)s cannot apply: %(reasons)s")
            % {"name": organization.name, "reasons": " ".join(problems)}
        )
    # The call's row lock serialises invitations to it; the unique constraint backs this.
    earlier = Invitation.objects.filter(call=call, organization=organization).first()
    if earlier is not None:
        raise InvalidState(
            _("%(name)s was already invited on %(date)s.")
            % {
                "name": organization.name,
                "date": timezone.localtime(earlier.created_at).strftime("%Y-%m-%d"),
            }
        )
    if (
        call.applications.filter(applicant=organization)
        .exclude(status__in=[ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN])
        .exists()
    ):
        raise InvalidState(
            _("%(name)s has already applied to this call.") % {"name": organization.name}
        )
    invitation = Invitation.objects.create(call=call, organization=organization, invited_by=actor)
    record_call(call, actor, "invited", note=organization.name)
    notify_users(
        admins_of(organization),
        "call.invited",
        gettext_noop("%(issuer)s invites you to take up the call %(call)s"),
        call,
        issuer=call.issuer.name,
    )
    return invitation


MATCH_NOTIFICATIONS = 10


def call_notify_matches(*, call_pk: int) -> int:
    """Notify the administrators of the best-matching organizations that opted in.

    Runs after the call is published and indexed; returns how many organizations were told.
    Failing to match (e.g. the engine is down) only means nobody is told.
    """
    from search.engines.base import EngineUnavailable

    from ..matching import matched_organizations, recommended_solvers

    call = Call.objects.select_related("issuer").filter(pk=call_pk).first()
    if call is None or not call.is_open:
        return 0
    try:
        matches = recommended_solvers(call, limit=50)
    except EngineUnavailable:
        return 0
    organizations = Organization.objects.in_bulk(matched_organizations(matches))
    told = 0
    for organization_id in matched_organizations(matches):
        organization = organizations.get(organization_id)
        if organization is None or not organization.match_notifications:
            continue
        if rules.eligibility_problems(organization, call):
            continue
        notify_users(
            admins_of(organization),
            "call.matched",
            gettext_noop("A new call matches your organization: %(call)s"),
            call,
        )
        told += 1
        if told >= MATCH_NOTIFICATIONS:
            break
    return told


# --- terms, questions, objections ----------------------------------------------------------


@transaction.atomic
def terms_accept(*, actor: User, call: Call) -> TermsAcceptance:
    """Accept the call's terms for the actor's organization (once per organization)."""
    organization = account_rules.organization_of(actor)
    if organization is None:
        raise NotAllowed(_("Join or register an organization first."))
    if not call.is_public or not call.has_terms:
        raise InvalidState(_("This call has no terms to accept."))
    acceptance, created = TermsAcceptance.objects.get_or_create(
        call=call, organization=organization, defaults={"accepted_by": actor}
    )
    if created:
        record_call(call, actor, "terms_accepted", note=organization.name)
    return acceptance


@transaction.atomic
def question_ask(*, actor: User, call: Call, text: str) -> Question:
    organization = account_rules.organization_of(actor)
    if organization is None or not organization.is_verified:
        raise NotAllowed(_("Only members of verified organizations can ask questions."))
    if organization.pk == call.issuer_id:
        raise InvalidState(_("The issuer answers questions; it does not ask them."))
    if not call.is_open:
        raise InvalidState(_("Questions can be asked while the call is open."))
    question = Question(call=call, organization=organization, asked_by=actor, text=text.strip())
    question.full_clean()
    question.save()
    notify_users(
        handlers_of(call),
        "call.question",
        gettext_noop("A new clarification question on %(call)s"),
        call,
    )
    return question


@transaction.atomic
def question_answer(*, actor: User, question: Question, answer: str) -> Question:
    question = (
        Question.objects.select_for_update(of=("self",)).select_related("call").get(pk=question.pk)
    )
    if not rules.is_handler(actor, question.call):
        raise NotAllowed(_("Only the call's handlers answer questions."))
    if not answer.strip():
        raise InvalidState(_("Write an answer."))
    question.answer = answer.strip()
    question.answered_by = actor
    question.answered_at = timezone.now()
    question.save(update_fields=["answer", "answered_by", "answered_at"])
    # Everyone interested hears of it; nobody learns who asked.
    recipients = [
        *applicant_users(question.call),
        *members_of(question.organization),
        *followers_of(question.call),
    ]
    notify_users(
        recipients,
        "call.answer",
        gettext_noop("A clarification was published on %(call)s"),
        question.call,
    )
    return question


@transaction.atomic
def objection_file(*, actor: User, call: Call, text: str) -> Objection:
    """File an objection (异议) during the publicity period; anyone logged in may."""
    call = lock_call(call)
    if call.status != CallStatus.PUBLICITY or (
        call.publicity_ends_at and timezone.now() >= call.publicity_ends_at
    ):
        raise InvalidState(_("Objections can be filed only during the publicity period."))
    if not text.strip():
        raise InvalidState(_("Describe the objection."))
    objection = Objection.objects.create(call=call, filed_by=actor, text=text.strip())
    record_call(call, actor, "objection_filed")
    notify_users(
        list(platform_admins()) + list(handlers_of(call)),
        "call.objection",
        gettext_noop("An objection was filed on %(call)s"),
        call,
    )
    return objection


def _record_objection(objection, actor, action, from_status, to_status, note, transition):
    record_call(objection.call, actor, transition.event_action, note=note)


@transaction.atomic
def objection_resolve(
    *, actor: User, objection: Objection, upheld: bool, resolution: str
) -> Objection:
    objection = (
        Objection.objects.select_for_update(of=("self",))
        .select_related("call")
        .get(pk=objection.pk)
    )
    objection.resolution = (resolution or "").strip()
    objection.resolved_by = actor
    objection.resolved_at = timezone.now()
    apply(
        OBJECTION_TRANSITIONS,
        objection,
        "uphold" if upheld else "dismiss",
        actor=actor,
        roles=rules.objection_roles(actor, objection),
        note=resolution,
        fields=["resolution", "resolved_by", "resolved_at"],
        record=_record_objection,
    )
    notify_users(
        [objection.filed_by, *handlers_of(objection.call)],
        "call.objection_resolved",
        gettext_noop("An objection on %(call)s was decided"),
        objection.call,
    )
    return objection


# --- scheduled ---------------------------------------------------------------------------


def calls_close_due(now=None) -> int:
    """Close every published call whose deadline has passed; return how many."""
    now = now or timezone.now()
    closed = 0
    for call in Call.objects.filter(status=CallStatus.PUBLISHED, deadline__lte=now):
        try:
            call_close(actor=None, call=call)
            closed += 1
        except InvalidState:
            continue  # someone else moved it meanwhile
    return closed


def calls_finalize_due(now=None) -> int:
    """Finalize calls whose publicity period ended without open objections."""
    now = now or timezone.now()
    finalized = 0
    due = Call.objects.filter(status=CallStatus.PUBLICITY, publicity_ends_at__lte=now).exclude(
        objections__status=ObjectionStatus.OPEN
    )
    for call in due:
        try:
            call_finalize(actor=None, call=call)
            finalized += 1
        except InvalidState:
            continue
    return finalized
