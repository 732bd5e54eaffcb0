from django.urls import path

from hearth.coaching import views

urlpatterns = [
    path("coach/", views.coach_view, name="coach"),
]
