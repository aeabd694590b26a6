from django.urls import path  # noqa: F401

app_name = "chains"

# Chain map, nodes and editing (chains/...).
urlpatterns: list = []

# Demonstration directions (demonstration/...).
urlpatterns += []

# Access requests (resources/<id>/access/..., access-requests/...).
urlpatterns += []

# Supplier pools and innovation-chain projects (supplier-applications/...).
urlpatterns += []
