"""What a test sets on ``self`` lives as long as pytest keeps the test's class instance.

pytest makes one instance per test item and keeps it on the item for the whole session (a suite
keyed by ``id()`` of a class made in an earlier test relies on it never being reused). A
``unittest.TestCase`` is dropped at its teardown, as pytest's unittest plugin does.
"""

import gc
import unittest
import weakref

import pytest

_plain: list[weakref.ref[object]] = []
_case: list[weakref.ref[object]] = []
_holder: list[weakref.ref[object]] = []


class Payload:
    pass


class TestPlainClass:
    def test_store(self) -> None:
        self.payload = Payload()
        _plain.append(weakref.ref(self.payload))

    @pytest.mark.asyncio
    async def test_store_async(self) -> None:
        self.payload = Payload()
        _plain.append(weakref.ref(self.payload))


class TestClassFixture:
    @pytest.fixture(scope="class")
    def stored(self) -> None:
        self.payload = Payload()
        _holder.append(weakref.ref(self.payload))

    def test_uses(self, stored: None) -> None:
        pass


class TestCaseStore(unittest.TestCase):
    def test_store(self) -> None:
        self.payload = Payload()
        _case.append(weakref.ref(self.payload))


def test_plain_instances_outlive_their_tests() -> None:
    gc.collect()
    assert len(_plain) == 2
    assert all(ref() is not None for ref in _plain)


def test_unittest_case_is_dropped() -> None:
    gc.collect()
    assert len(_case) == 1
    assert _case[0]() is None


def test_class_fixture_instance_outlives_its_class() -> None:
    gc.collect()
    assert len(_holder) == 1
    assert _holder[0]() is not None
