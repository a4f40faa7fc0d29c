import pytest
from eventlog import record

@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    record(f"new-style start {item.name}")
    try:
        return (yield)
    finally:
        record(f"new-style end {item.name}")
