from django.apps import AppConfig


class ExperiencesConfig(AppConfig):
    name = "hearth.experiences"

    def ready(self) -> None:
        from hearth.experiences import plugin

        plugin.register()
