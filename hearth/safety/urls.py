from django.urls import path

from hearth.safety.views import get_help

urlpatterns = [
    path("help/", get_help.get_help, name="get_help"),
]
