"""Reporting event-loop callbacks that block the loop too long, against the test that ran them.

In debug mode asyncio logs "Executing <Handle ...> took 0.2 seconds" on the ``asyncio`` logger for
every callback slower than ``loop.slow_callback_duration``. A handler on that logger turns those
records into warnings attached to the running test, so a loop-blocking call is named where it happens.
"""

from __future__ import annotations

import logging


class SlowCallbackCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith("Executing ") and " took " in message:
            self.messages.append(f"the event loop was blocked: {message}")

    def drain(self) -> list[str]:
        messages, self.messages = self.messages, []
        return messages


def install() -> SlowCallbackCollector:
    collector = SlowCallbackCollector()
    logging.getLogger("asyncio").addHandler(collector)
    return collector


def uninstall(collector: SlowCallbackCollector) -> None:
    logging.getLogger("asyncio").removeHandler(collector)
