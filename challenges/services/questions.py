"""What others do with a public call: accept its terms, ask clarification questions (the
handlers answer), file objections during publicity (an administrator resolves them)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts import rules as account_rules
from accounts.models import User
from core.exceptions import InvalidState, NotAllowed
from workflow import apply

from .. import rules
from ..models import Call, CallStatus, Objection, Question, TermsAcceptance
from ..selectors import applicant_users, followers_of, handlers_of, members_of, platform_admins
from ..transitions import OBJECTION_TRANSITIONS
from ._common import lock_call, notify_users, record_call

__all__ = [
    "objection_file",
    "objection_resolve",
    "question_answer",
    "question_ask",
    "terms_accept",
]


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
