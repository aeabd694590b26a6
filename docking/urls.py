from django.urls import path  # noqa: F401

app_name = "docking"

# Interests, handshakes and deals.
urlpatterns: list = []

# Conversations and messages.
urlpatterns += []
