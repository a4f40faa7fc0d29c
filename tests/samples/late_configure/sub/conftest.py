from record import CALLS


def pytest_configure(config):
    CALLS.append("sub conftest")
