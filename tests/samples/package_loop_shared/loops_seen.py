"""Which loop each test ran on, kept across modules (a plain module: imported once per run)."""

import asyncio

LOOPS: dict[str, asyncio.AbstractEventLoop] = {}
EVENTS: list[str] = []
