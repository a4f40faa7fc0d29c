import pytest
from eventlog import record


def pytest_runtestloop(session):
    # As python-telegram-bot's conftest: a warning filter for every test, as a mark on the session.
    session.add_marker(pytest.mark.filterwarnings("ignore::UserWarning"))
    record(f"root runtestloop items={len(session.items)} collected={session.testscollected}")
