"""Who may see and do what with calls, applications, reviews and milestones.

Predicates answer with a bool, one condition per line. Access helpers return the object or
raise ``Http404`` for missing and forbidden alike, so outsiders learn nothing.
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _

from accounts import rules as account_rules
from accounts.models import QUALIFICATION_RANK, Organization, VerificationStatus

from . import conditions, kinds
from .models import (
    PUBLIC_CALL_STATUSES,
    Application,
    ApplicationStatus,
    Assignment,
    AssignmentStatus,
    Call,
    CallAttachment,
    CallStatus,
    ConsortiumPartner,
    IssuerReveal,
    Nomination,
    NominationStatus,
    Objection,
    PartnerStatus,
)
from .transitions import (
    ADMIN,
    APPLICANT,
    APPLICATION_TRANSITIONS,
    CALL_TRANSITIONS,
    EXPERT,
    ISSUER,
    PARTNER,
    RECOMMENDER,
    WINNER,
)

# A call's results (ranking and winners) are public from the announcement for publicity on.
RESULT_STATUSES = frozenset(
    {CallStatus.PUBLICITY, CallStatus.AWARDED, CallStatus.IN_PROGRESS, CallStatus.ACCEPTED}
)
# The statuses whose note (the reason a call ended early) the public reads on its page.
NOTE_STATUSES = frozenset(
    {CallStatus.WITHDRAWN, CallStatus.TERMINATED, CallStatus.NO_AWARD, CallStatus.REJECTED}
)

# --- calls ---------------------------------------------------------------------------------


def is_issuer_member(user, call: Call) -> bool:
    return account_rules.is_member(user, call.issuer)


def is_handler(user, call: Call) -> bool:
    """Members of the issuer who handle the call: its named handlers and the issuer's admins."""
    if not is_issuer_member(user, call):
        return False
    if account_rules.is_org_admin(user, call.issuer):
        return True
    return call.handlers.filter(pk=user.pk).exists()


def can_view_call(user, call: Call) -> bool:
    if call.status in PUBLIC_CALL_STATUSES:
        return True
    if call.status == CallStatus.WITHDRAWN and call.published_at is not None:
        return True
    if account_rules.is_platform_admin(user):
        return True
    return is_issuer_member(user, call)


def can_manage_call(user, call: Call) -> bool:
    """The issuer's side of a call (workspace, scores, assignments, review steps): its
    handlers and platform administrators."""
    return bool(call_roles(user, call))


def can_see_recommended_solvers(user, call: Call) -> bool:
    """Who was recommended for a call: its handlers and administrators, never competitors."""
    return can_manage_call(user, call)


def can_invite_solver(user, call: Call) -> bool:
    """Invite a recommended organization: the call's handlers, while it takes applications."""
    if not call.is_open:
        return False
    return is_handler(user, call)


def is_ranking_public(call: Call) -> bool:
    return call.status in RESULT_STATUSES


def can_see_ranking(user, call: Call) -> bool:
    """The ranking: handlers and administrators always; everyone from publicity on."""
    if can_manage_call(user, call):
        return True
    return is_ranking_public(call)


def are_awards_public(call: Call) -> bool:
    """The winners show on a call's page once announced, and stay on a terminated call."""
    if call.status == CallStatus.TERMINATED:
        return True
    return is_ranking_public(call)


def is_status_note_public(call: Call) -> bool:
    """Why a call ended early (or was sent back) shows on its page, when a note was given."""
    if call.status not in NOTE_STATUSES:
        return False
    return bool(call.status_note)


def can_object(user, call: Call) -> bool:
    """Any signed-in user may object to the results during the publicity period."""
    if not (user and user.is_authenticated):
        return False
    return call.status == CallStatus.PUBLICITY


def can_add_handler(user, call: Call) -> bool:
    """Name a call's handlers: the issuer's administrators."""
    return account_rules.is_org_admin(user, call.issuer)


def can_follow_call(user, call: Call) -> bool:
    """Any signed-in user may follow a call the public sees (关注)."""
    if not (user and user.is_authenticated):
        return False
    return call.is_public


def is_following(user, call: Call) -> bool:
    if not (user and user.is_authenticated):
        return False
    return call.follows.filter(user=user).exists()


def can_issue(user, kind: str) -> bool:
    organization = account_rules.organization_of(user)
    if organization is None:
        return False
    return organization.kind in kinds.policy(kind).issuer_kinds


def can_edit_call(user, call: Call) -> bool:
    if call.status not in (CallStatus.DRAFT, CallStatus.REJECTED):
        return False
    return is_handler(user, call)


