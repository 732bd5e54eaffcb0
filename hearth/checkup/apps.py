from django.apps import AppConfig


class CheckupConfig(AppConfig):
    name = "hearth.checkup"
    verbose_name = "check-up"

    def ready(self) -> None:
        from hearth.checkup import plugin

        plugin.register()
