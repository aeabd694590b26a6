from django.urls import path

from .views import applications, calls, follows, reviews, workspaces

app_name = "challenges"

urlpatterns = [
    # calls
    path("calls/", calls.call_list, name="call_list"),
    path("calls/new/", calls.call_choose_kind, name="call_choose_kind"),
    path("calls/new/<slug:kind>/", calls.call_create, name="call_create"),
    path("calls/<id:pk>/", calls.call_detail, name="call_detail"),
    path("calls/<id:pk>/edit/", calls.call_edit, name="call_edit"),
    path("calls/<id:pk>/manage/", workspaces.call_manage, name="call_manage"),
    path("calls/<id:pk>/ranking/", calls.call_ranking, name="call_ranking"),
    path("calls/<id:pk>/terms/", calls.call_terms, name="call_terms"),
    path("calls/<id:pk>/parts/<slug:part>/add/", calls.call_part_add, name="call_part_add"),
    path(
        "calls/<id:pk>/parts/<slug:part>/<id:part_pk>/remove/",
        calls.call_part_remove,
        name="call_part_remove",
    ),
    path("calls/<id:pk>/do/<slug:action>/", calls.call_transition, name="call_transition"),
    path("calls/<id:pk>/panel/close/", calls.call_panel_close, name="call_panel_close"),
    path("calls/<id:pk>/handlers/", workspaces.handler_add, name="handler_add"),
    path("calls/<id:pk>/questions/", calls.question_ask, name="question_ask"),
    path("calls/<id:pk>/objections/", calls.objection_file, name="objection_file"),
    path("calls/<id:pk>/follow/", follows.call_follow, name="call_follow"),
    path("calls/<id:pk>/unfollow/", follows.call_unfollow, name="call_unfollow"),
    path("calls/<id:pk>/apply/", applications.application_start, name="application_start"),
    path("calls/<id:pk>/advance/", applications.round_advance, name="round_advance"),
    path("call-files/<id:pk>/", calls.call_attachment_download, name="call_attachment"),
    path("questions/<id:pk>/answer/", calls.question_answer, name="question_answer"),
    path("objections/<id:pk>/resolve/", calls.objection_resolve, name="objection_resolve"),
    # applications
    path("applications/<id:pk>/", applications.application_detail, name="application_detail"),
    path("applications/<id:pk>/edit/", applications.application_edit, name="application_edit"),
    path(
        "applications/<id:pk>/do/<slug:action>/",
        applications.application_transition,
        name="application_transition",
    ),
    path("applications/<id:pk>/partners/", applications.partner_invite, name="partner_invite"),
    path(
        "applications/<id:pk>/files/",
        applications.application_attachment_add,
        name="application_attachment_add",
    ),
    path("applications/<id:pk>/experts/", applications.expert_assign, name="expert_assign"),
    path("applications/<id:pk>/award/", applications.award_propose, name="award_propose"),
    path(
        "applications/<id:pk>/round-statement/",
        applications.round_statement,
        name="round_statement",
    ),
    path("applications/<id:pk>/milestones/", reviews.milestone_propose, name="milestone_propose"),
    path("partners/<id:pk>/remove/", applications.partner_remove, name="partner_remove"),
    path("partners/<id:pk>/<slug:answer>/", applications.partner_respond, name="partner_respond"),
    path(
        "application-files/<id:pk>/",
        applications.application_attachment_download,
        name="application_attachment",
    ),
    path(
        "application-files/<id:pk>/remove/",
        applications.application_attachment_remove,
        name="application_attachment_remove",
    ),
    path("awards/<id:pk>/withdraw/", applications.award_withdraw, name="award_withdraw"),
    # reviews and milestones
    path("reviews/<id:pk>/", reviews.review_sheet, name="review_sheet"),
    path("reviews/<id:pk>/do/<slug:action>/", reviews.review_transition, name="review_transition"),
    path(
        "milestones/<id:pk>/do/<slug:action>/",
        reviews.milestone_transition,
        name="milestone_transition",
    ),
    path("milestones/<id:pk>/file/", reviews.milestone_file, name="milestone_file"),
    # workspaces
    path("workspace/calls/", workspaces.my_calls, name="my_calls"),
    path("workspace/applications/", workspaces.my_applications, name="my_applications"),
    path("workspace/followed/", follows.followed_calls, name="followed_calls"),
    path("expert/", workspaces.expert_workspace, name="expert_workspace"),
    path("expert/conflicts/", workspaces.conflict_declare, name="conflict_declare"),
]
