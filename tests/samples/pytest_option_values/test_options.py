import pytest


@pytest.mark.slow
def test_header_left_as_pytest_leaves_it(pytestconfig):
    # The test a conftest would skip or change when --no-header is on.
    assert pytestconfig.getoption("no_header") in (False, True)
