"""A plugin's pytest_fixture_setup making a fixture's value (pytest-trio's way with a trio test's fixtures)."""

import pytest

EVENTS = []


def by_hook(func):
    func._by_hook = True
    return pytest.fixture(func)


@pytest.fixture
def plain():
    return "plain"


@by_hook
def handled(plain):
    EVENTS.append("handled ran")
    yield "from the fixture"
    EVENTS.append("handled torn down")


@pytest.mark.hooked
def test_the_hook_makes_the_value(handled):
    assert type(handled).__name__ == "Handle"
    assert handled.name == "handled"
    assert handled.kwargs == {"plain": "plain"}


def test_without_the_mark_the_fixture_runs(handled):
    assert handled == "from the fixture"


def test_the_fixture_ran_only_without_the_mark():
    assert EVENTS == ["handled ran", "handled torn down"]
