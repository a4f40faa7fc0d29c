async def test_unmarked_async_test_fails_in_strict_mode():
    pass


def test_sync():
    pass
