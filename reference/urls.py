from django.urls import path

from . import views

app_name = "reference"
urlpatterns = [
    path("industries/classes/", views.industry_class_options, name="industry_class_options"),
]
