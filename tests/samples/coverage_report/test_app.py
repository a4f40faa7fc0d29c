import pytest

from app import clamp, fetch


def test_clamps_high_values(limit):
    assert clamp(50) == limit


def test_keeps_values_in_range():
    assert clamp(3) == 3


@pytest.mark.asyncio
async def test_fetch_doubles():
    assert await fetch(4) == 8


@pytest.mark.no_cover
def test_calls_outside_the_measurement():
    # pytest-cov's mark: the call is not measured, so never_called stays missed in the report.
    from app import never_called

    assert never_called() == "missed"


def test_the_cov_fixture(cov, no_cover):
    # The coverage.py object while --cov measures (None otherwise); no_cover unmeasures this call too.
    from app import never_called

    assert never_called() == "missed"
    assert cov is None or hasattr(cov, "get_data")
