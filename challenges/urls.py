from django.urls import path

from .views import (
    anonymity,
    applications,
    calls,
    centres,
    competition,
    follows,
    nominations,
    reviews,
    tranches,
    workspaces,
)

app_name = "challenges"

urlpatterns = [
    # calls
    path("calls/", calls.call_list, name="call_list"),
    path("calls/new/", calls.call_choose_kind, name="call_choose_kind"),
    path("calls/new/<slug:kind>/", calls.create_call, name="call_create"),
    path("calls/<id:pk>/", calls.call_detail, name="call_detail"),
    path("calls/<id:pk>/edit/", calls.edit_call, name="call_edit"),
    path("calls/<id:pk>/manage/", workspaces.call_manage, name="call_manage"),
    path("calls/<id:pk>/ranking/", calls.call_ranking, name="call_ranking"),
    path("calls/<id:pk>/terms/", calls.accept_call_terms, name="call_terms"),
    path("calls/<id:pk>/parts/<slug:part>/add/", calls.add_call_part, name="call_part_add"),
    path(
        "calls/<id:pk>/parts/<slug:part>/<id:part_pk>/remove/",
        calls.remove_call_part,
        name="call_part_remove",
    ),
    path("calls/<id:pk>/do/<slug:action>/", calls.move_call, name="call_transition"),
    path("calls/<id:pk>/panel/close/", calls.close_panel, name="call_panel_close"),
    path("calls/<id:pk>/handlers/", workspaces.add_handler, name="handler_add"),
    path("calls/<id:pk>/questions/", calls.ask_question, name="question_ask"),
    path("calls/<id:pk>/objections/", calls.file_objection, name="objection_file"),
    path("calls/<id:pk>/follow/", follows.follow_call, name="call_follow"),
    path("calls/<id:pk>/unfollow/", follows.unfollow_call, name="call_unfollow"),
    path("calls/<id:pk>/apply/", applications.start_application, name="application_start"),
    path("calls/<id:pk>/advance/", applications.advance_round, name="round_advance"),
    path("call-files/<id:pk>/", calls.call_attachment_download, name="call_attachment"),
    path("questions/<id:pk>/answer/", calls.answer_question, name="question_answer"),
    path("objections/<id:pk>/resolve/", calls.resolve_objection, name="objection_resolve"),
    # applications
    path("applications/<id:pk>/", applications.application_detail, name="application_detail"),
    path("applications/<id:pk>/edit/", applications.edit_application, name="application_edit"),
    path(
        "applications/<id:pk>/do/<slug:action>/",
        applications.move_application,
        name="application_transition",
    ),
    path("applications/<id:pk>/partners/", applications.invite_partner, name="partner_invite"),
    path(
        "applications/<id:pk>/files/",
        applications.add_application_attachment,
        name="application_attachment_add",
    ),
    path("applications/<id:pk>/experts/", applications.assign_expert, name="expert_assign"),
    path("applications/<id:pk>/award/", applications.propose_award, name="award_propose"),
    path(
        "applications/<id:pk>/round-statement/",
        applications.submit_round_statement,
        name="round_statement",
    ),
    path("applications/<id:pk>/milestones/", reviews.propose_milestone, name="milestone_propose"),
    path("partners/<id:pk>/remove/", applications.remove_partner, name="partner_remove"),
    path(
        "partners/<id:pk>/<slug:answer>/",
        applications.answer_partner_invitation,
        name="partner_respond",
    ),
    path(
        "application-files/<id:pk>/",
        applications.application_attachment_download,
        name="application_attachment",
    ),
    path(
        "application-files/<id:pk>/remove/",
        applications.remove_application_attachment,
        name="application_attachment_remove",
    ),
    path("awards/<id:pk>/withdraw/", applications.withdraw_award, name="award_withdraw"),
    # reviews and milestones
    path("reviews/<id:pk>/", reviews.fill_review_sheet, name="review_sheet"),
    path("reviews/<id:pk>/do/<slug:action>/", reviews.move_review, name="review_transition"),
    path(
        "milestones/<id:pk>/do/<slug:action>/",
        reviews.move_milestone,
        name="milestone_transition",
    ),
    path("milestones/<id:pk>/file/", reviews.milestone_file, name="milestone_file"),
    # innovation centres' participation calls (measure 十四), a panel of the centre's page
    path("centres/<id:pk>/calls/", centres.centre_calls, name="centre_calls"),
    # tranches (money against milestones)
    path("milestones/<id:pk>/tranche/", tranches.set_tranche, name="tranche_set"),
    path("tranches/<id:pk>/do/<slug:action>/", tranches.move_tranche, name="tranche_transition"),
    # workspaces
    path("workspace/calls/", workspaces.my_calls, name="my_calls"),
    path("workspace/applications/", workspaces.my_applications, name="my_applications"),
    path("workspace/followed/", follows.followed_calls, name="followed_calls"),
    path("expert/", workspaces.expert_workspace, name="expert_workspace"),
    path("expert/conflicts/", workspaces.declare_conflict, name="conflict_declare"),
    # --- issuer anonymity (measure 十三) ---
    path("applications/<id:pk>/reveal-issuer/", anonymity.reveal_issuer, name="issuer_reveal"),
    # --- nominations by recommending units (measure 十三) ---
    path("calls/<id:pk>/nomination-units/", nominations.set_quota, name="nomination_quota_set"),
    path(
        "nomination-units/<id:pk>/remove/",
        nominations.remove_quota,
        name="nomination_quota_remove",
    ),
    path(
        "applications/<id:pk>/submit-to-unit/",
        nominations.submit_to_unit,
        name="application_submit_to_unit",
    ),
    path("nominations/", nominations.workspace, name="nomination_workspace"),
    path(
        "nominations/<id:pk>/do/<slug:action>/",
        nominations.decide,
        name="nomination_transition",
    ),
    # --- competition results (以赛促创) ---
    path("certificates/<str:code>/", competition.certificate, name="certificate"),
    path(
        "calls/<id:pk>/invite-finalist/",
        competition.invite_finalist,
        name="call_invite_finalist",
    ),
]
