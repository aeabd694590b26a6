"""Template context shared by every page."""

from . import rules


def current_membership(request) -> dict:
    """Expose the viewer's membership and admin flag, computed lazily and at most once."""
    user = getattr(request, "user", None)

    def membership():
        return rules.membership_of(user)

    return {
        "current_membership": membership,
        "is_platform_admin": rules.is_platform_admin(user),
    }
