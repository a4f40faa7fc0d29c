import pytest
from eventlog import record


@pytest.fixture(scope="package")
def package_gen():
    record("setup pkg_b package_gen")
    yield
    record("teardown pkg_b package_gen")
