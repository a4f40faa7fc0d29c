from eventlog import record


def pytest_collection_finish(session):
    record("collection finished")


def pytest_runtest_setup(item):
    record("conftest pytest_runtest_setup")


def pytest_runtest_call(item):
    record("conftest pytest_runtest_call")


def pytest_runtest_teardown(item, nextitem):
    record("conftest pytest_runtest_teardown")


def pytest_sessionfinish(session):
    record("session finish")
