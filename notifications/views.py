from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.http import redirect_back, run_action

from . import selectors, services
from .forms import NotificationPreferencesForm


def notification_list(request):
    """The user's notifications, repeated unread events about one object as one line."""
    page = Paginator(selectors.notification_lines(request.user), 30).get_page(
        request.GET.get("page")
    )
    lines = selectors.lines_with_notifications(page.object_list)
    return render(request, "notifications/list.html", {"page": page, "lines": lines})


@require_POST
def open_notification(request, pk: int):
    """Mark a line read (every notification it groups) and follow its link."""
    notification = services.notification_open(actor=request.user, pk=pk)
    if notification is None:
        return redirect("notifications:list")
    return redirect(notification.url or "notifications:list")


@require_POST
def mark_all_read(request):
    services.notifications_mark_read(actor=request.user)
    return redirect_back(request, "notifications:list")


def notification_preferences(request):
    """Choose, per category, whether notifications are also e-mailed at once or in a daily
    digest (they are always shown in the platform)."""
    modes = selectors.preference_modes(request.user)
    form = NotificationPreferencesForm(request.POST or None, modes=modes)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            lambda: services.notification_preferences_set(
                actor=request.user, modes=form.cleaned_data
            ),
            success=_("Your notification preferences were saved."),
            form=form,
        )
        if outcome:
            return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "has_email": bool(request.user.email)},
    )
