from django.apps import AppConfig


class CouplesConfig(AppConfig):
    name = "hearth.couples"
