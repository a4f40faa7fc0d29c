import pytest
from eventlog import record

pytestmark = pytest.mark.usefixtures("module_gen", "package_gen", "session_agen", "root_package_gen")


def test_four():
    record("run test_four")


@pytest.mark.asyncio
async def test_five(function_agen):
    record("run test_five")
