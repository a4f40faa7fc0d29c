"""A class-scoped fixture written as an instance method (pytest 9 warns about it) runs on the instance
its class was collected with, which no test runs on: what it sets on ``self`` is not seen by the tests,
what it sets on ``request.cls`` is. A function-scoped fixture method runs on the test's own instance."""

import unittest

import pytest


class TestPlainClass:
    @pytest.fixture(scope="class", autouse=True)
    def class_setup(self, request):
        request.cls.on_class = "class"
        self.on_instance = "instance"

    @pytest.fixture(autouse=True)
    def per_test(self):
        self.per_test_value = "test"

    def test_does_not_see_the_collection_instance(self):
        assert not hasattr(self, "on_instance")
        assert self.per_test_value == "test"

    def test_sees_the_class_attribute(self):
        assert self.on_class == "class"


class TestCaseClass(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    def class_setup(self, request):
        request.cls.on_class = "class"
        self.on_instance = "instance"

    def test_does_not_see_the_collection_instance(self):
        assert not hasattr(self, "on_instance")

    def test_sees_the_class_attribute(self):
        assert self.on_class == "class"
