import pytest


def test_before_pytest_exit():
    pass


def test_pytest_exit_stops_the_session():
    pytest.exit("stopping early")


def test_never_reached_after_pytest_exit():
    pass
