"""Hook options declared the way pytest did before ``pytest.hookimpl``, as pytest-tornasync still
does: a ``tryfirst`` mark and a ``trylast`` attribute. pytest 9 honours both and warns (a
PytestRemovedIn10Warning at each hook). events.log shows the order the hooks ran in."""

import pytest
from eventlog import record

pytest_plugins = ["later_plugin"]


@pytest.mark.tryfirst
def pytest_pyfunc_call(pyfuncitem):
    # Asked before the later plugin's, which would answer for the test without calling it.
    record(f"conftest calls {pyfuncitem.name}")
    pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames})
    return True


def pytest_runtest_teardown(item):
    record(f"conftest teardown {item.name}")


pytest_runtest_teardown.trylast = True
