from .models import Notification


def unread_notifications(request) -> dict:
    """The unread count for the header badge, computed only if a template asks for it."""
    user = getattr(request, "user", None)

    def count() -> int:
        if not (user and user.is_authenticated):
            return 0
        return Notification.objects.filter(recipient=user, read_at__isnull=True).count()

    return {"unread_notifications": count}
