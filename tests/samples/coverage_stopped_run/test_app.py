import pytest

from app import double


def test_first():
    assert double(2) == 4


def test_fails():
    assert double(2) == 5


def test_exits():
    # Coverage stays under --cov-fail-under=100 (never_called is missed), but pytest-cov never checks:
    # the loop did not return, so the exit status is the one asked for here.
    pytest.exit("enough", returncode=0)


def test_last():
    assert double(3) == 6
