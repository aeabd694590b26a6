from django.urls import path

from .views import public, registry

app_name = "centres"

urlpatterns = [
    path("", public.centre_list, name="centre_list"),
    path("new/", registry.centre_create, name="centre_create"),
    path("<id:pk>/", public.centre_detail, name="centre_detail"),
    path("<id:pk>/edit/", registry.centre_edit, name="centre_edit"),
    path("<id:pk>/members/", registry.member_add, name="member_add"),
    path("members/<id:pk>/remove/", registry.member_remove, name="member_remove"),
]
