"""Several teardown errors at once: pytest raises one ExceptionGroup per node that had more than one
("errors while tearing down <Function test_x>"), and one over several nodes ("errors during test
teardown"), each listing the errors last raised first.
events.log records each failed teardown's exception: the group's message and what it holds."""

from pathlib import Path

import pytest

EVENTS = Path(__file__).parent / "events.log"


def _log(line: str) -> None:
    with EVENTS.open("a") as events:
        events.write(line + "\n")


def _describe(exc: BaseException) -> str:
    if not isinstance(exc, BaseExceptionGroup):
        return type(exc).__name__
    inner = ", ".join(_describe(e) for e in exc.exceptions)
    return f"{type(exc).__name__}({exc.message!r})[{inner}]"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if call.when == "teardown" and call.excinfo is not None:
        _log(f"{item.name} raised {_describe(call.excinfo.value)}")
    return report


@pytest.fixture(scope="session")
def session_a():
    yield
    raise RuntimeError("session a")


@pytest.fixture(scope="session")
def session_b():
    yield
    raise LookupError("session b")
