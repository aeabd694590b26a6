"""The issuer of a call as the viewer may see it (measure 十三, ``rules.shows_issuer``):
``{{ call|issuer_for:request.user }}`` gives the name or the anonymous label,
``{% if call|shows_issuer_to:request.user %}`` guards the avatar and the link to the
issuer's page."""

from __future__ import annotations

from django import template

from challenges import rules
from challenges.models import ApplicationStatus, IssuerReveal

register = template.Library()


@register.filter
def issuer_for(call, user) -> str:
    return rules.issuer_name_for(user, call)


@register.filter
def shows_issuer_to(call, user) -> bool:
    return rules.shows_issuer(user, call)


@register.filter
def owner_for(interest, user) -> str:
    """The owner of an interest (docking) as the user may read it: for an interest in an
    anonymous call, its issuer by the call's label unless the user may see it."""
    if getattr(interest, "call_id", None) and not rules.shows_issuer(user, interest.call):
        return interest.call.anonymous_label
    return interest.owner.name


@register.simple_tag(takes_context=True)
def issuer_reveal_state(context, application) -> dict:
    """``{% issuer_reveal_state application as reveal %}``: for the handlers of an anonymous
    call, ``reveal.offer`` (the applicant may be told the issuer's name) and
    ``reveal.revealed`` (when it was); empty for everyone else."""
    request = context.get("request")
    user = getattr(request, "user", None)
    call = application.call
    if user is None or not rules.can_reveal_issuer(user, call):
        return {}
    revealed = IssuerReveal.objects.filter(
        call=call, organization_id=application.applicant_id
    ).first()
    return {
        "offer": revealed is None and application.status != ApplicationStatus.DRAFT,
        "revealed": revealed,
    }


@register.simple_tag
def issuer_reveals(call) -> list:
    """``{% issuer_reveals call as reveals %}``: to whom an anonymous call's issuer revealed
    its name, oldest first (the issuer's workspace)."""
    if not call.anonymous:
        return []
    return list(call.reveals.select_related("organization", "revealed_by").order_by("created_at"))
