import pytest


@pytest.mark.asyncio
@pytest.mark.unregistered_mark
async def test_marked():
    pass


@pytest.mark.xfail(reason="passes")
def test_xpass():
    pass


def test_strictness_options(request):
    # Each flag is the `-o KEY=true` it stands for: the later of the two wins, and getini sees it.
    strict = request.config.getini("strict")
    assert request.config.getini("strict_config") is False
    assert request.config.getini("strict_markers") is False
    assert request.config.getini("strict_parametrization_ids") is None
    assert request.config.getini("xfail_strict") is request.config.getini("strict_xfail")
    assert request.config.getoption("strict_markers") is True
    assert strict in (True, False)
