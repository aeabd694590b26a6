from django.urls import path

from .views import applications, calls, reviews, workspaces

app_name = "challenges"

urlpatterns = [
    # calls
    path("calls/", calls.call_list, name="call_list"),
    path("calls/new/", calls.call_choose_kind, name="call_choose_kind"),
    path("calls/new/<slug:kind>/", calls.call_create, name="call_create"),
    path("calls/<int:pk>/", calls.call_detail, name="call_detail"),
    path("calls/<int:pk>/edit/", calls.call_edit, name="call_edit"),
    path("calls/<int:pk>/manage/", workspaces.call_manage, name="call_manage"),
    path("calls/<int:pk>/ranking/", calls.call_ranking, name="call_ranking"),
    path("calls/<int:pk>/terms/", calls.call_terms, name="call_terms"),
    path("calls/<int:pk>/parts/<slug:part>/add/", calls.call_part_add, name="call_part_add"),
    path(
        "calls/<int:pk>/parts/<slug:part>/<int:part_pk>/remove/",
        calls.call_part_remove,
        name="call_part_remove",
    ),
    path("calls/<int:pk>/do/<slug:action>/", calls.call_transition, name="call_transition"),
    path("calls/<int:pk>/panel/close/", calls.call_panel_close, name="call_panel_close"),
    path("calls/<int:pk>/handlers/", workspaces.handler_add, name="handler_add"),
    path("calls/<int:pk>/questions/", calls.question_ask, name="question_ask"),
    path("calls/<int:pk>/objections/", calls.objection_file, name="objection_file"),
    path("calls/<int:pk>/apply/", applications.application_start, name="application_start"),
    path("calls/<int:pk>/advance/", applications.round_advance, name="round_advance"),
    path("call-files/<int:pk>/", calls.call_attachment_download, name="call_attachment"),
    path("questions/<int:pk>/answer/", calls.question_answer, name="question_answer"),
    path("objections/<int:pk>/resolve/", calls.objection_resolve, name="objection_resolve"),
    # applications
    path("applications/<int:pk>/", applications.application_detail, name="application_detail"),
    path("applications/<int:pk>/edit/", applications.application_edit, name="application_edit"),
    path(
        "applications/<int:pk>/do/<slug:action>/",
        applications.application_transition,
        name="application_transition",
    ),
    path("applications/<int:pk>/partners/", applications.partner_invite, name="partner_invite"),
    path(
        "applications/<int:pk>/files/",
        applications.application_attachment_add,
        name="application_attachment_add",
    ),
    path("applications/<int:pk>/experts/", applications.expert_assign, name="expert_assign"),
    path("applications/<int:pk>/award/", applications.award_propose, name="award_propose"),
    path(
        "applications/<int:pk>/round-statement/",
        applications.round_statement,
        name="round_statement",
    ),
    path("applications/<int:pk>/milestones/", reviews.milestone_propose, name="milestone_propose"),
    path("partners/<int:pk>/remove/", applications.partner_remove, name="partner_remove"),
    path("partners/<int:pk>/<slug:answer>/", applications.partner_respond, name="partner_respond"),
    path(
        "application-files/<int:pk>/",
        applications.application_attachment_download,
        name="application_attachment",
    ),
    path(
        "application-files/<int:pk>/remove/",
        applications.application_attachment_remove,
        name="application_attachment_remove",
    ),
    path("awards/<int:pk>/withdraw/", applications.award_withdraw, name="award_withdraw"),
    # reviews and milestones
    path("reviews/<int:pk>/", reviews.review_sheet, name="review_sheet"),
    path("reviews/<int:pk>/do/<slug:action>/", reviews.review_transition, name="review_transition"),
    path(
        "milestones/<int:pk>/do/<slug:action>/",
        reviews.milestone_transition,
        name="milestone_transition",
    ),
    path("milestones/<int:pk>/file/", reviews.milestone_file, name="milestone_file"),
    # workspaces
    path("workspace/calls/", workspaces.my_calls, name="my_calls"),
    path("workspace/applications/", workspaces.my_applications, name="my_applications"),
    path("expert/", workspaces.expert_workspace, name="expert_workspace"),
    path("expert/conflicts/", workspaces.conflict_declare, name="conflict_declare"),
]
