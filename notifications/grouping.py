"""How repeated notifications read as one line.

Rows stay one per event (they are the record); pages group them when reading. Unread
notifications group when they share the grouping key, ``GROUP_FIELDS`` (the same kind of
event about the same object: the verb, the link to the object, and the message id), and fall
on the same day in the active time zone. A read notification is always a line of its own.

A grouped line reads with a plural-aware message registered for its verb, filled from the
latest notification's parameters plus ``count``; a verb without one reads as the latest
message followed by the count.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import ngettext, ngettext_lazy

GROUP_FIELDS = ("verb", "url", "message")

_GROUPED_MESSAGES: dict[str, Promise] = {}


def register_grouped_message(verb: str, message: Promise) -> None:
    """Say how several unread ``verb`` notifications about one object read as one line.

    ``message`` is an ``ngettext_lazy(singular, plural, "count")`` whose placeholders are
    ``%(count)d`` and the parameters the verb's notifications carry.
    """
    _GROUPED_MESSAGES[verb] = message


def grouped_text(*, verb: str, params: dict, text: str, count: int) -> str:
    """Return the line for ``count`` grouped notifications, ``text`` being the latest one's."""
    grouped = _GROUPED_MESSAGES.get(verb)
    if grouped is not None:
        try:
            return str(grouped % {**params, "count": count})
        except (KeyError, TypeError, ValueError):
            pass  # parameters of an older message id: fall back to the generic line
    return ngettext(
        "%(text)s (%(count)d notification)", "%(text)s (%(count)d notifications)", count
    ) % {"text": text, "count": count}


def day_bounds(moment: datetime) -> tuple[datetime, datetime]:
    """Return the start and end of the day holding ``moment``, in the active time zone."""
    local = timezone.localtime(moment)
    start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    # Adding a day in local time keeps midnight across a daylight-saving change.
    end = timezone.make_aware(start.replace(tzinfo=None) + timedelta(days=1))
    return start, end


# The events of the open-call engine that repeat about one object. The verbs are plain
# strings, so this app still imports no domain app; an app may register more in ready().
for _verb, _message in {
    "review.submitted": ngettext_lazy(
        "%(count)d expert submitted scores for %(call)s",
        "%(count)d experts submitted scores for %(call)s",
        "count",
    ),
    "review.recused": ngettext_lazy(
        "%(count)d expert recused from an application to %(call)s",
        "%(count)d experts recused from an application to %(call)s",
        "count",
    ),
    "application.partner_answered": ngettext_lazy(
        "%(count)d partner answered your consortium invitation for %(call)s",
        "%(count)d partners answered your consortium invitation for %(call)s",
        "count",
    ),
    "call.question": ngettext_lazy(
        "%(count)d new clarification question on %(call)s",
        "%(count)d new clarification questions on %(call)s",
        "count",
    ),
    "call.answer": ngettext_lazy(
        "%(count)d clarification was published on %(call)s",
        "%(count)d clarifications were published on %(call)s",
        "count",
    ),
    "call.objection": ngettext_lazy(
        "%(count)d objection was filed on %(call)s",
        "%(count)d objections were filed on %(call)s",
        "count",
    ),
    "call.objection_resolved": ngettext_lazy(
        "%(count)d objection on %(call)s was decided",
        "%(count)d objections on %(call)s were decided",
        "count",
    ),
    "milestone.proposed": ngettext_lazy(
        "%(count)d milestone was proposed for %(call)s; please review it",
        "%(count)d milestones were proposed for %(call)s; please review them",
        "count",
    ),
    "milestone.agreed": ngettext_lazy(
        "%(count)d milestone of %(call)s was agreed",
        "%(count)d milestones of %(call)s were agreed",
        "count",
    ),
    "milestone.reported": ngettext_lazy(
        "Progress was reported on %(count)d milestone of %(call)s",
        "Progress was reported on %(count)d milestones of %(call)s",
        "count",
    ),
    "milestone.accepted": ngettext_lazy(
        "%(count)d milestone of %(call)s was accepted",
        "%(count)d milestones of %(call)s were accepted",
        "count",
    ),
    "milestone.returned": ngettext_lazy(
        "%(count)d milestone of %(call)s was returned for rework",
        "%(count)d milestones of %(call)s were returned for rework",
        "count",
    ),
}.items():
    register_grouped_message(_verb, _message)
