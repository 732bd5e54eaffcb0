from django.urls import path

from hearth.appreciation.views import emails_off, prefs

urlpatterns = [
    path("appreciation/settings/", prefs.settings_page, name="appreciation_settings"),
    path(
        "appreciation/off/notes/<str:token>/", emails_off.note_emails_off, name="appreciation_note_emails_off"
    ),
    path("appreciation/off/nudge/<str:token>/", emails_off.nudge_off, name="appreciation_nudge_off"),
]
