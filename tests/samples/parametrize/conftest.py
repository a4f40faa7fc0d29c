import pytest


@pytest.fixture
def doubled(request):
    return request.param * 2


@pytest.fixture(params=["low", "high"])
def level(request):
    return request.param


@pytest.fixture(params=[1, 2], ids=["one", "two"])
def count(request):
    return request.param
