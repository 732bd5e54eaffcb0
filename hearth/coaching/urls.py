from django.urls import path

from hearth.coaching.views import coach

urlpatterns = [
    path("coach/", coach.coach_view, name="coach"),
]
