from django.urls import path

from .views import conversations, interests

app_name = "docking"

# Interests, handshakes and deals. <target_type>: result, product, resource or call.
urlpatterns: list = [
    path(
        "interests/panel/<slug:target_type>/<id:pk>/",
        interests.interest_panel,
        name="interest_panel",
    ),
    path(
        "interests/new/<slug:target_type>/<id:pk>/",
        interests.interest_create,
        name="interest_create",
    ),
    path("interests/dashboard/", interests.interests_dashboard, name="interests_dashboard"),
    path("interests/organizations/<id:pk>/", interests.interests_of, name="interests_of"),
    path("interests/<id:pk>/", interests.interest_detail, name="interest_detail"),
    path("interests/<id:pk>/do/<slug:action>/", interests.interest_move, name="interest_move"),
    path("interests/<id:pk>/deal/", interests.deal_record, name="deal_record"),
    path("interests/<id:pk>/deal/confirm/", interests.deal_confirm, name="deal_confirm"),
]

# Conversations and messages.
urlpatterns += [
    path("conversations/", conversations.conversation_list, name="conversation_list"),
    path(
        "applications/<id:pk>/conversation/",
        conversations.application_conversation,
        name="application_conversation",
    ),
    path(
        "recommendations/<id:pk>/conversation/",
        conversations.recommendation_conversation,
        name="recommendation_conversation",
    ),
    path("conversations/<id:pk>/", conversations.conversation_detail, name="conversation_detail"),
    path("conversations/<id:pk>/send/", conversations.message_send, name="message_send"),
    path(
        "messages/<id:pk>/attachment/",
        conversations.message_attachment,
        name="message_attachment",
    ),
]

# Docking events (events/...)
from .views import events  # noqa: E402

urlpatterns += [
    path("events/", events.event_list, name="event_list"),
    path("events/new/", events.event_create, name="event_create"),
    path("events/<id:pk>/", events.event_detail, name="event_detail"),
    path("events/<id:pk>/edit/", events.event_edit, name="event_edit"),
    path("events/<id:pk>/do/<slug:action>/", events.event_move, name="event_move"),
    path("events/<id:pk>/prematch/", events.event_prematch, name="event_prematch"),
    path("events/<id:pk>/register/", events.event_register, name="event_register"),
    path("events/<id:pk>/meetings/new/", events.meeting_request, name="meeting_request"),
    path("events/meetings/<id:pk>/do/<slug:action>/", events.meeting_move, name="meeting_move"),
    path("events/meetings/<id:pk>/outcome/", events.meeting_outcome, name="meeting_outcome"),
]
