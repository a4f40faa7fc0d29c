"""A second plain ``pytest_pyfunc_call``, not tryfirst: asked only when the conftest's answered None."""

from conftest import log


def pytest_pyfunc_call(pyfuncitem):
    log(f"{pyfuncitem.name} asked second")
