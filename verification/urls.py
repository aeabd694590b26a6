from django.urls import path

from .views import bookings, first_use, platforms

app_name = "verification"

# The registry of platforms (public) and its upkeep (administrators).
urlpatterns = [
    path("", platforms.platform_list, name="platform_list"),
    path("new/", platforms.platform_create, name="platform_create"),
    path("<id:pk>/", platforms.platform_detail, name="platform_detail"),
    path("<id:pk>/edit/", platforms.platform_edit, name="platform_edit"),
    path("<id:pk>/deactivate/", platforms.platform_deactivate, name="platform_deactivate"),
    path("<id:pk>/reactivate/", platforms.platform_reactivate, name="platform_reactivate"),
]

# Bookings by verification projects, and the panel on a project's page.
urlpatterns += [
    path("bookings/", bookings.booking_list, name="booking_list"),
    path("bookings/new/", bookings.booking_create, name="booking_create"),
    path("bookings/<id:pk>/", bookings.booking_detail, name="booking_detail"),
    path("bookings/<id:pk>/do/<slug:action>/", bookings.booking_move, name="booking_move"),
    path("calls/<id:pk>/", bookings.call_panel, name="call_panel"),
]

# First uses (先试首用): evidence on a project, the product page's panel, catalogue entries.
urlpatterns += [
    path("applications/<id:pk>/evidence/", first_use.evidence_add, name="evidence_add"),
    path("evidence/<id:pk>/file/", first_use.evidence_file, name="evidence_file"),
    path("evidence/<id:pk>/remove/", first_use.evidence_remove, name="evidence_remove"),
    path("products/<id:pk>/first-use/", first_use.product_panel, name="product_panel"),
    path(
        "products/<id:pk>/catalogue-entries/",
        first_use.catalogue_entry_add,
        name="catalogue_entry_add",
    ),
    path(
        "catalogue-entries/<id:pk>/remove/",
        first_use.catalogue_entry_remove,
        name="catalogue_entry_remove",
    ),
]
