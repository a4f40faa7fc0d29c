"""Plugins named by a test module's own pytest_plugins serve that module's tests, as pytest
registers them before it collects the module (and every file collected after it)."""

import pytest

pytest_plugins = ["helper_plugin", "pytester"]


def test_fixture_of_a_declared_plugin(greeting: str) -> None:
    assert greeting == "hello"


def test_testdir_of_the_bundled_plugin(testdir) -> None:
    assert testdir.tmpdir.isdir()


class TestInAClass:
    def test_pytester_of_the_bundled_plugin(self, pytester: pytest.Pytester) -> None:
        assert pytester.path.is_dir()


@pytest.mark.asyncio
async def test_async_test_sees_it_too(greeting: str) -> None:
    assert greeting == "hello"
