import pytest


class TestThing:
    # fixture applied over staticmethod (the decorator sees a staticmethod object)
    @pytest.fixture(name="value", params=(1, 2))
    @staticmethod
    def _value(request):
        return request.param

    # staticmethod applied over fixture
    @staticmethod
    @pytest.fixture
    def other(value):
        return value * 10

    @pytest.fixture
    @staticmethod
    async def avalue(value):
        return value + 100

    @pytest.fixture
    @classmethod
    def cls_value(cls):
        return cls.__name__

    def test_param(self, value):
        assert value in (1, 2)

    def test_other(self, other):
        assert other in (10, 20)

    @pytest.mark.asyncio
    async def test_async(self, avalue):
        assert avalue in (101, 102)

    def test_cls(self, cls_value):
        assert cls_value == "TestThing"
