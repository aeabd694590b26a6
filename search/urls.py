from django.urls import path

from . import views

app_name = "search"
urlpatterns = [
    path("", views.search, name="search"),
    path("saved/", views.saved_search_list, name="saved_search_list"),
    path("saved/new/", views.saved_search_create, name="saved_search_create"),
    path("saved/<id:pk>/", views.saved_search_open, name="saved_search_open"),
    path("saved/<id:pk>/rename/", views.saved_search_rename, name="saved_search_rename"),
    path("saved/<id:pk>/pause/", views.saved_search_pause, name="saved_search_pause"),
    path("saved/<id:pk>/resume/", views.saved_search_resume, name="saved_search_resume"),
    path("saved/<id:pk>/delete/", views.saved_search_delete, name="saved_search_delete"),
]
