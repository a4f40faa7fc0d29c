"""A plain (not wrapper) ``pytest_pyfunc_call``, as suites and plugins (pytest-tornasync) write it to
run async tests without pytest-asyncio: the first implementation answering True makes the call, and
pytest's own call, which fails an unmarked async test, is not made. events.log records what each
call saw."""

import asyncio
import inspect
from pathlib import Path

import pytest

pytest_plugins = ["later_plugin"]

EVENTS = Path(__file__).parent / "events.log"


def log(line):
    with EVENTS.open("a") as events:
        events.write(line + "\n")


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    testfunction = pyfuncitem.obj
    argnames = pyfuncitem._fixtureinfo.argnames
    testargs = {name: pyfuncitem.funcargs[name] for name in argnames}
    log(f"{pyfuncitem.name} coroutine={inspect.iscoroutinefunction(testfunction)} args={sorted(testargs)}")
    if pyfuncitem.get_closest_marker("claimed"):
        return True
    if inspect.iscoroutinefunction(testfunction):
        asyncio.run(testfunction(**testargs))
        return True
    return None
