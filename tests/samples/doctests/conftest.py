"""Doctests are collected from conftest.py too.

>>> answer
42
"""
import pytest


@pytest.fixture(autouse=True)
def add_answer(doctest_namespace):
    doctest_namespace["answer"] = 42


def pytest_collection_modifyitems(items):
    # Plugins tell doctests apart by their class, and read the DocTest they run.
    for item in items:
        if isinstance(item, pytest.DoctestItem):
            assert item.dtest.name == item.name, (item.dtest.name, item.name)
            assert not isinstance(item, pytest.Class)
