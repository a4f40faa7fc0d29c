"""What ``item.fixturenames`` and ``request.fixturenames`` list, as pytest lists them: directly
parametrized arguments in their places (and their values in ``funcargs``), and on the request also
what ``getfixturevalue`` got beyond the test's own fixtures, with that fixture's own."""

import pytest


# pytest-asyncio's event_loop_policy is every test's fixture: left out of the lists compared here.
def listed(names):
    return [name for name in names if name != "event_loop_policy"]


@pytest.fixture(autouse=True)
def auto():
    return "auto"


@pytest.fixture
def extra():
    return 1


@pytest.fixture
def dep(y):
    return y * 10


@pytest.fixture
def asks(request):
    request.getfixturevalue("extra")
    return list(request.fixturenames)


@pytest.mark.parametrize(("x", "y"), [(1, 2)])
def test_direct_arguments_are_listed(request, x, dep):
    assert listed(request.node.fixturenames) == ["auto", "request", "x", "dep", "y"]
    assert request.fixturenames == request.node.fixturenames
    assert request.node.funcargs["x"] == 1 and request.node.funcargs["y"] == 2


@pytest.mark.parametrize("dep", [5])
def test_a_parameter_overriding_a_fixture_is_listed_once(dep, request):
    assert listed(request.node.fixturenames) == ["auto", "dep", "request"]


def test_getfixturevalue_adds_to_the_requests_list(request, asks):
    assert "extra" in asks and "extra" in request.fixturenames
    assert "extra" not in request.node.fixturenames
    request.getfixturevalue("tmp_path")
    assert {"tmp_path", "tmp_path_factory"} <= set(request.fixturenames)
    assert "tmp_path" not in request.node.fixturenames
