import sys


def test_sys_exit_in_a_test_is_a_failure():
    sys.exit(3)


def test_runs_after_sys_exit():
    pass


def test_second_failure():
    assert False


def test_third_failure():
    assert False
