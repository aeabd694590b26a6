from django.urls import path

from .views import imports

app_name = "directories"

# Official lists (imports).
urlpatterns = [
    path(
        "qualification-imports/",
        imports.qualification_import_list,
        name="qualification_import_list",
    ),
    path(
        "qualification-imports/<id:pk>/",
        imports.qualification_import_detail,
        name="qualification_import_detail",
    ),
    path(
        "qualification-imports/<id:pk>/apply/",
        imports.qualification_import_apply,
        name="qualification_import_apply",
    ),
]

# Willingness (企业意愿).
urlpatterns += []

# Directories: curation (administrators) and public pages.
urlpatterns += []

# Recipients, recommendations, feedback and outcomes.
urlpatterns += []
