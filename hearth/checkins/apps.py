from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "hearth.checkins"
    verbose_name = "check-ins"

    def ready(self) -> None:
        from hearth.checkins import plugin

        plugin.register()
