import pytest


def test_runs_last_though_defined_first():
    pass


@pytest.fixture(params=["f1", "f2"])
def f(request):
    return request.param


@pytest.mark.parametrize("m", ["m1"])
def test_ids_follow_pytests_order(c, f, m):
    pass


@pytest.mark.soft_fail
def test_hook_fails_a_passing_test():
    pass


@pytest.mark.needs_earlier
def test_skipped_after_an_earlier_failure():
    pass
