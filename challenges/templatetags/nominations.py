"""``{% load nominations %}``: what the shared call and application pages show of
nomination by recommending units (measure 十三) and of competition results (以赛促创),
so those pages only include a template of ours.

Each tag returns a dict for ``{% ... as x %}`` and reads the signed-in user from the
request; nothing is shown to whom the rules do not allow.
"""

from __future__ import annotations

from django import template

register = template.Library()


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None)


@register.simple_tag(takes_context=True)
def call_nomination(context, call) -> dict:
    """``{% call_nomination call as nom %}``: the call's recommending units with their
    quotas (``nom.quotas``), whether the user may change them (``nom.editable``) and the
    form to add one."""
    from challenges import rules
    from challenges.forms import NominationQuotaForm
    from challenges.selectors.nominations import quotas_of_call

    if not call.requires_nomination:
        return {"quotas": [], "editable": False}
    user = _user(context)
    editable = bool(user) and rules.can_edit_call(user, call)
    return {
        "quotas": quotas_of_call(call),
        "editable": editable,
        "form": NominationQuotaForm() if editable else None,
    }


@register.simple_tag(takes_context=True)
def application_nomination(context, application) -> dict:
    """``{% application_nomination application as nom %}``: the nominations of the
    application as the user may see them: ``unit`` (the recommending unit), ``nominations``
    (newest first, with events), ``show_review`` (the unit's opinion: the unit and the
    issuer's side, never the applicant), ``decide`` (the nomination the user's unit may
    decide now), ``submit_units`` (the units the applicant may submit through)."""
    from challenges import rules
    from challenges.models import ApplicationStatus, NominationStatus
    from challenges.selectors.nominations import nominations_of, quotas_of_call
    from challenges.transitions import APPLICATION_TRANSITIONS, NOMINATION_TRANSITIONS

    user = _user(context)
    call = application.call
    if not call.requires_nomination or user is None:
        return {"shown": False}
    nominations = nominations_of(application)
    is_applicant = rules.is_applicant_member(user, application)
    if not is_applicant and not rules.can_manage_call(user, call):
        # A recommending unit sees its own part only, not another unit's earlier decision.
        nominations = [n for n in nominations if rules.nomination_roles(user, n)]
    offered = {move.action for move in rules.application_actions(user, application)}
    decide = None
    for nomination in nominations:
        if nomination.status == NominationStatus.PENDING and rules.nomination_roles(
            user, nomination
        ):
            decide = nomination
    returned = next((n for n in nominations if n.status == NominationStatus.RETURNED), None)
    return {
        "shown": bool(nominations) or is_applicant,
        "nominations": nominations,
        "latest": nominations[0] if nominations else None,
        "returned": returned if application.status == ApplicationStatus.DRAFT else None,
        "show_review": rules.can_see_nomination_review(user, application),
        "is_applicant": is_applicant,
        "decide": decide,
        "submit_units": [
            quota
            for quota in (quotas_of_call(call) if "submit_to_unit" in offered else [])
            if quota.unit_id != application.applicant_id
        ],
        "submit_confirm": APPLICATION_TRANSITIONS["submit_to_unit"].confirm,
        "nominate_confirm": NOMINATION_TRANSITIONS["nominate"].confirm,
    }


@register.simple_tag(takes_context=True)
def competition_certificates(context, call) -> list:
    """``{% competition_certificates call as results %}``: a competition's frozen results
    once they are public (from the award on), each with its certificate code."""
    from challenges import rules
    from challenges.models import CallKind
    from challenges.selectors.nominations import results_of_call

    if call.kind != CallKind.COMPETITION or not rules.are_awards_public(call):
        return []
    return results_of_call(call)


@register.simple_tag(takes_context=True)
def finalist_invitation(context, call):
    """``{% finalist_invitation call as invitation %}``: the invitation the user's
    organization received to this call carrying a competition result, if any."""
    from accounts import rules as account_rules
    from challenges.selectors.nominations import invitation_with_result

    user = _user(context)
    if user is None or not user.is_authenticated:
        return None
    return invitation_with_result(call, account_rules.organization_of(user))


@register.simple_tag(takes_context=True)
def finalist_invites(context, call) -> dict:
    """``{% finalist_invites call as fin %}``: for a handler of an open call, the recent
    results of related competitions it may invite (``fin.results``)."""
    from challenges import rules
    from challenges.selectors.nominations import results_to_invite

    user = _user(context)
    if user is None or not rules.can_invite_solver(user, call):
        return {"allowed": False, "results": []}
    return {"allowed": True, "results": results_to_invite(call)}


@register.simple_tag(takes_context=True)
def carried_result(context, application):
    """``{% carried_result application as carried %}``: the competition result the
    applicant was invited with, for the call's handlers (one query per page and call)."""
    from challenges import rules
    from challenges.selectors.nominations import carried_results

    user = _user(context)
    call = application.call
    # On the context itself: each ``{% include %}`` of a row gets a fresh render context.
    cache = getattr(context, "_carried_results", None)
    if cache is None:
        cache = context._carried_results = {}
    if call.pk not in cache:
        allowed = user is not None and rules.can_manage_call(user, call)
        cache[call.pk] = carried_results(call) if allowed else {}
    return cache[call.pk].get(application.applicant_id)
