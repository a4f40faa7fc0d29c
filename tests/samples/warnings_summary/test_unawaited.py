import asyncio


def test_coroutine_never_awaited():
    # The coroutine is freed unawaited on this line: Python's warning names it as its source object,
    # so pytest adds its hint about tracemalloc under the warning's source line.
    asyncio.sleep(0)
