import signal
import time
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from hearth.worker import shutdown
from hearth.worker.jobs import run_due_jobs


class Command(BaseCommand):
    help = "Run Hearth's background jobs until stopped (or, with --once, what is due now)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="process what is due, then exit")
        parser.add_argument("--interval", type=float, default=5.0, help="seconds between passes")

    def handle(self, *args: Any, once: bool, interval: float, **options: Any) -> None:
        # SIGTERM finishes the row in hand (the jobs look between rows), then exits.
        shutdown.clear()
        previous = {sig: signal.signal(sig, self.on_stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            self.run(once, interval)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            shutdown.clear()

    def run(self, once: bool, interval: float) -> None:
        while True:
            for name, count in run_due_jobs().items():
                self.stdout.write(f"ran {name} ({count} rows)")
            if once or shutdown.requested():
                break
            # Drop a connection that broke or grew old while we slept.
            close_old_connections()
            # Sleep in short steps so a stop request is answered quickly.
            deadline = time.monotonic() + interval
            while not shutdown.requested() and time.monotonic() < deadline:
                time.sleep(0.2)
            if shutdown.requested():
                break

    def on_stop(self, signum: int, frame: FrameType | None) -> None:
        shutdown.request()
