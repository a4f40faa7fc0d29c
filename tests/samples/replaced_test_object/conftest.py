import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    # As pytest-trio does: item.obj becomes a runner calling the test, and stays so.
    if item.get_closest_marker("run_by_conftest"):
        test = item.obj

        def run_test(**kwargs):
            return test(**kwargs)

        item.obj = run_test
    yield
