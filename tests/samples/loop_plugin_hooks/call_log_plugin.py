"""An old-style pytest_pyfunc_call hookwrapper: sees each call's outcome. Registered after the conftest
that declares it, so it wraps the conftest's wrapper and sees what that raised."""

import pytest

OUTCOMES = []


@pytest.hookimpl(hookwrapper=True)
def pytest_pyfunc_call(pyfuncitem):
    outcome = yield
    OUTCOMES.append((pyfuncitem.name, "raised" if outcome.excinfo is not None else "returned"))
