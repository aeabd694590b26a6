"""Small pieces of page that many templates repeat, as inclusion tags.

``{% load ui %}`` then ``{% status_badge application %}`` for the coloured status of any object
with a life cycle, or ``{% status_badge organization "verification_status" %}`` for another
choice field; ``{% reason_form url label=... placeholder=... %}`` for a move that needs a reason.
The markup lives in ``templates/includes/``; these tags only pick the values.
"""

from __future__ import annotations

from django import template

register = template.Library()


@register.inclusion_tag("includes/status_badge.html")
def status_badge(obj, field: str = "status") -> dict:
    """Return the status value and its label for the badge of ``obj``'s ``field``."""
    return {
        "status": getattr(obj, field),
        "label": getattr(obj, f"get_{field}_display")(),
    }


@register.inclusion_tag("includes/reason_form.html", takes_context=True)
def reason_form(
    context,
    action: str,
    *,
    label: str,
    placeholder: str,
    aria_label: str | None = None,
    next: str | None = None,
    maxlength: int | None = None,
    button_class: str = "btn btn-sm btn-danger",
) -> dict:
    """Return what an inline form posting a move with a required reason needs.

    ``{% reason_form url label=... placeholder=... %}``: a text box named ``reason`` and one
    submit button; ``next`` adds the page to return to, ``aria_label`` names the box when the
    placeholder alone would not.
    """
    return {
        "csrf_token": context.get("csrf_token"),
        "action": action,
        "label": label,
        "placeholder": placeholder,
        "aria_label": aria_label or placeholder,
        "next": next,
        "maxlength": maxlength,
        "button_class": button_class,
    }
