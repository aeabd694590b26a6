from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path, register_converter
from django.views.i18n import set_language
from django.views.static import serve

from .converters import IdConverter

register_converter(IdConverter, "id")

urlpatterns = [
    path("", include("portal.urls")),
    path("", include("accounts.urls")),
    path("", include("catalog.urls")),
    path("", include("challenges.urls")),
    path("directories/", include("directories.urls")),
    path("campaigns/", include("campaigns.urls")),
    path("centres/", include("centres.urls")),
    path("verification/", include("verification.urls")),
    path("docking/", include("docking.urls")),
    path("", include("chains.urls")),
    path("notifications/", include("notifications.urls")),
    path("search/", include("search.urls")),
    path("reference/", include("reference.urls")),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    # In production the proxy serves the public media volume (SERVE_MEDIA stays off); the
    # embedded setup of ``make run`` serves it here. Private files (certificates) are never
    # served from here, only through permission-checked views.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>.*)$",
            login_not_required(serve),
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]
