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
    path("conversations/<id:pk>/", conversations.conversation_detail, name="conversation_detail"),
    path("conversations/<id:pk>/send/", conversations.message_send, name="message_send"),
    path(
        "messages/<id:pk>/attachment/",
        conversations.message_attachment,
        name="message_attachment",
    ),
]
