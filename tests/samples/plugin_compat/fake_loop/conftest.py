import asyncio
from unittest.mock import Mock


class FakeSelectorLoop(asyncio.BaseEventLoop):
    """A loop driven without real I/O."""

    def __init__(self):
        super().__init__()
        self._selector = Mock()

    def _process_events(self, event_list):
        return

    def _write_to_self(self):
        return


def pytest_asyncio_loop_factories():
    return {"fake": FakeSelectorLoop}
