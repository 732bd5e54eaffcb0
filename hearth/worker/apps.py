from django.apps import AppConfig


class WorkerConfig(AppConfig):
    name = "hearth.worker"

    def ready(self) -> None:
        # The jobs import every feature that queues e-mail, and each registers
        # its kinds with the outbox as it is imported: so in any process (a
        # worker, a shell, a test) the outbox knows every kind it may find.
        from hearth.worker import jobs  # noqa: F401
