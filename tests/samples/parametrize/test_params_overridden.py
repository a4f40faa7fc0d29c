import pytest


@pytest.fixture(params=["sync", "async"])
def flavour(request):
    return request.param


@pytest.fixture(params=[1, 2])
def size(request):
    return request.param


# A parametrize mark naming a fixture that has params of its own replaces those params, also when
# the values go through the fixture (indirect): one test here, not a duplicate parametrization.
@pytest.mark.parametrize("flavour", ["async"], indirect=True, ids=["only-async"])
def test_indirect_mark_replaces_fixture_params(flavour):
    assert flavour == "async"


@pytest.mark.parametrize("flavour", ["sync"], indirect=["flavour"])
def test_indirect_mark_next_to_other_fixture_params(flavour, size):
    assert flavour == "sync"
