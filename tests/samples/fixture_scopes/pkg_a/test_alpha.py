import pytest
from eventlog import record

pytestmark = pytest.mark.usefixtures(
    "session_sync", "session_gen", "session_async", "session_agen",
    "package_sync", "package_gen", "package_async", "package_agen",
    "module_sync", "module_gen", "module_async", "module_agen",
    "class_sync", "class_gen", "class_async", "class_agen",
    "root_package_gen",
)


class TestFirstClass:
    def test_one(self, function_gen, function_agen):
        record("run test_one")

    @pytest.mark.asyncio
    async def test_two(self, function_sync, function_async):
        record("run test_two")


class TestSecondClass:
    def test_three(self):
        record("run test_three")


def test_module_level_function_gets_its_own_class_scope():
    record("run test_module_level_function_gets_its_own_class_scope")
