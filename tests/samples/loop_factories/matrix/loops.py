"""Two event loop types that number their instances, so events.log shows which loop ran what."""

import asyncio


class CountedLoop(asyncio.SelectorEventLoop):
    letter = "?"
    made = 0

    def __init__(self):
        super().__init__()
        type(self).made += 1
        self.tag = f"{self.letter}{type(self).made}"


class LoopA(CountedLoop):
    letter = "a"


class LoopB(CountedLoop):
    letter = "b"


class LoopC(CountedLoop):
    letter = "c"


def running():
    """The tag of the running loop ("default" for a loop no factory made)."""
    return getattr(asyncio.get_running_loop(), "tag", "default")
