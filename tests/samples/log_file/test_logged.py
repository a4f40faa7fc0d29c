import asyncio
import logging

import pytest

log = logging.getLogger("svc")
log.warning("imported")


@pytest.fixture
async def connection():
    log.info("connecting")
    yield "conn"
    log.info("disconnecting")


async def test_uses_the_connection(connection):
    await asyncio.sleep(0)
    log.info("querying")
    log.debug("below the file's level")


def test_fails_after_logging():
    log.error("about to fail")
    assert False
