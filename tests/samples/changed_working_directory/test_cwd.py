"""A failure's frames are placed relative to the working directory while it is the one the run
started in, and absolute once a test moved it (pytest's report is made before teardown moves it back)."""

import os
import unittest

import pytest

from helpers import check


@pytest.fixture
def moved(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)


def test_fails_where_it_started():
    check(1)


def test_fails_after_monkeypatch_chdir(moved):
    check(1)


@pytest.mark.asyncio
async def test_async_fails_after_chdir(moved):
    check(1)


def test_passes_after_chdir(moved):
    pass


class TestInAnotherDirectory(unittest.TestCase):
    # As asyncssh's TempDirTestCase: the class set-up moves into a directory its tear-down leaves.
    @classmethod
    def setUpClass(cls):
        cls.previous = os.getcwd()
        os.chdir(os.path.dirname(cls.previous))

    @classmethod
    def tearDownClass(cls):
        os.chdir(cls.previous)

    def test_fails_in_the_class_directory(self):
        check(1)


def test_fails_back_where_it_started():
    check(3)
