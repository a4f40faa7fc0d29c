"""A plugin with pytest_assertion_pass (pytest-golden has one): pytest calls it only under
enable_assertion_pass_hook = true, which this project leaves off, so nothing is lost without it."""

import pytest

calls = []


def pytest_assertion_pass(item, lineno, orig, expl):
    calls.append((item.name, orig))


@pytest.fixture
def assertion_pass_calls():
    return calls
