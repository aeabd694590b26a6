from django.urls import path

from .views import directories, imports, public, recipients, recommendations, willingness

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
    path(
        "qualification-imports/<id:pk>/progress/",
        imports.qualification_import_progress,
        name="qualification_import_progress",
    ),
]

# Willingness (企业意愿).
urlpatterns += [
    path("willingness/<id:pk>/", willingness.willingness_page, name="willingness"),
    path(
        "willingness/<id:pk>/<slug:kind>/declare/",
        willingness.willingness_declare,
        name="willingness_declare",
    ),
    path(
        "willingness/<id:pk>/<slug:kind>/withdraw/",
        willingness.willingness_withdraw,
        name="willingness_withdraw",
    ),
]

# Directories: curation (administrators) and public pages.
urlpatterns += [
    path("manage/", directories.directory_list, name="directory_list"),
    path("manage/new/", directories.directory_create, name="directory_create"),
    path("manage/<id:pk>/", directories.directory_detail, name="directory_detail"),
    path("manage/<id:pk>/edit/", directories.directory_edit, name="directory_edit"),
    path("manage/<id:pk>/propose/", directories.directory_propose, name="directory_propose"),
    path(
        "manage/<id:pk>/next-version/",
        directories.version_start_next,
        name="version_start_next",
    ),
    path("versions/<id:pk>/", directories.version_detail, name="version_detail"),
    path("versions/<id:pk>/publish/", directories.version_publish, name="version_publish"),
    path("versions/<id:pk>/export/", directories.version_export, name="version_export"),
    path("entries/<id:pk>/include/", directories.entry_include, name="entry_include"),
    path("entries/<id:pk>/exclude/", directories.entry_exclude, name="entry_exclude"),
    path("entries/<id:pk>/classify/", directories.entry_classify, name="entry_classify"),
    path("", public.published_list, name="published_list"),
    path("<id:pk>/", public.published_detail, name="published_detail"),
]

# Recipients, recommendations, feedback and outcomes.
urlpatterns += [
    path("recipients/", recipients.recipient_list, name="recipient_list"),
    path("recipients/new/", recipients.recipient_create, name="recipient_create"),
    path("recipients/<id:pk>/edit/", recipients.recipient_edit, name="recipient_edit"),
    path(
        "recipients/<id:pk>/deactivate/",
        recipients.recipient_deactivate,
        name="recipient_deactivate",
    ),
    path(
        "recipients/<id:pk>/reactivate/",
        recipients.recipient_reactivate,
        name="recipient_reactivate",
    ),
    path("versions/<id:pk>/recommend/", recommendations.recommend, name="recommend"),
    path("recommendations/", recommendations.recommendation_list, name="recommendation_list"),
    path(
        "recommendations/outcomes.xlsx",
        recommendations.outcome_export,
        name="outcome_export",
    ),
    path(
        "recommendations/<id:pk>/",
        recommendations.recommendation_detail,
        name="recommendation_detail",
    ),
    path(
        "recommendations/<id:pk>/do/<slug:action>/",
        recommendations.recommendation_move,
        name="recommendation_move",
    ),
    path(
        "recommendations/<id:pk>/invite/",
        recommendations.recommendation_invite,
        name="recommendation_invite",
    ),
    path(
        "recommendations/<id:pk>/outcomes/",
        recommendations.outcome_create,
        name="outcome_create",
    ),
    path(
        "organizations/<id:pk>/recommendations/received/",
        recommendations.recommendations_received,
        name="recommendations_received",
    ),
    path(
        "organizations/<id:pk>/recommendations/",
        recommendations.recommendations_of_firm,
        name="recommendations_of_firm",
    ),
]
