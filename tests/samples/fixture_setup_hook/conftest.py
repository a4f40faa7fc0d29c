"""A pytest_fixture_setup hook rewriting request.param, as pytest-lazy-fixtures' ``lf("name")`` does."""

import pytest

pytest_plugins = ["value_maker"]


class Lazy:
    """Stands for the value of the fixture it names."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Lazy({self.name})"


@pytest.hookimpl(tryfirst=True)
def pytest_fixture_setup(fixturedef, request):
    value = getattr(request, "param", None)
    if isinstance(value, Lazy):
        request.param = request.getfixturevalue(value.name)


def pytest_make_parametrize_id(config, val, argname):
    if isinstance(val, Lazy):
        return val.name
    return None


@pytest.fixture
def one():
    return 1


@pytest.fixture
async def async_eleven():
    return 11


def pytest_sessionfinish(session, exitstatus):
    # syrupy's way of folding its own status into the run's: read and written back.
    session.exitstatus |= exitstatus

