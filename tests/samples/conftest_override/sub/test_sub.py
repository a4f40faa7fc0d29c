import pytest


def test_sub_conftest_replaces_root_fixture(greeting):
    assert greeting == "hi"


def test_override_can_request_the_fixture_it_overrides(layers):
    assert layers == ["root", "sub"]


def test_root_fixture_still_visible_below(root_only, sub_only):
    assert (root_only, sub_only) == ("root", "sub")


@pytest.mark.asyncio
async def test_async_fixture_builds_on_overridden_fixture(async_layers):
    assert async_layers == ["root", "sub", "async"]


class TestClassOverride:
    @pytest.fixture
    def layers(self, layers):
        return [*layers, "class"]

    def test_class_fixture_extends_sub_conftest_fixture(self, layers):
        assert layers == ["root", "sub", "class"]

    @pytest.mark.asyncio
    async def test_dependent_fixture_sees_class_override(self, async_layers):
        assert async_layers == ["root", "sub", "class", "async"]


def test_class_override_does_not_leak_to_module(layers):
    assert layers == ["root", "sub"]
