from django.urls import path

from hearth.checkins.views import checkin, history, reminders, schedule

urlpatterns = [
    path("checkins/", checkin.this_week, name="checkin_this_week"),
    path("checkins/start/", checkin.start, name="checkin_start"),
    path("checkins/<int:pk>/", checkin.checkin, name="checkin"),
    path("checkins/<int:pk>/draft/", checkin.autosave, name="checkin_autosave"),
    path("checkins/<int:pk>/reflect/", checkin.reflect, name="checkin_reflect"),
    path("checkins/history/", history.history, name="checkin_history"),
    path("checkins/schedule/", schedule.schedule, name="checkin_schedule"),
    path("reminders/off/<str:token>/", reminders.reminders_off, name="reminders_off"),
]
