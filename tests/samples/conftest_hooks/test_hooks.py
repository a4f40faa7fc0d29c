import pytest


def test_fast():
    pass


@pytest.mark.slow
def test_slow_is_skipped_without_runslow():
    pass


@pytest.mark.slow
def test_slow_failure_only_shows_with_runslow():
    assert False


def test_runslow_option_is_readable(pytestconfig, request):
    assert pytestconfig.getoption("--runslow") == request.config.getoption("runslow")


def test_fixture_from_pytest_plugins_module(from_plugin):
    assert from_plugin == "plugin fixture"


def test_fixture_found_by_name_argument(renamed):
    assert renamed == "found by its name= argument"


def test_xfail_added_by_fixture_turns_failure_into_xfail(marks_test_as_xfail):
    assert False


def test_xfail_added_by_fixture_with_strict_fails_on_pass(marks_test_as_xfail):
    pass


def test_closest_marker_is_visible(request):
    assert request.node.get_closest_marker("slow") is None


@pytest.mark.slow
def test_marker_args_visible_through_request(request):
    assert request.node.get_closest_marker("slow").name == "slow"


def test_xfail_added_inside_the_test_body(request):
    request.node.add_marker(pytest.mark.xfail(reason="added by the test itself"))
    assert False
