from django.urls import path

from catalog.services import LISTING_MODELS

from . import for_you, recommendations, views, views_progress

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("review/", views.review_queue, name="review_queue"),
    path("organizations/<id:pk>/", views.organization_detail, name="organization_detail"),
    path("recommend/calls/<id:pk>/solvers/", recommendations.call_solvers, name="call_solvers"),
    path(
        "recommend/calls/<id:pk>/invite/<id:organization_pk>/",
        recommendations.invite_solver,
        name="call_invite",
    ),
    path(
        "recommend/organizations/<id:pk>/calls/",
        recommendations.organization_calls,
        name="organization_calls",
    ),
    path(
        "recommend/results/<id:pk>/similar/",
        recommendations.similar_results,
        name="similar_results",
    ),
]

# One literal route per listing type: a catch-all ``<slug:listing_type>`` once swallowed the
# organizations' route listed after it (tests/test_urls.py now guards against shadowing).
urlpatterns += [
    path(
        f"recommend/{listing_type}/<id:pk>/calls/",
        recommendations.listing_calls,
        {"listing_type": listing_type},
        name="listing_calls",
    )
    for listing_type in LISTING_MODELS
]

# Progress of measures 十–十五 (administrators and government departments).
urlpatterns += [
    path("progress/", views_progress.progress_dashboard, name="progress"),
    path("progress/records/", views_progress.progress_records, name="progress_records"),
    path("progress/export/", views_progress.progress_export, name="progress_export"),
    path("progress/report/", views_progress.report, name="report"),
    path("progress/report/export/", views_progress.report_export, name="report_export"),
]

# "For you" both ways (measure 十五): the workspace's panel.
urlpatterns += [
    path("dashboard/for-you/", for_you.for_you, name="for_you"),
]
