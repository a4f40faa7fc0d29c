import pytest


def pytest_generate_tests(metafunc):
    # A hook that skips the tests it cannot parametrize: pytest skips the collector it was called
    # for, the class around such a test (the rest of the module runs) or, outside a class, the module.
    if "database" in metafunc.fixturenames:
        pytest.skip("no database")


@pytest.fixture
def database():
    return "db"
