from django.urls import path

from hearth.checkins.views import reminders

urlpatterns = [
    path("reminders/off/<str:token>/", reminders.reminders_off, name="reminders_off"),
]