def has_accepted_terms(user, call: Call) -> bool:
    organization = account_rules.organization_of(user)
    if organization is None:
        return False
    return call.acceptances.filter(organization=organization).exists()


def can_see_details(user, call: Call) -> bool:
    """The confidential part: always for the issuer and admins, else after accepting terms."""
    if not can_view_call(user, call):
        return False
    if not call.has_terms:
        return True
    if account_rules.is_platform_admin(user):
        return True
    if is_issuer_member(user, call):
        return True
    return has_accepted_terms(user, call)


def can_download_call_attachment(user, attachment: CallAttachment) -> bool:
    """A call's file: with the call, except a confidential one, which needs the details."""
    if attachment.confidential:
        return can_see_details(user, attachment.call)
    return can_view_call(user, attachment.call)


def call_actions(user, call: Call) -> list:
    """The call's moves this user may make now: allowed to the user's roles from the call's
    status, and with every condition of the move met (so offering one never fails)."""
    return [move for move, problems in call_moves(user, call) if not problems]


def call_moves(user, call: Call) -> list[tuple]:
    """Every move the user's roles allow from the call's status, each with the reasons it
    cannot happen now (empty when it can), for pages that explain what is missing."""
    return CALL_TRANSITIONS.offered(
        call.status,
        call_roles(user, call),
        problems=lambda action: conditions.call_move_problems(call, action),
    ).entries


def can_close_panel(user, call: Call) -> bool:
    if not call_roles(user, call):
        return False
    return not conditions.panel_close_problems(call)


def can_advance_round(user, call: Call) -> bool:
    if not is_handler(user, call):
        return False
    return not conditions.advance_problems(call)


def call_roles(user, call: Call) -> set[str]:
    roles = set()
    if is_handler(user, call):
        roles.add(ISSUER)
    if account_rules.is_platform_admin(user):
        roles.add(ADMIN)
    return roles


def eligibility_problems(organization: Organization | None, call: Call) -> list[str]:
    """Return why the organization may not apply (empty when it may), in user words."""
    if organization is None:
        return [_("Join or register an organization first.")]
    problems = []
    if organization.verification_status != VerificationStatus.VERIFIED:
        problems.append(_("Your organization is not verified yet."))
    if organization.pk == call.issuer_id:
        problems.append(_("The issuer cannot apply to its own call."))
    if organization.kind not in (call.eligible_kinds or kinds.policy(call.kind).applicant_kinds):
        problems.append(_("This call is not open to your kind of organization."))
    if (
        QUALIFICATION_RANK[organization.qualification_level]
        < QUALIFICATION_RANK[call.min_qualification]
    ):
        problems.append(_("This call needs a higher 专精特新 qualification."))
    if call.eligible_provinces and organization.province not in call.eligible_provinces:
        problems.append(_("This call is limited to other provinces."))
    return problems


# --- applications --------------------------------------------------------------------------


def is_applicant_member(user, application: Application) -> bool:
    return account_rules.is_member(user, application.applicant)


def is_partner_member(user, application: Application) -> bool:
    organization = account_rules.organization_of(user)
    if organization is None:
        return False
    return application.partners.filter(
        organization=organization,
        status__in=[PartnerStatus.INVITED, PartnerStatus.CONFIRMED],
    ).exists()


def is_assigned_expert(user, application: Application) -> bool:
    expert = getattr(user, "expert", None) if user.is_authenticated else None
    if expert is None:
        return False
    return (
        application.assignments.filter(expert=expert)
        .exclude(status=AssignmentStatus.RECUSED)
        .exists()
    )


def can_view_application(user, application: Application) -> bool:
    if not (user and user.is_authenticated):
        return False
    if account_rules.is_platform_admin(user):
        return True
    if is_applicant_member(user, application):
        return True
    if is_partner_member(user, application):
        return True
    if application.reached_issuer and is_handler(user, application.call):
        return True
    if is_recommender_of(user, application):
        return True
    return is_assigned_expert(user, application)


def can_see_application_history(user, application: Application) -> bool:
    """An application's history: the issuer's side, the applicant and its partners."""
    if can_manage_call(user, application.call):
        return True
    if is_applicant_member(user, application):
        return True
    return is_partner_member(user, application)


def can_see_review_steps(user, application: Application) -> bool:
    """Which experts were assigned, recused or scored: the issuer's side only, so expert
    identities stay hidden from applicants."""
    return can_manage_call(user, application.call)


