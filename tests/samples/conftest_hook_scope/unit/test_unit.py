import pytest


@pytest.mark.needs_service
def test_marked_but_not_under_integration():
    pass


def test_fails_outside():
    assert False


@pytest.mark.skipif("LEVEL == 'integration'", reason="must not be seen here")
def test_sees_the_root_namespace():
    pass


@pytest.mark.xfail("not SERVICE_UP", reason="root namespace", strict=True)
def test_xfails_on_the_root_namespace():
    assert False
