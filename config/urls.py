from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from django.views.i18n import set_language
from django.views.static import serve

urlpatterns = [
    path("", include("portal.urls")),
    path("", include("accounts.urls")),
    path("", include("catalog.urls")),
    path("", include("challenges.urls")),
    path("notifications/", include("notifications.urls")),
    path("search/", include("search.urls")),
    path("reference/", include("reference.urls")),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    # In production the proxy serves the public media volume; private files (certificates)
    # are never served from here, only through permission-checked views.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>.*)$",
            login_not_required(serve),
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]
