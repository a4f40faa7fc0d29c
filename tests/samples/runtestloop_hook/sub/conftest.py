from eventlog import record


def pytest_runtestloop(session):
    # Registered after the root conftest: called first, as pluggy calls the later plugin first.
    record(f"sub runtestloop marks={[mark.name for mark in session.iter_markers()]}")
