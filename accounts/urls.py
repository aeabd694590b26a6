from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(template_name="accounts/login.html"),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/sign-up/", views.sign_up, name="sign_up"),
    path("accounts/expert/", views.expert_profile, name="expert_profile"),
    path("organizations/", views.organization_list, name="organization_list"),
    path("organizations/new/", views.organization_create, name="organization_create"),
    path("organizations/join/", views.organization_join, name="organization_join"),
    path("organizations/<int:pk>/edit/", views.organization_edit, name="organization_edit"),
    path("organizations/<int:pk>/join/", views.membership_request, name="membership_request"),
    path("organizations/<int:pk>/verify/", views.organization_verify, name="organization_verify"),
    path("organizations/<int:pk>/reject/", views.organization_reject, name="organization_reject"),
    path(
        "memberships/<int:pk>/<slug:decision>/",
        views.membership_decide,
        name="membership_decide",
    ),
    path("qualifications/new/", views.qualification_create, name="qualification_create"),
    path(
        "qualifications/<int:pk>/certificate/",
        views.qualification_certificate,
        name="qualification_certificate",
    ),
    path(
        "qualifications/<int:pk>/certificate/thumb/",
        views.qualification_certificate,
        {"variant": "thumb"},
        name="qualification_certificate_thumb",
    ),
    path(
        "qualifications/<int:pk>/<slug:decision>/",
        views.qualification_decide,
        name="qualification_decide",
    ),
]
