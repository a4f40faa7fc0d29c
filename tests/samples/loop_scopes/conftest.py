import pytest


@pytest.fixture(scope="session")
def loops_seen():
    """Loops recorded by tests in different modules, to compare them across modules."""
    return {}
