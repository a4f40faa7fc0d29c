import pytest
from conftest import Lazy


@pytest.fixture(params=[Lazy("one"), Lazy("async_eleven")])
def from_fixture_params(request):
    return request.param


@pytest.fixture
def doubled(request):
    return request.param * 2


@pytest.mark.parametrize("value", [Lazy("one"), Lazy("async_eleven"), 3])
def test_direct_parameter(value):
    assert value in (1, 11, 3)


@pytest.mark.parametrize("value", [Lazy("async_eleven")])
async def test_async_test_with_direct_parameter(value):
    assert value == 11


def test_fixture_params(from_fixture_params):
    assert from_fixture_params in (1, 11)


@pytest.mark.parametrize("doubled", [Lazy("one")], indirect=True)
def test_indirect_parameter(doubled):
    assert doubled == 2


@pytest.mark.parametrize("value", [Lazy("one")])
def test_rewritten_value_is_checked(value):
    assert value == 2


@pytest.mark.parametrize("value", [Lazy("no_such_fixture")])
def test_unknown_fixture(value):
    pass
