"""Doctests are collected from conftest.py too.

>>> answer
42
"""
import pytest


@pytest.fixture(autouse=True)
def add_answer(doctest_namespace):
    doctest_namespace["answer"] = 42
