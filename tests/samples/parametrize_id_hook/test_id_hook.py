"""Ids from the conftest's pytest_make_parametrize_id, and where explicit ids and ids= callables win."""

import pytest
from conftest import Point


@pytest.mark.parametrize("p", [Point(1), Point(2), 3, "é"])
def test_hook_names_its_values_and_leaves_others(p):
    assert p is not None


@pytest.mark.parametrize("d", [{"a": 1}, {}], ids=["given", None])
def test_explicit_id_wins_and_none_falls_back_to_the_hook(d):
    assert isinstance(d, dict)


@pytest.mark.parametrize("p", [Point(5), Point(6)], ids=lambda v: "fn" if v.x == 5 else None)
def test_ids_callable_first_then_the_hook(p):
    assert p.x in (5, 6)


@pytest.fixture(params=[Point(7), {"k": 1}])
def fx(request):
    return request.param


def test_fixture_params_get_hook_ids(fx):
    assert fx is not None


@pytest.mark.parametrize("p", [Point(1), Point(1)])
def test_duplicate_hook_ids_are_disambiguated(p):
    assert p.x == 1


@pytest.mark.asyncio
@pytest.mark.parametrize("p", [Point(8)])
async def test_async_test_gets_hook_ids(p):
    assert p.x == 8
