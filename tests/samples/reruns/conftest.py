import pytest

from attempts import attempt


@pytest.fixture(scope="module")
def module_resource():
    # Fails its first set-up: a rerun must set it up again rather than reuse the cached error.
    if attempt("module_resource") < 2:
        raise ConnectionError("not ready yet")
    return "ready"


@pytest.fixture
def flaky_teardown():
    yield
    if attempt("flaky_teardown") < 2:
        raise RuntimeError("teardown failed once")
