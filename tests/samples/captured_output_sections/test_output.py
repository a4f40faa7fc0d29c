"""Captured output that ends in blank lines, or is blank: pytest drops one final line break only."""

import sys

import pytest


@pytest.fixture
def noisy():
    print("setting up\n\n")
    yield
    print("tearing down\n\n\n")


@pytest.fixture
def noisy_teardown():
    yield
    print("tearing down only")


def test_blank_lines_after_the_output(noisy):
    print("printed\n\n")
    assert False


def test_a_bare_print():
    print()
    assert False


def test_passes_with_blank_output(noisy):
    print("passing\n\n")
    sys.stderr.write("  \n")


def test_passes_printing_in_teardown_only(noisy_teardown):
    pass
