"""strict_xfail: an unexpected pass fails, unless the mark says strict=False."""

import pytest


@pytest.mark.xfail(reason="expected to fail")
def test_unexpected_pass():
    pass


@pytest.mark.xfail(strict=False)
def test_unexpected_pass_allowed():
    pass


@pytest.mark.xfail
def test_expected_failure():
    assert False


@pytest.mark.known
@pytest.mark.parametrize("x", [1, 2], ids=["one", "two"])
async def test_unique_ids(x):
    pass
