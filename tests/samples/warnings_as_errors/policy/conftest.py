import asyncio

import pytest


@pytest.fixture(scope="session")
def event_loop_policy():
    # Deprecated in pytest-asyncio 1.5: its warning is an error here, so every test that sets the
    # fixture up (or finds its cached error) errors.
    return asyncio.DefaultEventLoopPolicy()
