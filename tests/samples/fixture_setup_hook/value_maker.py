"""A plugin whose pytest_fixture_setup makes some fixtures' values, as pytest-trio does for trio tests."""


class Handle:
    """What pytest-trio makes of a trio test's fixture: an object its own runner sets up later."""

    def __init__(self, name, kwargs):
        self.name = name
        self.kwargs = kwargs


def pytest_fixture_setup(fixturedef, request):
    # pytest-trio's way: the fixture's arguments through getfixturevalue, the value stored in
    # cached_result and returned; the fixture function itself never runs (nor its teardown).
    if getattr(fixturedef.func, "_by_hook", False) and request.node.get_closest_marker("hooked"):
        kwargs = {name: request.getfixturevalue(name) for name in fixturedef.argnames}
        value = Handle(fixturedef.argname, kwargs)
        fixturedef.cached_result = (value, request.param_index, None)
        return value
    return None
