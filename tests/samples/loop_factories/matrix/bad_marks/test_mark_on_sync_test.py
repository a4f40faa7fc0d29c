import pytest


@pytest.mark.asyncio(loop_factories=[])
def test_sync_test_mark_is_not_checked():
    pass
