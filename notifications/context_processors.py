from .selectors import unread_line_count


def unread_notifications(request) -> dict:
    """The unread count for the header badge, computed only if a template asks for it.

    It counts lines, as the list shows them: repeated events about one object count once.
    """
    user = getattr(request, "user", None)

    def count() -> int:
        if not (user and user.is_authenticated):
            return 0
        return unread_line_count(user)

    return {"unread_notifications": count}
