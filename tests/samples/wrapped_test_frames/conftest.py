import pytest


@pytest.fixture
def broken(request):
    # Calls into the test's own module, so the error's frames reach the test's file.
    return request.module.failing_helper()
