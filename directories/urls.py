from django.urls import path

from . import views

app_name = "directories"

urlpatterns = [
    path(
        "qualification-imports/",
        views.qualification_import_list,
        name="qualification_import_list",
    ),
    path(
        "qualification-imports/<id:pk>/",
        views.qualification_import_detail,
        name="qualification_import_detail",
    ),
    path(
        "qualification-imports/<id:pk>/apply/",
        views.qualification_import_apply,
        name="qualification_import_apply",
    ),
]
