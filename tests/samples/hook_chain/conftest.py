import pytest


def pytest_generate_tests(metafunc):
    # A root conftest's parametrization: pytest runs it after fixture params and before marks.
    if "c" in metafunc.fixturenames:
        metafunc.parametrize("c", ["c1", "c2"])


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(items):
    # A new-style wrapper (pytest-randomly's kind): what it does after the others counts.
    result = yield
    items.sort(key=lambda item: "last" in item.name)
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # A wrapper changing the report (pytest-check's kind): the changed outcome is the test's.
    report = yield
    if report.when == "call" and report.passed and item.get_closest_marker("soft_fail"):
        report.outcome = "failed"
        report.longrepr = "soft failure recorded by a hook"
    if report.failed:
        # State on the module node (pytest-dependency's kind): shared by the module's tests.
        item.getparent(pytest.Module).earlier_failure = True
    return report


def pytest_runtest_setup(item):
    if item.get_closest_marker("needs_earlier") and getattr(item.getparent(pytest.Module), "earlier_failure", False):
        pytest.skip("an earlier test of this module failed")
