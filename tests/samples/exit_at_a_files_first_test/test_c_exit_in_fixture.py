import pytest


@pytest.fixture
def stops():
    pytest.exit("stopped in a fixture")


def test_exit_in_set_up(stops):
    pass
