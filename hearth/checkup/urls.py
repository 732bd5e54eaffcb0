from django.urls import path

from hearth.checkup import views

urlpatterns = [
    path("checkup/", views.checkup, name="checkup"),
    path("checkup/start/", views.start, name="checkup_start"),
    path("checkup/<int:pk>/", views.answer, name="checkup_answer"),
    path("checkup/<int:pk>/decide/", views.decide, name="checkup_decide"),
    path("support/counselling/", views.find_counsellor, name="find_counsellor"),
]
