"""How long a call still takes applications, in words people use ("还剩 5 天", "今天截止")."""

from __future__ import annotations

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def days_left(call) -> str:
    """Return the calendar days left before an open call's deadline, in the active time zone
    (a deadline tomorrow at 09:00 is "1 day left" tonight); "" when the call is not open."""
    if not call.is_open:
        return ""
    days = (timezone.localdate(call.deadline) - timezone.localdate()).days
    if days <= 0:
        return _("Closes today")
    return ngettext("%(days)d day left", "%(days)d days left", days) % {"days": days}
