import signal
import time
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from hearth.worker.jobs import run_due_jobs


class Command(BaseCommand):
    help = "Run Hearth's background jobs until stopped (or, with --once, what is due now)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="process what is due, then exit")
        parser.add_argument("--interval", type=float, default=5.0, help="seconds between passes")

    def handle(self, *args: Any, once: bool, interval: float, **options: Any) -> None:
        self.stopping = False
        signal.signal(signal.SIGTERM, self.on_stop)
        signal.signal(signal.SIGINT, self.on_stop)
        while True:
            for name in run_due_jobs():
                self.stdout.write(f"ran {name}")
            if once or self.stopping:
                break
            # Drop a connection that broke or grew old while we slept.
            close_old_connections()
            # Sleep in short steps so a stop request is answered quickly.
            deadline = time.monotonic() + interval
            while not self.stopping and time.monotonic() < deadline:
                time.sleep(0.2)
            if self.stopping:
                break

    def on_stop(self, signum: int, frame: FrameType | None) -> None:
        self.stopping = True
