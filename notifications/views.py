from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.http import redirect_back

from . import services
from .models import Notification


def notification_list(request):
    notifications = Notification.objects.filter(recipient=request.user)
    page = Paginator(notifications, 30).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page})


@require_POST
def notification_open(request, pk: int):
    """Mark one notification read and follow its link."""
    notification = Notification.objects.filter(recipient=request.user, pk=pk).first()
    if notification is None:
        return redirect("notifications:list")
    services.notifications_mark_read(actor=request.user, ids=[pk])
    return redirect(notification.url or "notifications:list")


@require_POST
def notification_mark_all_read(request):
    services.notifications_mark_read(actor=request.user)
    return redirect_back(request, "notifications:list")
