from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("review/", views.review_queue, name="review_queue"),
    path("organizations/<int:pk>/", views.organization_detail, name="organization_detail"),
]
