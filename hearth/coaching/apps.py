from django.apps import AppConfig


class CoachingConfig(AppConfig):
    name = "hearth.coaching"
    verbose_name = "Tone coach in the product"

    def ready(self) -> None:
        from hearth.coaching import plugin

        plugin.register()
