"""Fixture methods of a unittest.TestCase are bound to the instance that runs the test, as pytest
makes the TestCase before setting up its fixtures: what an autouse fixture sets on ``self`` is there
in ``setUp`` and in the test."""

import unittest

import pytest


@pytest.fixture
def module_value():
    return 7


class TestAutouseSetsAttribute(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def inject(self, tmp_path, module_value):
        self.tmp = tmp_path
        self.value = module_value

    def setUp(self):
        self.seen_in_setup = self.value

    def test_sees_the_fixture(self):
        assert self.tmp.is_dir()
        assert self.value == 7
        assert self.seen_in_setup == 7


class TestRequestInstance(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def remember(self, request):
        self.request_instance = request.instance

    def test_request_instance_is_the_test_case(self):
        assert self.request_instance is self
        assert self._testMethodName == "test_request_instance_is_the_test_case"


class TestUsesClassFixture(unittest.TestCase):
    @pytest.fixture
    def helper(self):
        return "helped"

    @pytest.fixture(autouse=True)
    def inject(self, helper):
        self.helper = helper

    def test_one(self):
        assert self.helper == "helped"

    def test_two_gets_a_fresh_instance(self):
        assert not hasattr(self, "leftover")
        self.leftover = True


class TestIsolatedAsync(unittest.IsolatedAsyncioTestCase):
    @pytest.fixture(autouse=True)
    def inject(self, module_value):
        self.value = module_value

    async def asyncSetUp(self):
        self.doubled = self.value * 2

    async def test_async_sees_the_fixture(self):
        assert self.doubled == 14


class TestFixtureFails(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def broken(self):
        raise RuntimeError("fixture method failed")

    def test_not_run(self):
        pass
