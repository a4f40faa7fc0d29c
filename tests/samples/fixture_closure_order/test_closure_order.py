"""Fixture params are applied in depth-first closure order, which the ids show."""

import pytest


@pytest.fixture(params=["fast", "safe"])
def mode(request):
    return request.param


# cache needs backend: the walk is cache, backend, mode, so ids read [backend-mode].
async def test_dependency_before_later_argument(cache, mode):
    assert mode != "safe" or cache != "cache on disk"


# An override asking for its own name: the outer definition's dependency (outer_flavour) is walked
# where the override requests it, before the override's next argument (mode).
@pytest.fixture
def flavour(outer_flavour):
    return outer_flavour


class TestOverride:
    @pytest.fixture
    def flavour(self, flavour, mode):
        return f"{flavour}/{mode}"

    def test_override_chain(self, flavour):
        assert flavour != "b/fast"


# A directly parametrized argument: the fixture it shadows is not walked, its params not applied.
@pytest.mark.parametrize("backend", ["direct"])
def test_direct_argument_first(backend, mode):
    assert backend == "direct"
