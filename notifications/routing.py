"""Websocket routes of the notifications app (mounted by ``config.asgi``)."""

from django.urls import path

from .consumers import NotificationConsumer

websocket_urlpatterns = [
    path("ws/notifications/", NotificationConsumer.as_asgi(), name="notifications_socket"),
]