def can_assign_experts(user, application: Application) -> bool:
    """Assign experts to an eligible or shortlisted application of a call under evaluation
    whose panel is still open: the issuer's side."""
    call = application.call
    if application.status not in (ApplicationStatus.ELIGIBLE, ApplicationStatus.SHORTLISTED):
        return False
    if call.status not in (CallStatus.CLOSED, CallStatus.EVALUATING):
        return False
    if call.is_panel_closed:
        return False
    return can_manage_call(user, call)


def can_view_partner_invitation(user, partner: ConsortiumPartner) -> bool:
    """A consortium invitation: the invited organization's members (its administrators
    answer it; the service checks that)."""
    return account_rules.is_member(user, partner.organization)


def can_edit_application(user, application: Application) -> bool:
    if application.status not in (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED):
        return False
    if not application.call.is_open:
        return False
    return is_applicant_member(user, application)


def application_roles(user, application: Application) -> set[str]:
    roles = set()
    if is_applicant_member(user, application):
        roles.add(APPLICANT)
    if is_handler(user, application.call):
        roles.add(ISSUER)
    if account_rules.is_platform_admin(user):
        roles.add(ADMIN)
    return roles


def milestone_roles(user, application: Application) -> set[str]:
    roles = set()
    if is_applicant_member(user, application) and application.status == ApplicationStatus.AWARDED:
        roles.add(WINNER)
    if is_handler(user, application.call):
        roles.add(ISSUER)
    return roles


def partner_roles(user, partner: ConsortiumPartner) -> set[str]:
    """Roles towards a consortium partner: the invited organization's administrators answer,
    the lead applicant's members invite."""
    roles = set()
    if account_rules.is_org_admin(user, partner.organization):
        roles.add(PARTNER)
    if is_applicant_member(user, partner.application):
        roles.add(APPLICANT)
    return roles


def objection_roles(user, objection: Objection) -> set[str]:
    return {ADMIN} if account_rules.is_platform_admin(user) else set()


# --- reviews -------------------------------------------------------------------------------


def is_own_assignment(user, assignment: Assignment) -> bool:
    expert = getattr(user, "expert", None) if user.is_authenticated else None
    return expert is not None and assignment.expert_id == expert.pk


def review_roles(user, assignment: Assignment) -> set[str]:
    roles = set()
    if is_own_assignment(user, assignment):
        roles.add(EXPERT)
    if is_handler(user, assignment.application.call):
        roles.add(ISSUER)
    if account_rules.is_platform_admin(user):
        roles.add(ADMIN)
    return roles


def can_see_all_scores(user, call: Call) -> bool:
    """Every expert's sheet: handlers and admins always; the call's experts once the panel
    has closed. Applicants never see the sheets (they see the published ranking)."""
    if account_rules.is_platform_admin(user):
        return True
    if is_handler(user, call):
        return True
    if not call.is_panel_closed:
        return False
    expert = getattr(user, "expert", None) if user.is_authenticated else None
    return (
        expert is not None
        and Assignment.objects.filter(application__call=call, expert=expert)
        .exclude(status=AssignmentStatus.RECUSED)
        .exists()
    )


# --- access helpers ------------------------------------------------------------------------


def _access(queryset, pk: int, can_see):
    """Return the row ``pk`` of ``queryset`` when ``can_see(row)``; else ``Http404``, the
    same answer for missing and forbidden."""
    found = queryset.filter(pk=pk).first()
    if found is None or not can_see(found):
        raise Http404
    return found


def access_call(user, pk: int) -> Call:
    calls = Call.objects.select_related("issuer", "industry", "current_round")
    return _access(calls, pk, lambda call: can_view_call(user, call))


def access_application(user, pk: int) -> Application:
    applications = Application.objects.select_related(
        "call", "call__issuer", "call__current_round", "applicant", "product"
    )
    return _access(applications, pk, lambda application: can_view_application(user, application))


def access_assignment(user, pk: int) -> Assignment:
    assignments = Assignment.objects.select_related(
        "application", "application__call", "application__applicant", "expert", "round"
    )
    return _access(assignments, pk, lambda assignment: review_roles(user, assignment))


def access_call_attachment(user, pk: int) -> CallAttachment:
    attachments = CallAttachment.objects.select_related("call")
    return _access(
        attachments, pk, lambda attachment: can_download_call_attachment(user, attachment)
    )


def access_partner_invitation(user, pk: int) -> ConsortiumPartner:
    partners = ConsortiumPartner.objects.select_related("application", "organization")
    return _access(partners, pk, lambda partner: can_view_partner_invitation(user, partner))


# --- issuer anonymity (measure 十三) -------------------------------------------------------
# An anonymous call shows ``anonymous_label`` (e.g. 某新能源整车企业) instead of its issuer's
# name to everyone but platform administrators, the issuer's members and the members of the
# organizations the issuer revealed itself to (``IssuerReveal``). Every page, search
# document, notification and export asks here.

