"""Skip, xfail and fail raised from fixtures, and conditions that read the config."""

import pytest


@pytest.fixture
def skipping_fixture():
    pytest.skip("fixture decided to skip")


@pytest.fixture
def xfailing_fixture():
    pytest.xfail("fixture decided to xfail")


@pytest.fixture
def failing_fixture():
    pytest.fail("fixture failed explicitly")


@pytest.fixture(scope="module")
def skipping_module_fixture():
    pytest.skip("module fixture skips every user")


def test_skip_from_fixture(skipping_fixture):
    raise AssertionError("must not run")


def test_xfail_from_fixture(xfailing_fixture):
    raise AssertionError("must not run")


def test_fail_from_fixture_is_an_error(failing_fixture):
    raise AssertionError("must not run")


def test_first_user_of_skipping_module_fixture(skipping_module_fixture):
    raise AssertionError("must not run")


def test_second_user_of_skipping_module_fixture(skipping_module_fixture):
    raise AssertionError("must not run")


@pytest.mark.skipif("config.getoption('verbose') > 100", reason="never that verbose")
def test_skipif_string_condition_can_read_config():
    pass


@pytest.mark.xfail(False, reason="condition false: runs normally")
def test_xfail_with_false_condition_fails_normally():
    assert False


@pytest.mark.xfail(True, reason="condition true")
def test_xfail_with_true_condition():
    assert False


@pytest.mark.skipif(False, reason="first condition false")
@pytest.mark.skipif(True, reason="second condition true")
def test_any_true_skipif_skips():
    raise AssertionError("must not run")


@pytest.mark.xfail(reason="xfail covers teardown errors too")
def test_xfail_also_covers_teardown_errors(request):
    request.addfinalizer(lambda: 1 / 0)
    assert False
