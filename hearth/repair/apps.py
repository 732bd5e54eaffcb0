from django.apps import AppConfig


class RepairConfig(AppConfig):
    name = "hearth.repair"

    def ready(self) -> None:
        from hearth.repair import plugin

        plugin.register()
