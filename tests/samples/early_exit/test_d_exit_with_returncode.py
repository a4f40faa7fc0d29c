import pytest


def test_pytest_exit_with_a_returncode():
    pytest.exit("custom exit status", returncode=7)
