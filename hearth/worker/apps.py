from django.apps import AppConfig


class WorkerConfig(AppConfig):
    name = "hearth.worker"
