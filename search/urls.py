from django.urls import path

from . import views

app_name = "search"
urlpatterns = [
    path("", views.search, name="search"),
    path("saved/", views.saved_search_list, name="saved_search_list"),
    path("saved/new/", views.save_search, name="saved_search_create"),
    path("saved/<id:pk>/", views.open_saved_search, name="saved_search_open"),
    path("saved/<id:pk>/rename/", views.rename_saved_search, name="saved_search_rename"),
    path("saved/<id:pk>/pause/", views.pause_saved_search, name="saved_search_pause"),
    path("saved/<id:pk>/resume/", views.resume_saved_search, name="saved_search_resume"),
    path("saved/<id:pk>/delete/", views.delete_saved_search, name="saved_search_delete"),
]
