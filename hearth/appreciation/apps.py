from django.apps import AppConfig


class AppreciationConfig(AppConfig):
    name = "hearth.appreciation"

    def ready(self) -> None:
        from hearth.appreciation import plugin

        plugin.register()
