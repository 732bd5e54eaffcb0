from django.apps import AppConfig


class CalendarsConfig(AppConfig):
    name = "hearth.calendars"
