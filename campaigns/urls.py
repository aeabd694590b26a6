from django.urls import path

from .views import batches, campaigns, submissions

app_name = "campaigns"

urlpatterns: list = [
    path("", campaigns.campaign_list, name="campaign_list"),
    path("new/", campaigns.campaign_create, name="campaign_create"),
    path("<id:pk>/", campaigns.campaign_detail, name="campaign_detail"),
    path("<id:pk>/edit/", campaigns.campaign_edit, name="campaign_edit"),
    path("<id:pk>/units/", campaigns.campaign_units, name="campaign_units"),
    path("<id:pk>/do/<slug:action>/", campaigns.campaign_move, name="campaign_move"),
    path("<id:pk>/submit/", submissions.submission_create, name="submission_create"),
    path("submissions/<id:pk>/", submissions.submission_detail, name="submission_detail"),
    path("submissions/<id:pk>/edit/", submissions.submission_edit, name="submission_edit"),
    path(
        "submissions/<id:pk>/do/<slug:action>/",
        submissions.submission_move,
        name="submission_move",
    ),
    path(
        "organizations/<id:pk>/submissions/",
        submissions.submissions_of,
        name="submissions_of",
    ),
    path("batches/<id:pk>/", batches.batch_detail, name="batch_detail"),
    path("batches/<id:pk>/export.xlsx", batches.batch_export, name="batch_export"),
]