_REVEALED_CACHE = "_revealed_calls_cache"


def revealed_call_ids(user) -> frozenset[int]:
    """The calls whose issuer revealed its name to the user's organization: one query per
    user object (cached on it, like the membership), so lists stay cheap."""
    organization_id = _organization_id(user)
    if organization_id is None:
        return frozenset()
    cached = getattr(user, _REVEALED_CACHE, None)
    if cached is None or cached[0] != organization_id:
        ids = IssuerReveal.objects.filter(organization_id=organization_id).values_list(
            "call_id", flat=True
        )
        cached = (organization_id, frozenset(ids))
        setattr(user, _REVEALED_CACHE, cached)
    return cached[1]


def forget_reveals(user) -> None:
    """Drop the cached reveals (after a reveal, for a user object that lives on)."""
    if hasattr(user, _REVEALED_CACHE):
        delattr(user, _REVEALED_CACHE)


def _organization_id(user) -> int | None:
    organization = account_rules.organization_of(user)
    return organization.pk if organization is not None else None


def shows_issuer(user, call: Call) -> bool:
    """Whether the user may see who issued the call."""
    if not call.anonymous:
        return True
    if account_rules.is_platform_admin(user):
        return True
    organization_id = _organization_id(user)
    if organization_id is not None and organization_id == call.issuer_id:
        return True
    return call.pk in revealed_call_ids(user)


def shows_issuer_to_organization(organization: Organization | None, call: Call) -> bool:
    """Whether the members of ``organization`` may see who issued the call (for texts sent
    to an organization's members, e.g. notifications)."""
    if not call.anonymous:
        return True
    if organization is None:
        return False
    if organization.pk == call.issuer_id:
        return True
    return IssuerReveal.objects.filter(call=call, organization=organization).exists()


def issuer_name_for(user, call: Call) -> str:
    """The issuer's name, or the call's label when the user may not see who issued it."""
    if shows_issuer(user, call):
        return call.issuer.name
    return call.anonymous_label


def issuer_name_for_organization(organization: Organization | None, call: Call) -> str:
    """The issuer's name as the members of ``organization`` may read it."""
    if shows_issuer_to_organization(organization, call):
        return call.issuer.name
    return call.anonymous_label


def public_issuer_name(call: Call) -> str:
    """The issuer's name as anyone may read it (search documents, public texts)."""
    return call.anonymous_label if call.anonymous else call.issuer.name


def can_reveal_issuer(user, call: Call) -> bool:
    """Reveal the issuer's name to an applicant: the handlers of an anonymous call."""
    if not call.anonymous:
        return False
    return is_handler(user, call)


# --- nominations (measure 十三) ------------------------------------------------------------


def is_recommender_of(user, application: Application) -> bool:
    """Members of the recommending unit read an application while it is in their hands
    (awaiting their decision) and once they nominated it; never after returning it."""
    if application.recommending_unit_id is None:
        return False
    if not account_rules.is_member(user, application.recommending_unit):
        return False
    if application.status == ApplicationStatus.NOMINATION:
        return True
    return application.nominations.filter(
        unit_id=application.recommending_unit_id, status=NominationStatus.NOMINATED
    ).exists()


def nomination_roles(user, nomination: Nomination) -> set[str]:
    """A member of the nomination's unit decides it (``recommender``)."""
    if account_rules.is_member(user, nomination.unit):
        return {RECOMMENDER}
    return set()


def can_see_nomination_review(user, application: Application) -> bool:
    """The unit's pre-review opinion (推荐意见): the unit, the call's side; not the applicant."""
    if can_manage_call(user, application.call):
        return True
    organization = account_rules.organization_of(user)
    if organization is None:
        return False
    return application.nominations.filter(unit=organization).exists()


def application_actions(user, application: Application) -> list:
    """The application's moves offered to this user: a call requiring nomination is
    submitted to a recommending unit, any other straight to the issuer."""
    skipped = {"award", "not_award", "nominated", "returned"}
    skipped.add("submit" if application.call.requires_nomination else "submit_to_unit")
    roles = application_roles(user, application)
    return [
        move
        for move in APPLICATION_TRANSITIONS.available(application.status, roles)
        if move.action not in skipped
    ]


def access_nomination(user, pk: int) -> Nomination:
    nominations = Nomination.objects.select_related(
        "unit", "application", "application__call", "application__applicant"
    )
    return _access(nominations, pk, lambda nomination: nomination_roles(user, nomination))
