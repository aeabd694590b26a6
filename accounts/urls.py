from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views
from .forms import PasswordChangeForm, PasswordSetForm

app_name = "accounts"
urlpatterns = [
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/sign-up/", views.sign_up, name="sign_up"),
    path("accounts/sign-up/check-your-mail/", views.sign_up_done, name="sign_up_done"),
    path("accounts/activate/<uidb64>/<token>/", views.activate_account, name="activate"),
    path(
        "accounts/password/change/",
        auth_views.PasswordChangeView.as_view(
            form_class=PasswordChangeForm,
            template_name="accounts/password_change_form.html",
            success_url=reverse_lazy("accounts:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "accounts/password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/password_change_done.html"
        ),
        name="password_change_done",
    ),
    path(
        "accounts/password/reset/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset_form.html",
            email_template_name="accounts/email/password_reset.txt",
            subject_template_name="accounts/email/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            form_class=PasswordSetForm,
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("accounts/expert/", views.edit_expert_profile, name="expert_profile"),
    path("organizations/", views.organization_list, name="organization_list"),
    path("organizations/new/", views.register_organization, name="organization_create"),
    path("organizations/join/", views.organization_join, name="organization_join"),
    path("organizations/<id:pk>/edit/", views.edit_organization, name="organization_edit"),
    path("organizations/<id:pk>/join/", views.ask_to_join, name="membership_request"),
    path("organizations/<id:pk>/verify/", views.verify_organization, name="organization_verify"),
    path("organizations/<id:pk>/reject/", views.reject_organization, name="organization_reject"),
    path(
        "memberships/<id:pk>/<slug:decision>/",
        views.decide_membership,
        name="membership_decide",
    ),
    path("qualifications/new/", views.submit_qualification, name="qualification_create"),
    path(
        "qualifications/<id:pk>/certificate/",
        views.qualification_certificate,
        name="qualification_certificate",
    ),
    path(
        "qualifications/<id:pk>/certificate/thumb/",
        views.qualification_certificate,
        {"variant": "thumb"},
        name="qualification_certificate_thumb",
    ),
    path(
        "qualifications/<id:pk>/<slug:decision>/",
        views.decide_qualification,
        name="qualification_decide",
    ),
]
