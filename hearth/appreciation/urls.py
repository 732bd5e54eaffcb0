from django.urls import path

from hearth.appreciation.views import emails_off, notes, prefs, today

urlpatterns = [
    path("jar/", notes.jar, name="appreciation_jar"),
    path("notes/new/", notes.write, name="appreciation_write"),
    path("notes/<int:pk>/edit/", notes.write, name="appreciation_edit"),
    path("notes/written/", notes.written, name="appreciation_written"),
    path("notes/<int:pk>/reply/", notes.reply, name="appreciation_reply"),
    path("today/", today.today, name="appreciation_today"),
    path("today/gesture/", today.gesture, name="appreciation_gesture"),
    path("appreciation/settings/", prefs.settings_page, name="appreciation_settings"),
    path(
        "appreciation/off/notes/<str:token>/", emails_off.note_emails_off, name="appreciation_note_emails_off"
    ),
    path("appreciation/off/nudge/<str:token>/", emails_off.nudge_off, name="appreciation_nudge_off"),
]
