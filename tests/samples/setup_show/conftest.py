import pytest


@pytest.fixture(scope="session")
def database():
    yield "db"


@pytest.fixture(autouse=True)
def clean():
    yield
