from django.apps import AppConfig


class RepairConfig(AppConfig):
    name = "hearth.repair"
