import asyncio

import pytest


class Helpers:
    """No Test prefix: not collected itself, but its tests are inherited by test classes."""

    def test_inherited_from_plain_base(self):
        assert self.kind in ("base", "child")


class TestBase(Helpers):
    kind = "base"

    @pytest.fixture
    def prefix(self):
        return self.kind + ":"

    @pytest.fixture(autouse=True)
    def _autouse_in_base(self):
        self.autoused = True

    def test_autouse_fixture_from_class_ran(self):
        assert self.autoused

    def test_uses_class_attribute(self):
        assert self.kind in ("base", "child")

    def test_fixture_defined_in_class(self, prefix):
        assert prefix == self.kind + ":"

    @pytest.mark.asyncio
    async def test_async_method(self):
        await asyncio.sleep(0)
        assert self.kind in ("base", "child")

    def test_overridden_in_child(self):
        assert self.kind == "base"


class TestChild(TestBase):
    kind = "child"

    def test_overridden_in_child(self):
        assert self.kind == "child"

    def test_only_in_child(self, prefix):
        assert prefix == "child:"


class TestFreshInstancePerTest:
    def test_first_sets_attribute(self):
        self.value = 1

    def test_second_does_not_see_it(self):
        assert not hasattr(self, "value")


class TestWithInit:
    def __init__(self):
        self.ready = True

    def test_never_collected(self):
        raise AssertionError("classes with __init__ are not collected")


class TestNotCollectedByFlag:
    __test__ = False

    def test_hidden(self):
        raise AssertionError("__test__ = False hides the class")


class TestOuter:
    def test_outer(self):
        pass

    class TestInner:
        def test_nested_class_is_collected(self):
            pass


class TestStaticAndClassMethods:
    @staticmethod
    def test_staticmethod_is_collected():
        pass

    @classmethod
    def test_classmethod_is_collected(cls):
        pass


class TestXunitMethods:
    events = []

    @classmethod
    def setup_class(cls):
        cls.events.append("setup_class")

    def setup_method(self, method):
        self.events.append("setup_method " + method.__name__)

    def teardown_method(self, method):
        self.events.append("teardown_method " + method.__name__)

    def test_first(self):
        assert self.events == ["setup_class", "setup_method test_first"]

    def test_second(self):
        assert self.events[2:] == ["teardown_method test_first", "setup_method test_second"]


class TestFailingMethod:
    def test_failure_inside_class(self):
        assert {"a": 1} == {"a": 2}


def test_module_level_function():
    pass
