from django.urls import path

from . import views

app_name = "catalog"

urlpatterns = [
    path("products/<id:pk>/photos/", views.upload_product_image, name="product_image_upload"),
    path("photos/<id:pk>/delete/", views.delete_product_image, name="product_image_delete"),
]

# The three listing types share their views; each gets its own URL prefix and names.
for listing_type, prefix in (
    ("product", "products"),
    ("result", "results"),
    ("resource", "resources"),
):
    kwargs = {"listing_type": listing_type}
    urlpatterns += [
        path(f"{prefix}/", views.listing_list, kwargs, name=f"{listing_type}_list"),
        path(f"{prefix}/new/", views.create_listing, kwargs, name=f"{listing_type}_create"),
        path(f"{prefix}/<id:pk>/", views.listing_detail, kwargs, name=f"{listing_type}_detail"),
        path(f"{prefix}/<id:pk>/edit/", views.edit_listing, kwargs, name=f"{listing_type}_edit"),
        path(
            f"{prefix}/<id:pk>/<slug:action>/",
            views.move_listing,
            kwargs,
            name=f"{listing_type}_transition",
        ),
    ]
