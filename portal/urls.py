from django.urls import path

from . import recommendations, views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("review/", views.review_queue, name="review_queue"),
    path("organizations/<int:pk>/", views.organization_detail, name="organization_detail"),
    path("recommend/calls/<int:pk>/solvers/", recommendations.call_solvers, name="call_solvers"),
    path(
        "recommend/calls/<int:pk>/invite/<int:organization_pk>/",
        recommendations.invite,
        name="call_invite",
    ),
    path(
        "recommend/<slug:listing_type>/<int:pk>/calls/",
        recommendations.listing_calls,
        name="listing_calls",
    ),
    path(
        "recommend/organizations/<int:pk>/calls/",
        recommendations.organization_calls,
        name="organization_calls",
    ),
    path(
        "recommend/results/<int:pk>/similar/",
        recommendations.similar_results,
        name="similar_results",
    ),
]
