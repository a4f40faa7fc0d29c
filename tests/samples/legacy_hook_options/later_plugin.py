"""Registered after the conftest, so asked first unless the conftest's hooks say otherwise."""

from eventlog import record


def pytest_pyfunc_call(pyfuncitem):
    record(f"later plugin answers for {pyfuncitem.name}")
    return True


def pytest_runtest_teardown(item):
    record(f"later plugin teardown {item.name}")
