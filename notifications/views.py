from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.http import redirect_back

from . import selectors, services


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
