from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "hearth.questions"

    def ready(self) -> None:
        from hearth.questions import plugin

        plugin.register()
