import asyncio
import time

import pytest


def test_outlives_the_ini_timeout():
    time.sleep(0.6)


@pytest.mark.timeout(0.2)
@pytest.mark.asyncio
async def test_outlives_its_mark():
    await asyncio.sleep(0.5)


def test_quick():
    pass
