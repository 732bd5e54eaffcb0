from django.apps import AppConfig


class LaneConfig(AppConfig):
    name = "hearth.lane"
    verbose_name = "memory lane"

    def ready(self) -> None:
        from hearth.lane import plugin

        plugin.register()
