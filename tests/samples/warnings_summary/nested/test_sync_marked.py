import pytest


# pytest-asyncio warns at the test's definition, its file named relative to the rootdir.
@pytest.mark.asyncio
def test_sync_but_marked():
    pass
